"""The sweep's plan flows as deployment runs: one per plan, each with a key a retry cannot duplicate."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from flows import fanout
from flows.fanout import idempotency_key, start_plan_runs
from services.sweep import PlanChange

DAY = date(2026, 11, 23)


def test_the_key_names_the_plan_the_day_and_the_sweep_pass() -> None:
    key = idempotency_key("45-KH/TU/2026@ban-thuong-vu-thanh-uy", DAY, 7)
    assert key == idempotency_key("45-KH/TU/2026@ban-thuong-vu-thanh-uy", DAY, 7)
    assert key != idempotency_key("45-KH/TU/2026@ban-thuong-vu-thanh-uy", DAY, 8)  # a later pass
    assert key != idempotency_key("45-KH/TU/2026@ban-thuong-vu-thanh-uy", date(2026, 11, 24), 7)
    assert key != idempotency_key("12-KH/HU/2026@ban-thuong-vu-huyen-uy-an-lac", DAY, 7)


def test_each_chosen_plan_becomes_one_run_and_a_failure_does_not_stop_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[dict[str, Any]] = []

    def run_deployment(name: str, **options: Any) -> SimpleNamespace:
        calls.append({"name": name, **options})
        if options["parameters"]["plan_key"] == "b":
            raise RuntimeError("API gone")
        return SimpleNamespace(name=f"run-{len(calls)}")

    monkeypatch.setattr("prefect.deployments.run_deployment", run_deployment)
    changes = [PlanChange(plan_key=key, into={"Quá hạn": 1}) for key in ("a", "b", "c")]
    started, failed = start_plan_runs(changes, DAY, sweep_run=3)
    assert started == {"a": "run-1", "c": "run-3"}
    assert failed == {"b": "RuntimeError: API gone"}
    assert [call["name"] for call in calls] == [fanout.PLAN_DEPLOYMENT] * 3
    assert all(call["timeout"] == 0 for call in calls)  # the sweep does not wait: the workers run them
    assert len({call["idempotency_key"] for call in calls}) == 3
    assert calls[0]["parameters"] == {"plan_key": "a", "as_of": "2026-11-23"}


def test_the_sweep_summary_names_the_run_each_plan_was_handed_to() -> None:
    from flows.sweep_summary import summary
    from services.sweep import SweepOutcome

    changes = [PlanChange(plan_key=key, into={"Quá hạn": 1}) for key in ("a", "b")]
    outcome = SweepOutcome(
        run_id=3,
        as_of=DAY,
        full=False,
        touched=2,
        written=2,
        transition_count=2,
        transitions=[],
        changed_plans=["a", "b"],
        plan_changes=changes,
        recurring=0,
        seconds=0.1,
    )
    failed = {"b": "RuntimeError: API gone"}
    text = summary(outcome, 2, [], failed, changes, [], started={"a": "a · 2026-11-23"})
    assert "  - a — đã giao cho worker: `a · 2026-11-23`" in text
    assert "  - b — **lỗi**: RuntimeError: API gone" in text
