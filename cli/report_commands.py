"""`dondoc reports ingest|review|link`, and coordinators' `extend`, `cancel`, `pause`, `resume`,
`reassign`, `history`."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cli.options import parse_day
from models.status import Lifecycle
from services.context import Context

if TYPE_CHECKING:  # reports and the store load when a command runs, not for --help
    from store.changes import Change

out = Console()
reports_app = typer.Typer(
    help="Report documents from units: ingest the inbox, review what dondoc could not match."
)

Reason = Annotated[str, typer.Option("--reason", help="Why (kept in the assignment's history).")]
By = Annotated[str | None, typer.Option("--by", help="Who decides (default: your login name).")]
AssignmentArg = Annotated[str, typer.Argument(help="The assignment's number (from `dondoc status`) or key.")]


def _change(context: Context, by: str | None, reason: str) -> Change:
    from store.changes import Change

    return Change(by=by or getpass.getuser(), channel="cli", reason=reason, at=context.now())


@reports_app.command("ingest")
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Report files (.txt .md .docx .pdf) or folders.")],
) -> None:
    """Read report documents, archive them, record the confident matches, queue the rest for review."""
    from reports.intake import Outcome, ingest_reports

    context = Context()
    results = ingest_reports(context.engine, context.settings, paths, context.now())
    style = {
        Outcome.recorded: "green",
        Outcome.review: "yellow",
        Outcome.duplicate: "dim",
        Outcome.rejected: "red",
    }
    for result in results:
        line = Text(f"{result.path}: ")
        line.append(result.outcome.value, style=style[result.outcome])
        out.print(line.append(f" {result.message}".rstrip()), soft_wrap=True)
    out.print(f"{len(results)} file(s); review queue: `dondoc reports review`")
    if any(result.outcome is Outcome.rejected for result in results):
        raise typer.Exit(2)


@reports_app.command("review")
def review_queue(
    accept: Annotated[int | None, typer.Option(help="Accept this review item (record the report).")] = None,
    reject: Annotated[int | None, typer.Option(help="Reject this review item.")] = None,
    assignment: Annotated[
        str | None,
        typer.Option(help="With --accept: the assignment it answers (default: the first suggestion)."),
    ] = None,
    reason: Annotated[str, typer.Option(help="Why (required to reject).")] = "",
    by: By = None,
    all_items: Annotated[bool, typer.Option("--all", help="List decided items too.")] = False,
) -> None:
    """List the report documents waiting for a coordinator; accept or reject one."""
    from reports import review

    context = Context()
    if accept is not None:
        done = review.accept(
            context.engine, accept, assignment=assignment, change=_change(context, by, reason)
        )
        out.print(f"review #{accept}: report recorded for assignment #{done}")
        return
    if reject is not None:
        review.reject(context.engine, reject, change=_change(context, by, reason))
        out.print(f"review #{reject}: rejected")
        return
    items = review.list_reviews(context.engine, context.settings, pending_only=not all_items)
    for item in items:
        title = (
            f"#{item.id} [{item.state}] {item.number or item.name} {item.issued or ''} — {item.unit or '?'}"
        )
        out.print(Text(title, style="bold"), soft_wrap=True)
        out.print(Text(f"  why: {item.reason}\n  file: {item.file}"), soft_wrap=True)
        for hint in item.suggestions:
            out.print(
                Text(f"  suggestion #{hint.assignment_id} ({hint.confidence:.2f}): {hint.label}"),
                soft_wrap=True,
            )
    out.print(
        f"{len(items)} item(s); accept: `dondoc reports review --accept N [--assignment A]`, "
        "reject: `--reject N --reason ...`"
    )


@reports_app.command("link")
def link(unit: Annotated[str, typer.Argument(help="The unit (any spelling the registry knows).")]) -> None:
    """Print a unit's secret page link, where its head reports assignments done."""
    from reports import actions

    context = Context()
    name, url = actions.unit_page_link(context, unit)
    out.print(f"{name}: {url}")


def extend(
    assignment: AssignmentArg,
    to: Annotated[str, typer.Option("--to", help="The new due date.")],
    reason: Reason,
    by: By = None,
) -> None:
    """Extend (gia hạn) an assignment's deadline: a new deadline version; the old one stays in history."""
    from reports import actions

    context = Context()
    view = actions.extend(context.engine, assignment, to=parse_day(to), change=_change(context, by, reason))
    out.print(
        f"extended: #{view.id} {view.unit} — {view.task}: {view.deadline.text if view.deadline else ''} "
        f"(version {view.deadline_version})"
    )


def _lifecycle_command(new: Lifecycle, verb: str):  # type: ignore[no-untyped-def]
    def command(assignment: AssignmentArg, reason: Reason, by: By = None) -> None:
        from reports import actions

        context = Context()
        view = actions.set_lifecycle(context.engine, assignment, new, change=_change(context, by, reason))
        out.print(f"{verb}: #{view.id} {view.unit} — {view.task}")

    return command


def reassign(
    assignment: AssignmentArg,
    to: Annotated[str, typer.Option("--to", help="The unit that takes it over.")],
    reason: Reason,
    by: By = None,
) -> None:
    """Move an assignment to another unit: the old one is cancelled (kept), the new unit gets the task."""
    from reports import actions

    context = Context()
    old, new = actions.reassign(context.engine, assignment, to_unit=to, change=_change(context, by, reason))
    out.print(f"reassigned: #{old.id} {old.unit} → #{new.id} {new.unit} — {new.task}")


def history(assignment: AssignmentArg) -> None:
    """Everything that happened to an assignment: deadlines, lifecycle, reports, actions."""
    from reports import actions

    table = Table("when", "what", "detail", "who", "channel", "why", title=f"Assignment {assignment}")
    for line in actions.history(Context().engine, assignment):
        table.add_row(
            *(Text(cell) for cell in (line.when, line.what, line.detail, line.who, line.channel, line.why))
        )
    out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(reports_app, name="reports")
    app.command("extend")(extend)
    app.command("cancel", help="Cancel (hủy) an assignment; it stays on record.")(
        _lifecycle_command(Lifecycle.cancelled, "cancelled")
    )
    app.command("pause", help="Pause (tạm dừng) an assignment: no reminders, not overdue.")(
        _lifecycle_command(Lifecycle.paused, "paused")
    )
    app.command("resume", help="Make a paused or cancelled assignment active again.")(
        _lifecycle_command(Lifecycle.active, "resumed")
    )
    app.command("reassign")(reassign)
    app.command("history")(history)
