"""What a unit head's page shows and does: the unit's assignments, and a report of one done."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import DondocError, NotFound
from models.status import DONE, Status
from reports.archive import file_kind, keep
from reports.store import save_document
from reports.tables import ReportAttachmentRow, ReportDocumentRow
from services.context import Context
from services.status import StatusLine, evaluate_store
from store.database import transaction
from store.tables import AssignmentRow, UnitRow
from store.tracking import AssignmentView, add_report, assignment_views

CHANNEL = "web"
MAX_NOTE = 2000


class ReportRefused(DondocError, ValueError):
    """A report from the page that cannot be taken as sent (a date in the future, a closed assignment)."""

    exit_code = 2


def unit_lines(context: Context, unit: str) -> tuple[list[StatusLine], list[StatusLine]]:
    """The unit's (open, done) assignments as of today; cancelled ones are not shown."""
    lines = evaluate_store(
        context.engine,
        as_of=context.today(),
        now=context.now(),
        unit=unit,
        horizon=context.settings.reminder_horizon_days,
        record=False,
    )
    done = [line for line in lines if line.evaluation.status in DONE]
    still_open = [line for line in lines if line.evaluation.status not in DONE | {Status.cancelled}]
    return still_open, done


def form_token(key: bytes, unit_token: str, assignment_id: int) -> str:
    """The anti-forgery token of one form: bound to the unit's link and the assignment."""
    message = f"dondoc-report-form:{unit_token}:{assignment_id}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def form_token_ok(key: bytes, unit_token: str, assignment_id: int, presented: str) -> bool:
    return hmac.compare_digest(form_token(key, unit_token, assignment_id), presented)


def report_from_page(
    context: Context,
    unit: str,
    assignment_id: int,
    *,
    reported_on: date,
    note: str,
    upload: tuple[str, bytes] | None,
) -> AssignmentView:
    """Record a unit's report of one of its own assignments; a file is archived by content hash.

    Raises NotFound for an assignment that is not the unit's (the page never tells the difference
    between someone else's assignment and none), ReportRefused or FileRejected for bad input.
    """
    if reported_on > context.today():
        raise ReportRefused(f"{reported_on:%d/%m/%Y} is in the future")
    suffix = file_kind(upload[1], upload[0]) if upload else None
    now = context.now()
    with transaction(context.engine) as session:
        row = session.get(AssignmentRow, assignment_id)
        owner = session.get(UnitRow, row.unit_id) if row else None
        if row is None or owner is None or owner.name != unit:
            raise NotFound(f"{unit} has no assignment #{assignment_id}")
        if row.lifecycle != "active":
            raise ReportRefused(f"assignment #{assignment_id} is {row.lifecycle}: ask the coordinating unit")
        report = add_report(
            session,
            row,
            reported_on=reported_on,
            note=note[:MAX_NOTE],
            channel=CHANNEL,
            now=now,
            recorded_by=f"{unit} (trang đơn vị)",
        )
        if upload and suffix:
            _attach(context, session, report.id, upload, suffix, unit=unit)
        return assignment_views(session, assignment_ids=[row.id])[0]


def _attach(
    context: Context, session: Session, report_id: int, upload: tuple[str, bytes], suffix: str, *, unit: str
) -> None:
    name, data = upload
    digest, _ = keep(context.settings.data_dir, data, suffix)
    document = session.scalar(select(ReportDocumentRow).where(ReportDocumentRow.content_hash == digest))
    if document is None:
        document = save_document(
            session,
            None,
            digest=digest,
            suffix=suffix,
            size=len(data),
            name=name,
            channel=CHANNEL,
            source="",
            unit=unit,
            outcome="attached",
            now=context.now(),
        )
    session.add(ReportAttachmentRow(report_id=report_id, document_id=document.id))
