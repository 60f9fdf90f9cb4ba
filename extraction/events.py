"""Dates that are not deadlines: anniversaries and the dates of other documents.

"133 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2023)" names an event; "Kế hoạch số
96-KH/TU, ngày 30/11/2021" and "Hải Phòng, ngày 28 tháng 12 năm 2023" date a document.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict

_I = re.IGNORECASE
# "\d\d?" rather than "\d{1,2}" (the same): a pattern that opens with one digit lets the engine skip ahead.
_DMY = r"(?P<{0}d>\d\d?)\s?[/.-]\s?(?P<{0}m>\d\d?)\s?[/.-]\s?(?P<{0}y>\d{{4}})"
_WORDS = r"(?P<{0}wd>\d{{1,2}})\s+tháng\s+(?P<{0}wm>\d{{1,2}})\s*,?\s+năm\s+(?P<{0}wy>\d{{4}})"
_POINT = r"(?:(?:ngày\s+)?(?:{dmy}|{words})|(?P<{p}year>\d{{4}}))"


def _point(name: str) -> str:
    return _POINT.format(dmy=_DMY.format(name), words=_WORDS.format(name), p=name)


_ANY_DATE = rf"(?:{_DMY.format('a')}|{_WORDS.format('a')})"
# "(19/5/1890 - 19/5/2023)", "(1930 - 2025)": always an anniversary, never a window of work.
_PAIR_RE = re.compile(rf"\(\s*{_point('a')}\s*-\s*{_point('b')}\s*\)", _I)
# "22/12/1944 - 22/12/2024": two dates on the same day of the year, years apart (no letters: no IGNORECASE,
# which would keep the engine from skipping ahead to digits).
_BARE_PAIR_RE = re.compile(rf"{_DMY.format('a')}\s*-\s*{_DMY.format('b')}(?!\d)")
_SINGLE_RE = re.compile(rf"\(\s*(?:ngày\s+)?{_ANY_DATE}\s*\)", _I)
_ANNIVERSARY_CUE_RE = re.compile(
    r"kỷ\s+niệm|\b\d+\s+năm\s+ngày\b|\bngày\s+(?:sinh|mất|thành\s+lập|truyền\s+thống|giải\s+phóng|hội|lễ"
    r"|chiến\s+thắng|quốc\s+khánh|bác)",
    _I,
)
_CLAUSE_END = re.compile(r"[.;:!?\n]")

# Checked on the lower-cased text around one date (see `is_reference_date`).
# A document number ("96-KH/TU", "35/2021/QH15", "108/NQ-CP", the typo "215-KH/Tày") right before it.
_NUMBER_LEFT_RE = re.compile(r"(?<![\w/-])\d+[\w.]*(?:[/-][^\W_][\w.&]*)+\s*,?\s*(?:ban\s+hành\s+)?$")
# "Vĩnh Bảo, ngày 31 tháng 01 năm 2023" alone on its line: where and when a document was signed.
_PLACE_LEFT_RE = re.compile(r"(?:^|\n)[^\S\n]*[^\W\d_]+(?:[^\S\n]+[^\W\d_]+){0,4},\s*$")
_LINE_END_RE = re.compile(r"[^\S\n]*(?:\n|$)")
# "ngày 12/01/2023 của Ban Thường vụ": a dated act of some body.
_OF_RIGHT_RE = re.compile(r"\s*,?\s+của\s")
# "Ngày: 28/12/2023" under "Số: 48343": a receiving office's stamp.
_STAMP_RE = re.compile(r"ngày\s*:")


class EventMatch(BaseModel):
    """An event the text mentions, with its dates: "133 năm Ngày sinh ..." on 1890-05-19 and 2023-05-19."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int
    end: int
    dates: list[date]
    name: str | None = None


def find_events(text: str) -> list[EventMatch]:
    """Anniversaries and other dated events, in order; their dates are never deadlines."""
    found: dict[int, EventMatch] = {}
    # Patterns with a letter in them are case-blind and cannot skip ahead: a missing "(" or "-" spares them.
    bracket = "(" in text
    for match in _PAIR_RE.finditer(text) if bracket else ():
        found[match.start()] = _event(text, match, ("a", "b"))
    for match in _BARE_PAIR_RE.finditer(text) if "-" in text else ():
        if match.start() and text[match.start() - 1] in "0123456789/.":
            continue
        a, b = _dmy(match, "a"), _dmy(match, "b")
        if a and b and (a.day, a.month) == (b.day, b.month) and a.year < b.year:
            found.setdefault(match.start(), _event(text, match, ("a", "b")))
    for match in _SINGLE_RE.finditer(text) if bracket else ():
        if match.start() not in found and _ANNIVERSARY_CUE_RE.search(_clause_before(text, match.start())):
            found[match.start()] = _event(text, match, ("a",))
    events = sorted(found.values(), key=lambda event: event.start)
    return [event for index, event in enumerate(events) if index == 0 or event.start >= events[index - 1].end]


def is_reference_date(lower: str, start: int, end: int) -> bool:
    """Whether the date at lower[start:end] dates a document or another body's act, not a task."""
    left = lower[max(0, start - 60):start]
    if _NUMBER_LEFT_RE.search(left) or _OF_RIGHT_RE.match(lower, end) or _STAMP_RE.match(lower, start):
        return True
    return bool(_PLACE_LEFT_RE.search(left) and _LINE_END_RE.match(lower, end))


def _event(text: str, match: re.Match[str], names: tuple[str, ...]) -> EventMatch:
    dates = [day for day in (_point_date(match, name) for name in names) if day is not None]
    return EventMatch(text=match.group(0), start=match.start(), end=match.end(), dates=dates,
                      name=_event_name(text, match.start()))


def _point_date(match: re.Match[str], name: str) -> date | None:
    groups = match.groupdict()
    if groups.get(f"{name}year"):
        return None  # a bare year is no day
    return _dmy(match, name)


def _dmy(match: re.Match[str], name: str) -> date | None:
    groups = match.groupdict()
    day, month, year = groups.get(f"{name}d"), groups.get(f"{name}m"), groups.get(f"{name}y")
    if day is None:
        day, month, year = groups.get(f"{name}wd"), groups.get(f"{name}wm"), groups.get(f"{name}wy")
    try:
        return date(int(year), int(month), int(day)) if day and month and year else None
    except ValueError:
        return None


def _clause_before(text: str, end: int) -> str:
    left = text[max(0, end - 160):end]
    cut = max((m.end() for m in _CLAUSE_END.finditer(left)), default=0)
    return left[cut:]


def _event_name(text: str, end: int) -> str | None:
    """"65 năm Ngày Bác Hồ về thăm làng cá Cát Bà, Cát Hải" from the clause before the dates."""
    clause = _clause_before(text, end)
    years = list(_YEARS_SINCE_RE.finditer(clause))
    if years:
        name = clause[years[-1].start():]
    else:
        celebrated = list(_CELEBRATION_RE.finditer(clause))
        name = clause[celebrated[-1].end():] if celebrated else clause.split(",")[-1]
    return name.strip(" -(") or None


_YEARS_SINCE_RE = re.compile(r"\b\d+\s+năm\s", _I)
_CELEBRATION_RE = re.compile(r"kỷ\s+niệm", _I)
