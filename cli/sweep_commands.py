"""`dondoc sweep`, `dondoc plan-flow`, `dondoc dag`: the daily sweep, one plan in Prefect, a plan's DAG."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from cli.options import optional_day

if TYPE_CHECKING:
    from services.plan_view import PlanSnapshot

out = Console()


def sweep(
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Sweep as of this day (default: today).")
    ] = None,
    full: Annotated[
        bool,
        typer.Option(
            help=(
                "Evaluate every assignment, not only those found by index, and check each stored "
                "due-soon day against the holiday calendar."
            )
        ),
    ] = False,
    plan_flows: Annotated[
        int, typer.Option(help="At most this many plan flow runs; other changed plans are listed.")
    ] = 50,
) -> None:
    """Run the daily sweep flow: statuses in one SQL pass, events, escalation, feeds, and a plan flow for
    each changed plan that matters most. Runs against PREFECT_API_URL (or Prefect's temporary server)."""
    from flows.sweep import daily_sweep

    result = daily_sweep(as_of=optional_day(as_of), full=full, max_plan_flows=plan_flows)
    out.print(
        f"sweep as of {result['as_of']}: {result['transitions']} status change(s), "
        f"{len(result['changed_plans'])} plan(s) changed, {result['events']} event(s)"
    )
    for plan in result["plan_flows"]:
        failed = result["failed_plans"].get(plan)
        out.print(f"  • {plan}" + (f" [bold red]failed:[/] {failed}" if failed else ""))
    if len(result["changed_plans"]) > len(result["plan_flows"]):
        others = len(result["changed_plans"]) - len(result["plan_flows"])
        out.print(f"  … {others} more changed plan(s) listed in the sweep's artifact (no flow run)")
    for name, detail in result["steps"].items():
        out.print(f"  {name}: {detail}", markup=False)


def plan_flow_command(
    plan: Annotated[str, typer.Argument(help="The plan's key, as `dondoc plans` shows it.")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="As of this day (default: today).")] = None,
) -> None:
    """Show one plan in Prefect: a task run per assignment wired as the plan's DAG, and its artifacts."""
    from flows.plan import plan_flow

    result = plan_flow(plan, optional_day(as_of))
    out.print(
        f"{result['plan']} as of {result['as_of']}: {result['assignments']} assignment(s) — "
        + ", ".join(f"{status}: {n}" for status, n in result["statuses"].items())
    )


def dag(
    plan: Annotated[str, typer.Argument(help="The plan's key, as `dondoc plans` shows it.")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Status and slack as of this day.")] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            help="Write the plan file with every derived edge in its depends_on, to review and `plan load`."
        ),
    ] = None,
) -> None:
    """Print a plan's DAG: edges and why, critical path and slack, endangered tasks; a cycle is an error."""
    from models.dag import with_derived_edges
    from models.planfile import dump_plan
    from services.context import Context
    from services.plan_view import load_snapshot

    context = Context()
    day = optional_day(as_of) or context.today()
    snapshot = load_snapshot(context.engine, plan, day, context.settings.reminder_horizon_days)
    _print_edges(snapshot)
    if write is not None:
        write.write_text(dump_plan(with_derived_edges(snapshot.plan)), encoding="utf-8")
        out.print(f"plan file with derived edges written to {write}")
    if snapshot.cycle:
        snapshot.dag.check()  # raises DependencyCycle: the CLI prints it and exits 2
    _print_schedule(snapshot)


def _print_edges(snapshot: PlanSnapshot) -> None:
    table = Table("before", "after", "kind", "reason", title=f"DAG of {snapshot.key}")
    for edge in snapshot.dag.edges:
        table.add_row(edge.source, edge.target, edge.kind, edge.reason)
    out.print(table)


def _print_schedule(snapshot: PlanSnapshot) -> None:
    plan_schedule = snapshot.schedule
    path = " → ".join(plan_schedule.critical_path) or "—"
    out.print(f"critical path (plan ends {plan_schedule.end}): {path}")
    for task, slack in plan_schedule.slack.items():
        out.print(f"  slack {task}: {slack} day(s)")
    for late, downstream in snapshot.endangered.items():
        out.print(f"[red]{late} is overdue[/]; it endangers: {', '.join(downstream)}")
    for conflict in plan_schedule.conflicts:
        out.print(
            f"[yellow]{conflict.first} (due {conflict.first_due}) must be done before "
            f"{conflict.then} (due {conflict.then_due})[/]"
        )


def register(app: typer.Typer) -> None:
    app.command("sweep")(sweep)
    app.command("plan-flow")(plan_flow_command)
    app.command("dag")(dag)
