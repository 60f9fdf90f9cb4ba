"""The sweep's SQL agrees with models.status.evaluate_one, on SQLite and PostgreSQL, day after day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select, text

from models.deadlines import Deadline, DeadlineKind, Frequency, Recurrence
from models.status import Lifecycle, Tracked, evaluate_one
from services.sweep import run_sweep
from store.database import transaction
from store.tables import AssignmentRow, PlanRow, ReportRow, TaskRow, UnitRow

NOW = datetime(2026, 1, 1, tzinfo=UTC)
START = date(2025, 12, 1)
HORIZON = 5


@st.composite
def deadlines(draw: st.DrawFn) -> Deadline | None:
    kind = draw(st.sampled_from(["none", "on_date", "on_date", "recurring", "working_days"]))
    due = START + timedelta(days=draw(st.integers(0, 200)))
    if kind == "none":
        return None
    if kind == "working_days":  # counted from a day not known yet: no due date
        return Deadline(text="trong 10 ngày làm việc", kind=DeadlineKind.working_days, working_days=10)
    if kind == "recurring":
        frequency = draw(st.sampled_from([Frequency.monthly, Frequency.quarterly, Frequency.half_yearly]))
        day = draw(st.one_of(st.none(), st.integers(1, 28)))
        return Deadline(
            text="định kỳ",
            kind=DeadlineKind.recurring,
            start=START,
            due=due,
            recurrence=Recurrence(frequency=frequency, day=day, strictly_before=day is not None),
        )
    return Deadline(text="ngày", kind=DeadlineKind.on_date, due=due)


assignments = st.lists(
    st.tuples(
        deadlines(),
        st.sampled_from([Lifecycle.active] * 6 + [Lifecycle.cancelled, Lifecycle.paused]),
        st.integers(1, 2),  # deadline version: 2 means extended
        st.lists(st.integers(0, 260), max_size=2),  # report days after START
    ),
    min_size=1,
    max_size=25,
)
# Days to sweep: mostly forward (the incremental pass), sometimes back (a full one), some in one go.
# Between sweeps a report may come in: (which assignment, on which day after START).
steps = st.lists(
    st.tuples(
        st.integers(-20, 60),
        st.booleans(),
        st.one_of(st.none(), st.tuples(st.integers(0, 24), st.integers(0, 260))),
    ),
    min_size=1,
    max_size=6,
)


def _store(engine: Engine, items: list[tuple[Any, ...]]) -> list[tuple[int, Tracked]]:
    with engine.begin() as connection:
        for table in ("status_history", "reports", "assignments", "tasks", "plans", "units", "sweep_runs"):
            connection.execute(text(f"DELETE FROM {table}"))
    stored = []
    with transaction(engine) as session:
        plan = PlanRow(
            key="p", content_hash="h", kind="Kế hoạch", title="", source="", plan_file="", loaded_at=NOW
        )
        unit = UnitRow(name="Đơn vị", name_key="đơn vị")
        session.add_all([plan, unit])
        session.flush()
        task = TaskRow(plan_id=plan.id, task_key="T", title="Nhiệm vụ")
        session.add(task)
        session.flush()
        for n, (deadline, lifecycle, version, report_days) in enumerate(items):
            row = AssignmentRow(
                plan_id=plan.id,
                task_id=task.id,
                unit_id=unit.id,
                key=f"a{n}",
                role="lead",
                lifecycle=lifecycle.value,
                deadline_version=version,
                deadline=deadline.model_dump(mode="json") if deadline else None,
                deadline_kind=deadline.kind.value if deadline else None,
                due=deadline.due if deadline else None,
                effective_due=deadline.effective_due if deadline else None,
            )
            session.add(row)
            session.flush()
            session.add_all(
                ReportRow(assignment_id=row.id, reported_on=START + timedelta(days=d), recorded_at=NOW)
                for d in report_days
            )
            stored.append(
                (row.id, Tracked(key=row.key, deadline=deadline, lifecycle=lifecycle, extended=version > 1))
            )
    return stored


def _add_report(engine: Engine, assignment_id: int, on: date) -> None:
    with transaction(engine) as session:
        session.add(ReportRow(assignment_id=assignment_id, reported_on=on, recorded_at=NOW))


def _reports(engine: Engine) -> dict[int, list[date]]:
    found: dict[int, list[date]] = {}
    with transaction(engine) as session:
        for assignment_id, on in session.execute(select(ReportRow.assignment_id, ReportRow.reported_on)):
            found.setdefault(assignment_id, []).append(on)
    return found


def _check(engine: Engine, stored: list[tuple[int, Tracked]], as_of: date) -> None:
    reports = _reports(engine)
    with transaction(engine) as session:
        rows = {row.id: row for row in session.scalars(select(AssignmentRow))}
    for assignment_id, item in stored:
        expected = evaluate_one(item, reports.get(assignment_id, []), as_of, HORIZON)
        row = rows[assignment_id]
        got = (row.status, row.reported_on, row.changes_on)
        assert got == (expected.status.value, expected.reported_on, expected.changes_on), (item, as_of)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=assignments, days=steps)
def test_the_sweep_in_sql_agrees_with_evaluate_one_on_every_day(
    engine: Engine, items: list[Any], days: list[tuple[int, bool, tuple[int, int] | None]]
) -> None:
    stored = _store(engine, items)
    as_of = START
    for shift, full, report in days:
        if report is not None:
            _add_report(engine, stored[report[0] % len(stored)][0], START + timedelta(days=report[1]))
        as_of += timedelta(days=shift)
        run_sweep(engine, as_of=as_of, now=NOW, horizon=HORIZON, full=full)
        _check(engine, stored, as_of)
        # Every stored status is now right as of this day: its validity window holds the day.
        assert run_sweep(engine, as_of=as_of, now=NOW, horizon=HORIZON).touched == 0


def test_a_second_sweep_with_nothing_new_touches_nothing_and_a_report_touches_one(engine: Engine) -> None:
    deadline = Deadline(text="ngày 10/1/2026", kind=DeadlineKind.on_date, due=date(2026, 1, 9))
    stored = _store(engine, [(deadline, Lifecycle.active, 1, []), (deadline, Lifecycle.active, 1, [])])
    first = run_sweep(engine, as_of=date(2026, 1, 20), now=NOW, horizon=HORIZON)
    assert first.full and first.transition_count == 2 and first.changed_plans == ["p"]
    again = run_sweep(engine, as_of=date(2026, 1, 20), now=NOW, horizon=HORIZON)
    assert (again.full, again.touched, again.transition_count, again.changed_plans) == (False, 0, 0, [])
    with transaction(engine) as session:
        session.add(ReportRow(assignment_id=stored[0][0], reported_on=date(2026, 1, 21), recorded_at=NOW))
    later = run_sweep(engine, as_of=date(2026, 1, 22), now=NOW, horizon=HORIZON)
    assert later.touched == 1 and [t.new_status for t in later.transitions] == ["Hoàn thành quá hạn"]
    with transaction(engine) as session:
        history = session.execute(text("SELECT old_status, new_status FROM status_history ORDER BY id")).all()
    assert [tuple(h) for h in history][-1] == ("Quá hạn", "Hoàn thành quá hạn")


def test_a_full_pass_evaluates_every_row_where_the_daily_pass_touches_none(engine: Engine) -> None:
    deadline = Deadline(text="ngày 10/1/2026", kind=DeadlineKind.on_date, due=date(2026, 1, 9))
    stored = _store(engine, [(deadline, Lifecycle.active, 1, []), (None, Lifecycle.active, 1, [])])
    run_sweep(engine, as_of=date(2026, 1, 20), now=NOW, horizon=HORIZON)
    assert run_sweep(engine, as_of=date(2026, 1, 20), now=NOW, horizon=HORIZON).touched == 0
    full = run_sweep(engine, as_of=date(2026, 1, 20), now=NOW, horizon=HORIZON, full=True)
    assert (full.touched, full.transition_count) == (2, 0)
    _check(engine, stored, date(2026, 1, 20))
