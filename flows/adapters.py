"""Calls into other areas that may not be there yet: escalation (notifications), feed rebuilds
(calendars), document extraction and report intake. Each is imported when called; when it is
missing, the sweep goes on and says so in its log and summary rather than failing."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from services.context import Context


class Step(BaseModel):
    """What an adapter did: ran (with a one-line result), or skipped, and why."""

    name: str
    ran: bool
    detail: str


def _find(module: str, name: str) -> Callable[..., Any] | str:
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError as error:
        return f"{module} is not available ({error})"
    return found if callable(found) else f"{module}.{name} does not exist yet"


def _describe(result: Any) -> str:
    if isinstance(result, BaseModel):
        return ", ".join(f"{k}={v}" for k, v in result.model_dump().items() if not isinstance(v, list | dict))
    return str(result)[:300]


def escalate(context: Context, as_of: date, now: datetime) -> Step:
    """notifications.service.run_notifications(engine, settings, as_of, now): reminders and escalation."""
    found = _find("notifications.service", "run_notifications")
    if isinstance(found, str):
        return Step(name="escalation", ran=False, detail=found)
    return Step(
        name="escalation", ran=True, detail=_describe(found(context.engine, context.settings, as_of, now))
    )


def rebuild_feeds(context: Context, as_of: date, assignment_ids: Collection[int] | None = None) -> Step:
    """calendars.service.rebuild_changed(context, as_of=..., assignment_ids=...): rewrite the feeds
    whose items changed; given the ids the sweep changed, only those assignments' feeds (None: all)."""
    found = _find("calendars.service", "rebuild_changed")
    if isinstance(found, str):
        return Step(name="feeds", ran=False, detail=found)
    return Step(
        name="feeds", ran=True, detail=_describe(found(context, as_of=as_of, assignment_ids=assignment_ids))
    )


def ingest_documents(context: Context, paths: list[Path], now: datetime) -> Step:
    """services.ingest.ingest_paths(engine, settings, paths, now=...): extract and store plans."""
    found = _find("services.ingest", "ingest_paths")
    if isinstance(found, str):
        return Step(name="plans", ran=False, detail=found)
    result = found(context.engine, context.settings, paths, now=now)
    outcomes = [f"{item.path.name}: {item.plan_key} {item.outcome.value}" for item in result.ingested]
    outcomes += [f"{failure.path.name}: {failure.error}" for failure in result.failures]
    return Step(name="plans", ran=True, detail="; ".join(outcomes) or "no documents")


def ingest_reports(context: Context, paths: list[Path], now: datetime) -> Step:
    """reports.intake.ingest_reports(engine, settings, paths, now): match reports to assignments."""
    found = _find("reports.intake", "ingest_reports")
    if isinstance(found, str):
        return Step(name="reports", ran=False, detail=found)
    results = found(context.engine, context.settings, paths, now)
    return Step(
        name="reports",
        ran=True,
        detail="; ".join(f"{r.path.name}: {r.outcome.value}" for r in results) or "no reports",
    )
