"""What a calendar needs to know about one assignment: plain data, read from the store by the shell."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from operator import itemgetter
from typing import Any

from pydantic import BaseModel, ConfigDict

from models.plan import Role
from models.status import Status


class FeedKind(StrEnum):
    """Google, Outlook and Apple import events; some clients (Thunderbird, Tasks apps) prefer to-dos."""

    event = "event"
    todo = "todo"


class CalendarEntry(BaseModel):
    """One assignment as a calendar shows it. `effective_due` is the day the event sits on."""

    model_config = ConfigDict(frozen=True)

    uid: str
    role: Role
    task: str
    section: str = ""
    plan_title: str = ""
    plan_number: str | None = None
    url: str | None = None
    deadline_text: str | None = None
    due: date | None = None  # as written
    effective_due: date | None = None  # in force (Civil Code), or the recurring occurrence in force
    window_start: date | None = None
    window_end: date | None = None
    tentative: bool = False
    leads: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    status: Status = Status.not_due
    reported_on: date | None = None
    overdue_days: int = 0
    sequence: int = 0
    last_modified: datetime  # UTC; also the DTSTAMP, so that an unchanged feed is byte-for-byte the same

    def fingerprint(self) -> str:
        """A hash of everything published except the revision fields (sequence, last_modified)."""
        return fingerprint(dict(self))

    def schedule(self) -> str:
        return schedule(dict(self))


REVISION_FIELDS = frozenset({"sequence", "last_modified"})
CONTENT_FIELDS = tuple(name for name in CalendarEntry.model_fields if name not in REVISION_FIELDS)
_CONTENT = itemgetter(*CONTENT_FIELDS)


def fingerprint(fields: Mapping[str, Any]) -> str:
    """The content hash of an entry's fields (all but the revision ones); stable across processes."""
    return hashlib.sha256(repr(_CONTENT(fields)).encode()).hexdigest()


def schedule(fields: Mapping[str, Any]) -> str:
    """What calendar clients treat as a rescheduling: the day and whether it is cancelled."""
    day = fields.get("effective_due")
    cancelled = fields.get("status") is Status.cancelled
    return f"{day.isoformat() if day else '-'}|{'cancelled' if cancelled else 'active'}"


class CalendarHeader(BaseModel):
    """The calendar itself: its name in the subscriber's calendar list and a line of description."""

    model_config = ConfigDict(frozen=True)

    name: str
    description: str = ""
