"""Reading assignments for evaluation and display; recording reports and status changes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models.deadlines import Deadline
from models.errors import NotFound
from models.status import Evaluation, Lifecycle, Report, Tracked
from store.tables import AssignmentRow, PlanRow, ReportRow, StatusChangeRow, TaskRow, UnitRow


class AssignmentView(BaseModel):
    """An assignment with what a person needs to read it: plan, task, unit, deadline."""

    model_config = ConfigDict(frozen=True)

    id: int
    key: str
    plan_key: str
    plan_number: str | None
    plan_title: str
    section: str
    task_key: str
    task: str
    unit: str
    role: str
    deadline: Deadline | None
    lifecycle: Lifecycle
    deadline_version: int
    status: str | None

    def tracked(self) -> Tracked:
        return Tracked(
            key=self.key, deadline=self.deadline, lifecycle=self.lifecycle, extended=self.deadline_version > 1
        )


def _view_query() -> Select[Any]:
    return (
        select(
            AssignmentRow,
            PlanRow.key,
            PlanRow.number,
            PlanRow.title,
            TaskRow.section,
            TaskRow.task_key,
            TaskRow.title,
            UnitRow.name,
        )
        .join(PlanRow, AssignmentRow.plan_id == PlanRow.id)
        .join(TaskRow, AssignmentRow.task_id == TaskRow.id)
        .join(UnitRow, AssignmentRow.unit_id == UnitRow.id)
        .order_by(PlanRow.key, TaskRow.id, AssignmentRow.role, UnitRow.name)
    )


def assignment_views(
    session: Session,
    *,
    plan_key: str | None = None,
    unit: str | None = None,
    assignment_ids: Sequence[int] | None = None,
) -> list[AssignmentView]:
    query = _view_query()
    if plan_key is not None:
        query = query.where(PlanRow.key == plan_key)
    if unit is not None:
        query = query.where(UnitRow.name == unit)
    if assignment_ids is not None:
        query = query.where(AssignmentRow.id.in_(assignment_ids))
    return [
        AssignmentView(
            id=row.id,
            key=row.key,
            plan_key=p_key,
            plan_number=number,
            plan_title=p_title,
            section=section,
            task_key=task_key,
            task=task_title,
            unit=unit_name,
            role=row.role,
            deadline=Deadline.model_validate(row.deadline) if row.deadline else None,
            lifecycle=Lifecycle(row.lifecycle),
            deadline_version=row.deadline_version,
            status=row.status,
        )
        for row, p_key, number, p_title, section, task_key, task_title, unit_name in session.execute(query)
    ]


def reports_of(session: Session, assignment_ids: Iterable[int]) -> list[tuple[int, Report]]:
    """Reports by assignment id; `Report.assignment` carries the assignment's key."""
    query = (
        select(
            ReportRow.assignment_id,
            AssignmentRow.key,
            ReportRow.reported_on,
            ReportRow.note,
            ReportRow.document_number,
        )
        .join(AssignmentRow, ReportRow.assignment_id == AssignmentRow.id)
        .where(ReportRow.assignment_id.in_(list(assignment_ids)))
    )
    return [
        (id_, Report(assignment=key, reported_on=on, note=note, document_number=number))
        for id_, key, on, note, number in session.execute(query)
    ]


def find_assignment(session: Session, reference: str) -> AssignmentRow:
    """An assignment by its number (as `dondoc status` prints it) or its key."""
    row = session.get(AssignmentRow, int(reference)) if reference.isdigit() else None
    if row is None:
        row = session.scalar(select(AssignmentRow).where(AssignmentRow.key == reference))
    if row is None:
        raise NotFound(f"no assignment {reference!r}: `dondoc status` lists them with their numbers")
    return row


def add_report(
    session: Session,
    row: AssignmentRow,
    *,
    reported_on: date,
    note: str,
    channel: str,
    now: datetime,
    document_number: str | None = None,
    recorded_by: str = "",
) -> ReportRow:
    report = ReportRow(
        assignment_id=row.id,
        reported_on=reported_on,
        note=note,
        channel=channel,
        document_number=document_number,
        recorded_by=recorded_by,
        recorded_at=now,
    )
    session.add(report)
    row.changes_on = None  # re-evaluate on the next sweep
    session.flush()
    return report


def record_evaluations(
    session: Session, evaluations: Iterable[tuple[int, Evaluation]], *, as_of: date, now: datetime
) -> list[tuple[int, str | None, str]]:
    """Write each assignment's evaluated status; log the ones that changed. Returns the changes."""
    changes: list[tuple[int, str | None, str]] = []
    evaluations = list(evaluations)
    wanted = [assignment_id for assignment_id, _ in evaluations]
    rows = {row.id: row for row in session.scalars(select(AssignmentRow).where(AssignmentRow.id.in_(wanted)))}
    for assignment_id, evaluation in evaluations:
        row = rows[assignment_id]
        new = evaluation.status.value
        if row.status != new:
            changes.append((assignment_id, row.status, new))
            session.add(
                StatusChangeRow(
                    assignment_id=assignment_id,
                    as_of=as_of,
                    old_status=row.status,
                    new_status=new,
                    recorded_at=now,
                )
            )
        row.status, row.status_as_of, row.overdue_days = new, as_of, evaluation.overdue_days
        row.reported_on, row.changes_on = evaluation.reported_on, evaluation.changes_on
    session.flush()
    return changes
