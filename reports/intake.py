"""The report inbox: read each report file, archive it, match it, record or queue it for review.

`ingest_reports(engine, settings, paths, now)` is what `dondoc reports ingest` and the flows area's
`ingest_inbox` deployment call. Each file is one transaction; a file seen before (same content, or
the same number, issuer and date) changes nothing, so a folder can be ingested again and again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from models.errors import DondocError
from reports.archive import DOCUMENTS, FileRejected, content_hash, file_kind, keep
from reports.document import ReportDocument
from reports.matching import MatchResult, Question, match_report
from reports.reading import read_report
from reports.store import load_candidates, record_match, save_document
from reports.tables import ReportDocumentRow, ReviewItemRow
from services.settings import Settings
from store.database import transaction
from store.units import load_registry


class Outcome(StrEnum):
    recorded = "recorded"  # every question answered: reports recorded
    review = "review"  # at least one question for a coordinator (some reports may be recorded)
    duplicate = "duplicate"  # seen before: nothing changed
    rejected = "rejected"  # not a file dondoc keeps (kind, size) or not readable


class Intake(BaseModel):
    """What happened to one file."""

    model_config = ConfigDict(frozen=True)

    path: Path
    outcome: Outcome
    message: str = ""
    document_id: int | None = None
    assignments: tuple[int, ...] = ()  # the assignments a report was recorded for
    reviews: tuple[int, ...] = ()  # review queue items opened


def report_files(paths: Iterable[Path]) -> list[Path]:
    """The files to read: the given files, and the documents inside given folders (recursively)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in DOCUMENTS and not p.name.startswith((".", "~$"))
            )
        else:
            found.append(path)
    return found


def ingest_reports(engine: Engine, settings: Settings, paths: Sequence[Path], now: datetime) -> list[Intake]:
    """Ingest report files and folders; never stops at a bad file (each outcome says what happened)."""
    return [ingest_file(engine, settings, path, now) for path in report_files(paths)]


def ingest_file(engine: Engine, settings: Settings, path: Path, now: datetime) -> Intake:
    try:
        data = path.read_bytes()
        suffix = file_kind(data, path.name)
        if suffix not in DOCUMENTS:
            raise FileRejected(f"{path}: an image is not a report document; send it through the unit's page")
    except (OSError, FileRejected) as error:
        return Intake(path=path, outcome=Outcome.rejected, message=str(error))
    digest = content_hash(data)
    with transaction(engine) as session:
        seen = session.scalar(select(ReportDocumentRow.id).where(ReportDocumentRow.content_hash == digest))
        if seen is not None:
            return Intake(
                path=path,
                outcome=Outcome.duplicate,
                document_id=seen,
                message="this file was ingested before",
            )
    _, archived = keep(settings.data_dir, data, suffix)
    try:
        report = read_report(archived).model_copy(update={"source": str(path)})
    except DondocError as error:
        return Intake(path=path, outcome=Outcome.rejected, message=f"{path}: {error}")
    with transaction(engine) as session:
        return _file_report(session, path, report, digest=digest, suffix=suffix, size=len(data), now=now)


def _file_report(
    session: Session,
    path: Path,
    report: ReportDocument,
    *,
    digest: str,
    suffix: str,
    size: int,
    now: datetime,
) -> Intake:
    registry = load_registry(session)
    result = match_report(report, load_candidates(session), registry)
    twin = _same_report(session, report, result.unit)
    if twin is not None:
        return Intake(
            path=path,
            outcome=Outcome.duplicate,
            document_id=twin,
            message=f"report {report.number} of {result.unit} was ingested before (document #{twin})",
        )
    outcome = Outcome.review if result.questions else Outcome.recorded
    document = save_document(
        session,
        report,
        digest=digest,
        suffix=suffix,
        size=size,
        name=path.name,
        channel="inbox",
        source=str(path),
        unit=result.unit,
        outcome=outcome.value,
        now=now,
    )
    recorded = [
        record_match(session, document, match.assignment_id, report, now=now) for match in result.matches
    ]
    reviews = [_queue(session, document, question, now) for question in result.questions]
    return Intake(
        path=path,
        outcome=outcome,
        document_id=document.id,
        assignments=tuple(recorded),
        reviews=tuple(reviews),
        message=_summary(result),
    )


def _same_report(session: Session, report: ReportDocument, unit: str | None) -> int | None:
    if report.number is None or unit is None:
        return None
    query = select(ReportDocumentRow.id).where(
        ReportDocumentRow.number == report.number,
        ReportDocumentRow.unit == unit,
        ReportDocumentRow.issued == report.issued,
    )
    return session.scalar(query)


def _queue(session: Session, document: ReportDocumentRow, question: Question, now: datetime) -> int:
    item = ReviewItemRow(
        document_id=document.id,
        reason=question.reason,
        candidates=[{"plan_number": question.plan_number, **s.model_dump()} for s in question.suggestions],
        created_at=now,
    )
    session.add(item)
    session.flush()
    return item.id


def _summary(result: MatchResult) -> str:
    parts = [f"#{m.assignment_id} ({m.confidence:.2f})" for m in result.matches]
    text = f"recorded for {', '.join(parts)}" if parts else ""
    if result.questions:
        text += ("; " if text else "") + "; ".join(f"review: {q.reason}" for q in result.questions)
    return text
