"""What school periods mean as deadlines: "Học kỳ II năm học 2025-2026", "hết học kỳ 2", "cuối năm học
2024-2025", "đầu năm học".

The convention: a school year runs from 1 September to 31 May, as the Ministry of Education's yearly time
frame ("khung kế hoạch thời gian năm học") ends it "trước ngày 31/5". The same frame ends term I in
mid-January on a day that moves from year to year (18-20 January), so term I is taken to end on 15 January,
and term II to run from 16 January to 31 May. A period written without its years is the first one not over
when the document was issued (and is not read without an issue date).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from extraction import deadline_patterns as p
from extraction.deadline_forms import period_reading
from extraction.deadline_readings import (
    AT_DAY,
    WITHIN,
    Context,
    Found,
    K,
    Reading,
    Strength,
    left_match,
    month_end,
)
from models.deadlines import DeadlineKind

_TERMS = {"i": 1, "1": 1, "một": 1, "ii": 2, "2": 2, "hai": 2}
TERM_I_END = (1, 15)
SCHOOL_YEAR_END = (5, 31)
_SURE = {1: 0.7, 2: 0.8}  # the end of term I is the less certain
_UNWRITTEN = 0.6  # the years taken from the document's date
# Prepositions that give the school period's reading as a month's or quarter's would.
_READ = WITHIN | AT_DAY | {"", "trước", "cuối", "đầu"}


def school_year_window(first_year: int) -> tuple[date, date]:
    return date(first_year, 9, 1), date(first_year + 1, *SCHOOL_YEAR_END)


def term_window(first_year: int, term: int) -> tuple[date, date]:
    start, end = school_year_window(first_year)
    term_i_end = date(first_year + 1, *TERM_I_END)
    return (start, term_i_end) if term == 1 else (term_i_end + timedelta(days=1), end)


def school_reading(
    prefix: str, first: date, last: date, kind: DeadlineKind, confidence: float
) -> Reading | None:
    """A school period after its preposition, as a month's window: "đầu" its first month, "cuối"/"hết" its
    last day, "trước" the day before it; "từ" (since), "giữa" and weeks read nothing."""
    if prefix not in _READ:
        return None
    if prefix == "đầu":
        return Reading(K.month, month_end(first.year, first.month), start=first, confidence=0.5,
                       strength=Strength.bare)
    return period_reading(prefix, first, last, kind, confidence)


def _found(match: re.Match[str], prefix: str, start: int, reading: Reading) -> Found:
    return Found(start if prefix else match.start(), match.end(), reading)


def _unwritten(reading: Reading | None) -> Reading | None:
    """A period whose years the phrase does not write: "trong năm học", like "trong năm", only where a cue or
    nothing else stands ("các hoạt động trong năm học" tells when things happen, not a deadline)."""
    if reading is None or reading.kind is K.on_date or reading.kind is K.before_date:
        return reading
    return replace(reading, strength=Strength.bare)


def term_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    """ "Học kỳ II năm học 2025-2026": 16 January to 31 May 2026, half of the school year."""
    term = _TERMS[match.group("term")]
    if match.group("y1"):
        first_year = int(match.group("y1"))
        if int(match.group("y2")) != first_year + 1:
            return None
        confidence = _SURE[term]
    elif ctx.issued is not None:
        first_year = ctx.issued.year - 1
        if term_window(first_year, term)[1] < ctx.issued:
            first_year += 1
        confidence = _UNWRITTEN
    else:
        return None
    reading = school_reading(prefix, *term_window(first_year, term), K.half_year, confidence)
    if not match.group("y1"):
        reading = _unwritten(reading)
    return None if reading is None else _found(match, prefix, start, reading)


def school_year_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    """ "cuối năm học", "trong năm học này": the school year of the document's date; only after a preposition,
    since "năm học" alone is as often a noun ("tổng kết năm học")."""
    if not prefix or ctx.issued is None:
        return None
    first_year = ctx.issued.year - 1
    if school_year_window(first_year)[1] < ctx.issued:
        first_year += 1
    reading = _unwritten(school_reading(prefix, *school_year_window(first_year), K.year, _UNWRITTEN))
    return None if reading is None else _found(match, prefix, start, reading)


def school_years_form(text: str, match: re.Match[str], lead: int, prefix: str, start: int) -> Found | None:
    """ "năm học 2025-2026" (`lead`: where "năm học" starts): the school year's window; "cuối năm học
    2024-2025", "đầu năm học 2024-2025" as the other periods read after those prepositions."""
    first_year, last_year = int(match.group("y1")), int(match.group("y2"))
    if last_year != first_year + 1 or left_match(p.TERM_LEFT_RE, text, lead) is not None:
        return None  # "học kỳ I năm học 2025-2026" is a term (TERM_RE)
    first, last = school_year_window(first_year)
    if prefix in ("", "từ") or prefix in WITHIN:
        window = Reading(K.year, last, start=first, confidence=0.8, strength=Strength.bare)
        return Found(lead if not prefix else start, match.end(), window)
    reading = school_reading(prefix, first, last, K.year, 0.8)
    return None if reading is None else Found(start, match.end(), reading)
