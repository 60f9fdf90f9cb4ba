"""The one place that maps an assignment (a CalendarEntry) to iCalendar properties. Pure data out.

Every feed — per unit, per plan, coordinator, event or to-do — is built from what these functions
return; `calendars.ics` only writes it down as content lines.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from calendars.entry import CalendarEntry, CalendarHeader, FeedKind
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


def component(entry: CalendarEntry, kind: FeedKind) -> Component | None:
    """The VEVENT (or VTODO) of one assignment; None when an event has no day to sit on."""
    event, todo = components(entry)
    return event if kind is FeedKind.event else todo


def components(entry: CalendarEntry) -> tuple[Component | None, Component]:
    """Both forms of one assignment, sharing the properties they have in common."""
    shared = _shared(entry)
    alarms = _alarms(entry)
    return _event(entry, shared, alarms), _todo(entry, shared, alarms)


def _shared(entry: CalendarEntry) -> tuple[Property, ...]:
    found = (
        Property("DTSTAMP", entry.last_modified),
        Property("LAST-MODIFIED", entry.last_modified),
        Property("SEQUENCE", entry.sequence),
        Property("SUMMARY", summary(entry)),
        Property("DESCRIPTION", description(entry)),
    )
    return (*found, Property("URL", Uri(entry.url))) if entry.url else found


Alarms = tuple[Component, ...]


def _event(entry: CalendarEntry, shared: tuple[Property, ...], alarms: Alarms) -> Component | None:
    day = entry.effective_due
    if day is None:
        return None
    properties = (
        Property("UID", entry.uid),
        *shared,
        Property("DTSTART", day),
        Property("DTEND", day + timedelta(days=1)),
        Property("STATUS", event_status(entry)),
        Property("TRANSP", "TRANSPARENT"),  # a deadline does not make anyone busy
    )
    return Component("VEVENT", properties, alarms)


def _todo(entry: CalendarEntry, shared: tuple[Property, ...], alarms: Alarms) -> Component:
    properties = [Property("UID", f"todo-{entry.uid}"), *shared]
    if entry.effective_due is not None:
        if entry.window_start is not None and entry.window_start <= entry.effective_due:
            properties.append(Property("DTSTART", entry.window_start))
        properties.append(Property("DUE", entry.effective_due))
    properties.append(Property("STATUS", todo_status(entry)))
    if entry.status in DONE and entry.reported_on is not None:
        properties.append(Property("COMPLETED", completed_at(entry.reported_on)))
        properties.append(Property("PERCENT-COMPLETE", 100))
    return Component("VTODO", tuple(properties), alarms)


def _alarms(entry: CalendarEntry) -> Alarms:
    if entry.effective_due is None or entry.status in DONE or entry.status in _STOPPED:
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
    marker = _MARKERS.get(entry.status, "(Dự kiến) " if entry.tentative else "")
    return f"[{ROLE_LABEL[entry.role]}] {marker}{entry.task}"


def event_status(entry: CalendarEntry) -> str:
    if entry.status is Status.cancelled:
        return "CANCELLED"
    if entry.tentative and entry.status not in DONE:
        return "TENTATIVE"
    return "CONFIRMED"


def todo_status(entry: CalendarEntry) -> str:
    if entry.status is Status.cancelled:
        return "CANCELLED"
    if entry.status in DONE:
        return "COMPLETED"
    return "NEEDS-ACTION"


def completed_at(day: date) -> datetime:
    # COMPLETED is a UTC timestamp; noon in Vietnam shows as the same day in nearly every zone.
    return datetime.combine(day, time(12), ZONE).astimezone(UTC)


def vn_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def description(entry: CalendarEntry) -> str:
    """The lines a unit head reads when opening the event: task, plan, deadline, who, status."""
    lines = [f"Nhiệm vụ: {entry.section + '. ' if entry.section else ''}{entry.task}"]
    number = f" (số {entry.plan_number})" if entry.plan_number else ""
    lines.append(f"Kế hoạch: {entry.plan_title or '—'}{number}")
    lines += _deadline_lines(entry)
    lines.append(f"Chủ trì: {'; '.join(entry.leads) or '—'}")
    if entry.participants:
        lines.append(f"Phối hợp: {'; '.join(entry.participants)}")
    lines.append(f"Trạng thái: {_status_text(entry)}")
    if entry.url:
        lines.append(f"Xem kế hoạch: {entry.url}")
    return "\n".join(lines)


def _deadline_lines(entry: CalendarEntry) -> list[str]:
    if entry.deadline_text is None:
        return ["Thời hạn: không có hạn"]
    written = f" (đến hết ngày {vn_date(entry.due)})" if entry.due else ""
    lines = [f"Thời hạn theo văn bản: {entry.deadline_text}{written}"]
    if entry.effective_due is not None:
        moved = " (lùi sang ngày làm việc kế tiếp)" if entry.due and entry.effective_due > entry.due else ""
        lines.append(f"Hạn có hiệu lực: {vn_date(entry.effective_due)}{moved}")
    if entry.window_start is not None and entry.window_end is not None:
        lines.append(f"Khoảng thời gian: {vn_date(entry.window_start)} – {vn_date(entry.window_end)}")
    if entry.tentative:
        lines.append("Dự kiến: thời hạn chưa chính thức")
    return lines


def _status_text(entry: CalendarEntry) -> str:
    text = entry.status.value
    if entry.status in DONE and entry.reported_on:
        text += f" (báo cáo ngày {vn_date(entry.reported_on)})"
    if entry.status is Status.overdue and entry.effective_due:
        # The day it became overdue, not a count of days: the text stays true without a daily rewrite.
        text += f" từ ngày {vn_date(entry.effective_due + timedelta(days=1))}"
    return text
