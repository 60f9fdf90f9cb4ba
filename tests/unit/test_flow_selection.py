"""Which changed plans a sweep runs a flow for: a bounded number, the ones a coordinator most needs."""

from __future__ import annotations

from datetime import date

from flows.adapters import Step
from flows.selection import choose_plan_flows, score
from flows.sweep_summary import LISTED_PLANS, summary
from models.status import Status
from services.sweep import PlanChange, SweepOutcome


def _change(key: str, **into: int) -> PlanChange:
    names = {name: Status[name].value for name in into}
    return PlanChange(plan_key=key, into={names[name]: n for name, n in into.items()})


def test_a_newly_overdue_assignment_outranks_many_plans_entering_their_reminder_window() -> None:
    overdue = _change("b", overdue=1)
    soon = _change("a", due_soon=12)
    chosen, rest = choose_plan_flows([soon, overdue], limit=1)
    assert [c.plan_key for c in chosen] == ["b"] and [c.plan_key for c in rest] == ["a"]


def test_reports_coming_in_rank_above_first_evaluations_and_ties_go_by_key() -> None:
    changes = [_change("c", not_due=9), _change("b", done_on_time=1), _change("a", done_on_time=1)]
    chosen, rest = choose_plan_flows(changes, limit=2)
    assert [c.plan_key for c in chosen] == ["a", "b"] and [c.plan_key for c in rest] == ["c"]
    assert score(changes[0]) == 9


def test_a_small_store_runs_a_flow_for_every_changed_plan() -> None:
    changes = [_change(f"p{n}", not_due=1) for n in range(5)]
    chosen, rest = choose_plan_flows(changes, limit=50)
    assert len(chosen) == 5 and rest == []


def test_the_flow_runs_never_exceed_the_limit_however_many_plans_changed() -> None:
    changes = [_change(f"p{n:04}", overdue=n % 7, due_soon=1) for n in range(2000)]
    chosen, rest = choose_plan_flows(changes, limit=50)
    assert len(chosen) == 50 and len(rest) == 1950
    assert min(score(c) for c in chosen) >= max(score(c) for c in rest)


def test_the_sweep_artifact_lists_the_plans_without_a_flow_run_most_important_first() -> None:
    changes = [_change(f"p{n:04}", overdue=n % 3, due_soon=2) for n in range(LISTED_PLANS + 60)]
    chosen, rest = choose_plan_flows(changes, limit=10)
    outcome = SweepOutcome(
        run_id=1,
        as_of=date(2026, 11, 23),
        full=False,
        touched=900,
        written=900,
        transition_count=800,
        transitions=[],
        changed_plans=sorted(c.plan_key for c in changes),
        plan_changes=changes,
        recurring=0,
        seconds=0.1,
    )
    text = summary(outcome, 800, [Step(name="feeds", ran=True, detail="ok")], {"p0002": "boom"}, chosen, rest)
    assert "chạy luồng kế hoạch cho 10" in text and "p0002 — **lỗi**: boom" in text
    table = [line for line in text.splitlines() if line.startswith("| p")]
    assert len(table) == LISTED_PLANS and table[0].split(" | ")[1] == "2"  # two newly overdue
    assert "… và 50 kế hoạch khác." in text
