"""Reading match candidates and writing report documents and the reports they carry."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.status import Lifecycle
from reports.document import ReportDocument
from reports.matching import Candidate
from reports.tables import ReportAttachmentRow, ReportDocumentRow
from store.tables import AssignmentRow, PlanRow, ReportRow, TaskRow, UnitRow
from store.tracking import add_report


def load_candidates(session: Session) -> list[Candidate]:
    """Every assignment that is not cancelled, with what matching compares."""
    reported = set(session.scalars(select(ReportRow.assignment_id).distinct()))
    query = (
        select(AssignmentRow, PlanRow.key, PlanRow.number, PlanRow.issued, UnitRow.name, TaskRow)
        .join(PlanRow, AssignmentRow.plan_id == PlanRow.id)
        .join(TaskRow, AssignmentRow.task_id == TaskRow.id)
        .join(UnitRow, AssignmentRow.unit_id == UnitRow.id)
        .where(AssignmentRow.lifecycle != Lifecycle.cancelled.value)
        .order_by(AssignmentRow.id)
    )
    return [
        Candidate(
            assignment_id=row.id,
            plan_key=key,
            plan_number=number,
            plan_issued=issued,
            unit=unit,
            role=row.role,
            section=task.section,
            task=task.title,
            task_text=task.text,
            done=row.id in reported,
        )
        for row, key, number, issued, unit, task in session.execute(query)
    ]


def save_document(
    session: Session,
    report: ReportDocument | None,
    *,
    digest: str,
    suffix: str,
    size: int,
    name: str,
    channel: str,
    source: str,
    unit: str | None,
    outcome: str,
    now: datetime,
) -> ReportDocumentRow:
    row = ReportDocumentRow(
        content_hash=digest,
        suffix=suffix,
        size=size,
        original_name=name[:300],
        channel=channel,
        source=source,
        number=report.number if report else None,
        issued=report.issued if report else None,
        issuer=(report.issuer or "")[:300] or None if report else None,
        unit=unit,
        answers=[ref.number for ref in report.answers] if report else [],
        outcome=outcome,
        received_at=now,
    )
    session.add(row)
    session.flush()
    return row


def record_match(
    session: Session,
    document: ReportDocumentRow,
    assignment_id: int,
    report: ReportDocument | None,
    *,
    now: datetime,
    recorded_by: str = "inbox",
) -> int:
    """Record the report a document carries for one assignment; returns the assignment's id."""
    row = session.get(AssignmentRow, assignment_id)
    assert row is not None, assignment_id
    title = report.title if report else ""
    recorded = add_report(
        session,
        row,
        reported_on=document.issued or document.received_at.date(),
        note=f"{document.number or document.original_name}: {title}"[:500],
        channel=document.channel,
        now=now,
        document_number=document.number,
        recorded_by=recorded_by,
    )
    session.add(ReportAttachmentRow(report_id=recorded.id, document_id=document.id))
    session.flush()
    return assignment_id
