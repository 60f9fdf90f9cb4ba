"""The sweep's status changes still to announce as Prefect events, read back from status_history: an
outbox, so that what a sweep committed is announced even when its process stopped before announcing
it (the mark is store.sweep_tables.EventMarkRow)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Table, text

from services.sweep import TransitionView
from store.sweep_tables import EventMarkRow

STREAM = "status_history"
MARKS: Table = EventMarkRow.__table__  # type: ignore[assignment]


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


def pending(connection: Connection, limit: int) -> Pending:
    """The sweep's changes above the mark, oldest first, at most `limit` of them."""
    mark, namespace = connection.execute(
        text("SELECT through, namespace FROM event_marks WHERE stream = :stream"), {"stream": STREAM}
    ).one()
    # Up to the newest row now: one written meanwhile has a higher id and waits for the next call.
    top = int(connection.execute(text("SELECT COALESCE(MAX(id), 0) FROM status_history")).scalar_one())
    window = {"mark": mark, "top": top, "limit": limit}
    rows = connection.execute(
        text("""
        SELECT h.id, h.as_of, a.id, p.key, t.section, t.task_key, u.name, a.role, h.old_status,
          h.new_status, a.overdue_days
        FROM status_history h JOIN assignments a ON a.id = h.assignment_id JOIN plans p ON p.id = a.plan_id
          JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id
        WHERE h.id > :mark AND h.id <= :top AND h.cause = 'sweep' ORDER BY h.id LIMIT :limit"""),
        window,
    ).all()
    waiting = len(rows)
    if waiting == limit:
        waiting = int(connection.execute(
            text("SELECT COUNT(*) FROM status_history WHERE id > :mark AND id <= :top AND cause = 'sweep'"),
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
    return Pending(announcements, top, waiting - len(rows))


def mark_sent(connection: Connection, through: int) -> None:
    """Everything up to `through` is announced (the mark never moves back)."""
    connection.execute(
        MARKS.update().where(MARKS.c.stream == STREAM, MARKS.c.through < through).values(through=through)
    )
