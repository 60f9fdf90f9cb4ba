"""The daily sweep as a use case: one set-based pass in one transaction, and what it changed."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from itertools import starmap
from operator import attrgetter

from pydantic import BaseModel
from sqlalchemy import Connection, Engine, Table, text

from services.collector import collector_paused
from store.sweep import CHANGED, PassResult, drop_temp_tables, evaluate_pass
from store.sweep_tables import SweepRunRow

# More transitions than this in one sweep (a first run over a big store) are counted, not listed.
MAX_LISTED_TRANSITIONS = 50_000
SQLITE_AUTOCHECKPOINT = 1000  # pages: SQLite's default
SWEEP_RUNS: Table = SweepRunRow.__table__  # type: ignore[assignment]
_PLAN_AND_STATUS = attrgetter("plan_key", "new_status")


# TransitionView and PlanChange are plain slotted dataclasses, not pydantic models: a daily sweep
# builds thousands of them from rows its own SQL made, and validating each (or freezing it: a
# setattr per field) was some 15 ms of a 1M-assignment daily sweep. Treat them as read-only;
# pydantic still checks and dumps them as fields of SweepOutcome.
@dataclass(slots=True, unsafe_hash=True)
class TransitionView:
    """A status change with what an event or a notice needs to name it."""

    assignment_id: int
    plan_key: str
    section: str
    task_key: str
    unit: str
    role: str
    old_status: str | None
    new_status: str
    overdue_days: int


@dataclass(slots=True)
class PlanChange:
    """How one plan's assignments changed status in a sweep: how many moved into each status, and
    how many of them had none before (new or edited)."""

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
    seconds: float  # the whole pass, to its commit (the checkpoint: checkpoint_wal)


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
    with engine.connect() as connection, _no_checkpoint_on_commit(connection), connection.begin():
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
        with collector_paused():
            views = _views(connection, listed)
            plans = _plan_changes(connection, views, result.transitions)
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
    )


@contextmanager
def _no_checkpoint_on_commit(connection: Connection) -> Iterator[None]:
    """SQLite: the sweep's commit only appends its pages to the write-ahead log; copying them into
    the database (and the two fsyncs that makes durable) is left to `checkpoint_wal`, or else to the
    next commit of any connection, as SQLite's automatic checkpoint does. Without this the commit
    itself would copy them: two thirds of a daily sweep's time at 1M assignments."""
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
    connection.commit()
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA wal_autocheckpoint = {SQLITE_AUTOCHECKPOINT}")
        connection.commit()


class Checkpoint(BaseModel):
    """One copy of the write-ahead log into the database (SQLite): how long, the pages in the log,
    how many of them are in the database now (fewer when a reader still needs older versions)."""

    seconds: float
    pages: int
    copied: int


def checkpoint_wal(engine: Engine) -> Checkpoint:
    """SQLite: copy the pages in the write-ahead log into the database now (PASSIVE: never waits
    for readers), e.g. right after a sweep, when nothing else is writing. No-op elsewhere."""
    if engine.dialect.name != "sqlite":
        return Checkpoint(seconds=0.0, pages=0, copied=0)
    started = time.perf_counter()
    with engine.connect() as connection:
        row = connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
        connection.commit()
    return Checkpoint(seconds=time.perf_counter() - started, pages=int(row[1]), copied=int(row[2]))


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
        SELECT e.id, p.key, t.section, t.task_key, u.name, a.role, e.old_status, e.status,
          COALESCE(e.overdue_days, 0)
        FROM sweep_eval e JOIN assignments a ON a.id = e.id JOIN plans p ON p.id = e.plan_id
          JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id
        WHERE {CHANGED} ORDER BY e.id LIMIT :limit"""),
        {"limit": limit},
    ).all()
    return list(starmap(TransitionView, rows))


def _plan_changes(connection: Connection, views: list[TransitionView], count: int) -> list[PlanChange]:
    """Per plan, how many assignments moved into each status: counted from `views` when they list
    every transition (`count`), else in SQL."""
    moved: Counter[tuple[str, str]] = Counter()
    first: Counter[str] = Counter()
    if len(views) == count:
        # attrgetter walks the views in C: a generator's frame per view cost as much as the counting.
        moved.update(map(_PLAN_AND_STATUS, views))
        first.update(v.plan_key for v in views if v.old_status is None)
    else:
        for key, status, n, new in connection.execute(
            text(f"""
            SELECT p.key, e.status, COUNT(*), SUM(CASE WHEN e.old_status IS NULL THEN 1 ELSE 0 END)
            FROM sweep_eval e JOIN plans p ON p.id = e.plan_id WHERE {CHANGED}
            GROUP BY p.key, e.status""")
        ):
            moved[str(key), str(status)] += int(n)
            first[str(key)] += int(new or 0)
    into: dict[str, dict[str, int]] = {}
    for (key, status), n in moved.items():
        into.setdefault(key, {})[status] = n
    # Plans by key, each plan's statuses by name: sorting the plan keys alone (plain strings) costs a
    # fraction of sorting every (plan, status) pair as tuples.
    return [PlanChange(key, dict(sorted(into[key].items())), first[key]) for key in sorted(into)]
