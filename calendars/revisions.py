"""Published revisions (SEQUENCE, LAST-MODIFIED) and rendered components, kept per assignment.

An assignment whose content is unchanged keeps its revision and its stored blocks; one that changed
gets a new revision and is rendered once, and every feed holding it copies the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.orm import Session

from calendars.blocks import render_draft
from calendars.drafts import Draft, draft_sort_key, schedule
from calendars.source import Item, Stored, make_draft, moment
from calendars.tables import CalendarEntryRow

TABLE = cast(Table, CalendarEntryRow.__table__)
Blocks = tuple[bytes, bytes]  # an assignment's VEVENT (empty: no day) and VTODO


class Published(NamedTuple):
    """An assignment as this build publishes it: its revision and its place in a feed; the entry's
    fields when its revision moved (they are rendered)."""

    item: Item
    sequence: int
    last_modified: datetime | str  # as stored, for an unchanged entry (see calendars.source.moment)
    sort_key: str
    revision: str
    draft: Draft | None  # None: unchanged, its stored blocks hold

    @property
    def moved(self) -> bool:
        return self.draft is not None


def revision(content: str, sequence: int, last_modified: datetime) -> str:
    """What a feed's fingerprint is made of, one per entry (and stored with it): equal strings, equal
    component bytes."""
    return f"{content[:40]}:{sequence}:{int(last_modified.timestamp())}"


def next_revision(stored: Stored | None, content: str, scheduled: str, version: int, now: datetime
                  ) -> tuple[int, datetime] | None:
    """(SEQUENCE, LAST-MODIFIED) when they move, None when they stay. SEQUENCE never falls below the
    deadline's version − 1 and grows by one whenever the day or the cancellation changes (an extension,
    a recurring deadline's next occurrence, a cancellation); LAST-MODIFIED moves on any change."""
    floor = max(0, version - 1)
    if stored is None:
        return floor, now
    if stored.fingerprint == content and stored.sequence >= floor and stored.revision is not None:
        return None
    bumped = stored.sequence + 1 if stored.schedule != scheduled else stored.sequence
    return max(bumped, floor), now


def publish(items: Iterable[Item], now: datetime) -> list[Published]:
    """Each item's revision: the stored one when its fingerprint holds, else a new one."""
    now = now.astimezone(UTC)
    found = []
    for item in items:
        stored = item.stored
        if stored is not None and stored.sort_key is not None and stored.revision is not None \
                and stored.fingerprint == item.fingerprint and stored.sequence >= item.version - 1:
            # tuple.__new__: a named tuple's own constructor is a Python function, a call an entry.
            found.append(_new(Published, (item, stored.sequence, stored.last_modified, stored.sort_key,
                                          stored.revision, None)))
            continue
        draft = item.draft()
        sequence, modified = next_revision(stored, item.fingerprint, schedule(draft), item.version, now) or (
            stored.sequence if stored else 0, now)
        found.append(Published(item, sequence, modified, draft_sort_key(draft, modified),
                               revision(item.fingerprint, sequence, modified), draft))
    return found


def render(entry: Published) -> Blocks:
    """The VEVENT (empty when there is no day) and VTODO blocks of one assignment."""
    return render_draft(entry.draft or make_draft(entry.item.source), entry.sequence, entry.last_modified)


_new = tuple.__new__


def render_all(entries: Iterable[Published]) -> dict[int, Blocks]:
    """Each given entry's blocks, by assignment id."""
    return {entry.item.id: render(entry) for entry in entries}


def store(session: Session, entries: Sequence[Published], blocks: Mapping[int, Blocks]) -> None:
    """Keep the revisions and blocks of the entries whose revision moved (set-based: one insert, one
    update statement). An entry whose revision holds keeps its stored blocks: equal revisions, equal
    bytes, so rendering it again changes nothing to store."""
    added: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for entry in entries:
        if entry.draft is None:
            continue
        event, todo = blocks[entry.item.id]
        row = {"id_": entry.item.id, "fingerprint": entry.item.fingerprint,
               "schedule": schedule(entry.draft), "sequence": entry.sequence,
               "last_modified": moment(entry.last_modified), "revision": entry.revision,
               "status": entry.item.source.status,
               "sort_key": entry.sort_key, "event": event, "todo": todo}
        (added if entry.item.stored is None else changed).append(row)
    names = ("fingerprint", "schedule", "sequence", "last_modified", "revision", "status", "sort_key",
             "event", "todo")
    values: dict[str, Any] = {name: bindparam(name) for name in names}
    if added:
        session.execute(insert(TABLE).values(assignment_id=bindparam("id_"), **values), added)
    if changed:
        statement = update(TABLE).where(TABLE.c.assignment_id == bindparam("id_")).values(**values)
        session.execute(statement, changed)
