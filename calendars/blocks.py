"""An assignment's VEVENT and VTODO bytes straight from its Draft: how every rebuild renders.

The same bytes as `calendars.ics.render_layout` over `calendars.mapping.layouts` of the entry the
draft makes (`drafts.to_entry`): that pair stays the definition, and tests compare the two on
generated drafts. This path skips the objects made per entry there (a CalendarEntry, its Properties
and Layouts, their memo slots), which cost most of a full rebuild: it writes the lines unique to an
entry (UID, SUMMARY) and copies the rest from memos keyed on the few small values they depend on (a
timestamp and sequence, a day and status, a plan's link). The mapping's own functions decide every
value; only the order of the runs is repeated here.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from calendars.drafts import Draft
from calendars.ics import LIMIT, children_bytes, escape_octets, fold_octets, is_plain, run_bytes, text_line
from calendars.mapping import (
    ROLE_LABEL,
    alarms,
    description,
    event_day,
    event_status_of,
    link,
    stamps,
    summary_of,
    todo_days,
    todo_start,
    todo_status_of,
    todo_uid,
)
from calendars.source import moment
from models.status import DONE, Status

Blocks = tuple[bytes, bytes]  # an assignment's VEVENT (empty: no day) and VTODO
_ROLES = {role.value: role for role in ROLE_LABEL}
_STATUSES = {status.value: status for status in Status}
_DONE = frozenset(status.value for status in DONE)


def render_draft(draft: Draft, sequence: int, last_modified: datetime | str) -> Blocks:
    """The VEVENT (empty when there is no day) and VTODO blocks of one assignment; `last_modified`
    as stored (see calendars.source.moment)."""
    event_tail, todo_tail, task = _shared(draft)
    head = _summary_head(draft.role, draft.status, draft.tentative)
    summary = fold_octets(head + task) + b"\r\n"
    stamp = _stamps(last_modified, sequence)
    event_uid, todo_uid_line = _uid_lines(draft.uid)
    todo = b"".join((b"BEGIN:VTODO\r\n", todo_uid_line, stamp, summary, todo_tail))
    if not draft.effective_due:
        return b"", todo
    return b"".join((b"BEGIN:VEVENT\r\n", event_uid, stamp, summary, event_tail)), todo


def _uid_lines(uid: str) -> tuple[bytes, bytes]:
    """The event's and the to-do's UID lines (a UID as dondoc makes them needs no escaping)."""
    todo = todo_uid(uid)
    if is_plain(todo, LIMIT - len("UID:")):
        return b"UID:" + uid.encode() + b"\r\n", b"UID:" + todo.encode() + b"\r\n"
    return text_line(b"UID:", uid) + b"\r\n", text_line(b"UID:", todo) + b"\r\n"


@lru_cache(maxsize=64)  # roles × statuses × tentative
def _summary_head(role: str, status: str, tentative: bool) -> bytes:
    """The SUMMARY line up to the task's text: the summary puts the task last, and escaping works
    character by character (the head ends in a space: no CR LF pair spans the seam), so the line is
    this head and the task's escaped text, folded."""
    return b"SUMMARY:" + escape_octets(summary_of(_ROLES[role], _STATUSES[status], tentative, "").encode())


def _shared(draft: Draft) -> tuple[bytes, bytes, bytes]:
    """What follows the SUMMARY in the event and in the to-do (description, link, days, status,
    reminders, END), and the task's escaped text. A task's assignments (its lead's, its
    participants') are read one after another and nearly always read alike: these are made once for
    them all. One slot, so nothing else repeats."""
    key = draft[2:]  # everything they are made of: a draft but its UID and role
    last_key, last = _LAST[0]
    if last_key == key:
        return last
    day, status = draft.effective_due or None, draft.status
    event_end, todo_end = _ends(day, draft.window_start, status, draft.tentative,
                                draft.reported_on if status in _DONE else None)
    middle = text_line(b"DESCRIPTION:", description(_Described(draft))) + b"\r\n" + _link(draft.url)
    made = (middle + event_end, middle + todo_end, escape_octets(draft.task.encode()))
    _LAST[0] = (key, made)  # one item swapped whole: safe if two threads render at once
    return made


_LAST: list[tuple[tuple[object, ...], tuple[bytes, bytes, bytes]]] = [((), (b"", b"", b""))]


class _Described:
    """A draft's fields as the description reads them (days as dates, the status as a Status): what
    `drafts.to_entry` gives, for a quarter of its cost (a frozen dataclass sets each field the slow way)."""

    __slots__ = ("deadline_text", "due", "effective_due", "leads", "participants", "plan_number",
                 "plan_title", "reported_on", "section", "status", "task", "tentative", "url", "window_end",
                 "window_start")

    def __init__(self, draft: Draft) -> None:
        self.section, self.task, self.plan_title = draft.section, draft.task, draft.plan_title
        self.plan_number, self.url, self.deadline_text = draft.plan_number, draft.url, draft.deadline_text
        self.due, self.effective_due = _day(draft.due), _day(draft.effective_due)
        self.window_start, self.window_end = _day(draft.window_start), _day(draft.window_end)
        self.tentative, self.leads, self.participants = draft.tentative, draft.leads, draft.participants
        self.status, self.reported_on = _STATUSES[draft.status], _day(draft.reported_on)


# The runs below depend on values that thousands of entries share: each is written once.
@lru_cache(maxsize=1024)
def _stamps(last_modified: datetime | str, sequence: int) -> bytes:
    return run_bytes(stamps(moment(last_modified), sequence))


@lru_cache(maxsize=1024)
def _link(url: str | None) -> bytes:
    return run_bytes(link(url))


@lru_cache(maxsize=16384)  # days in force × statuses × windows: a few thousand, a few hundred bytes each
def _ends(due: str | None, window_start: str | None, status_text: str, tentative: bool,
          completed: str | None) -> tuple[bytes, bytes]:
    """What closes the event and the to-do: their days and status, their reminders, their END."""
    day, status = _day(due), _STATUSES[status_text]
    reminders = children_bytes(alarms(day is not None, status))
    start = todo_start(_day(window_start), day)
    todo = run_bytes(todo_days(start, day, todo_status_of(status), _day(completed)))
    event = b"" if day is None else run_bytes(event_day(day, event_status_of(status, tentative)))
    return event + reminders + b"END:VEVENT\r\n", todo + reminders + b"END:VTODO\r\n"


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
