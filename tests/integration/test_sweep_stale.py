"""A full pass finds exactly the rows whose stored status, report day or next change day is wrong,
wherever the due date falls among the day's thresholds (store.sweep_sql's stale test), on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, text

from models.deadlines import Deadline, DeadlineKind
from models.status import Lifecycle
from services.sweep import run_sweep
from store.database import transaction
from tests.integration.test_sweep_sql import HORIZON, NOW, _check, _store

AS_OF = date(2026, 6, 15)
# Not yet due, extended, due soon, due today, and overdue in each age bucket and past the last one.
OFFSETS = ((60, 1), (60, 2), (2, 1), (0, 1), (-10, 1), (-45, 1), (-90, 1), (-200, 1))


def _items() -> list[tuple[Deadline, Lifecycle, int, list[int]]]:
    return [
        (
            Deadline(text="ngày", kind=DeadlineKind.on_date, due=AS_OF + timedelta(days=days)),
            Lifecycle.active,
            v,
            [],
        )
        for days, v in OFFSETS
    ]


def _full(engine: Engine) -> int:
    return run_sweep(engine, as_of=AS_OF, now=NOW, horizon=HORIZON, full=True).written


@pytest.mark.parametrize("column", ["changes_on", "status", "reported_on"])
def test_a_full_pass_rewrites_only_the_row_whose_stored_column_is_wrong(engine: Engine, column: str) -> None:
    stored = _store(engine, _items())
    run_sweep(engine, as_of=AS_OF, now=NOW, horizon=HORIZON)
    assert _full(engine) == 0
    wrong = {"changes_on": date(2000, 1, 1), "status": "Hủy", "reported_on": date(2000, 1, 2)}[column]
    for assignment_id, _ in stored:
        with transaction(engine) as session:
            session.execute(
                text(f"UPDATE assignments SET {column} = :wrong WHERE id = :id"),
                {"wrong": wrong, "id": assignment_id},
            )
        assert _full(engine) == 1, (column, assignment_id)
        _check(engine, stored, AS_OF)


def test_a_kept_due_soon_day_for_another_due_date_is_worked_out_again(engine: Engine) -> None:
    stored = _store(engine, _items())
    run_sweep(engine, as_of=AS_OF, now=NOW, horizon=HORIZON)
    waiting = stored[0][0]
    with transaction(engine) as session:
        session.execute(
            text(
                "UPDATE assignments SET due_soon_on = :day, changes_on = :day, due_soon_of = :other "
                "WHERE id = :id"
            ),
            {"day": date(2000, 1, 1), "other": date(2000, 1, 8), "id": waiting},
        )
    assert _full(engine) == 1
    _check(engine, stored, AS_OF)
    assert _full(engine) == 0
