"""Reusing rendered components from the feeds already on disk: the coordinators' feed holds every
assignment once, so a component whose revision (UID, LAST-MODIFIED, SEQUENCE) and format are unchanged
is copied rather than rendered again. Rendering is the slow part of a rebuild."""

from __future__ import annotations

from pathlib import Path

from calendars.entry import CalendarEntry, FeedKind
from calendars.ics import format_value
from calendars.mapping import PRODID

_NAMES = {FeedKind.event: "VEVENT", FeedKind.todo: "VTODO"}
Blocks = dict[str, tuple[str, str]]  # UID → (revision signature, rendered block)


def signature(entry: CalendarEntry) -> str:
    return f"LAST-MODIFIED:{format_value(entry.last_modified)[0]}\r\nSEQUENCE:{entry.sequence}"


def component_uid(entry: CalendarEntry, kind: FeedKind) -> str:
    return entry.uid if kind is FeedKind.event else f"todo-{entry.uid}"


def previous_blocks(path: Path, kind: FeedKind) -> Blocks:
    """The components of a feed file that this version of dondoc wrote; nothing for any other file."""
    try:
        text = path.read_bytes().decode()
    except (OSError, UnicodeDecodeError):
        return {}
    if f"\r\nPRODID:{PRODID}\r\n" not in text[:300]:
        return {}
    begin, end = f"BEGIN:{_NAMES[kind]}\r\n", f"END:{_NAMES[kind]}\r\n"
    found: Blocks = {}
    for part in text.split(begin)[1:]:
        stop = part.find(end)
        lines = part.split("\r\n", 4)
        if stop < 0 or len(lines) < 5 or not lines[0].startswith("UID:"):
            continue
        found[lines[0][4:]] = (f"{lines[2]}\r\n{lines[3]}", begin + part[: stop + len(end)])
    return found
