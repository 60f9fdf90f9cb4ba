"""The sweep's plan flows as runs of the `plan` deployment, for a work pool's workers to share.

Under a work pool the sweep does not run the chosen plans itself: it creates one flow run of the
`plan` deployment per plan and returns. Every worker polling the pool may see those runs; the one
whose Scheduled → Pending transition the server accepts runs it, and the server refuses the same
transition to every other worker (Prefect's `PreventPendingTransitions` rule), so each plan runs
once, on one machine. Each run carries an idempotency key, so a retried create (a lost answer, a
retried call) returns the run already made instead of making a second one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import cast

from services.sweep import PlanChange

PLAN_DEPLOYMENT = "plan/plan"  # flow name / deployment name, as in prefect.yaml and flows/serve.py


def idempotency_key(plan_key: str, as_of: date, sweep_run: int) -> str:
    """One key per plan, day and sweep pass (the store's sweep run id). Not the plan and day alone: a
    second pass the same day that finds the plan changed again must refresh its view."""
    return f"dondoc-plan:{plan_key}:{as_of.isoformat()}:sweep-{sweep_run}"


def start_plan_runs(
    changes: Sequence[PlanChange], as_of: date, sweep_run: int, deployment: str = PLAN_DEPLOYMENT
) -> tuple[dict[str, str], dict[str, str]]:
    """Create a `plan` deployment run per changed plan without waiting for it: (plan → flow run
    name, plan → why it could not be created)."""
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    started: dict[str, str] = {}
    failed: dict[str, str] = {}
    for change in changes:
        try:
            run = run_deployment(  # sync here: the sweep flow is not async
                deployment,
                parameters={"plan_key": change.plan_key, "as_of": as_of.isoformat()},
                flow_run_name=f"{change.plan_key} · {as_of.isoformat()}",
                timeout=0,
                idempotency_key=idempotency_key(change.plan_key, as_of, sweep_run),
            )
        except Exception as error:  # one plan that cannot start must not stop the others
            failed[change.plan_key] = f"{type(error).__name__}: {error}"
            continue
        started[change.plan_key] = cast(FlowRun, run).name
    return started, failed
