"""Deadlines: the phrase as written, its window and due date, and the due date in force."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ModelWrapValidatorHandler, model_validator

from models.workdays import add_working_days, is_working_day, next_working_day_on_or_after


class DeadlineKind(StrEnum):
    before_date = "before_date"
    on_date = "on_date"
    month = "month"
    quarter = "quarter"
    half_year = "half_year"
    year = "year"
    year_end = "year_end"
    season = "season"
    before_year = "before_year"
    by_year = "by_year"
    working_days = "working_days"
    recurring = "recurring"
    ongoing = "ongoing"


# Kinds whose phrase names a window [start, due] rather than a single last day.
WINDOW_KINDS = frozenset(
    {DeadlineKind.month, DeadlineKind.quarter, DeadlineKind.half_year, DeadlineKind.year,
     DeadlineKind.year_end, DeadlineKind.season}
)


class Frequency(StrEnum):
    weekly = "weekly"
    monthly = "monthly"
    quarterly = "quarterly"
    half_yearly = "half_yearly"
    yearly = "yearly"


class Recurrence(BaseModel):
    """A repeating deadline: "định kỳ 6 tháng", "trước ngày 20 hằng tháng", "hằng năm"."""

    model_config = ConfigDict(frozen=True)

    frequency: Frequency
    # Day of the period on which each occurrence is due (None: the period's last day); of a week, its day
    # (1: Monday … 7: Sunday; None: Friday, the working week's last).
    day: int | None = Field(default=None, ge=1, le=31)
    # "trước ngày 20": the occurrence is due the day before `day`.
    strictly_before: bool = False
    # Month of the period in which `day` falls, counted from the period's first month (1: "tháng đầu quý";
    # for a yearly rule, the month of the year: "ngày 15/01 hằng năm"); None: the period's last month.
    month: int | None = Field(default=None, ge=1, le=12)
    # "thứ Sáu cuối cùng của tháng", "ngày làm việc đầu tiên của quý": the `nth` (-1: the last) `weekday`
    # (1: Monday … 7: Sunday) of each period, or its nth working day when no weekday is given; `day` is then
    # None. Counted over the whole period, not in `month`.
    nth: int | None = Field(default=None, ge=-1, le=5)
    weekday: int | None = Field(default=None, ge=1, le=7)
    # "tháng 3 và tháng 12 hằng năm": further months of a yearly rule, each with its own occurrence.
    also_months: tuple[int, ...] = ()

    @model_validator(mode="after")
    def _month_in_period(self) -> Recurrence:
        months = 0 if self.frequency is Frequency.weekly else _PERIOD_MONTHS[self.frequency]
        if self.month is not None and self.month > months:
            raise ValueError(f"a {self.frequency.value} period has no month {self.month}")
        if not months and self.day is not None and self.day > 7:
            raise ValueError(f"a week has no day {self.day}")
        if self.nth == 0 or (self.weekday is not None and self.nth is None):
            raise ValueError("a weekday of a period needs its place in it: 1 … 5, or -1 for the last")
        if self.nth is not None and (not months or self.day is not None):
            raise ValueError("the nth weekday or working day is of a month, quarter, half-year or year")
        if self.also_months and (self.frequency is not Frequency.yearly or self.nth is not None
                                 or any(not 1 <= month <= 12 for month in self.also_months)):
            raise ValueError("further months are months of a yearly rule's year")
        return self


class Deadline(BaseModel):
    """A deadline as written and as in force.

    `due` is the last local day on which completion still counts as on time, as the phrase says;
    `effective_due` follows the Civil Code: a last day on a weekend or public holiday moves to the
    next working day.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    kind: DeadlineKind
    start: date | None = None
    due: date | None = None
    effective_due: date | None = None
    tentative: bool = False
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    recurrence: Recurrence | None = None
    # "trong 10 ngày làm việc": the count, kept when the day it runs from is not known yet (no due).
    working_days: int | None = Field(default=None, ge=0)

    @model_validator(mode="wrap")
    @classmethod
    def _checked(cls, data: Any, handler: ModelWrapValidatorHandler[Deadline]) -> Deadline:
        # A deadline given as one (to a Task, an Assignment, a match) was checked when it was made; an
        # "after" check would run again for each model that holds it, thousands of times in a long plan.
        if isinstance(data, Deadline):
            return data
        return handler(data)._check()

    def _check(self) -> Deadline:
        if self.kind is DeadlineKind.ongoing:
            if self.due is not None:
                raise ValueError("an ongoing deadline ('Thường xuyên') has no due date")
        elif self.due is None and not self._counts_from_unknown_day():
            raise ValueError(f"a {self.kind.value} deadline needs a due date")
        if self.kind is DeadlineKind.recurring and self.recurrence is None:
            raise ValueError("a recurring deadline needs a recurrence")
        if self.start is not None and self.due is not None and self.start > self.due:
            raise ValueError(f"the window starts ({self.start}) after it ends ({self.due})")
        if self.due is not None and self.effective_due is None:
            object.__setattr__(self, "effective_due", effective_due(self.due))
        return self

    def _counts_from_unknown_day(self) -> bool:
        return self.kind is DeadlineKind.working_days and self.working_days is not None

    def moved_to(self, text: str, due: date, *, kind: DeadlineKind = DeadlineKind.on_date) -> Deadline:
        """The same deadline extended to a new last day (gia hạn)."""
        return Deadline(text=text, kind=kind, due=due, tentative=self.tentative)


def effective_due(due: date) -> date:
    """The last day in force (Bộ luật Dân sự 2015, Điều 148): a non-working last day moves forward."""
    return next_working_day_on_or_after(due)


def month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def quarter_window(year: int, quarter: int) -> tuple[date, date]:
    if not 1 <= quarter <= 4:
        raise ValueError(f"there is no quarter {quarter}")
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), month_window(year, first + 2)[1]


def half_year_window(year: int, half: int) -> tuple[date, date]:
    if half not in (1, 2):
        raise ValueError(f"there is no half-year {half}")
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))


def year_window(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def working_days_due(start: date, count: int) -> date:
    """Last day of "trong N ngày làm việc kể từ <start>": start is day 0."""
    return add_working_days(start, count)


_PERIOD_MONTHS = {
    Frequency.monthly: 1, Frequency.quarterly: 3, Frequency.half_yearly: 6, Frequency.yearly: 12
}


def occurrences(deadline: Deadline, until: date) -> list[date]:
    """Due dates (as written) of a deadline up to `until`; a recurring one has one per calendar period.

    Periods are calendar-aligned (months, quarters, halves, years); `day` falls in the period's
    `month` (its last month when None). Occurrences start at the deadline's `start` (or its first `due`).
    """
    return list(_occurrences(deadline, until))


@lru_cache(maxsize=1024)
def _occurrences(deadline: Deadline, until: date) -> tuple[date, ...]:
    # Cached: every member of a group shares its task's recurring deadline, and a sweep walks it for each.
    return tuple(_walk(deadline, until))


def _walk(deadline: Deadline, until: date) -> list[date]:
    rule = deadline.recurrence
    if deadline.due is None:
        return []
    if rule is None:
        return [deadline.due] if deadline.due <= until else []
    first = deadline.start or deadline.due
    if rule.frequency is Frequency.weekly:
        return [deadline.due + timedelta(days=7 * n) for n in range((until - deadline.due).days // 7 + 1)]
    step = _PERIOD_MONTHS[rule.frequency]
    # Months counted from year 0, so that periods are aligned to the calendar.
    period = (first.year * 12 + first.month - 1) // step * step
    found: list[date] = []
    while True:
        days = sorted(_days_of_period(rule, period, step))
        if days[0] > until:
            return found
        found.extend(day for day in days if first <= day <= until)
        period += step


def _days_of_period(rule: Recurrence, period: int, step: int) -> list[date]:
    """The due days of the period that starts `period` months after year 0 and lasts `step` months."""
    if rule.nth is not None:
        year, month = divmod(period, 12)
        end_year, end_month = divmod(period + step - 1, 12)
        return [_nth_day(date(year, month + 1, 1), month_window(end_year, end_month + 1)[1], rule)]
    days = []
    for of_period in (rule.month or step, *rule.also_months):
        year, month = divmod(period + of_period - 1, 12)
        last = calendar.monthrange(year, month + 1)[1]
        day = date(year, month + 1, min(rule.day or last, last))
        if rule.day is not None and rule.strictly_before:
            day -= timedelta(days=1)
        days.append(day)
    return days


def _nth_day(first: date, last: date, rule: Recurrence) -> date:
    assert rule.nth is not None
    return nth_day(first, last, rule.nth, rule.weekday)


def nth_day(first: date, last: date, nth: int, weekday: int | None) -> date:
    """The nth (-1: the last) `weekday` (1: Monday) of [first, last], or its nth working day when `weekday`
    is None. A fifth that the period lacks is its last day, as "tuần thứ 5" ends with its month."""
    step = timedelta(days=1 if nth > 0 else -1)
    day, seen = (first if nth > 0 else last), 0
    while first <= day <= last:
        if (day.isoweekday() == weekday) if weekday else is_working_day(day):
            seen += 1
            if seen == abs(nth):
                return day
        day += step
    return last
