"""What recurring deadline phrases mean: "định kỳ 6 tháng", "trước ngày 20 hằng tháng", "trước ngày 15/01 hằng
năm", "trước ngày 10 của tháng đầu quý sau"."""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta

from extraction import deadline_patterns as p
from extraction.deadline_readings import (
    LEFT,
    WITHIN,
    Context,
    Found,
    K,
    Reading,
    Strength,
    prefix_at,
    prefix_words,
    year_of,
)
from extraction.deadline_weekly import weekday_of
from models.deadlines import Deadline, Frequency, Recurrence, occurrences

_FREQUENCIES = {"tuần": Frequency.weekly, "tháng": Frequency.monthly, "quý": Frequency.quarterly,
                "năm": Frequency.yearly}
_MONTHS_TO_FREQUENCY = {"1": Frequency.monthly, "3": Frequency.quarterly, "ba": Frequency.quarterly,
                        "6": Frequency.half_yearly, "sáu": Frequency.half_yearly, "12": Frequency.yearly}

def recurring_day_form(
    text: str, match: re.Match[str], prefix: str, start: int, ctx: Context
) -> Found | None:
    frequency, of_period = _day_period(match)
    day = int(match.group("day"))
    month = match.group("month") or match.group("month2")
    if not 1 <= day <= 31 or frequency is Frequency.weekly:
        return None
    if month is not None:
        if frequency is not Frequency.yearly or not 1 <= int(month) <= 12:
            return None  # "ngày 15/6 hằng tháng" says two things
        of_period = int(month)
        second = (int(match.group("day2")), int(match.group("month3"))) if match.group("day2") else None
        half_yearly = _half_yearly_day(day, of_period, second)
        if half_yearly is not None:
            frequency, day, of_period = Frequency.half_yearly, half_yearly, (of_period - 1) % 6 + 1
    rule = Recurrence(frequency=frequency, day=day, strictly_before=prefix == "trước", month=of_period)
    reading = recurring_reading(rule, ctx, 0.8 if match.group("next") else 0.9, Strength.strong)
    keeps_prefix = prefix in ("trước", "vào", "chậm nhất", "chậm nhất vào", "trước hoặc trong")
    return Found(start if keeps_prefix else match.start(), match.end(), reading)


def _half_yearly_day(day: int, month: int, second: tuple[int, int] | None) -> int | None:
    """ "15/6 và 15/12", "30/6 và 31/12": the day of each half-year, when the second day is six months after
    the first and the same day or, like it, its month's last (31: each month's last). None for another pair,
    which no rule of one period states (the first day is kept, yearly)."""
    if second is None or not 1 <= second[1] <= 12 or (second[1] - month) % 12 != 6:
        return None
    if second[0] == day:
        return day
    return 31 if _month_end(day, month) and _month_end(*second) else None


def _month_end(day: int, month: int) -> bool:
    return day >= (28 if month == 2 else calendar.monthrange(2025, month)[1])  # any common year


# "tháng đầu quý", "tháng thứ hai của quý", "tháng cuối quý": the month of every quarter.
_MONTH_OF_QUARTER = {"đầu": 1, "giữa": 2, "hai": 2, "2": 2, "cuối": 3, "ba": 3, "3": 3}


def _day_period(match: re.Match[str]) -> tuple[Frequency, int | None]:
    """The period a day recurs in and its month in that period (None: its last month)."""
    if match.group("nth"):
        return Frequency.quarterly, _MONTH_OF_QUARTER[match.group("nth").split()[-1]]
    if match.group("next"):  # "trước ngày 05 tháng sau": each month's report, in the month after it
        return Frequency.monthly, None
    return _FREQUENCIES[match.group("period")], None


_PERIOD_MONTHS = {
    Frequency.monthly: 1, Frequency.quarterly: 3, Frequency.half_yearly: 6, Frequency.yearly: 12
}


def _month_of_period(frequency: Frequency, written: str | None) -> int | None:
    """ "định kỳ 6 tháng, trước ngày 15/6": the month a day falls in, counted in its period (6 in each half);
    0 when there is none: a weekly period, a month of no calendar, or a month in a monthly one."""
    months = _PERIOD_MONTHS.get(frequency, 0)
    if written is None:
        return None if months else 0
    month = int(written)
    return (month - 1) % months + 1 if months > 1 and 1 <= month <= 12 else 0


def recurring_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    frequency = _frequency_of(match)
    if frequency is None:
        return None
    bare = match.group("bare") is not None
    day = int(match.group("day")) if match.group("day") else None
    of_period = _month_of_period(frequency, match.group("month"))
    if day is not None and (not 1 <= day <= 31 or of_period == 0):
        return None
    if day is None and (stated := _with_day_rule(text, match, ctx)) is not None:
        return stated
    if day is None and frequency is not Frequency.weekly and (later := _day_later(text, match, ctx)):
        return later
    if frequency is Frequency.weekly and (weekly := _on_weekday(text, match, ctx)) is not None:
        return weekly
    if bare and frequency is Frequency.yearly and (named := _named_month_of_year(text, match, ctx)):
        return named
    rule = Recurrence(frequency=frequency, day=day, strictly_before=match.group("before") == "trước",
                      month=of_period or None)
    strength = Strength.positional if bare else Strength.strong
    reading = recurring_reading(rule, ctx, 0.7 if bare else 0.9, strength)
    return Found(match.start(), match.end(), reading)


def _on_weekday(text: str, match: re.Match[str], ctx: Context) -> Found | None:
    """ "thứ Sáu hằng tuần", "định kỳ hằng tuần (chiều thứ Sáu)": due on that day of each week."""
    named = weekday_of(text, match.start(), match.end())
    if named is None:
        return None
    rule = Recurrence(frequency=Frequency.weekly, day=named.day, strictly_before=named.strictly_before)
    return Found(named.start, named.end, recurring_reading(rule, ctx, 0.9, Strength.strong))


def _named_month_of_year(text: str, match: re.Match[str], ctx: Context) -> Found | None:
    """ "(vào) tháng 12 hằng năm", "quý I hằng năm": due on the last day of that month (quarter), yearly."""
    named = _named_months(text, match.start())
    if named is None:
        return None
    rule, begin = named
    prefix, start = prefix_at(text, begin)
    reading = recurring_reading(rule, ctx, 0.8, Strength.positional)
    return Found(start if prefix in WITHIN else begin, match.end(), reading)


def yearly_from_form(text: str, match: re.Match[str], year: int) -> Found | None:
    """ "Quý I năm 2025 và các năm tiếp theo", "tháng 12 năm 2024 và những năm sau": that quarter (month) of
    `year` and of each year after it; `match` is the year's, with its onward words."""
    named = _named_months(text, match.start())
    if named is None:
        return None
    rule, begin = named
    prefix, start = prefix_at(text, begin)
    first = date(year, 1, 1)
    strength = Strength.positional if prefix in WITHIN else Strength.bare
    reading = Reading(K.recurring, _first_occurrence(rule, first), start=first, confidence=0.8,
                      strength=strength, recurrence=rule)
    return Found(start if prefix in WITHIN else begin, match.end(), reading)


def _named_months(text: str, position: int) -> tuple[Recurrence, int] | None:
    """The yearly rule of the month ("tháng 12", the last of "quý I") named right before `position`, and
    where it starts; "tháng 6 và tháng 12", "quý II và quý IV": six months apart, each half-year's."""
    left = text[max(0, position - LEFT):position]
    named = p.YEARLY_PERIOD_LEFT_RE.search(left)
    month = None if named is None else _month_of(named, "")
    if named is None or month is None:
        return None
    first = _month_of(named, "1")
    if first is not None and (month - first) % 12 == 6:
        rule = Recurrence(frequency=Frequency.half_yearly, month=(month - 1) % 6 + 1)
        return rule, position - (len(left) - named.start())
    if first is not None and first != month:  # "tháng 3 và tháng 12 hằng năm": both, each year
        rule = Recurrence(frequency=Frequency.yearly, month=first, also_months=(month,))
        return rule, position - (len(left) - named.start())
    return Recurrence(frequency=Frequency.yearly, month=month), position - (len(left) - named.start("last"))


def _month_of(named: re.Match[str], which: str) -> int | None:
    """The month of the year named by group `m<which>`, or the last of quarter `q<which>` (None: neither)."""
    quarter, month = named.group(f"q{which}"), named.group(f"m{which}")
    if quarter is None and month is None:
        return None
    number = 3 * (p.ROMAN.get(quarter) or int(quarter)) if quarter else int(month)
    return number if 1 <= number <= 12 else None


def _with_day_rule(text: str, match: re.Match[str], ctx: Context) -> Found | None:
    """ "Định kỳ hằng quý (trước ngày 20 của tháng cuối quý)": the frequency and its day rule, as one phrase
    read by the rule (which says more)."""
    lead = p.DAY_RULE_LEAD_RE.match(text, match.end())
    rule = None if lead is None else p.RECURRING_DAY_RE.match(text, lead.end())
    if lead is None or rule is None:
        return None
    found = recurring_day_form(text, rule, prefix_words(lead.group("before") or ""), match.start(), ctx)
    if found is None:
        return None
    close = p.CLOSE_RE.match(text, found.end) if lead.group("paren") else None
    return Found(match.start(), found.end if close is None else close.end(), found.reading)


def _day_later(text: str, match: re.Match[str], ctx: Context) -> Found | None:
    """ "báo cáo hằng tháng về Công an tỉnh (qua Phòng Tham mưu) trước ngày 20": the day of each period, said
    after the words of the report in the same clause. A day without a month is no date of its own, so it can
    only be the period's; a day with its month only of a yearly (half-yearly) rule, as when it is attached."""
    later = p.LATER_DAY_RE.match(text, match.end())
    if later is None:
        return None
    frequency = _frequency_of(match)
    day = int(later.group("day"))
    if frequency is None or not 1 <= day <= 31:
        return None
    of_period = _month_of_period(frequency, later.group("month"))
    if of_period == 0:
        return None
    rule = Recurrence(frequency=frequency, day=day, strictly_before=later.group("before") == "trước",
                      month=of_period)
    return Found(match.start(), later.end(), recurring_reading(rule, ctx, 0.8, Strength.strong))


def _frequency_of(match: re.Match[str]) -> Frequency | None:
    months = match.group("months")
    if months is not None:
        return _MONTHS_TO_FREQUENCY.get(months.lower().lstrip("0") or "0")
    return _FREQUENCIES[(match.group("period") or match.group("period2")).lower()]


def recurring_reading(rule: Recurrence, ctx: Context, confidence: float, strength: Strength) -> Reading:
    """A recurring deadline runs from the document's issue (or its year's start); `due` is the first one."""
    if ctx.issued is not None:
        reference = ctx.issued
    else:
        year, _ = year_of(None, ctx)
        reference = date(year, 1, 1)
    return Reading(K.recurring, _first_occurrence(rule, reference), start=reference, confidence=confidence,
                   strength=strength, recurrence=rule)


@functools.lru_cache(maxsize=256)
def _first_occurrence(rule: Recurrence, reference: date) -> date:
    if rule.frequency is Frequency.weekly:
        # Its day of the week (1: Monday), else Friday, the last working day, as a weekly report's.
        weekday = (rule.day or 5) - 1 - (rule.strictly_before and rule.day is not None)
        return reference + timedelta(days=(weekday - reference.weekday()) % 7)
    horizon = reference + timedelta(days=400)
    probe = Deadline(text="", kind=K.recurring, start=reference, due=horizon, recurrence=rule)
    return occurrences(probe, horizon)[0]
