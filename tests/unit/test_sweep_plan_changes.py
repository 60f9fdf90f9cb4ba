"""How a sweep's transitions are counted per plan (services.sweep._plan_changes, from the listed views)."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection

from models.status import Status
from services.sweep import PlanChange, TransitionView, _plan_changes

NOT_DUE, DUE_SOON, OVERDUE = Status.not_due.value, Status.due_soon.value, Status.overdue.value


def _view(n: int, plan: str, old: str | None, new: str) -> TransitionView:
    return TransitionView(n, plan, "II.1", f"T{n}", "Sở Y tế", "lead", old, new, 0)


# Every transition is listed, so the counts come from the views and the database is never asked.
NO_DATABASE = cast(Connection, cast(Any, None))


def test_plan_changes_list_plans_by_key_and_each_plans_statuses_by_name() -> None:
    views = [
        _view(1, "plan-b", NOT_DUE, OVERDUE),
        _view(2, "plan-a", None, NOT_DUE),
        _view(3, "plan-b", NOT_DUE, DUE_SOON),
        _view(4, "plan-10", DUE_SOON, OVERDUE),
        _view(5, "plan-b", None, OVERDUE),
        _view(6, "plan-2", None, DUE_SOON),
    ]
    changes = _plan_changes(NO_DATABASE, views, len(views))
    assert [change.plan_key for change in changes] == ["plan-10", "plan-2", "plan-a", "plan-b"]
    plan_b = changes[-1]
    assert plan_b == PlanChange("plan-b", {OVERDUE: 2, DUE_SOON: 1}, first=1)
    assert list(plan_b.into) == sorted([OVERDUE, DUE_SOON])
    assert [change.first for change in changes] == [0, 1, 1, 1]


def test_plan_changes_of_a_sweep_without_transitions_are_empty() -> None:
    assert _plan_changes(NO_DATABASE, [], 0) == []
