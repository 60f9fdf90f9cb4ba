"""The vocabulary that every deadline form shares: what a reading is, the prepositions on a phrase's left and
the year context (split from `deadline_forms`, which re-exports it)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import NamedTuple

from extraction import deadline_patterns as p
from models.deadlines import DeadlineKind, Recurrence

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
