"""An assignment's calendar content as plain fields (days as ISO text), and the CalendarEntry made
from it for the assignments whose components must be rendered."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import NamedTuple

from calendars.entry import CalendarEntry, sort_key
from models.plan import Role
from models.status import Status


class Draft(NamedTuple):
    """Everything an entry publishes but its revision (SEQUENCE, LAST-MODIFIED); days as ISO text."""

    uid: str
    role: str
    task: str
    section: str
    plan_title: str
    plan_number: str | None
    url: str | None
    deadline_text: str | None
    due: str | None
    effective_due: str | None
    window_start: str | None
    window_end: str | None
    tentative: bool
    leads: tuple[str, ...]
    participants: tuple[str, ...]
    status: str
    reported_on: str | None


def uid(plan_key: str, assignment_key: str) -> str:
    """Stable across reloads, rebuilds of the database and unit renames: plan key + assignment key."""
    return hashlib.sha256(f"{plan_key}|{assignment_key}".encode()).hexdigest()[:32] + "@dondoc"


def schedule(draft: Draft) -> str:
    """What calendar clients treat as a rescheduling: the day and whether it is cancelled."""
    cancelled = draft.status == Status.cancelled.value
    return f"{draft.effective_due or '-'}|{'cancelled' if cancelled else 'active'}"


def to_entry(draft: Draft, sequence: int, last_modified: datetime) -> CalendarEntry:
    return CalendarEntry(
        uid=draft.uid, role=_ROLES[draft.role], task=draft.task, section=draft.section,
        plan_title=draft.plan_title, plan_number=draft.plan_number, url=draft.url,
        deadline_text=draft.deadline_text, due=_day(draft.due), effective_due=_day(draft.effective_due),
        window_start=_day(draft.window_start), window_end=_day(draft.window_end), tentative=draft.tentative,
        leads=draft.leads, participants=draft.participants, status=_STATUSES[draft.status],
        reported_on=_day(draft.reported_on), sequence=sequence, last_modified=last_modified,
    )


_ROLES = {role.value: role for role in Role}
_STATUSES = {status.value: status for status in Status}


def draft_sort_key(draft: Draft, last_modified: datetime) -> str:
    return sort_key(_day(draft.effective_due), last_modified, draft.uid)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
