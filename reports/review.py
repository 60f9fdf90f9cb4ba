"""The review queue: report documents dondoc could not match with confidence, and coordinators'
decisions on them (accept for an assignment, or reject). Decisions are kept, never deleted."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from models.errors import NotFound
from reports.archive import archive_path
from reports.store import record_match
from reports.tables import ReportDocumentRow, ReviewItemRow
from services.settings import Settings
from store.changes import Change, ChangeRefused, record_action
from store.database import transaction
from store.tracking import assignment_views, find_assignment


class Suggestion(BaseModel):
    model_config = ConfigDict(frozen=True)

    assignment_id: int
    confidence: float
    label: str  # unit — plan section: task


class ReviewView(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    state: str
    reason: str
    number: str | None
    issued: date | None
    unit: str | None
    file: str  # the archived copy
    name: str  # the file name as received (display only)
    suggestions: tuple[Suggestion, ...]


def list_reviews(engine: Engine, settings: Settings, *, pending_only: bool = True) -> list[ReviewView]:
    with transaction(engine) as session:
        query = select(ReviewItemRow, ReportDocumentRow).join(
            ReportDocumentRow, ReviewItemRow.document_id == ReportDocumentRow.id
        )
        if pending_only:
            query = query.where(ReviewItemRow.state == "pending")
        rows = list(session.execute(query.order_by(ReviewItemRow.id)))
        wanted = {int(c["assignment_id"]) for item, _ in rows for c in item.candidates}
        labels = {
            v.id: f"{v.unit} — {v.plan_number or v.plan_key} {v.section}: {v.task}"
            for v in assignment_views(session, assignment_ids=sorted(wanted))
        }
        return [
            ReviewView(
                id=item.id,
                state=item.state,
                reason=item.reason,
                number=doc.number,
                issued=doc.issued,
                unit=doc.unit,
                file=str(archive_path(settings.data_dir, doc.content_hash, doc.suffix)),
                name=doc.original_name,
                suggestions=tuple(
                    Suggestion(
                        assignment_id=int(c["assignment_id"]),
                        confidence=float(c["confidence"]),
                        label=labels.get(int(c["assignment_id"]), "?"),
                    )
                    for c in item.candidates
                ),
            )
            for item, doc in rows
        ]


def accept(engine: Engine, review_id: int, *, assignment: str | None, change: Change) -> int:
    """Record the queued report for `assignment` (default: the first suggestion); its assignment id."""
    with transaction(engine) as session:
        item, document = _pending(session, review_id)
        if assignment is None:
            if not item.candidates:
                raise ChangeRefused(
                    f"review #{review_id} has no suggestion: name the assignment (--assignment)"
                )
            assignment = str(item.candidates[0]["assignment_id"])
        row = find_assignment(session, assignment)
        record_match(session, document, row.id, None, now=change.at, recorded_by=change.by)
        _decide(session, item, document, "accepted", change, f"recorded for #{row.id}")
        record_action(session, row, "accept_report", change, review=review_id, document=document.id)
        return row.id


def reject(engine: Engine, review_id: int, *, change: Change) -> None:
    with transaction(engine) as session:
        item, document = _pending(session, review_id)
        _decide(session, item, document, "rejected", change.checked("reject"), change.reason)


def _pending(session: Session, review_id: int) -> tuple[ReviewItemRow, ReportDocumentRow]:
    item = session.get(ReviewItemRow, review_id)
    if item is None:
        raise NotFound(f"no review #{review_id}: `dondoc reports review` lists them")
    if item.state != "pending":
        raise ChangeRefused(f"review #{review_id} was already {item.state} by {item.decided_by or '?'}")
    document = session.get(ReportDocumentRow, item.document_id)
    assert document is not None
    return item, document


def _decide(
    session: Session, item: ReviewItemRow, document: ReportDocumentRow, state: str, change: Change, note: str
) -> None:
    item.state, item.decided_by, item.decided_at, item.decision = state, change.by, change.at, note
    session.flush()
    still_open = session.scalar(
        select(ReviewItemRow.id).where(
            ReviewItemRow.document_id == document.id, ReviewItemRow.state == "pending"
        )
    )
    if still_open is None:
        document.outcome = "reviewed"
