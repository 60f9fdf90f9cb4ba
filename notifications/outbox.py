"""The outbox in the store: queue once by dedup key, claim under a lease, mark what happened.

Each step commits on its own, so that a process killed at any point leaves rows that a later sweep
can finish: queued rows are claimed again once their lease has expired.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, Engine, Table, and_, bindparam, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from notifications.decide import Notice, OutboxKey
from notifications.digest import Item, message_id
from notifications.tables import OutboxRow, OutboxState
from store.database import transaction

_CHUNK = 500  # rows per INSERT: well under SQLite's limit of bound parameters
_TABLE: Table = OutboxRow.__table__  # type: ignore[assignment]


def utc(moment: datetime) -> datetime:
    """Timestamps are stored in UTC: SQLite keeps no zone, so all of them must share one."""
    if moment.tzinfo is None:
        raise ValueError("`now` must be timezone-aware")
    return moment.astimezone(UTC)


def sent_keys(session: Session, assignment_ids: Iterable[int]) -> set[OutboxKey]:
    """What is already in the outbox (queued, sent or failed) for these assignments."""
    wanted = list(assignment_ids)
    found: set[OutboxKey] = set()
    for start in range(0, len(wanted), _CHUNK):
        query = select(
            OutboxRow.assignment_id,
            OutboxRow.level,
            OutboxRow.deadline_version,
            OutboxRow.due,
            OutboxRow.recipient,
        ).where(OutboxRow.assignment_id.in_(wanted[start : start + _CHUNK]))
        found.update(OutboxKey(*row) for row in session.execute(query))
    return found


def enqueue(engine: Engine, entries: Sequence[tuple[Notice, Item]], *, as_of: date, now: datetime) -> int:
    """Queue each notice unless its dedup key is already there; returns how many were new."""
    moment = utc(now)
    values = sorted(
        (
            {
                "dedup_key": notice.key.dedup,
                "assignment_id": notice.subject.assignment_id,
                "level": notice.step.level,
                "kind": notice.step.kind.value,
                "deadline_version": notice.subject.deadline_version,
                "due": notice.key.due,
                "recipient": notice.recipient.address,
                "recipient_unit": notice.recipient.unit,
                "item": item.model_dump(mode="json"),
                "as_of": as_of,
                "state": OutboxState.queued.value,
                "attempts": 0,
                "next_attempt_at": moment,
                "queued_at": moment,
            }
            for notice, item in entries
        ),
        # One order for every sweep: two concurrent inserts then wait on each other, never deadlock.
        key=lambda row: str(row["dedup_key"]),
    )
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(OutboxRow).on_conflict_do_nothing(index_elements=["dedup_key"])
    inserted = 0
    for start in range(0, len(values), _CHUNK):
        with transaction(engine) as session:
            # executemany with RETURNING: SQLAlchemy batches the rows ("insertmanyvalues").
            result = session.execute(statement.returning(OutboxRow.id), values[start : start + _CHUNK])
            inserted += len(result.all())
    return inserted


class Claimed(BaseModel):
    """A row this sweep owns until its lease ends."""

    model_config = ConfigDict(frozen=True)

    id: int
    recipient: str
    recipient_unit: str | None
    item: Item
    message_id: str
    attempts: int


def claim(engine: Engine, token: str, *, now: datetime, lease: timedelta, domain: str) -> list[Claimed]:
    """Take every queued row whose time has come and that no live sweep holds, in one commit.

    The conditional UPDATE is the lock: a concurrent sweep re-checks the lease on each row it waits
    for and skips the ones taken. Rows get their Message-ID here, before anything is sent, so a row
    re-sent after a crash goes out as the same message. Core statements, not the ORM: this runs
    once a sweep over every row, and the ORM's unit of work tripled its cost.
    """
    moment, table = utc(now), _TABLE
    free = (
        table.c.state == OutboxState.queued.value,
        table.c.next_attempt_at <= moment,
        or_(table.c.lease_token.is_(None), table.c.lease_until < moment),
    )
    # PostgreSQL: the rows are locked in id order, so a concurrent claim waits for this one (never
    # a deadlock) and then finds them leased; SQLite has one writer at a time and ignores FOR
    # UPDATE. Not SKIP LOCKED: that would split one recipient's digest in two.
    candidates = select(table.c.id).where(*free).order_by(table.c.id).with_for_update()
    columns = ("id", "recipient", "recipient_unit", "item", "message_id", "dedup_key", "attempts")
    with engine.begin() as connection:
        connection.execute(
            update(table)
            .where(table.c.id.in_(candidates.scalar_subquery()), *free)
            .values(lease_token=token, lease_until=moment + lease)
        )
        rows = connection.execute(
            select(*(table.c[name] for name in columns))
            .where(table.c.lease_token == token)
            .order_by(table.c.recipient, table.c.id)
        ).all()
        given = _message_ids(connection, rows, domain)
    return [
        Claimed(
            id=row.id,
            recipient=row.recipient,
            recipient_unit=row.recipient_unit,
            item=Item.model_validate(row.item),
            message_id=row.message_id or given[row.id],
            attempts=row.attempts,
        )
        for row in rows
    ]


def _message_ids(connection: Connection, rows: Sequence[Any], domain: str) -> dict[int, str]:
    """One Message-ID per recipient for the rows that have none yet, stored in one executemany."""
    fresh: dict[str, list[Any]] = {}
    for row in rows:
        if row.message_id is None:
            fresh.setdefault(row.recipient, []).append(row)
    given: dict[int, str] = {}
    for group in fresh.values():
        given.update(
            dict.fromkeys((row.id for row in group), message_id((r.dedup_key for r in group), domain))
        )
    if given:
        connection.execute(
            update(_TABLE).where(_TABLE.c.id == bindparam("row")).values(message_id=bindparam("shared")),
            [{"row": id_, "shared": shared} for id_, shared in given.items()],
        )
    return given


def _owned(ids: Sequence[int], token: str) -> object:
    return and_(OutboxRow.id.in_(list(ids)), OutboxRow.lease_token == token)


# Built once: marking a row sent happens once a message, in its own commit, on the hot path. Most
# digests carry one row: an id compared with one value skips expanding an IN list each time.
_SENT_VALUES = {
    "state": OutboxState.sent.value,
    "sent_at": bindparam("sent_at"),
    "attempts": _TABLE.c.attempts + 1,
    "last_error": None,
    "lease_token": None,
    "lease_until": None,
}
_OURS = _TABLE.c.lease_token == bindparam("token")
_MARK_ONE = update(_TABLE).where(_TABLE.c.id == bindparam("row"), _OURS).values(_SENT_VALUES)
_MARK_MANY = (
    update(_TABLE).where(_TABLE.c.id.in_(bindparam("ids", expanding=True)), _OURS).values(_SENT_VALUES)
)


def mark_sent(connection: Connection, ids: Sequence[int], token: str, *, now: datetime) -> int:
    """Record delivery in its own commit, on the connection the sender holds for its batch (a
    pool checkout a message would cost more than the UPDATE); returns how many rows were ours."""
    values = {"token": token, "sent_at": utc(now)}
    if len(ids) == 1:
        result = connection.execute(_MARK_ONE, {**values, "row": ids[0]})
    else:
        result = connection.execute(_MARK_MANY, {**values, "ids": list(ids)})
    connection.commit()
    return result.rowcount or 0


def mark_failed(engine: Engine, ids: Sequence[int], token: str, error: str) -> None:
    """A permanent refusal: kept, with the error, for `dondoc outbox --status failed`."""
    with transaction(engine) as session:
        session.execute(
            update(OutboxRow)
            .where(_owned(ids, token))  # type: ignore[arg-type]
            .values(
                state=OutboxState.failed.value,
                attempts=OutboxRow.attempts + 1,
                last_error=error[:2000],
                lease_token=None,
                lease_until=None,
            )
        )


def mark_retry(
    engine: Engine,
    ids: Sequence[int],
    token: str,
    error: str,
    *,
    now: datetime,
    first_delay: timedelta,
    max_attempts: int,
) -> tuple[int, int]:
    """A transient failure: retry later with a doubling delay, or fail once out of attempts.
    Returns (rows to retry, rows failed)."""
    retrying = failed = 0
    with transaction(engine) as session:
        for row in session.scalars(select(OutboxRow).where(_owned(ids, token))):  # type: ignore[arg-type]
            row.attempts += 1
            row.lease_token, row.lease_until = None, None
            if row.attempts >= max_attempts:
                row.state = OutboxState.failed.value
                row.last_error = f"{error} (gave up after {row.attempts} attempts)"[:2000]
                failed += 1
            else:
                row.last_error = error[:2000]
                row.next_attempt_at = utc(now) + first_delay * 2 ** (row.attempts - 1)
                retrying += 1
    return retrying, failed


def release(engine: Engine, ids: Sequence[int], token: str) -> None:
    """Give back rows never tried (the connection is gone): the next sweep takes them at once."""
    if not ids:
        return
    with transaction(engine) as session:
        session.execute(
            update(OutboxRow)
            .where(_owned(ids, token))  # type: ignore[arg-type]
            .values(lease_token=None, lease_until=None)
        )


def waiting(engine: Engine, *, now: datetime) -> list[tuple[int, int, int, date]]:
    """Queued rows no live sweep holds: (id, assignment, deadline version, due)."""
    moment = utc(now)
    query = select(OutboxRow.id, OutboxRow.assignment_id, OutboxRow.deadline_version, OutboxRow.due).where(
        OutboxRow.state == OutboxState.queued.value,
        or_(OutboxRow.lease_token.is_(None), OutboxRow.lease_until < moment),
    )
    with transaction(engine) as session:
        return [(id_, assignment, version, due) for id_, assignment, version, due in session.execute(query)]


def withdraw(engine: Engine, reasons: dict[int, str], *, now: datetime) -> int:
    """Withdraw queued rows that are no longer due, each with its reason; returns how many."""
    moment, done = utc(now), 0
    with transaction(engine) as session:
        for id_, reason in reasons.items():
            result = session.execute(
                update(OutboxRow)
                .where(
                    OutboxRow.id == id_,
                    OutboxRow.state == OutboxState.queued.value,
                    or_(OutboxRow.lease_token.is_(None), OutboxRow.lease_until < moment),
                )
                .values(
                    state=OutboxState.withdrawn.value, last_error=reason, lease_token=None, lease_until=None
                )
            )
            done += result.rowcount or 0  # type: ignore[attr-defined]
    return done


def rows(engine: Engine, *, state: OutboxState | None = None, limit: int = 200) -> list[OutboxRow]:
    """The newest rows first, optionally in one state."""
    with transaction(engine) as session:
        query = select(OutboxRow).order_by(OutboxRow.queued_at.desc(), OutboxRow.id.desc()).limit(limit)
        if state is not None:
            query = query.where(OutboxRow.state == state.value)
        return list(session.scalars(query))


def counts(engine: Engine) -> dict[str, int]:
    with transaction(engine) as session:
        found = dict.fromkeys((state.value for state in OutboxState), 0)
        query = select(OutboxRow.state, func.count(OutboxRow.id)).group_by(OutboxRow.state)
        found.update({state: count for state, count in session.execute(query)})
        return found


def requeue_failed(engine: Engine, *, now: datetime) -> int:
    """Put failed rows back in the queue (after fixing an address or the SMTP settings)."""
    with transaction(engine) as session:
        result = session.execute(
            update(OutboxRow)
            .where(OutboxRow.state == OutboxState.failed.value)
            .values(
                state=OutboxState.queued.value,
                attempts=0,
                next_attempt_at=utc(now),
                lease_token=None,
                lease_until=None,
                message_id=None,
            )
        )
        return result.rowcount or 0  # type: ignore[attr-defined]
