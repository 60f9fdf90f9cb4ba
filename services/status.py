"""Evaluating stored assignments as of a day, recording what changed, and recording reports."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine

from models.status import Evaluation, evaluate_one
from store.database import transaction
from store.past import reports_recorded_by, tracked_as_of
from store.tracking import (
    AssignmentView,
    add_report,
    assignment_views,
    find_assignment,
    record_evaluations,
    reports_of,
)
from store.units import load_registry

LOCAL_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


class StatusLine(BaseModel):
    model_config = ConfigDict(frozen=True)

    assignment: AssignmentView
    evaluation: Evaluation


def evaluate_store(
    engine: Engine,
    *,
    as_of: date,
    now: datetime,
    horizon: int,
    plan_key: str | None = None,
    unit: str | None = None,
    record: bool = True,
) -> list[StatusLine]:
    """Every matching assignment's status as of `as_of`; when `record`, status changes are written
    to the history (a past `as_of` is never recorded: it only reproduces what stood then)."""
    with transaction(engine) as session:
        if unit is not None:
            unit = load_registry(session).get(unit, where="--unit").name  # aliases and abbreviations too
        views = assignment_views(session, plan_key=plan_key, unit=unit)
        if as_of < now.date():
            # A past day is judged by the deadline and lifecycle in force then, and the reports on
            # record by then: what dondoc would have said that day.
            zone = now.tzinfo or LOCAL_ZONE
            tracked = tracked_as_of(session, views, as_of, zone)
            reports = reports_recorded_by(session, list(tracked), as_of, zone)
        else:
            tracked = {view.id: view.tracked() for view in views}
            reports = {}
            for assignment_id, report in reports_of(session, [view.id for view in views]):
                reports.setdefault(assignment_id, []).append(report.reported_on)
        lines = [
            StatusLine(
                assignment=view,
                evaluation=evaluate_one(tracked[view.id], reports.get(view.id, []), as_of, horizon),
            )
            for view in views
            if view.id in tracked
        ]
        if record and as_of >= now.date():
            record_evaluations(
                session, [(line.assignment.id, line.evaluation) for line in lines], as_of=as_of, now=now
            )
        return lines


def report_done(
    engine: Engine,
    reference: str,
    *,
    reported_on: date,
    note: str,
    now: datetime,
    channel: str = "cli",
    document_number: str | None = None,
) -> AssignmentView:
    """Record that an assignment was reported done on a day."""
    with transaction(engine) as session:
        row = find_assignment(session, reference)
        add_report(
            session,
            row,
            reported_on=reported_on,
            note=note,
            channel=channel,
            now=now,
            document_number=document_number,
        )
        return assignment_views(session, assignment_ids=[row.id])[0]
