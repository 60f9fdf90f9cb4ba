"""What each form of deadline phrase means: dates, months (their weeks and ten-day thirds) and quarters.

A builder gets the text, the match of its core pattern, the preposition on its left ("trước",
"trong", "chậm nhất", ...) and the year context, and returns what the phrase says, or None when the
match is no deadline. An impossible date or a missing year raises `Unreadable`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from extraction import deadline_patterns as p
from extraction.deadline_readings import (
    AT_DAY,
    DATING,
    LOOSE,
    WITHIN,
    Context,
    Found,
    K,
    Reading,
    Strength,
    Unreadable,
    left_match,
    make_date,
    month_end,
    rolled,
    written_year,
    year_of,
)
from extraction.deadline_readings import (
    prefix_at as prefix_at,  # re-exported: tests read prefixes through this module
)
from extraction.events import is_reference_date
from models.deadlines import DeadlineKind, month_window, quarter_window


def read_date(match: re.Match[str], ctx: Context, *, dated: bool = False) -> tuple[date, float] | None:
    """The date of a DATE match; None for a bare "10/4" (a fraction, a ratio) with no "ngày" or year,
    unless a preposition that only a date follows stands before it (`dated`: "trước 30/9")."""
    day, month, year = (match.group("d1"), match.group("m1"), written_year(match, ctx, "y1", "y2"))
    if day is None:
        day, month = (match.group("d2"), match.group("m2"))
    if year is None and match.group("ngay") is None and not dated:
        return None
    number, confidence = year_of(year, ctx)
    if not 1 <= int(month) <= 12:
        raise Unreadable(f"{day}/{month} has no month {int(month)}")
    found = rolled(make_date(number, int(month), int(day)), year, ctx)
    return found, confidence


def date_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    if is_reference_date(text, match.start(), match.end()):
        return None
    read = read_date(match, ctx, dated=prefix in DATING)
    if read is None:
        return None
    day, confidence = read
    if prefix == "từ":
        return _date_range(text, match, start, day, ctx)
    if prefix == "trước":
        if match.group("hour"):  # "trước 17 giờ ngày 20/3": that day still counts
            return Found(start, match.end(), Reading(K.on_date, day, confidence=confidence))
        day_before = day - timedelta(days=1)
        return Found(start, match.end(), Reading(K.before_date, day_before, confidence=confidence))
    if prefix in AT_DAY or prefix in WITHIN:
        return Found(start, match.end(), Reading(K.on_date, day, confidence=confidence))
    reading = Reading(K.on_date, day, confidence=confidence, strength=Strength.bare)
    return Found(match.start(), match.end(), reading)


def _date_range(text: str, match: re.Match[str], start: int, first: date, ctx: Context) -> Found | None:
    second = p.RANGE_END_RE.match(text, match.end())
    if second is None:
        return None
    read = read_date(second, ctx)
    if read is None:
        return None
    last, confidence = read
    if match.group("y1") is None and match.group("y2") is None:
        first = make_date(last.year, first.month, first.day)
    if first > last:
        return None
    return Found(start, second.end(), Reading(K.on_date, last, start=first, confidence=confidence))


def month_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    month = int(match.group("m"))
    if not 1 <= month <= 12:
        raise Unreadable(f"there is no month {month}")
    explicit = written_year(match, ctx, "y", "y2")
    year, confidence = year_of(explicit, ctx)
    first, last = month_window(year, month)
    if prefix == "từ" and (onward := p.ONWARD_RE.match(text, match.end())) is not None:
        return Found(start, onward.end(), Reading(K.ongoing, None, start=first, strength=Strength.positional))
    if prefix == "từ" or (prefix in RANGE_PREFIXES and _range_end(text, match.end()) is not None):
        return _month_range(text, match, start, first, ctx, confidence)
    reading = period_reading(prefix, first, last, K.month, confidence)
    if prefix in _PARTS:
        return _part_of_month(text, match, prefix, start, first, last, confidence)
    if prefix.endswith("tuần"):  # "trung tuần tháng 12": the middle ten days, 11–20
        third = TEN_DAYS[prefix.split()[-2]]
        due = last if third == 2 else first + timedelta(days=10 * third + 9)
        reading = Reading(K.month, due, start=first + timedelta(days=10 * third), confidence=confidence)
    elif "tuần" in prefix:
        reading = week_reading(prefix, first, last, confidence)
    return _found(match, prefix, start, reading)


# "đầu tháng 8", "giữa tháng 7": its first or middle ten days, as "thượng/trung tuần" (how sure: not very);
# "nửa đầu/cuối tháng 6": its days 1–15 and 16 to its end.
_PARTS = {"đầu": (0, 9, 0.5), "giữa": (10, 19, 0.5), "nửa đầu": (0, 14, 1.0), "nửa cuối": (15, 31, 1.0)}


def _part_of_month(text: str, match: re.Match[str], prefix: str, start: int, first: date, last: date,
                   confidence: float) -> Found:
    """A part of a month: a window of its days. After "vào"/"trong" ("vào đầu tháng 8/2025") it stands as
    "vào tháng 8/2025" would, only less surely; without them it needs a cue or to stand alone."""
    begin, end, sure = _PARTS[prefix]
    lead = left_match(p.PART_LEAD_RE, text, start)
    strength = Strength.bare if lead is None else Strength.positional
    reading = Reading(K.month, min(last, first + timedelta(days=end)), start=first + timedelta(days=begin),
                      confidence=round(confidence * sure, 2), strength=strength)
    return Found(start if lead is None else lead, match.end(), reading)


# "tuần thứ 2", "tuần đầu", "tuần cuối cùng": the week's number in its month (0: the last week).
WEEKS = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "nhất": 1, "một": 1, "đầu": 1, "hai": 2, "ba": 3, "tư": 4,
         "bốn": 4, "năm": 5, "cuối": 0}


def week_reading(prefix: str, first: date, last: date, confidence: float) -> Reading:
    """ "tuần thứ 2 tháng 5/2025": week n is the days 7(n-1)+1 … 7n of the month, "tuần cuối" its last seven
    days, due on the week's last day. Fixed days, like "thượng/trung/hạ tuần", rather than calendar weeks:
    those would make a month's first week a single day when it starts on a Sunday, and a plan's writer
    counts a month's weeks from its first day, not from Monday."""
    number = WEEKS[next(word for word in prefix.split() if word in WEEKS)]
    begin = last - timedelta(days=6) if number == 0 else first + timedelta(days=7 * (number - 1))
    if begin > last:
        raise Unreadable(f"{first:%m/%Y} has no week {number}")
    return Reading(K.month, min(last, begin + timedelta(days=6)), start=begin, confidence=confidence)


# "thượng tuần", "trung tuần", "hạ tuần": the first, middle and last ten days of a month.
TEN_DAYS = {"thượng": 0, "trung": 1, "hạ": 2}


def _month_range(text: str, match: re.Match[str], start: int, first: date, ctx: Context,
                 confidence: float) -> Found | None:
    second = _range_end(text, match.end())
    if second is None:
        return None
    month = int(second.group("m") or second.group("listed"))
    if not 1 <= month <= 12:
        raise Unreadable(f"there is no month {month}")
    explicit = second.group("y") or second.group("y2")
    year = int(explicit) if explicit else first.year
    if not (match.group("y") or match.group("y2")) and explicit:
        first = date(year, first.month, 1)
    last = month_end(year, month)
    if first > last:
        return None
    sure = 1.0 if explicit else confidence
    # A list without a preposition ("số liệu tháng 9 và tháng 10") may tell what a task is about.
    bare = second.re is p.MONTH_LIST_END_RE and start == match.start()
    strength = Strength.bare if bare else Strength.strong
    return Found(start, second.end(), Reading(K.month, last, start=first, confidence=sure, strength=strength))


def _range_end(text: str, end: int) -> re.Match[str] | None:
    """The last month of "tháng 3 đến tháng 5/2024" or of "tháng 9, 10/2024", read on from `end`."""
    return p.MONTH_RANGE_END_RE.match(text, end) or p.MONTH_LIST_END_RE.match(text, end)


def period_reading(prefix: str, first: date, last: date, kind: DeadlineKind, confidence: float) -> Reading:
    """A month or quarter after its preposition: "trong/vào" the window, "trước" the day before it,
    "cuối/hết/chậm nhất" its last day."""
    if prefix == "trước":
        return Reading(K.before_date, first - timedelta(days=1), confidence=confidence)
    if prefix in AT_DAY or prefix == "cuối":
        sure = confidence * (0.8 if prefix in LOOSE else 1.0)
        return Reading(K.on_date, last, confidence=sure)
    if prefix in WITHIN:
        return Reading(kind, last, start=first, confidence=confidence)
    return Reading(kind, last, start=first, confidence=confidence, strength=Strength.bare)


def _found(match: re.Match[str], prefix: str, start: int, reading: Reading) -> Found:
    keeps_prefix = bool(prefix) and prefix != "từ"
    return Found(start if keeps_prefix else match.start(), match.end(), reading)


def quarter_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    quarter = p.ROMAN.get(match.group("q")) or int(match.group("q"))
    explicit = written_year(match, ctx, "y", "y2")
    if prefix in RANGE_PREFIXES and not explicit:
        ranged = _quarter_range(text, match, quarter, ctx)
        if ranged is not None:
            return Found(start if prefix else match.start(), *ranged)
    year, confidence = year_of(explicit, ctx)
    first, last = quarter_window(year, quarter)
    reading = period_reading(prefix, first, last, K.quarter, confidence)
    if prefix.endswith("tuần") or prefix.startswith("nửa"):
        return None  # "trung tuần quý IV", "nửa đầu quý II": a quarter has no ten-day thirds, no named halves
    if "tuần" in prefix:  # "tuần đầu quý IV": counted from the quarter's first day, as a month's weeks are
        reading = week_reading(prefix, first, last, round(confidence * 0.8, 2))
    elif prefix in ("đầu", "giữa"):  # its first (middle) month; after "vào"/"trong" as a month's part is
        lead = left_match(p.PART_LEAD_RE, text, start)
        month = first.month + (prefix == "giữa")
        reading = Reading(K.month, month_end(year, month), start=date(year, month, 1), confidence=0.5,
                          strength=Strength.bare if lead is None else Strength.positional)
        start = start if lead is None else lead
    return _found(match, "" if prefix == "từ" else prefix, start, reading)


# Prepositions after which "tháng 10-12" and "quý II-III" read as one window.
RANGE_PREFIXES = frozenset({"", "từ"}) | WITHIN


def _quarter_range(text: str, match: re.Match[str], quarter: int, ctx: Context) -> tuple[int, Reading] | None:
    """(end, reading) of "quý II-III/2025" and its like: the window from the first quarter's start to the
    last one's end."""
    end, last_quarter, last = match.end(), quarter, None
    while (further := p.QUARTER_RANGE_END_RE.match(text, end)) is not None:
        numeral = further.group("q") or further.group("roman")
        last_quarter, end, last = p.ROMAN.get(numeral) or int(numeral), further.end(), further
        if further.group("y") or further.group("y2"):
            break
    if last is None or last_quarter <= quarter:
        return None
    year, confidence = year_of(last.group("y") or last.group("y2"), ctx)
    first_day, last_day = quarter_window(year, quarter)[0], quarter_window(year, last_quarter)[1]
    return end, Reading(K.quarter, last_day, start=first_day, confidence=confidence)
