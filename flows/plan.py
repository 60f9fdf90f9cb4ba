"""`plan_flow`: one plan as of a day — a task run per assignment, wired as the plan's DAG, each ending
in a state named for its status, and the plan's artifacts (table, summary, progress, timeline)."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

from prefect import allow_failure, flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State
from prefect.futures import PrefectFuture, wait
from prefect.states import Cancelled, Completed, Failed

from models.status import Status

# The UI colours a run by its state type; the name is what a coordinator reads. Overdue is red
# (Failed); downstream runs wait on it through allow_failure, so they still report their own status.
_STATE_TYPES = {
    Status.overdue: Failed,
    Status.cancelled: Cancelled,
    Status.paused: Cancelled,
}
ROLE_NAMES = {"lead": "chủ trì", "participant": "phối hợp"}


@task(name="assignment", cache_policy=NO_CACHE, retries=0)
def assess(assignment: dict[str, Any]) -> State[Any]:
    """End in the assignment's status: Completed/Failed/Cancelled named in Vietnamese."""
    status = Status(assignment["status"])
    make = _STATE_TYPES.get(status, Completed)
    message = f"{assignment['unit']} ({assignment['role']}): {status.value}"
    if assignment.get("effective_due"):
        message += f", hạn {assignment['effective_due']}"
    if assignment.get("overdue_days"):
        message += f", quá hạn {assignment['overdue_days']} ngày"
    # No data: Prefect links a task to another by the identity of returned objects, and reused
    # dicts would draw edges the DAG does not have.
    return make(name=status.value, message=message)


def run_name(section: str, unit: str, role: str) -> str:
    return f"{section} · {unit} ({ROLE_NAMES.get(role, role)})"


def _submit_all(snapshot: Any) -> list[PrefectFuture[Any]]:
    """Submit in DAG order; each assignment waits for every assignment of the tasks before it."""
    by_task: dict[str, list[PrefectFuture[Any]]] = {}
    order = {task: n for n, task in enumerate(snapshot.dag.order())}
    lines = sorted(snapshot.lines, key=lambda line: order.get(line.assignment.task_key, len(order)))
    futures: list[PrefectFuture[Any]] = []
    for line in lines:
        view, evaluation = line.assignment, line.evaluation
        before = snapshot.dag.predecessors(view.task_key) if view.task_key in snapshot.dag.tasks else []
        waits = [allow_failure(f) for p in before for f in by_task.get(p, [])]
        payload = {
            "id": view.id,
            "key": view.key,
            "section": view.section,
            "task": view.task,
            "unit": view.unit,
            "role": ROLE_NAMES.get(view.role, view.role),
            "status": evaluation.status.value,
            "effective_due": evaluation.effective_due.isoformat() if evaluation.effective_due else None,
            "overdue_days": evaluation.overdue_days,
        }
        named = assess.with_options(task_run_name=run_name(view.section, view.unit, view.role))
        future = named.submit(payload, wait_for=waits)  # type: ignore[call-overload]
        by_task.setdefault(view.task_key, []).append(future)
        futures.append(future)
    return futures


def _flow_run_name() -> str:
    from prefect.runtime import flow_run

    parameters = flow_run.parameters
    return f"{parameters.get('plan_key')} · {parameters.get('as_of') or 'hôm nay'}"


@flow(name="plan", flow_run_name=_flow_run_name, log_prints=False)
def plan_flow(plan_key: str, as_of: date | None = None) -> dict[str, Any]:
    """Evaluate one plan as of a day and show it: its assignments as task runs in its DAG, and its
    artifacts. A plan whose tasks wait for each other in a circle fails with the path that closes it."""
    from flows.publish import publish
    from models.dag import DependencyCycle
    from services.context import Context
    from services.plan_view import load_snapshot

    context = Context()
    day = as_of or context.today()
    snapshot = load_snapshot(context.engine, plan_key, day, context.settings.reminder_horizon_days)
    if snapshot.cycle:
        publish(snapshot, context.settings.public_base_url)
        found = snapshot.dag.cycle() or []
        raise DependencyCycle(plan_key, found, [snapshot.dag.edge(a, b) for a, b in pairwise(found)])
    futures = _submit_all(snapshot)
    wait(futures)
    keys = publish(snapshot, context.settings.public_base_url)
    get_run_logger().info("plan %s as of %s: %d assignments", plan_key, day, len(futures))
    counts: dict[str, int] = {}
    for line in snapshot.lines:
        counts[line.evaluation.status.value] = counts.get(line.evaluation.status.value, 0) + 1
    return {
        "plan": plan_key,
        "as_of": day.isoformat(),
        "assignments": len(futures),
        "statuses": counts,
        "artifacts": keys,
    }
