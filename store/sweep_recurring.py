"""Recurring deadlines in the sweep: their occurrences need the calendar walk of models.deadlines, so
the few such rows among those the sweep touches are evaluated in Python and written through the same
temp table (sweep_eval) as the rest."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, text

from models.deadlines import Deadline
from models.status import Lifecycle, Tracked, evaluate_one
from store.sweep_inputs import as_day
from store.sweep_sql import RECURRING

EVAL_COLUMNS = (
    "id, plan_id, old_status, status, overdue_days, reported_on, changes_on, due, soon_from, first_report"
)


def evaluate_recurring(connection: Connection, as_of: date, horizon: int, *, everything: bool = False) -> int:
    """Evaluate the touched rows (`everything`: all rows) with a recurring deadline into sweep_eval, in
    place of what the set-based statement made of them; returns how many."""
    touched = "" if everything else "a.id IN (SELECT id FROM sweep_touched) AND"
    # The statement read them as deadlines without a day (store.sweep_sql.evaluation_insert).
    connection.execute(text(f"""DELETE FROM sweep_eval WHERE id IN
        (SELECT a.id FROM assignments a WHERE {touched} a.deadline_kind = '{RECURRING}')"""))
    rows = connection.execute(
        text(f"""
        SELECT a.id, a.plan_id, a.key, a.status, a.deadline, a.lifecycle, a.deadline_version,
          a.status_as_of, a.reported_on, a.changes_on, a.first_report_on
        FROM assignments a
        WHERE {touched} a.deadline_kind = '{RECURRING}'""")
    ).all()
    if not rows:
        return 0
    reports: dict[int, list[date]] = {}
    # IN (…): the few recurring rows first, then their reports by index, whatever the planner guesses.
    query = f"""SELECT r.assignment_id, r.reported_on FROM reports r WHERE r.assignment_id IN
        (SELECT a.id FROM assignments a WHERE {touched} a.deadline_kind = '{RECURRING}')"""
    for assignment_id, on in connection.execute(text(query)):
        reports.setdefault(assignment_id, []).append(as_day(on))  # type: ignore[arg-type]
    found = [_values(row, reports.get(row.id, []), as_of, horizon) for row in rows]
    stale = [values for row, values in zip(rows, found, strict=True) if _stale(row, values, as_of)]
    if stale:
        connection.execute(
            text(
                f"INSERT INTO sweep_eval ({EVAL_COLUMNS}) VALUES (:id, :plan_id, :old_status, :status, "
                ":overdue_days, :reported_on, :changes_on, NULL, NULL, :first_report)"
            ),
            stale,
        )
    return len(rows)


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _stale(row: Any, values: dict[str, Any], as_of: date) -> bool:
    """The stored columns differ from the evaluated ones, or were worked out on a later day: the day
    a row was worked out on starts its validity window, which must hold `as_of`."""
    worked_out = as_day(row.status_as_of)
    return (
        worked_out is None
        or worked_out > as_of
        or (row.status, _iso(row.reported_on), _iso(row.changes_on), _iso(row.first_report_on))
        != (values["status"], values["reported_on"], values["changes_on"], values["first_report"])
    )


def _values(row: Any, reports: Sequence[date], as_of: date, horizon: int) -> dict[str, Any]:
    deadline = _parse(row.deadline if isinstance(row.deadline, str) else json.dumps(row.deadline))
    item = Tracked(
        key=row.key, deadline=deadline, lifecycle=Lifecycle(row.lifecycle), extended=row.deadline_version > 1
    )
    found = evaluate_one(item, reports, as_of, horizon)
    return {
        "id": row.id,
        "plan_id": row.plan_id,
        "old_status": row.status,
        "status": found.status.value,
        "overdue_days": found.overdue_days,
        "reported_on": found.reported_on.isoformat() if found.reported_on else None,
        "changes_on": found.changes_on.isoformat() if found.changes_on else None,
        "first_report": min(reports).isoformat() if reports else None,
    }


@lru_cache(maxsize=1024)
def _parse(stored: str) -> Deadline:
    # The members of a group share their task's deadline: one parse for all of them.
    return Deadline.model_validate_json(stored)
