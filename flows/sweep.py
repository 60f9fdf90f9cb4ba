"""`daily_sweep`: one set-based pass over every assignment, then events, escalation, feeds, and a
plan flow for each of the (at most `max_plan_flows`) changed plans that matter most — nothing for
plans that did not change. Under a work pool the plan flows are deployment runs the workers share
(flows/fanout.py); the pass itself stays one task: it is one set-based statement per step, and
splitting it would cost more round trips than it saves."""

from __future__ import annotations

from datetime import date
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.adapters import Step
from flows.fanout import start_plan_runs
from flows.selection import MAX_PLAN_FLOWS, choose_plan_flows
from flows.sweep_summary import summary
from services.sweep import PlanChange, SweepOutcome

SWEEP_ARTIFACT = "daily-sweep"


@task(name="evaluate", cache_policy=NO_CACHE)
def evaluate(as_of: date, full: bool) -> SweepOutcome:
    """The SQL pass: transitions to status_history, new status columns, the plans that changed."""
    from services.context import Context
    from services.sweep import checkpoint_wal, run_sweep

    context = Context()
    outcome = run_sweep(
        context.engine,
        as_of=as_of,
        now=context.now(),
        full=full,
        horizon=context.settings.reminder_horizon_days,
    )
    checkpoint_wal(context.engine)  # the pass left its pages in SQLite's log: copy them before mail and feeds
    return outcome


@task(name="events", cache_policy=NO_CACHE)
def events(outcome: SweepOutcome) -> int:
    """This pass's changes as events, and any an earlier sweep committed but did not get to send
    (`outcome`: run after the pass, and drawn so in the run's graph)."""
    from flows.events import announce_pending
    from services.context import Context

    return announce_pending(Context().engine)


@task(name="escalation", cache_policy=NO_CACHE)
def escalation(as_of: date) -> Step:
    from flows.adapters import escalate
    from services.context import Context

    context = Context()
    return _logged(escalate(context, as_of, context.now()))


@task(name="feeds", cache_policy=NO_CACHE)
def feeds(as_of: date, outcome: SweepOutcome) -> Step:
    from flows.adapters import rebuild_feeds
    from services.context import Context

    # The assignments whose status changed, when all are listed; else every feed is checked.
    listed = len(outcome.transitions) == outcome.transition_count
    changed = [t.assignment_id for t in outcome.transitions] if listed else None
    return _logged(rebuild_feeds(Context(), as_of, changed))


def _logged(step: Step) -> Step:
    log = get_run_logger()
    (log.info if step.ran else log.warning)("%s: %s", step.name, step.detail)
    return step


def _flow_run_name() -> str:
    from prefect.runtime import flow_run

    as_of = flow_run.parameters.get("as_of")
    return f"sweep · {as_of or 'hôm nay'}" + (" · full" if flow_run.parameters.get("full") else "")


@flow(name="daily-sweep", flow_run_name=_flow_run_name)
def daily_sweep(
    as_of: date | None = None,
    full: bool = False,
    max_plan_flows: int = MAX_PLAN_FLOWS,
    distribute: bool = False,
) -> dict[str, Any]:
    """Evaluate every assignment whose stored status may be wrong as of a day (`full`: every
    assignment, and the due-soon days checked against the holiday calendar), record and announce
    the changes, escalate, rebuild feeds, and refresh the plan flows of at most `max_plan_flows`
    changed plans, those a coordinator most needs to see; the others are listed in the sweep's
    artifact.

    `distribute` (a work pool's deployment sets it): each chosen plan becomes a run of the `plan`
    deployment that any worker may take, and the sweep does not wait for them; otherwise the plans
    run here, one subflow after another."""
    from services.context import Context

    day = as_of or Context().today()
    outcome = evaluate(day, full)
    sent = events(outcome)
    steps = [escalation(day), feeds(day, outcome)]
    changes, through = _plans_behind()  # this pass's changed plans, and any a stopped sweep left
    chosen, rest = choose_plan_flows(changes, max_plan_flows)
    if distribute:
        started, failed = start_plan_runs(chosen, day, outcome.run_id)
    else:
        started, failed = {}, _run_plans_here(chosen, day)
    _plans_shown(through)
    create_markdown_artifact(
        markdown=summary(outcome, sent, steps, failed, chosen, rest, started=started),
        key=SWEEP_ARTIFACT,
        description=f"Quét trạng thái ngày {day:%d/%m/%Y}",
    )
    return {
        "as_of": day.isoformat(),
        "full": outcome.full,
        "touched": outcome.touched,
        "transitions": outcome.transition_count,
        "events": sent,
        "changed_plans": outcome.changed_plans,
        "plan_flows": [change.plan_key for change in chosen],
        "plan_runs": started,
        "failed_plans": failed,
        "steps": {s.name: s.detail for s in steps},
    }


def _plans_behind() -> tuple[list[PlanChange], int]:
    from services.context import Context
    from services.sweep_events import pending_plan_changes

    with Context().engine.begin() as connection:
        return pending_plan_changes(connection)


def _plans_shown(through: int) -> None:
    from services.context import Context
    from services.sweep_events import PLAN_FLOWS, mark_sent

    with Context().engine.begin() as connection:
        mark_sent(connection, through, PLAN_FLOWS)


def _run_plans_here(chosen: list[PlanChange], day: date) -> dict[str, str]:
    """Each chosen plan as a subflow of this run; returns the plans that did not complete."""
    from flows.plan import plan_flow

    failed: dict[str, str] = {}
    for change in chosen:
        state = plan_flow(change.plan_key, day, return_state=True)
        if not state.is_completed():
            failed[change.plan_key] = state.message or state.name or "failed"
    return failed
