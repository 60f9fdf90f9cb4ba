"""What each form of deadline phrase means: dates, months (their weeks and ten-day thirds) and quarters.

A builder gets the text, the match of its core pattern, the preposition on its left ("trước",
"trong", "chậm nhất", ...) and the year context, and returns what the phrase says, or None when the
match is no deadline. An impossible date or a missing year raises `Unreadable`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum
from typing import NamedTuple

from extraction import deadline_patterns as p
from extraction.events import is_reference_date
from models.deadlines import DeadlineKind, Recurrence, month_window, quarter_window

K = DeadlineKind
LEFT = 60  # how far left a lead word ("dịp", "giai đoạn", "ngày") is looked for
PREFIX_LEFT = 28  # the longest preposition, "trước hoặc trong ", with room for spaces


class Strength(IntEnum):
    """How much a phrase needs around it to count as a deadline."""

    bare = 0  # a cue ("Thời gian:", "Hoàn thành", "Dự kiến") or nothing else in the text: "Quý IV/2026"
    positional = 1  # also at a clause's start or a sentence's end: "trong năm 2025."
    strong = 2  # wherever it stands: "trước ngày 10/4/2024", "chậm nhất năm 2026"


# Years a plan can speak of; outside them date arithmetic would only produce nonsense (or overflow).
YEARS = range(1800, 2300)


class Context(NamedTuple):
    year: int | None
    issued: date | None

    @classmethod
    def of(cls, year: int | None, issued: date | None) -> Context:
        """The year context, without years no plan speaks of."""
        return cls(year if year in YEARS else None, issued if issued and issued.year in YEARS else None)


class Unreadable(Exception):
    """The phrase is a deadline form but cannot be read: an impossible date, or no year to give it."""


@dataclass(frozen=True)
class Reading:
    kind: DeadlineKind
    due: date | None
    start: date | None = None
    confidence: float = 1.0
    strength: Strength = Strength.strong
    recurrence: Recurrence | None = None
    working_days: int | None = None
    # "đến năm 2030" is a target, unless it is part of a title ("..., tầm nhìn đến năm 2045").
    title_sensitive: bool = False


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    reading: Reading


# "đến tháng 6/2024" most likely means by its end, but less surely than "chậm nhất".
LOOSE = frozenset({"đến", "tới", "trong vòng", "trong thời hạn", "không quá"})
AT_DAY = LOOSE | {
    "chậm nhất", "chậm nhất là", "chậm nhất vào", "muộn nhất", "muộn nhất là", "muộn nhất vào",
    "hạn chót", "hạn chót là", "hạn cuối", "hạn cuối là", "đến hết", "tới hết", "hết",
    "trước hoặc trong", "trước hoặc vào",
}
WITHIN = frozenset({"trong", "vào", "ngay trong", "chậm nhất trong", "muộn nhất trong"})
# Prepositions after which "30/9" is a day, never a fraction ("không quá 1/3" is one).
DATING = (AT_DAY - LOOSE) | {"trước"}


def prefix_words(prefix: str) -> str:
    return " ".join(prefix.lower().replace(":", " ").split())


def prefix_at(lower: str, position: int) -> tuple[str, int]:
    """The preposition right before `position` ("trước", "chậm nhất là", ...) and where it starts."""
    left = lower[max(0, position - PREFIX_LEFT):position]
    found = p.PREFIX_RE.search(left)
    if found is None:
        return "", position
    return prefix_words(found.group("prefix")), position - (len(left) - found.start("prefix"))


def left_match(pattern: re.Pattern[str], lower: str, position: int) -> int | None:
    """Where `pattern`, anchored at `position`, starts on the left of it (None: it is not there)."""
    left = lower[max(0, position - LEFT):position]
    found = pattern.search(left)
    return None if found is None else position - (len(left) - found.start())


def year_of(explicit: str | None, ctx: Context) -> tuple[int, float]:
    """The year written in the phrase, else the plan's, else the year of issue; and how sure that is."""
    if explicit:
        return int(explicit), 1.0
    if ctx.year is not None:
        return ctx.year, 0.9
    if ctx.issued is not None:
        return ctx.issued.year, 0.9
    raise Unreadable("the phrase has no year and none is known from the document; give the plan's year")


def written_year(match: re.Match[str], ctx: Context, first: str, second: str) -> str | None:
    """The year the phrase writes (in group `first` or `second`); "năm sau" is the plan's year plus one."""
    year = match.group(first) or match.group(second)
    if year or not match.group("next_year"):
        return year
    return str(year_of(None, ctx)[0] + 1)


def make_date(year: int, month: int, day: int) -> date:
    if year not in YEARS:
        span = f"{YEARS.start}-{YEARS.stop - 1}"
        raise Unreadable(f"{day}/{month}/{year} is outside the years {span} that plans speak of")
    try:
        return date(year, month, day)
    except ValueError:
        raise Unreadable(f"{day}/{month}/{year} is not a date") from None


def rolled(day: date, explicit: str | None, ctx: Context) -> date:
    """A day-and-month without a year, in a document issued later that year, means next year."""
    if explicit or ctx.year is not None or ctx.issued is None or day >= ctx.issued:
        return day
    return make_date(day.year + 1, day.month, day.day)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


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
    if prefix == "từ" or (prefix in RANGE_PREFIXES and p.MONTH_RANGE_END_RE.match(text, match.end())):
        return _month_range(text, match, start, first, ctx, confidence)
    reading = _period_reading(prefix, first, last, K.month, confidence)
    if prefix == "đầu":
        reading = Reading(K.month, first + timedelta(days=9), start=first, confidence=0.5,
                          strength=Strength.bare)
    elif prefix == "giữa":
        reading = Reading(K.on_date, first + timedelta(days=14), confidence=0.5, strength=Strength.bare)
    elif prefix.endswith("tuần"):  # "trung tuần tháng 12": the middle ten days, 11–20
        third = TEN_DAYS[prefix.split()[-2]]
        due = last if third == 2 else first + timedelta(days=10 * third + 9)
        reading = Reading(K.month, due, start=first + timedelta(days=10 * third), confidence=confidence)
    elif "tuần" in prefix:
        reading = week_reading(prefix, first, last, confidence)
    return _found(match, prefix, start, reading)


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
    second = p.MONTH_RANGE_END_RE.match(text, match.end())
    if second is None:
        return None
    month = int(second.group("m"))
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
    return Found(start, second.end(), Reading(K.month, last, start=first, confidence=sure))


def _period_reading(prefix: str, first: date, last: date, kind: DeadlineKind, confidence: float) -> Reading:
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
    if "tuần" in prefix:
        return None  # "tuần đầu quý IV": no week of a quarter is a convention
    quarter = p.ROMAN.get(match.group("q")) or int(match.group("q"))
    explicit = written_year(match, ctx, "y", "y2")
    if prefix in RANGE_PREFIXES and not explicit:
        ranged = _quarter_range(text, match, quarter, ctx)
        if ranged is not None:
            return Found(start if prefix else match.start(), *ranged)
    year, confidence = year_of(explicit, ctx)
    first, last = quarter_window(year, quarter)
    reading = _period_reading(prefix, first, last, K.quarter, confidence)
    if prefix == "đầu":
        reading = Reading(K.month, month_end(year, first.month), start=first, confidence=0.5,
                          strength=Strength.bare)
    return _found(match, "" if prefix in ("từ", "giữa") else prefix, start, reading)


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
