"""Writing components as iCalendar content lines (RFC 5545): TEXT escaping, UTF-8-aware folding, CRLF.

Why not icalendar's `Component.to_ical()`: it writes about 800 events/s here (each property goes
through its value classes, parameters and a character-by-character fold), far below the 50k/s a full
rebuild needs. This writer handles only the value types `calendars.mapping` produces; tests parse
its output back with icalendar, vobject and ical.js.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from icalendar import vDuration

from calendars.mapping import Component, Property, Uri

LIMIT = 75  # octets per line, the line break excluded
_BACKSLASH = 0x5C
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape_text(text: str) -> str:
    """TEXT escaping, in icalendar's order: backslash first, then `;` `,` and every line break.

    Control characters other than tab and line breaks (OCR debris) may not appear in TEXT: dropped.
    """
    if _SPECIAL.search(text) is None:
        return text
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


_SPECIAL = re.compile("[\\\\;,\r\n\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A continuation line: the rest if it fits, else as many octets as fit, cut neither inside a UTF-8
# character (the next octet is no continuation byte) nor after a backslash (some clients mis-read an
# escape split by a fold).
_PIECE = re.compile(rb"(?s).{1,%d}\Z|.{1,%d}(?<!\\)(?![\x80-\xbf])" % (LIMIT - 1, LIMIT - 1))
_FIRST = re.compile(rb"(?s).{1,%d}\Z|.{1,%d}(?<!\\)(?![\x80-\xbf])" % (LIMIT, LIMIT))


def fold(line: str) -> str:
    """Split a line longer than 75 octets, never inside a UTF-8 character or after a backslash."""
    if len(line) <= LIMIT and line.isascii():
        return line
    data = line.encode()
    if len(data) <= LIMIT:
        return line
    first = _FIRST.match(data)
    if first is None:
        return _fold_slowly(data)
    parts = [first.group(), *_PIECE.findall(data, first.end())]
    if sum(map(len, parts)) != len(data):  # a run of backslashes longer than a line: cut it as we can
        return _fold_slowly(data)
    return b"\r\n ".join(parts).decode()


def _fold_slowly(data: bytes) -> str:
    parts: list[bytes] = []
    start, room = 0, LIMIT
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # a continuation byte: step back to the character's start
            end -= 1
        end -= _odd_backslashes_before(data, start, end)
        parts.append(data[start:end])
        start, room = end, LIMIT - 1  # a continuation line starts with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode()


def _odd_backslashes_before(data: bytes, start: int, end: int) -> int:
    # Some clients mis-read an escape split by a fold ("\" at a line's end): keep the pair together.
    count = 0
    while end - count - 1 > start and data[end - count - 1] == _BACKSLASH:
        count += 1
    return count % 2


@lru_cache(maxsize=4096)
def _utc_stamp(value: datetime) -> str:
    # Feeds repeat a few timestamps (DTSTAMP = LAST-MODIFIED of entries changed together) many times.
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


@lru_cache(maxsize=64)
def _duration(value: timedelta) -> str:
    return str(vDuration(value).to_ical().decode())  # type: ignore[no-untyped-call]


def format_value(value: object) -> tuple[str, str | None]:
    """The written value and the VALUE= parameter it needs (None: the property's default type)."""
    if isinstance(value, Uri):
        return value.replace("\r", "").replace("\n", ""), None
    if isinstance(value, str):
        return escape_text(value), None
    if isinstance(value, bool):
        raise TypeError("iCalendar BOOLEAN values are not used by dondoc's feeds")
    if isinstance(value, int):
        return str(value), None
    if isinstance(value, datetime):
        return _utc_stamp(value), None
    if isinstance(value, date):
        return f"{value.year:04d}{value.month:02d}{value.day:02d}", "DATE"
    if isinstance(value, timedelta):
        return _duration(value), None
    raise TypeError(f"no iCalendar form for {type(value).__name__}")


def content_line(prop: Property) -> str:
    """One property as a folded content line. Memoised: feeds repeat most lines (a status, a day,
    the alarms, a plan's link) and an assignment's event and to-do share their summary and text."""
    # A Uri equals the same text as a str but is written differently: its key says so.
    key = (prop, Uri) if type(prop.value) is Uri else prop
    line = _LINES.get(key)
    if line is None:
        if len(_LINES) >= _LINES_KEPT:
            _LINES.clear()
        line = _LINES[key] = _content_line(prop)
    return line


_LINES: dict[object, str] = {}
_LINES_KEPT = 20_000


def _content_line(prop: Property) -> str:
    text, value_type = format_value(prop.value)
    params = prop.params
    if value_type is not None and not any(name == "VALUE" for name, _ in params):
        params = (("VALUE", value_type), *params)
    head = prop.name + "".join(f";{name}={value}" for name, value in params)
    return fold(f"{head}:{text}")


def write_component(component: Component, out: list[str]) -> None:
    out.append(f"BEGIN:{component.name}")
    out.extend(map(content_line, component.properties))
    for child in component.components:
        out.append(_child(child))
    out.append(f"END:{component.name}")


@lru_cache(maxsize=256)
def _child(component: Component) -> str:
    # Sub-components (the alarms) are the same in nearly every component: written once.
    out: list[str] = []
    write_component(component, out)
    return "\r\n".join(out)


def render_component(component: Component) -> str:
    """One component as CRLF-terminated lines: the unit a feed is assembled from."""
    out: list[str] = []
    write_component(component, out)
    return "\r\n".join(out) + "\r\n"


def render_block(component: Component | None) -> bytes:
    """A component as the bytes every feed holding it copies; empty for no component."""
    return render_component(component).encode() if component is not None else b""


def calendar_head(properties: Iterable[Property]) -> bytes:
    return ("BEGIN:VCALENDAR\r\n" + "".join(content_line(p) + "\r\n" for p in properties)).encode()


CALENDAR_END = b"END:VCALENDAR\r\n"


def render_calendar(properties: Iterable[Property], blocks: Iterable[str]) -> bytes:
    """A VCALENDAR around already-rendered component blocks."""
    return calendar_head(properties) + "".join(blocks).encode() + CALENDAR_END
