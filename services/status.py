"""Evaluating stored assignments as of a day, recording what changed, and recording reports."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine

from models.status import Evaluation, evaluate_one
from store.database import transaction
from store.tracking import (
    AssignmentView,
    add_report,
    assignment_views,
    find_assignment,
    record_evaluations,
    reports_of,
)


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
        views = assignment_views(session, plan_key=plan_key, unit=unit)
        reports: dict[int, list[date]] = {}
        for assignment_id, report in reports_of(session, [view.id for view in views]):
            reports.setdefault(assignment_id, []).append(report.reported_on)
        lines = [
            StatusLine(
                assignment=view,
                evaluation=evaluate_one(view.tracked(), reports.get(view.id, []), as_of, horizon),
            )
            for view in views
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
