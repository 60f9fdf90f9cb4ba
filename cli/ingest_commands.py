"""`dondoc ingest FILE|DIR...`: extract and store documents, archive the originals, list what needs a look."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from models.errors import DondocError
from services.context import Context

if TYPE_CHECKING:  # ingestion (extraction, the store) loads when a command runs, not for --help
    from services.ingest import IngestedFile, IngestFailure, IngestResult

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
REVIEW_SHOWN = 40  # per file; the rest are counted


class IngestFailed(DondocError):
    """Some documents failed; the others went in."""


def register(app: typer.Typer) -> None:
    app.command("ingest", help="Extract and store plan documents (files or folders); idempotent.")(
        ingest_command
    )


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Documents (.txt .md .docx .pdf) or folders of them.")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace a stored plan with the same key by this document.")
    ] = False,
    review: Annotated[bool, typer.Option("--review/--no-review", help="List low-confidence items.")] = True,
) -> None:
    """Each file is one transaction; a file that fails is reported at the end and the rest go in."""
    from services.ingest import archive_dir, document_files, ingest_paths

    context = Context()
    files, _ = document_files(paths, exclude=archive_dir(context.settings))
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=len(files) < 2,
    ) as bar:
        task = bar.add_task("ingesting", total=len(files))

        def advance(path: Path, _: IngestedFile | IngestFailure) -> None:
            bar.update(task, advance=1, description=escape(path.name))

        result = ingest_paths(
            context.engine, context.settings, paths, now=context.now(), replace=replace, progress=advance
        )
    print_result(result, review=review)
    if result.failures:
        raise IngestFailed(f"{len(result.failures)} document(s) could not be ingested (listed above)")


def print_result(result: IngestResult, *, review: bool = True) -> None:
    from services.ingest import Outcome

    for item in result.ingested:
        out.print(
            f"{escape(str(item.path))}: plan [bold]{escape(item.plan_key)}[/] {item.outcome.value} "
            f"({item.tasks} tasks, {item.assignments} assignments) → {escape(str(item.archived))}"
        )
        if item.outcome is Outcome.kept:
            out.print("  a plan with this key is stored from another file; --replace to replace it")
        for notice in item.notices:
            out.print(f"  note: {escape(notice)}")
    _new_units(result)
    if review:
        _review(result)
    for failure in result.failures:
        err.print("[bold red]error:[/]", escape(failure.error))
    counts = ", ".join(f"{result.count(o)} {o.value}" for o in Outcome if result.count(o))
    failed = f", {len(result.failures)} failed" if result.failures else ""
    out.print(f"{len(result.ingested) + len(result.failures)} document(s): {counts or 'none stored'}{failed}")


def _new_units(result: IngestResult) -> None:
    rows = [(item.path.name, name) for item in result.ingested for name in item.new_units]
    if not rows:
        return
    table = Table("document", "unit", title="Units added to the registry (declared by their plans)")
    for row in rows:
        table.add_row(*map(escape, row))
    out.print(table)
    out.print("Give them emails and parents in the unit registry file, then `dondoc units load`.")


def _review(result: IngestResult) -> None:
    from services.ingest import Outcome

    fresh = [i for i in result.ingested if i.outcome in (Outcome.created, Outcome.updated) and i.review]
    if not fresh:
        return
    table = Table("document", "line", "section", "text", "why", title="To review (low confidence)")
    for item in fresh:
        for entry in item.review[:REVIEW_SHOWN]:
            table.add_row(
                escape(item.path.name),
                str(entry.line),
                escape(entry.section),
                escape(entry.text[:100]),
                escape(entry.reason),
            )
        if len(item.review) > REVIEW_SHOWN:
            table.add_row(escape(item.path.name), "", "", f"… {len(item.review) - REVIEW_SHOWN} more", "")
    out.print(table)
