"""The daily (incremental) sweep finds every change by index: reports entered after the last sweep
whatever day they carry, deadline extensions, lifecycle changes, recurring deadlines' next
occurrences — and its results equal models.status.evaluate_one, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, select, text

from models.deadlines import Deadline, DeadlineKind, Frequency, Recurrence
from models.status import Lifecycle, Status, Tracked, evaluate_one
from services.sweep import SweepOutcome, _plan_changes, _views, checkpoint_wal, run_sweep
from store.changes import Change, extend, set_lifecycle
from store.database import make_engine, migrate, transaction
from store.sweep import drop_temp_tables, evaluate_pass
from store.tables import AssignmentRow, PlanRow, ReportRow, TaskRow, UnitRow

NOW = datetime(2026, 1, 1, tzinfo=UTC)
HORIZON = 5
DUE = date(2026, 1, 9)
ON_DATE = Deadline(text="ngày 9/1/2026", kind=DeadlineKind.on_date, due=DUE)


def _store(engine: Engine, deadlines: list[Deadline | None], plans: int = 1) -> list[int]:
    """One assignment per deadline, spread over `plans` plans; returns their ids."""
    ids = []
    with transaction(engine) as session:
        unit = UnitRow(name="Đơn vị", name_key="đơn vị")
        session.add(unit)
        rows = []
        for p in range(plans):
            plan = PlanRow(
                key=f"p{p}", content_hash=f"h{p}", kind="Kế hoạch", title="", source="", plan_file="",
                loaded_at=NOW,
            )  # fmt: skip
            session.add(plan)
            session.flush()
            task = TaskRow(plan_id=plan.id, task_key="T", title="Nhiệm vụ")
            session.add(task)
            session.flush()
            rows.append((plan, task))
        for n, deadline in enumerate(deadlines):
            plan, task = rows[n % plans]
            row = AssignmentRow(
                plan_id=plan.id, task_id=task.id, unit_id=unit.id, key=f"a{n}", role="lead",
                lifecycle=Lifecycle.active.value, deadline_version=1,
                deadline=deadline.model_dump(mode="json") if deadline else None,
                deadline_kind=deadline.kind.value if deadline else None,
                due=deadline.due if deadline else None,
                effective_due=deadline.effective_due if deadline else None,
            )  # fmt: skip
            session.add(row)
            session.flush()
            ids.append(row.id)
    return ids


def _report(engine: Engine, assignment_id: int, on: date) -> None:
    with transaction(engine) as session:
        session.add(ReportRow(assignment_id=assignment_id, reported_on=on, recorded_at=NOW))


def _sweep(engine: Engine, as_of: date) -> SweepOutcome:
    return run_sweep(engine, as_of=as_of, now=NOW, horizon=HORIZON)


def _agrees(engine: Engine, assignment_id: int, as_of: date) -> str:
    """The stored status, report day and next change day equal evaluate_one's; returns the status."""
    with transaction(engine) as session:
        row = session.get_one(AssignmentRow, assignment_id)
        reports = list(
            session.scalars(select(ReportRow.reported_on).where(ReportRow.assignment_id == row.id))
        )
        item = Tracked(
            key=row.key,
            deadline=Deadline.model_validate(row.deadline) if row.deadline else None,
            lifecycle=Lifecycle(row.lifecycle),
            extended=row.deadline_version > 1,
        )
        expected = evaluate_one(item, reports, as_of, HORIZON)
        assert (row.status, row.reported_on, row.changes_on) == (
            expected.status.value,
            expected.reported_on,
            expected.changes_on,
        )
        return str(row.status)


def _first_report_on(engine: Engine, assignment_id: int) -> date | None:
    with engine.connect() as connection:
        value = connection.execute(
            text("SELECT first_report_on FROM assignments WHERE id = :id"), {"id": assignment_id}
        ).scalar()
    return date.fromisoformat(value) if isinstance(value, str) else value


def _change() -> Change:
    return Change(by="test", channel="cli", reason="lý do", at=NOW)


def test_a_report_dated_before_the_last_sweep_but_entered_after_it_is_found_by_the_daily_sweep(
    engine: Engine,
) -> None:
    [late, other] = _store(engine, [ON_DATE, ON_DATE])
    assert _sweep(engine, date(2026, 1, 20)).full
    assert _agrees(engine, late, date(2026, 1, 20)) == Status.overdue.value
    _report(engine, late, date(2026, 1, 5))  # the day it was done: before the due date and the sweep
    daily = _sweep(engine, date(2026, 1, 21))
    assert not daily.full and daily.touched == 1
    assert [(t.assignment_id, t.new_status) for t in daily.transitions] == [(late, Status.done_on_time.value)]
    assert _agrees(engine, late, date(2026, 1, 21)) == Status.done_on_time.value
    assert _agrees(engine, other, date(2026, 1, 21)) == Status.overdue.value
    assert _first_report_on(engine, late) == date(2026, 1, 5)
    assert _sweep(engine, date(2026, 1, 21)).touched == 0


def test_an_earlier_report_entered_later_moves_the_first_report_back_and_the_status_with_it(
    engine: Engine,
) -> None:
    [only] = _store(engine, [ON_DATE])
    _report(engine, only, date(2026, 1, 15))
    _sweep(engine, date(2026, 1, 20))
    assert _agrees(engine, only, date(2026, 1, 20)) == Status.done_late.value
    _report(engine, only, date(2026, 1, 8))
    _report(engine, only, date(2026, 1, 18))  # later than the first: changes nothing by itself
    daily = _sweep(engine, date(2026, 1, 21))
    assert [t.new_status for t in daily.transitions] == [Status.done_on_time.value]
    assert _first_report_on(engine, only) == date(2026, 1, 8)
    assert _agrees(engine, only, date(2026, 1, 21)) == Status.done_on_time.value


def test_a_report_dated_ahead_takes_effect_on_its_day_through_the_daily_sweep(engine: Engine) -> None:
    [only] = _store(engine, [ON_DATE])
    _sweep(engine, date(2026, 1, 2))
    _report(engine, only, date(2026, 1, 6))  # recorded now, dated four days ahead
    for day in range(3, 9):
        _sweep(engine, date(2026, 1, day))
        _agrees(engine, only, date(2026, 1, day))
    assert _agrees(engine, only, date(2026, 1, 8)) == Status.done_on_time.value


def test_a_deadline_extension_is_evaluated_by_the_next_daily_sweep(engine: Engine) -> None:
    [extended, kept] = _store(engine, [ON_DATE, ON_DATE])
    _sweep(engine, date(2026, 1, 20))
    with transaction(engine) as session:
        extend(session, str(extended), to=date(2026, 3, 2), change=_change())
    daily = _sweep(engine, date(2026, 1, 21))
    assert daily.touched == 1
    assert _agrees(engine, extended, date(2026, 1, 21)) == Status.extended.value
    assert _agrees(engine, kept, date(2026, 1, 21)) == Status.overdue.value
    for day in (date(2026, 2, 20), date(2026, 2, 24), date(2026, 3, 3)):  # due soon, then overdue again
        _sweep(engine, day)
        _agrees(engine, extended, day)
    assert _agrees(engine, extended, date(2026, 3, 3)) == Status.overdue.value


def test_a_cancellation_and_a_resumption_are_evaluated_by_the_next_daily_sweep(engine: Engine) -> None:
    [changed] = _store(engine, [ON_DATE])
    _sweep(engine, date(2026, 1, 20))
    with transaction(engine) as session:
        set_lifecycle(session, str(changed), Lifecycle.cancelled, _change())
    assert [t.new_status for t in _sweep(engine, date(2026, 1, 21)).transitions] == [Status.cancelled.value]
    with transaction(engine) as session:
        set_lifecycle(session, str(changed), Lifecycle.active, _change())
    assert [t.new_status for t in _sweep(engine, date(2026, 1, 22)).transitions] == [Status.overdue.value]
    _agrees(engine, changed, date(2026, 1, 22))


def test_a_recurring_deadline_moves_to_its_next_occurrence_day_after_day(engine: Engine) -> None:
    monthly = Deadline(
        text="định kỳ hằng tháng, trước ngày 10",
        kind=DeadlineKind.recurring,
        start=date(2026, 1, 1),
        due=date(2026, 1, 9),
        recurrence=Recurrence(frequency=Frequency.monthly, day=10, strictly_before=True),
    )
    [recurring] = _store(engine, [monthly])
    seen = set()
    day = date(2026, 1, 1)
    while day < date(2026, 3, 20):
        if day == date(2026, 2, 3):
            _report(engine, recurring, date(2026, 2, 2))  # January's, late
        _sweep(engine, day)
        seen.add(_agrees(engine, recurring, day))
        day += timedelta(days=1)
    assert {Status.not_due.value, Status.due_soon.value, Status.overdue.value} <= seen


def test_plan_changes_counted_from_the_listed_transitions_equal_those_counted_in_sql(engine: Engine) -> None:
    deadlines = [ON_DATE, None, ON_DATE.model_copy(update={"due": date(2026, 2, 2)}), ON_DATE] * 3
    ids = _store(engine, deadlines, plans=3)
    _sweep(engine, date(2026, 1, 5))
    _report(engine, ids[0], date(2026, 1, 8))
    with engine.connect() as connection, connection.begin():
        count = evaluate_pass(
            connection, as_of=date(2026, 1, 20), horizon=HORIZON, now=NOW, full=False, watermark=0,
            last_as_of=date(2026, 1, 5),
        ).transitions  # fmt: skip
        views = _views(connection, 1_000)
        assert len(views) == count > 3
        from_views = _plan_changes(connection, views, count)
        in_sql = _plan_changes(connection, views[:1], count)
        drop_temp_tables(connection)
        connection.rollback()
    assert from_views == in_sql
    assert sum(n for change in from_views for n in change.into.values()) == count


def _statuses_in_the_database_file(path: Path, copy: Path) -> set[str | None]:
    """The statuses in the database file alone, without its write-ahead log."""
    shutil.copyfile(path, copy)
    with closing(sqlite3.connect(copy)) as connection:
        return {status for (status,) in connection.execute("SELECT status FROM assignments")}


def test_the_sweep_leaves_its_pages_in_the_write_ahead_log_until_checkpoint_wal(tmp_path: Path) -> None:
    path = tmp_path / "wal.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    _store(engine, [ON_DATE] * 20)
    checkpoint_wal(engine)
    assert _sweep(engine, date(2026, 1, 20)).transition_count == 20
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
    assert _statuses_in_the_database_file(path, tmp_path / "before.sqlite3") == {None}
    done = checkpoint_wal(engine)
    assert done.pages == done.copied > 0
    assert _statuses_in_the_database_file(path, tmp_path / "after.sqlite3") == {Status.overdue.value}
    engine.dispose()
