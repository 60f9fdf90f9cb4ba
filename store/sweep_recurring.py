"""Recurring deadlines in the sweep: their occurrences need the calendar walk of models.deadlines, so
the few such rows among those the sweep touches are evaluated in Python and written through the same
temp table (sweep_eval) as the rest."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, text

from models.deadlines import Deadline
from models.status import Lifecycle, Tracked, evaluate_one
from store.sweep_inputs import as_day
from store.sweep_sql import RECURRING

EVAL_COLUMNS = (
    "id, plan_id, old_status, status, overdue_days, reported_on, changes_on, due, soon_from, first_report"
)


def evaluate_recurring(connection: Connection, as_of: date, horizon: int, *, everything: bool = False) -> int:
    """Evaluate the touched rows (`everything`: all rows) with a recurring deadline into sweep_eval;
    returns how many."""
    touched = "" if everything else "a.id IN (SELECT id FROM sweep_touched) AND"
    rows = connection.execute(
        text(f"""
        SELECT a.id, a.plan_id, a.key, a.status, a.deadline, a.lifecycle, a.deadline_version
        FROM assignments a
        WHERE {touched} a.deadline_kind = '{RECURRING}'""")
    ).all()
    if not rows:
        return 0
    reports: dict[int, list[date]] = {}
    query = text("SELECT assignment_id, reported_on FROM reports WHERE assignment_id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    for assignment_id, on in connection.execute(query, {"ids": [row.id for row in rows]}):
        reports.setdefault(assignment_id, []).append(as_day(on))  # type: ignore[arg-type]
    # Each is written, unchanged or not: the day it was worked out on starts its validity window.
    connection.execute(
        text(
            f"INSERT INTO sweep_eval ({EVAL_COLUMNS}) VALUES (:id, :plan_id, :old_status, :status, "
            ":overdue_days, :reported_on, :changes_on, NULL, NULL, :first_report)"
        ),
        [_values(row, reports.get(row.id, []), as_of, horizon) for row in rows],
    )
    return len(rows)


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
