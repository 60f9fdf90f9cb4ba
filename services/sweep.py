"""The daily sweep as a use case: one set-based pass in one transaction, and what it changed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, Engine, Table, text

from store.sweep import CHANGED, PassResult, drop_temp_tables, evaluate_pass
from store.sweep_tables import SweepRunRow

# More transitions than this in one sweep (a first run over a big store) are counted, not listed.
MAX_LISTED_TRANSITIONS = 50_000
SQLITE_AUTOCHECKPOINT = 1000  # pages: SQLite's default
SWEEP_RUNS: Table = SweepRunRow.__table__  # type: ignore[assignment]


class TransitionView(BaseModel):
    """A status change with what an event or a notice needs to name it."""

    model_config = ConfigDict(frozen=True)

    assignment_id: int
    plan_key: str
    section: str
    task_key: str
    unit: str
    role: str
    old_status: str | None
    new_status: str
    overdue_days: int


class PlanChange(BaseModel):
    """How one plan's assignments changed status in a sweep: how many moved into each status, and
    how many of them had none before (new or edited)."""

    model_config = ConfigDict(frozen=True)

    plan_key: str
    into: dict[str, int]
    first: int = 0


class SweepOutcome(BaseModel):
    run_id: int
    as_of: date
    full: bool
    touched: int  # the assignments evaluated (their validity window did not hold the day)
    written: int
    transition_count: int
    transitions: list[TransitionView]
    changed_plans: list[str]
    plan_changes: list[PlanChange] = []
    recurring: int
    seconds: float  # the whole pass, its checkpoint included
    checkpoint_seconds: float = 0.0


def _last_run(connection: Connection) -> SweepRunRow | None:
    row = connection.execute(
        text(
            "SELECT as_of, horizon, report_watermark FROM sweep_runs WHERE finished_at IS NOT NULL "
            "ORDER BY id DESC LIMIT 1"
        )
    ).first()
    if row is None:
        return None
    as_of = date.fromisoformat(row.as_of) if isinstance(row.as_of, str) else row.as_of
    return SweepRunRow(as_of=as_of, horizon=row.horizon, report_watermark=row.report_watermark)


def needs_full(last: SweepRunRow | None, *, as_of: date, horizon: int) -> bool:
    """The incremental pass relies on the previous one: same horizon, and time only moving forward."""
    return last is None or last.horizon != horizon or as_of < last.as_of


def run_sweep(
    engine: Engine,
    *,
    as_of: date,
    now: datetime,
    horizon: int,
    full: bool = False,
    listed: int = MAX_LISTED_TRANSITIONS,
) -> SweepOutcome:
    """Evaluate what may have changed as of `as_of` (everything when `full`), write transitions to
    status_history and the new status columns, and return the changes and the plans they touch."""
    started = time.perf_counter()
    with engine.connect() as connection, _checkpoint_after(connection) as checkpoint, connection.begin():
        last = _last_run(connection)
        full = full or needs_full(last, as_of=as_of, horizon=horizon)
        watermark = connection.execute(text("SELECT COALESCE(MAX(id), 0) FROM reports")).scalar_one()
        run_id = _open_run(connection, as_of=as_of, horizon=horizon, full=full, watermark=watermark, now=now)
        result = evaluate_pass(
            connection,
            as_of=as_of,
            horizon=horizon,
            now=now,
            full=full,
            watermark=last.report_watermark if last else 0,
            fresh=last is not None and last.horizon == horizon,
            last_as_of=last.as_of if last else None,
        )
        views = _views(connection, listed)
        plans = _plan_changes(connection)
        drop_temp_tables(connection)
        _close_run(connection, run_id, result, now)
    return SweepOutcome(
        run_id=run_id,
        as_of=as_of,
        full=full,
        touched=result.touched,
        written=result.written,
        transition_count=result.transitions,
        transitions=views,
        changed_plans=[plan.plan_key for plan in plans],
        plan_changes=plans,
        recurring=result.recurring,
        seconds=time.perf_counter() - started,
        checkpoint_seconds=checkpoint[0],
    )


@contextmanager
def _checkpoint_after(connection: Connection) -> Iterator[list[float]]:
    """SQLite: copy the pages the sweep wrote from the write-ahead log into the database right after
    its commit, and time it (the copy and its two fsyncs are most of what a commit costs; SQLite would
    do the same on the commit itself, untimed). Yields [seconds], filled in on the way out."""
    timed = [0.0]
    if connection.dialect.name != "sqlite":
        yield timed
        return
    connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
    connection.commit()
    try:
        yield timed
        started = time.perf_counter()
        connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        timed[0] = time.perf_counter() - started
    finally:
        connection.exec_driver_sql(f"PRAGMA wal_autocheckpoint = {SQLITE_AUTOCHECKPOINT}")
        connection.commit()


def _open_run(
    connection: Connection, *, as_of: date, horizon: int, full: bool, watermark: int, now: datetime
) -> int:
    table = SWEEP_RUNS
    inserted = connection.execute(
        table.insert().values(
            as_of=as_of,
            horizon=horizon,
            full=full,
            report_watermark=watermark,
            touched=0,
            changed=0,
            changed_plans=0,
            started_at=now,
        )
    )
    key = inserted.inserted_primary_key
    assert key is not None
    return int(key[0])


def _close_run(connection: Connection, run_id: int, result: PassResult, now: datetime) -> None:
    table = SWEEP_RUNS
    connection.execute(
        table.update()
        .where(table.c.id == run_id)
        .values(
            touched=result.touched,
            changed=result.transitions,
            changed_plans=result.changed_plans,
            finished_at=now,
        )
    )


def _views(connection: Connection, limit: int) -> list[TransitionView]:
    """The status changes of the pass just made (still in sweep_eval), named, at most `limit`."""
    rows = connection.execute(
        text(f"""
        SELECT e.id, p.key, t.section, t.task_key, u.name, a.role, e.old_status, e.status, e.overdue_days
        FROM sweep_eval e JOIN assignments a ON a.id = e.id JOIN plans p ON p.id = e.plan_id
          JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id
        WHERE {CHANGED} ORDER BY e.id LIMIT :limit"""),
        {"limit": limit},
    )
    # Straight from the database's typed columns: built without validation (a few µs each, thousands).
    return [
        TransitionView.model_construct(
            assignment_id=r[0],
            plan_key=r[1],
            section=r[2],
            task_key=r[3],
            unit=r[4],
            role=r[5],
            old_status=r[6],
            new_status=r[7],
            overdue_days=r[8] or 0,
        )
        for r in rows
    ]


def _plan_changes(connection: Connection) -> list[PlanChange]:
    rows = connection.execute(
        text(f"""
        SELECT p.key, e.status, COUNT(*), SUM(CASE WHEN e.old_status IS NULL THEN 1 ELSE 0 END)
        FROM sweep_eval e JOIN plans p ON p.id = e.plan_id WHERE {CHANGED}
        GROUP BY p.key, e.status ORDER BY p.key""")
    ).all()
    into: dict[str, dict[str, int]] = {}
    first: dict[str, int] = {}
    for key, status, count, new in rows:
        into.setdefault(key, {})[status] = int(count)
        first[key] = first.get(key, 0) + int(new or 0)
    return [PlanChange(plan_key=key, into=counts, first=first[key]) for key, counts in into.items()]
