"""The weekday of a weekly deadline: "thứ Sáu hằng tuần", "trước 16 giờ thứ Năm hằng tuần", "định kỳ hằng
tuần (chiều thứ Sáu)"."""

from __future__ import annotations

import re
from typing import NamedTuple

_LEAD = r"(?P<before>trước|vào|chậm\s+nhất(?:\s+(?:là|vào))?)"
# "16 giờ", "16 giờ 30 phút", "16h00", "10h": a time on the day, which leaves the day itself the deadline.
_HOUR = r"(?P<hour>\d{1,2}\s*(?:giờ|h)(?:\s*\d{2}(?:\s*phút)?)?)"
WEEKDAY = r"(?:thứ\s+(?P<weekday>hai|ba|tư|năm|sáu|bảy|[2-7])|(?P<sunday>chủ\s+nhật))(?![^\W_])"
_PART = r"(?:(?:buổi\s+)?(?:sáng|trưa|chiều|tối)\s+)"  # "chiều thứ Sáu"
_ON_DAY = rf"(?:{_LEAD}\s+)?(?:{_HOUR}\s*,?\s*)?{_PART}?(?:ngày\s+)?{WEEKDAY}"
# On the left of "hằng tuần" ("thứ Sáu hằng tuần") or after it, set off ("hằng tuần (chiều thứ Sáu)",
# "hằng tuần, vào thứ Hai").
WEEKDAY_LEFT_RE = re.compile(rf"(?<!\w){_ON_DAY}\s+(?:của\s+)?$")
WEEKDAY_RIGHT_RE = re.compile(rf"\s*(?:,|(?P<paren>\())?\s*{_ON_DAY}(?(paren)(?:\s*\))?)")
DAYS = {"hai": 1, "2": 1, "ba": 2, "3": 2, "tư": 3, "4": 3, "năm": 4, "5": 4, "sáu": 5, "6": 5, "bảy": 6,
         "7": 6}
LEFT = 60  # room for "chậm nhất là 16 giờ 30 phút chiều thứ Sáu "


class Weekday(NamedTuple):
    """The day of the week (1: Monday … 7: Sunday), whether the phrase says strictly before it, and the
    span of its words."""

    day: int
    strictly_before: bool
    start: int
    end: int


def weekday_of(lower: str, start: int, end: int) -> Weekday | None:
    """The weekday named right before `start` or set off right after `end` (the bounds of "hằng tuần")."""
    left = lower[max(0, start - LEFT):start]
    found = WEEKDAY_LEFT_RE.search(left) if "thứ" in left or "chủ" in left else None
    if found is not None:
        return _weekday(found, start - len(left) + found.start(), end)
    found = WEEKDAY_RIGHT_RE.match(lower, end)
    return None if found is None else _weekday(found, start, found.end())


def _weekday(found: re.Match[str], start: int, end: int) -> Weekday:
    day = 7 if found.group("sunday") else DAYS[found.group("weekday")]
    # "trước thứ Năm" is "trước ngày": the day before; "trước 16 giờ thứ Năm" is still Thursday.
    strictly_before = found.group("before") == "trước" and found.group("hour") is None
    return Weekday(day, strictly_before, start, end)
