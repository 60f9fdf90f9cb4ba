"""Published revisions (SEQUENCE, LAST-MODIFIED) and rendered components, kept per assignment.

An assignment whose content is unchanged keeps its revision and its stored blocks; one that changed
gets a new revision and is rendered once, and every feed holding it copies the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.orm import Session

from calendars.drafts import draft_sort_key, fingerprint, schedule, to_entry
from calendars.ics import render_block
from calendars.mapping import components
from calendars.source import Item, Stored
from calendars.tables import CalendarEntryRow

TABLE = cast(Table, CalendarEntryRow.__table__)


@dataclass(frozen=True, slots=True)
class Published:
    """An assignment as this build publishes it: its revision and its place in a feed."""

    item: Item
    fingerprint: str
    schedule: str
    sequence: int
    last_modified: datetime
    sort_key: str
    moved: bool  # a new revision: written to the store and rendered

    @property
    def revision(self) -> str:
        return revision(self.fingerprint, self.sequence, self.last_modified)


def revision(content: str, sequence: int, last_modified: datetime) -> str:
    """What a feed's fingerprint is made of, one per entry: equal strings, equal component bytes."""
    return f"{content}:{sequence}:{int(last_modified.timestamp())}"


def next_revision(stored: Stored | None, content: str, scheduled: str, version: int, now: datetime
                  ) -> tuple[int, datetime] | None:
    """(SEQUENCE, LAST-MODIFIED) when they move, None when they stay. SEQUENCE never falls below the
    deadline's version − 1 and grows by one whenever the day or the cancellation changes (an extension,
    a recurring deadline's next occurrence, a cancellation); LAST-MODIFIED moves on any change."""
    floor = max(0, version - 1)
    if stored is None:
        return floor, now
    if stored.fingerprint == content and stored.sequence >= floor and stored.sort_key is not None:
        return None
    bumped = stored.sequence + 1 if stored.schedule != scheduled else stored.sequence
    return max(bumped, floor), now


def publish(items: Iterable[Item], now: datetime) -> list[Published]:
    now = now.astimezone(UTC)
    found = []
    for item in items:
        content, scheduled, stored = fingerprint(item.draft), schedule(item.draft), item.stored
        moved = next_revision(stored, content, scheduled, item.version, now)
        if moved is None:
            assert stored is not None and stored.sort_key is not None
            found.append(Published(item, content, scheduled, stored.sequence, stored.last_modified,
                                   stored.sort_key, False))
        else:
            sequence, modified = moved
            found.append(Published(item, content, scheduled, sequence, modified,
                                   draft_sort_key(item.draft, modified), True))
    return found


def render(entry: Published) -> tuple[bytes, bytes]:
    """The VEVENT (empty when there is no day) and VTODO blocks of one assignment."""
    event, todo = components(to_entry(entry.item.draft, entry.sequence, entry.last_modified))
    return render_block(event), render_block(todo)


def store(session: Session, entries: Sequence[Published]) -> int:
    """Render and keep the given entries (set-based: one insert, one update statement); the count of
    components rendered."""
    added: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for entry in entries:
        event, todo = render(entry)
        row = {"id_": entry.item.id, "fingerprint": entry.fingerprint, "schedule": entry.schedule,
               "sequence": entry.sequence, "last_modified": entry.last_modified,
               "status": entry.item.draft.status, "sort_key": entry.sort_key, "event": event, "todo": todo}
        (added if entry.item.stored is None else changed).append(row)
    names = ("fingerprint", "schedule", "sequence", "last_modified", "status", "sort_key", "event", "todo")
    values: dict[str, Any] = {name: bindparam(name) for name in names}
    if added:
        session.execute(insert(TABLE).values(assignment_id=bindparam("id_"), **values), added)
    if changed:
        statement = update(TABLE).where(TABLE.c.assignment_id == bindparam("id_")).values(**values)
        session.execute(statement, changed)
    return 2 * len(entries)
