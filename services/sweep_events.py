"""What the sweeps changed and Prefect has not been shown yet, read back from status_history: an outbox
per stream ("events": each change as a Prefect event; "plan-flows": the changed plans' flow runs), so
that what a sweep committed reaches Prefect even when its process stopped before it got there (the
marks are store.sweep_tables.EventMarkRow)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Table, text

from services.sweep import PlanChange, TransitionView
from store.sweep_tables import EventMarkRow

EVENTS, PLAN_FLOWS = "events", "plan-flows"
MARKS: Table = EventMarkRow.__table__  # type: ignore[assignment]
# The sweeps' history rows a stream has not had (see _window), and their assignments and plans.
_ABOVE_MARK = "h.id > :mark AND h.id <= :top AND h.cause = 'sweep'"
_JOINED = "status_history h JOIN assignments a ON a.id = h.assignment_id JOIN plans p ON p.id = a.plan_id"


@dataclass(frozen=True, slots=True)
class Announcement:
    """One status change to announce: as of which day, under which event id (the same each time it
    is sent, so that the server keeps one). Its overdue days are the assignment's as it stands: the
    same, unless a later sweep came first."""

    transition: TransitionView
    as_of: date
    event_id: uuid.UUID


@dataclass(frozen=True)
class Pending:
    announcements: list[Announcement]
    through: int  # the mark once they are sent
    skipped: int  # changes past the limit, never to be announced (a first pass over a big store)


def _window(connection: Connection, stream: str) -> tuple[dict[str, int], str]:
    """The history rows a stream has not had: ({mark, top}, the store's namespace). Up to the newest
    row now: one written meanwhile has a higher id and waits for the next call."""
    mark, namespace = connection.execute(
        text("SELECT through, namespace FROM event_marks WHERE stream = :stream"), {"stream": stream}
    ).one()
    top = int(connection.execute(text("SELECT COALESCE(MAX(id), 0) FROM status_history")).scalar_one())
    return {"mark": int(mark), "top": top}, str(namespace)


def pending(connection: Connection, limit: int) -> Pending:
    """The sweeps' changes not yet announced, oldest first, at most `limit` of them."""
    bounds, namespace = _window(connection, EVENTS)
    window = {**bounds, "limit": limit}
    rows = connection.execute(
        text("""
        SELECT h.id, h.as_of, a.id, p.key, t.section, t.task_key, u.name, a.role, h.old_status,
          h.new_status, a.overdue_days
        FROM """ + _JOINED + " JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id"
        + f" WHERE {_ABOVE_MARK} ORDER BY h.id LIMIT :limit"),
        window,
    ).all()
    waiting = len(rows)
    if waiting == limit:
        waiting = int(connection.execute(
            text(f"SELECT COUNT(*) FROM status_history h WHERE {_ABOVE_MARK}"),
            window,
        ).scalar_one())
    space = uuid.UUID(namespace)
    announcements = [
        Announcement(
            TransitionView(r[2], r[3], r[4] or "", r[5], r[6], r[7], r[8], r[9], r[10] or 0),
            r[1] if isinstance(r[1], date) else date.fromisoformat(r[1]),
            uuid.uuid5(space, str(r[0])),
        )
        for r in rows
    ]
    return Pending(announcements, bounds["top"], waiting - len(rows))


def pending_plan_changes(connection: Connection) -> tuple[list[PlanChange], int]:
    """Per plan, the changes since its flows were last run for a sweep: (changes, the mark once they
    are run). Normally this sweep's own; after a sweep stopped before its plan flows, theirs too."""
    bounds, _ = _window(connection, PLAN_FLOWS)
    rows = connection.execute(
        text("""
        SELECT p.key, h.new_status, COUNT(*), SUM(CASE WHEN h.old_status IS NULL THEN 1 ELSE 0 END)
        FROM """ + _JOINED + f" WHERE {_ABOVE_MARK}"
        + " GROUP BY p.key, h.new_status ORDER BY p.key, h.new_status"),
        bounds,
    ).all()
    changes: dict[str, PlanChange] = {}
    for key, status, count, first in rows:
        change = changes.setdefault(str(key), PlanChange(str(key), {}))
        change.into[str(status)] = int(count)
        change.first += int(first or 0)
    return list(changes.values()), bounds["top"]


def mark_sent(connection: Connection, through: int, stream: str = EVENTS) -> None:
    """Everything up to `through` has gone out on `stream` (a mark never moves back)."""
    connection.execute(
        MARKS.update().where(MARKS.c.stream == stream, MARKS.c.through < through).values(through=through)
    )
