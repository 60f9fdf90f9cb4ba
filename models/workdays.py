"""Vietnam's working-day calendar: weekends, public holidays (Tết included), days off in lieu."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache, partial
from pathlib import Path

import holidays

# Saturdays and Sundays; a weekend day the Government swaps into a working day is in `_swapped_workdays`.
_WEEKEND = frozenset({5, 6})


_VIETNAM_MODULE = "holidays.countries.vietnam"


@lru_cache(maxsize=64)
def _calendar(year: int) -> holidays.HolidayBase:
    return _vietnam()(years=[year - 1, year, year + 1], language="vi")


@lru_cache(maxsize=1)
def _vietnam() -> Callable[..., holidays.HolidayBase]:
    """The holidays package's calendar of Vietnam. `holidays.country_holidays` first imports the package
    of every country (some 250 modules, half the instructions of extracting the five seed plans, paid by
    each process that reads one dated deadline); Vietnam's own module, loaded from its file, needs none."""
    loaded = sys.modules.get(_VIETNAM_MODULE)
    path = Path(holidays.__file__).parent / "countries" / "vietnam.py"
    if loaded is None and path.is_file():
        spec = importlib.util.spec_from_file_location(f"{__name__}._vietnam", path)
        if spec is not None and spec.loader is not None:
            loaded = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(loaded)
    vietnam = getattr(loaded, "Vietnam", None)
    return vietnam if vietnam is not None else partial(holidays.country_holidays, "VN")  # laid out otherwise


def _swapped_workdays(year: int) -> frozenset[date]:
    return frozenset(getattr(_calendar(year), "weekend_workdays", set()))


def holiday_name(day: date) -> str | None:
    """The public holiday on `day`, by its Vietnamese name, or None."""
    name = _calendar(day.year).get(day)
    return str(name) if name else None


@lru_cache(maxsize=8192)
def is_working_day(day: date) -> bool:
    # Cached: the holidays package's lookup dominates status evaluation and feed builds otherwise.
    if day in _swapped_workdays(day.year):
        return True
    if day.weekday() in _WEEKEND:
        return False
    return holiday_name(day) is None


def next_working_day_on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, count: int) -> date:
    """The date `count` working days after `start` (negative counts go back); `start` itself is day 0."""
    step = 1 if count >= 0 else -1
    day, left = start, abs(count)
    while left:
        day += timedelta(days=step)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for n in range(1, (end - start).days + 1) if is_working_day(start + timedelta(days=n)))


TET = "Tết Nguyên Đán"  # the holidays package's Vietnamese name of the lunar new year's first day


def lunar_new_year(year: int) -> date | None:
    """The first day of the lunar year that starts in `year` (January or February), or None if the
    holidays package does not know that year."""
    return next((d for d, name in _calendar(year).items() if d.year == year and name == TET), None)
