"""What a calendar needs to know about one assignment: plain data, read from the store by the shell."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from models.plan import Role
from models.status import Status


class FeedKind(StrEnum):
    """Google, Outlook and Apple import events; some clients (Thunderbird, Tasks apps) prefer to-dos."""

    event = "event"
    todo = "todo"


@dataclass(frozen=True, slots=True, kw_only=True)
class CalendarEntry:
    """One assignment as a calendar shows it. `effective_due` is the day the event sits on.

    Nothing here changes from one day to the next unless the assignment does (no "overdue for N days"):
    a feed is rewritten, and clients re-read it, only when something in it changed. A plain dataclass:
    its fields come from the store, already checked, and a full build makes tens of thousands."""

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
    sequence: int = 0
    last_modified: datetime  # UTC; also the DTSTAMP, so that an unchanged feed is byte-for-byte the same

    def sort_key(self) -> str:
        return sort_key(self.effective_due, self.last_modified, self.uid)


class Described(Protocol):
    """What an entry's description is made of: a CalendarEntry, or any object with these fields
    (read-only), as a build makes for the text that a task's assignments share."""

    @property
    def section(self) -> str: ...
    @property
    def task(self) -> str: ...
    @property
    def plan_title(self) -> str: ...
    @property
    def plan_number(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def deadline_text(self) -> str | None: ...
    @property
    def due(self) -> date | None: ...
    @property
    def effective_due(self) -> date | None: ...
    @property
    def window_start(self) -> date | None: ...
    @property
    def window_end(self) -> date | None: ...
    @property
    def tentative(self) -> bool: ...
    @property
    def leads(self) -> tuple[str, ...]: ...
    @property
    def participants(self) -> tuple[str, ...]: ...
    @property
    def status(self) -> Status: ...
    @property
    def reported_on(self) -> date | None: ...


def sort_key(day: date | None, last_modified: datetime, uid: str) -> str:
    """A feed's order (by day in force, undated ones last, then by UID) as one ASCII string that
    sorts alike in Python, SQLite and PostgreSQL whatever its collation: only digits and hex."""
    shown = day or last_modified.date()
    return f"{'0' if day else '1'}{shown.year:04d}{shown.month:02d}{shown.day:02d}{uid[:32]}"


class CalendarHeader(BaseModel):
    """The calendar itself: its name in the subscriber's calendar list and a line of description."""

    model_config = ConfigDict(frozen=True)

    name: str
    description: str = ""
