"""`dondoc units`, `plan load`, `plans`, `status`, `report`: the foundation's commands."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cli.options import parse_day
from services.context import Context

if TYPE_CHECKING:  # the store loads when a command runs, not for --help
    from services.status import StatusLine

out = Console()
units_app = typer.Typer(help="The unit registry: who can be assigned, their aliases, parents, emails.")
plan_app = typer.Typer(help="Plan files: load reviewed plans into the store.")


class Format(StrEnum):
    table = "table"
    json = "json"


@units_app.command("load")
def units_load(
    file: Annotated[Path, typer.Argument(help="Unit registry YAML (see examples/units.yaml).")],
) -> None:
    """Add or update units from a registry file."""
    from services.plans import load_units

    changed = load_units(Context().engine, file)
    out.print(f"{file}: {changed} unit(s) added or changed")


@plan_app.command("load")
def plan_load(files: Annotated[list[Path], typer.Argument(help="Plan files (YAML) to store.")]) -> None:
    """Validate and store plan files; each is one transaction, and loading one twice changes nothing."""
    from services.plans import load_plan

    context = Context()
    for file in files:
        key, outcome = load_plan(context.engine, file, now=context.now())
        out.print(f"{file}: plan [bold]{key}[/] {outcome.value}")


def plans() -> None:
    """List the stored plans."""
    from services.plans import list_plans

    table = Table("plan", "kind", "number", "issued", "issuer", "tasks", "assignments", title="Kế hoạch")
    for plan in list_plans(Context().engine):
        table.add_row(
            plan.key,
            plan.kind,
            plan.number or "—",
            str(plan.issued or "—"),
            plan.issuer or "—",
            str(plan.tasks),
            str(plan.assignments),
        )
    out.print(table)


def status(
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Evaluate as of this day (default: today).")
    ] = None,
    unit: Annotated[str | None, typer.Option(help="Only this unit's assignments.")] = None,
    plan: Annotated[
        str | None, typer.Option(help="Only this plan (its key, as `dondoc plans` shows).")
    ] = None,
    output: Annotated[Format, typer.Option("--format", help="table or json.")] = Format.table,
) -> None:
    """Where every assignment stands as of a day: due soon, overdue (and for how long), done."""
    from services.status import evaluate_store

    context = Context()
    day = parse_day(as_of) if as_of else context.today()
    lines = evaluate_store(
        context.engine,
        as_of=day,
        now=context.now(),
        plan_key=plan,
        unit=unit,
        horizon=context.settings.reminder_horizon_days,
    )
    if output is Format.json:
        out.print_json(json.dumps([_json_line(line) for line in lines], ensure_ascii=False))
        return
    out.print(_status_table(lines, day))


def _json_line(line: StatusLine) -> dict[str, object]:
    view, evaluation = line.assignment, line.evaluation
    deadline = view.deadline
    return {
        "id": view.id,
        "key": view.key,
        "plan": view.plan_key,
        "section": view.section,
        "task": view.task,
        "unit": view.unit,
        "role": view.role,
        "deadline": deadline.text if deadline else None,
        "due": deadline.due.isoformat() if deadline and deadline.due else None,
        "effective_due": evaluation.effective_due.isoformat() if evaluation.effective_due else None,
        "tentative": bool(deadline and deadline.tentative),
        "status": evaluation.status.value,
        "overdue_days": evaluation.overdue_days,
        "overdue_bucket": evaluation.overdue_bucket,
        "reported_on": evaluation.reported_on.isoformat() if evaluation.reported_on else None,
    }


_STYLE = {
    "Quá hạn": "bold red",
    "Sắp đến hạn": "yellow",
    "Hoàn thành đúng hạn": "green",
    "Hoàn thành quá hạn": "dark_orange",
    "Hủy": "dim",
    "Tạm dừng": "dim",
}


def _status_table(lines: list[StatusLine], day: date) -> Table:
    table = Table(
        "#",
        "plan",
        "section",
        "task",
        "unit",
        "role",
        "deadline",
        "in force",
        "status",
        "days",
        title=f"Tình hình thực hiện đến ngày {day:%d/%m/%Y}",
    )
    for line in lines:
        view, evaluation = line.assignment, line.evaluation
        status_text = evaluation.status.value
        if view.deadline and view.deadline.tentative:
            status_text += " (dự kiến)"
        table.add_row(
            *(
                Text(cell)
                for cell in (
                    str(view.id),
                    view.plan_number or view.plan_key,
                    view.section,
                    view.task[:60],
                    view.unit,
                    "chủ trì" if view.role == "lead" else "phối hợp",
                    view.deadline.text if view.deadline else "—",
                    f"{evaluation.effective_due:%d/%m/%Y}" if evaluation.effective_due else "—",
                )
            ),
            Text(status_text, style=_STYLE.get(evaluation.status.value, "")),
            str(evaluation.overdue_days or ""),
        )
    return table


def report(
    assignment: Annotated[str, typer.Argument(help="The assignment's number (from `dondoc status`) or key.")],
    on: Annotated[str | None, typer.Option("--date", help="The day it was done (default: today).")] = None,
    note: Annotated[str, typer.Option(help="What was done, or the report's number.")] = "",
    number: Annotated[str | None, typer.Option(help="The report document's number, e.g. 15-BC/HU.")] = None,
) -> None:
    """Mark an assignment as reported done on a day."""
    from services.status import report_done

    context = Context()
    day = parse_day(on) if on else context.today()
    view = report_done(
        context.engine, assignment, reported_on=day, note=note, now=context.now(), document_number=number
    )
    out.print(f"reported: #{view.id} {view.unit} — {view.task} ({day:%d/%m/%Y})")


def register(app: typer.Typer) -> None:
    app.add_typer(units_app, name="units")
    app.add_typer(plan_app, name="plan")
    app.command("plans")(plans)
    app.command("status")(status)
    app.command("report")(report)
