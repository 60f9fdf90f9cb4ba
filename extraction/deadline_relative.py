"""Periods named from where the document stands: "trong tháng này", "trong tuần này", "trong quý này" (the
period holding the document's date); "quý đầu năm", "9 tháng đầu năm" (months of the plan's year)."""

from __future__ import annotations

import re
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
    prefix_at,
    year_of,
)
from models.deadlines import month_window, quarter_window

# Less sure than a written period: the document's date may be its signing, not its sending, and a plan
# may quote "trong tháng này" from an earlier one.
_FROM_ISSUE = 0.6
_READ = WITHIN | AT_DAY | {"cuối"}


def _window(period: str, issued: date) -> tuple[date, date]:
    """The month, quarter or week holding `issued`; a week runs Monday to its Friday, as a weekly report's."""
    if period == "tháng":
        return month_window(issued.year, issued.month)
    if period == "quý":
        return quarter_window(issued.year, (issued.month - 1) // 3 + 1)
    monday = issued - timedelta(days=issued.weekday())
    return monday, monday + timedelta(days=4)


def this_period_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    """ "hoàn thành trong tháng này": the month of the document's date; only after "trong", "cuối", "chậm
    nhất" and the like, and where a cue or nothing else stands ("trong tháng này, đơn vị đã ..." is news)."""
    if ctx.issued is None or prefix not in _READ:
        return None
    first, last = _window(match.group("period"), ctx.issued)
    if match.group("period") == "tuần" and prefix == "cuối":
        return None  # "cuối tuần này" is a weekend, not a working day
    reading = period_reading(prefix, first, last, K.month if match.group("period") != "quý" else K.quarter,
                             _FROM_ISSUE)
    return Found(start, match.end(), _bare(reading))


def _bare(reading: Reading) -> Reading:
    """A window ("trong tháng này") only with a cue or alone; its last day ("cuối tháng này") also at a
    clause's start or a sentence's end."""
    strength = Strength.bare if reading.start is not None else Strength.positional
    return Reading(reading.kind, reading.due, start=reading.start, confidence=reading.confidence,
                   strength=strength)


def period_of_year_form(
    text: str, match: re.Match[str], prefix: str, start: int, ctx: Context
) -> Found | None:
    """ "quý đầu năm", "tháng cuối năm 2024": the first or last quarter (month) of the plan's year; "9 tháng
    đầu năm", "3 tháng cuối năm": that many months from the year's start (to its end)."""
    year, confidence = year_of(match.group("y"), ctx)
    months = 3 if match.group("period") == "quý" else 1
    begin = match.start()
    counted = left_match(p.MONTH_COUNT_LEFT_RE, text, begin) if months == 1 else None
    if counted is not None:
        months = _COUNTS.get(text[counted:begin].split()[0], 0)
        if not 0 < months < 12 or months == 6:
            return None  # "12 tháng đầu năm"; "6 tháng đầu năm" is a half-year (HALF_YEAR_RE)
        begin = counted
        prefix, start = prefix_at(text, begin)
    if prefix == "từ":
        return None  # "từ quý đầu năm" tells since when
    first_month = 13 - months if match.group("which") == "cuối" else 1
    first, last = month_window(year, first_month)[0], month_window(year, first_month + months - 1)[1]
    kind = K.quarter if months == 3 else K.month
    keeps_prefix = prefix in _READ or prefix == "trước"
    reading = period_reading(prefix if keeps_prefix else "", first, last, kind, round(confidence * 0.9, 2))
    return Found(start if keeps_prefix else begin, match.end(), reading)


_COUNTS = {str(n): n for n in range(1, 13)} | {f"0{n}": n for n in range(1, 10)} | {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
