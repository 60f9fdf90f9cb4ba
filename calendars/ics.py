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

from calendars.mapping import Component, Layout, Property, Uri

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
    if "\\" in text:  # each test below is one scan; a replace is a scan and a copy
        text = text.replace("\\", "\\\\")
    text = text.replace(";", "\\;").replace(",", "\\,")
    if "\r" in text:  # a CR LF pair is one line break
        text = text.replace("\r\n", "\\n").replace("\r", "\\n")
    return text.replace("\n", "\\n")


_SPECIAL = re.compile("[\\\\;,\r\n\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def is_plain(text: str, room: int) -> bool:
    """Whether `text` is written as it is, unescaped and unfolded, in a line of `room` more octets."""
    return len(text) <= room and text.isascii() and _SPECIAL.search(text) is None


def fold(line: str) -> str:
    """Split a line longer than 75 octets, never inside a UTF-8 character or after a backslash."""
    if len(line) <= LIMIT and line.isascii():
        return line
    return fold_octets(line.encode()).decode()


def fold_octets(data: bytes) -> bytes:
    """`fold` over a line's UTF-8 octets (what blocks are kept as). Each line takes as many octets
    as fit, fewer when the cut would fall inside a character or right after a backslash."""
    size = len(data)
    if size <= LIMIT:
        return data
    parts = []
    start, room = 0, LIMIT
    while size - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80 or data[end - 1] == _BACKSLASH:
            end -= 1
            if end == start:  # a run of backslashes longer than a line: cut it as we can
                return _fold_slowly(data)
        parts.append(data[start:end])
        start, room = end, LIMIT - 1  # a continuation line starts with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def _fold_slowly(data: bytes) -> bytes:
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
    return b"\r\n ".join(parts)


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


def content_line(prop: Property) -> bytes:
    """One property as a folded content line (UTF-8). Memoised twice over: by the property object
    (the mapping hands out one object for the properties thousands of entries share — a day, a
    status, a timestamp, a plan's link — and an event and its to-do share their summary and text),
    then by value (a task's lead and participant share their description)."""
    kept = _BY_OBJECT.get(id(prop))
    if kept is not None:  # the entry holds prop alive: no other object can have its id meanwhile
        return kept[1]
    line = _by_value(prop)
    if len(_BY_OBJECT) >= _KEPT:
        _BY_OBJECT.clear()
    _BY_OBJECT[id(prop)] = (prop, line)
    return line


def _by_value(prop: Property) -> bytes:
    # A Uri equals the same text as a str but is written differently: its key says so.
    key = (prop, Uri) if type(prop.value) is Uri else prop
    line = _BY_VALUE.get(key)
    if line is None:
        line = _content_line(prop)
        if len(_BY_VALUE) >= _KEPT:
            _BY_VALUE.clear()
        _BY_VALUE[key] = line
    return line


_BY_OBJECT: dict[int, tuple[Property, bytes]] = {}
_BY_VALUE: dict[object, bytes] = {}
_KEPT = 4096  # the shared lines are a few hundred; a task's assignments are read one after another


def _content_line(prop: Property) -> bytes:
    text, value_type = format_value(prop.value)
    params = prop.params
    if value_type is not None and not any(name == "VALUE" for name, _ in params):
        params = (("VALUE", value_type), *params)
    if not params:  # most lines, and every line unique to one entry (UID, SUMMARY, DESCRIPTION)
        return fold_octets(f"{prop.name}:{text}".encode())
    head = prop.name + "".join([f";{name}={value}" for name, value in params])
    return fold_octets(f"{head}:{text}".encode())


def render_block(component: Component | None) -> bytes:
    """A component as CRLF-terminated UTF-8 lines, the bytes every feed holding it copies; empty for
    no component."""
    if component is None:
        return b""
    begin, end = _frame(component.name)
    get = _BY_OBJECT.get
    # content_line's first memo inlined: most properties are found by object, without a call.
    body = b"\r\n".join([kept[1] if (kept := get(id(prop))) is not None else content_line(prop)
                          for prop in component.properties])
    return begin + (b"\r\n" + body if body else b"") + b"\r\n" + children_bytes(component.components) + end


def render_layout(layout: Layout | None) -> bytes:
    """The bytes of `render_block(layout.flat())`, written run by run: a run that thousands of
    entries share is written once and then found by object."""
    if layout is None:
        return b""
    begin, end = _frame(layout.name)
    get = _RUNS.get
    body = b"".join([kept[1] if (kept := get(id(run))) is not None else _run(run) for run in layout.runs])
    return begin + b"\r\n" + body + children_bytes(layout.components) + end


def _run(run: tuple[Property, ...]) -> bytes:
    text = run_bytes(run)
    if len(_RUNS) >= _KEPT:
        _RUNS.clear()
    _RUNS[id(run)] = (run, text)  # holding the run alive: no other object can have its id meanwhile
    return text


def run_bytes(run: tuple[Property, ...]) -> bytes:
    """A run of properties as CRLF-terminated content lines."""
    # By value only: a run's properties are met again through the run, never on their own.
    return b"".join([_by_value(prop) + b"\r\n" for prop in run])


def text_line(name: bytes, text: str) -> bytes:
    """A TEXT property without parameters (`name` with its colon: b"SUMMARY:") as its folded
    content line: what `content_line` writes for Property("SUMMARY", text), without the memos."""
    return fold_octets(name + escape_octets(text.encode()))


def escape_octets(data: bytes) -> bytes:
    """`escape_text` over UTF-8 octets: the same rules, cheaper on long non-ASCII text (every
    character it touches is ASCII, and no ASCII octet occurs inside a multi-octet character)."""
    # The tests are C passes that make no exception: `b"x" in data` first tries the operand as an
    # integer (and fails, at the cost of an exception); a translation with deletions builds its table
    # anew each call, one without them (_FLAG_CONTROLS: changes only control octets) is a plain pass.
    if data.translate(_FLAG_CONTROLS) != data:
        data = data.translate(None, _CONTROL_OCTETS)
    if data.find(b"\\") >= 0:
        data = data.replace(b"\\", b"\\\\")
    data = data.replace(b";", b"\\;").replace(b",", b"\\,")
    if data.find(b"\r") >= 0:
        data = data.replace(b"\r\n", b"\\n").replace(b"\r", b"\\n")
    return data.replace(b"\n", b"\\n")


_CONTROL_OCTETS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_FLAG_CONTROLS = bytes.maketrans(_CONTROL_OCTETS, bytes((octet + 1) % 256 for octet in _CONTROL_OCTETS))


_RUNS: dict[int, tuple[tuple[Property, ...], bytes]] = {}


@lru_cache(maxsize=64)
def _frame(name: str) -> tuple[bytes, bytes]:
    return f"BEGIN:{name}".encode(), f"END:{name}\r\n".encode()


def children_bytes(components: tuple[Component, ...]) -> bytes:
    # Sub-components (the alarms) are the same tuple in nearly every component: written once.
    if not components:
        return b""
    kept = _CHILDREN.get(id(components))
    if kept is None:
        kept = (components, b"".join(map(render_block, components)))
        if len(_CHILDREN) >= 256:
            _CHILDREN.clear()
        _CHILDREN[id(components)] = kept
    return kept[1]


_CHILDREN: dict[int, tuple[tuple[Component, ...], bytes]] = {}


def render_component(component: Component) -> str:
    """One component as CRLF-terminated lines: the unit a feed is assembled from."""
    return render_block(component).decode()


def calendar_head(properties: Iterable[Property]) -> bytes:
    return b"BEGIN:VCALENDAR\r\n" + b"".join(content_line(p) + b"\r\n" for p in properties)


CALENDAR_END = b"END:VCALENDAR\r\n"


def render_calendar(properties: Iterable[Property], blocks: Iterable[str]) -> bytes:
    """A VCALENDAR around already-rendered component blocks."""
    return calendar_head(properties) + "".join(blocks).encode() + CALENDAR_END
