"""`dondoc extract FILE` (what a document assigns, as JSON or a plan file) and `dondoc eval GOLD.yaml`."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:  # the extraction modules are imported by the commands that run them: --help stays quick
    from extraction.evaluate import Report
    from extraction.extract import Extraction

out = Console(highlight=False, soft_wrap=True)


class Format(StrEnum):
    json = "json"
    yaml = "yaml"


def register(app: typer.Typer) -> None:
    app.command("extract", help="Read a plan document and print its tasks, units and deadlines.")(
        extract_command
    )
    app.command("eval", help="Score extraction against a gold file of hand-written assignments.")(
        eval_command
    )


def extract_command(
    file: Annotated[Path, typer.Argument(help="A .txt, .md, .docx or .pdf plan document.")],
    format: Annotated[
        Format, typer.Option("--format", "-f", help="json, or yaml (a plan file)")
    ] = Format.json,
) -> None:
    from extraction.extract import extract
    from extraction.readers import read_document

    source = read_document(file)
    for notice in source.notices:
        typer.echo(f"note: {notice}", err=True)
    extraction = extract(source.text, source_name=str(file))
    if format is Format.yaml:
        from models.planfile import dump_plan

        typer.echo(dump_plan(extraction.plan), nl=False)
        return
    typer.echo(json.dumps(extraction_json(extraction), ensure_ascii=False, indent=2))


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """The stable JSON shape of `dondoc extract`: document, assignments, events, indicators."""
    document = extraction.document
    return {
        "document": {
            "kind": document.kind.value,
            "number": document.number,
            "issued": document.issued.isoformat() if document.issued else None,
            "issuer": document.issuer,
            "references": [
                {"number": r.number, "date": r.date.isoformat() if r.date else None, "issuer": r.issuer}
                for r in document.references
            ],
            "implements": document.implements,
        },
        "assignments": [
            {
                "section": task.section or None,
                "unit": unit,
                "role": role,
                "task": task.text,
                "deadline": _deadline_json(task.deadline),
            }
            for task in extraction.tasks
            for unit, role in _roles(task.leads, task.participants)
        ],
        "events": [
            {"text": e.text, "name": e.name, "dates": [d.isoformat() for d in e.dates]}
            for e in extraction.events
        ],
        "indicators": [indicator.model_dump(mode="json") for indicator in extraction.indicators],
    }


def _roles(leads: list[str], participants: list[str]) -> list[tuple[str | None, str]]:
    roles: list[tuple[str | None, str]] = [(u, "lead") for u in leads]
    roles += [(u, "participant") for u in participants if u not in leads]
    return roles or [(None, "lead")]


def _deadline_json(deadline: Any) -> dict[str, Any] | None:
    if deadline is None:
        return None
    iso = {
        k: (v.isoformat() if v else None)
        for k, v in (
            ("start", deadline.start),
            ("due", deadline.due),
            ("effective_due", deadline.effective_due),
        )
    }
    return {"text": deadline.text, "kind": deadline.kind.value, **iso, "tentative": deadline.tentative}


def eval_command(
    gold: Annotated[Path, typer.Argument(help="A gold file in the format of shared/gold/seeds.yaml.")],
    docs: Annotated[Path | None, typer.Option("--docs", help="Folder of the documents it names.")] = None,
) -> None:
    docs_dir = docs or _default_docs(gold)
    from extraction.evaluate import evaluate, last_line

    report = evaluate(gold, docs_dir)
    print_report(report)
    out.print(last_line(report), markup=False)


def _default_docs(gold: Path) -> Path:
    sibling = gold.resolve().parent.parent / "seeds"
    return sibling if sibling.is_dir() else gold.resolve().parent


def print_report(report: Report) -> None:
    from extraction.evaluate import prf, unit_score

    table = Table(title="Assignments against the gold file")
    for column in ("document", "gold", "found", "matched", "missed", "spurious", "P", "R", "F1", "due ok"):
        table.add_column(column, justify="left" if column == "document" else "right")
    for doc in report.documents:
        tp, fp, fn = len(doc.matched), len(doc.spurious), len(doc.misses)
        precision, recall, f1 = prf(tp, fp, fn)
        due = f"{doc.due_correct}/{tp}"
        table.add_row(
            doc.file,
            str(doc.gold),
            str(doc.predicted),
            str(tp),
            str(fn),
            str(fp),
            f"{precision:.2f}",
            f"{recall:.2f}",
            f"{f1:.2f}",
            due,
        )
    out.print(table)
    for doc in report.documents:
        for gold in doc.misses:
            out.print(
                f"MISS     {doc.file} {gold.section} {gold.unit!r} {gold.role} due={gold.due} — {gold.task}",
                markup=False,
            )
        for found in doc.spurious:
            out.print(
                f"SPURIOUS {doc.file}:{found.line} {found.section} {found.unit!r} {found.role} "
                f"due={found.due} — {found.task}",
                markup=False,
            )
        for gold, found in doc.matched:
            if unit_score(gold.unit, found.unit) == 1:
                out.print(
                    f"NAME     {doc.file}:{found.line} {gold.section}: "
                    f"found {found.unit!r}, gold {gold.unit!r}",
                    markup=False,
                )
            if found.due != gold.due and found.due not in gold.also_ok_due:
                out.print(
                    f"DUE      {doc.file}:{found.line} {gold.section} {gold.unit!r}: found {found.due}, "
                    f"gold {gold.due}",
                    markup=False,
                )
