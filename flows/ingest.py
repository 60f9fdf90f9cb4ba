"""`ingest_inbox`: the watched inbox folder — plan documents and plan files go into the store, report
documents are matched to assignments. Safe to re-run: the same document twice makes no second plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.adapters import Step

PLAN_FILES = frozenset({".yaml", ".yml"})


def inbox_layout(inbox: Path) -> dict[str, Path]:
    """inbox/plans (documents and plan files; also files put straight into inbox/) and inbox/reports."""
    return {"plans": inbox / "plans", "reports": inbox / "reports"}


def _files(folder: Path, suffixes: frozenset[str] | None = None, *, recursive: bool = True) -> list[Path]:
    if not folder.is_dir():
        return []
    found = folder.rglob("*") if recursive else folder.iterdir()
    return sorted(
        p
        for p in found
        if p.is_file()
        and not p.name.startswith((".", "~$"))
        and (suffixes is None or p.suffix.lower() in suffixes)
    )


@task(name="plan files", cache_policy=NO_CACHE)
def load_plan_files(paths: list[Path]) -> list[str]:
    """Reviewed plan files (YAML): each one transaction; loading one again changes nothing."""
    from models.errors import DondocError
    from services.context import Context
    from services.plans import load_plan

    context = Context()
    outcomes = []
    for path in paths:
        try:
            key, outcome = load_plan(context.engine, path, now=context.now())
            outcomes.append(f"{path.name}: {key} {outcome.value}")
        except DondocError as error:
            get_run_logger().error("%s", error)
            outcomes.append(f"{path.name}: {error}")
    return outcomes


@task(name="plan documents", cache_policy=NO_CACHE)
def load_documents(paths: list[Path]) -> Step:
    from flows.adapters import ingest_documents
    from services.context import Context

    context = Context()
    return ingest_documents(context, paths, context.now())


@task(name="report documents", cache_policy=NO_CACHE)
def load_reports(paths: list[Path]) -> Step:
    from flows.adapters import ingest_reports
    from services.context import Context

    context = Context()
    return ingest_reports(context, paths, context.now())


@flow(name="ingest-inbox")
def ingest_inbox(inbox: str | None = None) -> dict[str, Any]:
    """Read everything in the inbox folder (default: <data_dir>/inbox) into the store."""
    from services.context import Context

    folder = Path(inbox) if inbox else Context().settings.data_dir / "inbox"
    layout = inbox_layout(folder)
    loose = _files(folder, recursive=False)
    plans = _files(layout["plans"]) + loose
    result: dict[str, Any] = {"inbox": str(folder)}
    plan_files = [p for p in plans if p.suffix.lower() in PLAN_FILES]
    documents = [p for p in plans if p.suffix.lower() not in PLAN_FILES]
    reports = _files(layout["reports"])
    log = get_run_logger()
    if plan_files:
        result["plan_files"] = load_plan_files(plan_files)
    for name, paths, step in (
        ("plan_documents", documents, load_documents),
        ("reports", reports, load_reports),
    ):
        if paths:
            done = step(paths)
            (log.info if done.ran else log.warning)("%s: %s", done.name, done.detail)
            result[name] = done.detail
    return result
