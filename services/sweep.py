"""The daily sweep as a use case: one set-based pass in one transaction, and what it changed."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, Engine, Table, bindparam, text

from store.sweep import PassResult, Transition, drop_temp_tables, evaluate_pass, transitions
from store.sweep_tables import SweepRunRow

# More transitions than this in one sweep (a first run over a big store) are counted, not listed.
MAX_LISTED_TRANSITIONS = 50_000
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


class SweepOutcome(BaseModel):
    run_id: int
    as_of: date
    full: bool
    touched: int  # -1: every assignment (a full pass)
    written: int
    transition_count: int
    transitions: list[TransitionView]
    changed_plans: list[str]
    recurring: int
    seconds: float


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
    with engine.begin() as connection:
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
        views = _views(connection, transitions(connection, listed))
        plans = _plan_keys(connection, result.changed_plan_ids)
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
        changed_plans=plans,
        recurring=result.recurring,
        seconds=time.perf_counter() - started,
    )


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
            changed_plans=len(result.changed_plan_ids),
            finished_at=now,
        )
    )


def _chunks(items: Sequence[int], size: int = 5000) -> list[Sequence[int]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _views(connection: Connection, found: list[Transition]) -> list[TransitionView]:
    names: dict[int, tuple[str, str, str, str, str]] = {}
    query = text("""
        SELECT a.id, p.key, t.section, t.task_key, u.name, a.role FROM assignments a
        JOIN plans p ON p.id = a.plan_id JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id
        WHERE a.id IN :ids""").bindparams(bindparam("ids", expanding=True))
    for chunk in _chunks([t.assignment_id for t in found]):
        for row in connection.execute(query, {"ids": list(chunk)}):
            names[row[0]] = (row[1], row[2], row[3], row[4], row[5])
    return [
        TransitionView(
            assignment_id=t.assignment_id,
            plan_key=names[t.assignment_id][0],
            section=names[t.assignment_id][1],
            task_key=names[t.assignment_id][2],
            unit=names[t.assignment_id][3],
            role=names[t.assignment_id][4],
            old_status=t.old_status,
            new_status=t.new_status,
            overdue_days=t.overdue_days,
        )
        for t in found
    ]


def _plan_keys(connection: Connection, ids: list[int]) -> list[str]:
    query = text("SELECT key FROM plans WHERE id IN :ids ORDER BY key").bindparams(
        bindparam("ids", expanding=True)
    )
    return [key for chunk in _chunks(ids) for (key,) in connection.execute(query, {"ids": list(chunk)})]
