"""A weekday or working day counted in its period: "thứ Sáu cuối cùng của tháng", "thứ Hai tuần đầu tiên của
tháng", "ngày làm việc cuối cùng của quý" (each period's), "thứ Sáu cuối cùng của tháng 12/2025" (one day)."""

from __future__ import annotations

import re
from datetime import timedelta

from extraction import deadline_patterns as p
from extraction.deadline_readings import (
    AT_DAY,
    WITHIN,
    Context,
    Found,
    K,
    Reading,
    Strength,
    left_match,
    year_of,
)
from extraction.deadline_recurring import recurring_reading
from extraction.deadline_weekly import DAYS, WEEKDAY
from models.deadlines import (
    Frequency,
    Recurrence,
    month_window,
    nth_day,
    quarter_window,
    year_window,
)

S = r"\s+"
# "thứ Sáu (tuần) cuối cùng của tháng", "ngày làm việc đầu tiên của mỗi quý", "thứ Hai đầu tiên của tháng
# 3/2026": the day, its place, its period, and the period's number when it is one period, not each.
NTH_DAY_RE = re.compile(
    rf"(?:{WEEKDAY}|(?P<working>ngày{S}làm{S}việc))(?:{S}tuần(?:{S}lễ)?)?"
    rf"{S}(?P<nth>đầu(?:{S}tiên)?|thứ{S}(?:nhất|hai|ba|tư|2|3|4)|cuối(?:{S}cùng)?)(?![^\W_])"
    rf"(?:{S}(?:của|trong))?(?:{S}(?:mỗi|hằng|hàng|từng|các))?{S}(?P<period>tháng|quý|năm)(?![^\W_])"
    rf"(?P<number>{S}(?P<m>\d{{1,2}})(?:\s*[/.-]\s*(?P<y>{p.YEAR})|{S}năm{S}(?P<y2>{p.YEAR}))?(?![\d/])"
    rf"|{S}(?P<q>iv|i{{1,3}}|[1-4])(?![^\W_])(?:\s*[/.-]\s*(?P<y3>{p.YEAR})|{S}năm{S}(?P<y4>{p.YEAR}))?"
    rf"|(?<=năm){S}(?P<y5>{p.YEAR})(?![\d/]))?"
)
# "đầu tiên", "thứ hai", "cuối cùng": the place in the period (-1: the last).
_NTH = {"đầu": 1, "nhất": 1, "hai": 2, "2": 2, "ba": 3, "3": 3, "tư": 4, "4": 4, "cuối": -1}
_FREQUENCIES = {"tháng": Frequency.monthly, "quý": Frequency.quarterly, "năm": Frequency.yearly}
_LEADS = WITHIN | AT_DAY | {"trước", ""}


# "lần thứ hai", "kỳ họp thứ ba cuối năm": an ordinal after its noun, not a weekday.
_ORDINAL_NOUN_LEFT_RE = re.compile(
    r"(?<!\w)(?:lần|kỳ|kì|khóa|khoá|đợt|phiên|lượt|bước|phần|mục|điều|khoản|ngày|tuần|tháng|quý|năm|lớp|hạng"
    r"|vòng|số|(?:kỳ|kì|phiên|cuộc)\s+họp|hội\s+nghị|đại\s+hội)\s+$"
)


def nth_day_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    if prefix not in _LEADS:
        return None
    if match.group("weekday") and (
        match.group("period") == "năm" or left_match(_ORDINAL_NOUN_LEFT_RE, text, match.start()) is not None
    ):
        return None  # a weekday of a year is no plan's; after a noun "thứ hai" counts, it names no day
    words = match.group("nth").split()
    nth = _NTH[words[-1] if words[0] == "thứ" else words[0]]
    weekday = None if match.group("working") else 7 if match.group("sunday") else DAYS[match.group("weekday")]
    period = match.group("period")
    begin = start if prefix else match.start()
    if match.group("number") is None:
        if prefix == "trước":
            return None  # the day before each period's nth day: no rule says it, and none is guessed
        rule = Recurrence(frequency=_FREQUENCIES[period], nth=nth, weekday=weekday)
        return Found(begin, match.end(), recurring_reading(rule, ctx, 0.9, Strength.strong))
    written = next((match.group(name) for name in ("y", "y2", "y3", "y4", "y5") if match.group(name)), None)
    year, confidence = year_of(written, ctx)
    if period == "tháng":
        month = int(match.group("m"))
        if not 1 <= month <= 12:
            return None
        first, last = month_window(year, month)
    elif period == "quý":
        first, last = quarter_window(year, p.ROMAN.get(match.group("q")) or int(match.group("q")))
    else:
        first, last = year_window(year)
    day = nth_day(first, last, nth, weekday)
    if prefix == "trước":
        reading = Reading(K.before_date, day - timedelta(days=1), confidence=confidence)
        return Found(begin, match.end(), reading)
    return Found(begin, match.end(), Reading(K.on_date, day, confidence=confidence))

