"""The one place that maps an assignment (a CalendarEntry) to iCalendar properties. Pure data out.

Every feed — per unit, per plan, coordinator, event or to-do — is built from what these functions
return; `calendars.ics` only writes it down as content lines.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from calendars.entry import CalendarEntry, CalendarHeader, Described, FeedKind
from models.plan import Role
from models.status import DONE, Status

# Change the version whenever what a component looks like changes: rebuilds reuse stored blocks
# until it does (it is part of every entry's fingerprint).
PRODID = "-//dondoc//calendar feeds 1.1//VI"
REFRESH = timedelta(hours=1)
REMINDERS = (timedelta(days=7), timedelta(days=1))
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
ROLE_LABEL = {Role.lead: "Chủ trì", Role.participant: "Phối hợp"}


class Uri(str):
    """A URI value: written as is, never TEXT-escaped (a comma in a link stays a comma)."""


Value = str | int | date | datetime | timedelta


class Property(NamedTuple):
    name: str
    value: Value
    params: tuple[tuple[str, str], ...] = ()


class Component(NamedTuple):
    name: str
    properties: tuple[Property, ...]
    components: tuple[Component, ...] = ()


def calendar_properties(header: CalendarHeader) -> tuple[Property, ...]:
    """The VCALENDAR's own lines: name (RFC 7986 and the X-WR- one most clients read), refresh hints."""
    return (
        Property("VERSION", "2.0"),
        Property("PRODID", PRODID),
        Property("CALSCALE", "GREGORIAN"),
        Property("METHOD", "PUBLISH"),
        Property("NAME", header.name),
        Property("X-WR-CALNAME", header.name),
        Property("DESCRIPTION", header.description),
        Property("X-WR-CALDESC", header.description),
        Property("X-WR-TIMEZONE", ZONE.key),
        Property("REFRESH-INTERVAL", REFRESH, (("VALUE", "DURATION"),)),
        Property("X-PUBLISHED-TTL", REFRESH),
    )


class Layout(NamedTuple):
    """A component as runs of properties, in order. The runs that thousands of entries have in
    common (a build's timestamps, a plan's link, a day and status) are one object each, so a writer
    can write each run once (calendars.ics.render_layout); `flat` gives the plain Component."""

    name: str
    runs: tuple[tuple[Property, ...], ...]
    components: tuple[Component, ...] = ()

    def flat(self) -> Component:
        return Component(self.name, tuple(prop for run in self.runs for prop in run), self.components)


def component(entry: CalendarEntry, kind: FeedKind) -> Component | None:
    """The VEVENT (or VTODO) of one assignment; None when an event has no day to sit on."""
    event, todo = components(entry)
    return event if kind is FeedKind.event else todo


def components(entry: CalendarEntry) -> tuple[Component | None, Component]:
    """Both forms of one assignment, sharing the properties they have in common."""
    event, todo = layouts(entry)
    return (event.flat() if event is not None else None), todo.flat()


def layouts(entry: CalendarEntry) -> tuple[Layout | None, Layout]:
    """Both forms of one assignment as runs of properties (see Layout)."""
    text = (Property("SUMMARY", summary(entry)), Property("DESCRIPTION", description(entry)))
    shared = (stamps(entry.last_modified, entry.sequence), text, link(entry.url))
    alarms = _alarms(entry)
    return _event(entry, shared, alarms), _todo(entry, shared, alarms)


Runs = tuple[tuple[Property, ...], ...]


# The runs below depend on a few values that thousands of entries share (a build's timestamp, a
# day, a status, a plan's link): each combination is made once per process, not once per entry.
@lru_cache(maxsize=1024)
def stamps(last_modified: datetime, sequence: int) -> tuple[Property, ...]:
    return (
        Property("DTSTAMP", last_modified),
        Property("LAST-MODIFIED", last_modified),
        Property("SEQUENCE", sequence),
    )


@lru_cache(maxsize=1024)
def link(url: str | None) -> tuple[Property, ...]:
    return (Property("URL", Uri(url)),) if url else ()


Alarms = tuple[Component, ...]


def _event(entry: CalendarEntry, shared: Runs, alarms: Alarms) -> Layout | None:
    day = entry.effective_due
    if day is None:
        return None
    return Layout("VEVENT", ((Property("UID", entry.uid),), *shared, event_day(day, event_status(entry))),
                  alarms)


@lru_cache(maxsize=4096)
def event_day(day: date, status: str) -> tuple[Property, ...]:
    return (
        Property("DTSTART", day),
        Property("DTEND", day + timedelta(days=1)),
        Property("STATUS", status),
        Property("TRANSP", "TRANSPARENT"),  # a deadline does not make anyone busy
    )


def _todo(entry: CalendarEntry, shared: Runs, alarms: Alarms) -> Layout:
    due = entry.effective_due
    completed = entry.reported_on if entry.status in DONE else None
    days = todo_days(todo_start(entry.window_start, due), due, todo_status(entry), completed)
    return Layout("VTODO", ((Property("UID", todo_uid(entry.uid)),), *shared, days), alarms)


def todo_uid(uid: str) -> str:
    return f"todo-{uid}"


def todo_start(window_start: date | None, due: date | None) -> date | None:
    """A to-do starts with its window, when it has one that opens by the day in force."""
    return window_start if due is not None and window_start is not None and window_start <= due else None


@lru_cache(maxsize=4096)
def todo_days(start: date | None, due: date | None, status: str, completed: date | None
               ) -> tuple[Property, ...]:
    properties = []
    if start is not None:
        properties.append(Property("DTSTART", start))
    if due is not None:
        properties.append(Property("DUE", due))
    properties.append(Property("STATUS", status))
    if completed is not None:
        properties.append(Property("COMPLETED", completed_at(completed)))
        properties.append(Property("PERCENT-COMPLETE", 100))
    return tuple(properties)


def _alarms(entry: CalendarEntry) -> Alarms:
    return alarms(entry.effective_due is not None, entry.status)


def alarms(has_day: bool, status: Status) -> Alarms:
    """The reminders of an entry: none without a day, once done, cancelled or paused."""
    if not has_day or status in DONE or status in _STOPPED:
        return ()
    return _REMINDING


_STOPPED = frozenset({Status.cancelled, Status.paused})
_REMINDING = tuple(
    Component(
        "VALARM",
        (
            Property("ACTION", "DISPLAY"),
            Property("DESCRIPTION", f"Còn {before.days} ngày đến hạn"),
            Property("TRIGGER", -before),
        ),
    )
    for before in REMINDERS
)
_MARKERS = {
    Status.done_on_time: "(Đã hoàn thành) ",
    Status.done_late: "(Đã hoàn thành) ",
    Status.cancelled: "(Đã hủy) ",
    Status.paused: "(Tạm dừng) ",
    Status.overdue: "(Quá hạn) ",
}


def summary(entry: CalendarEntry) -> str:
    """"[Chủ trì] Tổ chức hội nghị ...": the role and the task at a glance, and a marker when it matters."""
    return summary_of(entry.role, entry.status, entry.tentative, entry.task)


def summary_of(role: Role, status: Status, tentative: bool, task: str) -> str:
    marker = _MARKERS.get(status, "(Dự kiến) " if tentative else "")
    return f"[{ROLE_LABEL[role]}] {marker}{task}"


def event_status(entry: CalendarEntry) -> str:
    return event_status_of(entry.status, entry.tentative)


def event_status_of(status: Status, tentative: bool) -> str:
    if status is Status.cancelled:
        return "CANCELLED"
    if tentative and status not in DONE:
        return "TENTATIVE"
    return "CONFIRMED"


def todo_status(entry: CalendarEntry) -> str:
    return todo_status_of(entry.status)


def todo_status_of(status: Status) -> str:
    if status is Status.cancelled:
        return "CANCELLED"
    if status in DONE:
        return "COMPLETED"
    return "NEEDS-ACTION"


def completed_at(day: date) -> datetime:
    # COMPLETED is a UTC timestamp; noon in Vietnam shows as the same day in nearly every zone.
    return datetime.combine(day, time(12), ZONE).astimezone(UTC)


@lru_cache(maxsize=4096)  # a feed's days are a few hundred; descriptions name each a few times
def vn_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def description(entry: Described) -> str:
    """The lines a unit head reads when opening the event: task, plan, deadline, who, status."""
    lines = [
        f"Nhiệm vụ: {entry.section + '. ' if entry.section else ''}{entry.task}",
        _plan_line(entry.plan_title, entry.plan_number),
        _deadline_lines(entry.deadline_text, entry.due, entry.effective_due, entry.window_start,
                        entry.window_end, entry.tentative),
        f"Chủ trì: {'; '.join(entry.leads) or '—'}",
    ]
    if entry.participants:
        lines.append(f"Phối hợp: {'; '.join(entry.participants)}")
    lines.append(_status_line(entry.status, entry.reported_on, entry.effective_due))
    if entry.url:
        lines.append(f"Xem kế hoạch: {entry.url}")
    return "\n".join(lines)


# The lines below depend on a few values that many tasks share (a plan, a deadline as written, a
# status and its day): each is made once per combination, not once per task.
@lru_cache(maxsize=1024)
def _plan_line(title: str, number: str | None) -> str:
    return f"Kế hoạch: {title or '—'}{f' (số {number})' if number else ''}"


@lru_cache(maxsize=8192)
def _deadline_lines(text: str | None, due: date | None, effective_due: date | None, window_start: date | None,
                    window_end: date | None, tentative: bool) -> str:
    if text is None:
        return "Thời hạn: không có hạn"
    written = f" (đến hết ngày {vn_date(due)})" if due else ""
    lines = [f"Thời hạn theo văn bản: {text}{written}"]
    if effective_due is not None:
        moved = " (lùi sang ngày làm việc kế tiếp)" if due and effective_due > due else ""
        lines.append(f"Hạn có hiệu lực: {vn_date(effective_due)}{moved}")
    if window_start is not None and window_end is not None:
        lines.append(f"Khoảng thời gian: {vn_date(window_start)} – {vn_date(window_end)}")
    if tentative:
        lines.append("Dự kiến: thời hạn chưa chính thức")
    return "\n".join(lines)


@lru_cache(maxsize=4096)
def _status_line(status: Status, reported_on: date | None, effective_due: date | None) -> str:
    text = f"Trạng thái: {status.value}"
    if status in DONE and reported_on:
        text += f" (báo cáo ngày {vn_date(reported_on)})"
    if status is Status.overdue and effective_due:
        # The day it became overdue, not a count of days: the text stays true without a daily rewrite.
        text += f" từ ngày {vn_date(effective_due + timedelta(days=1))}"
    return text
