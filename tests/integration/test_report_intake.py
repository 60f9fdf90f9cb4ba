"""The report inbox against SQLite and PostgreSQL: archive by hash, record, queue, review, idempotency."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from sqlalchemy import Engine, func, select

from models.status import Status
from reports import review
from reports.intake import Outcome, ingest_reports
from reports.tables import ReportAttachmentRow, ReportDocumentRow, ReviewItemRow
from services.plans import load_plan, load_units
from services.settings import Settings
from services.status import evaluate_store
from store.changes import Change, ChangeRefused
from store.database import transaction
from store.tables import ReportRow
from tests.conftest import EXAMPLES

DATA = Path(__file__).resolve().parents[1] / "data" / "reports"
NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)


@pytest.fixture
def store(engine: Engine) -> Engine:
    load_units(engine, EXAMPLES / "units.yaml")
    for path in [*sorted((EXAMPLES / "plans").glob("*.yaml")), DATA / "52-KH-TU-2026.yaml"]:
        load_plan(engine, path, now=NOW)
    return engine


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for report in DATA.glob("*.txt"):
        shutil.copy(report, folder / report.name)
    return folder


def _count(engine: Engine, table: type) -> int:
    with transaction(engine) as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_report_inbox_records_confident_matches_and_queues_the_rest(
    store: Engine, inbox: Path, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    results = {r.path.name: r for r in ingest_reports(store, settings, [inbox], NOW)}
    assert results["18-BC-HU-an-lac.txt"].outcome is Outcome.recorded
    assert len(results["09-BC-BTGHU-hai-ke-hoach.txt"].assignments) == 2
    assert results["05-BC-VPHU-khong-so-ke-hoach.txt"].outcome is Outcome.review
    assert results["21-BC-QU-dong-hai.txt"].outcome is Outcome.review
    assert _count(store, ReportRow) == 3 and _count(store, ReviewItemRow) == 2
    with transaction(store) as session:
        channels = set(session.scalars(select(ReportRow.channel)))
        hashes = list(session.scalars(select(ReportDocumentRow.content_hash)))
    assert channels == {"inbox"}
    archived = sorted(p.name for p in (settings.data_dir / "archive").rglob("*.txt"))
    assert archived == sorted(f"{h}.txt" for h in hashes)  # content-addressed; the sender's name is not used
    lines = evaluate_store(store, as_of=date(2026, 11, 26), now=NOW, horizon=5, unit="Huyện ủy An Lạc")
    done = [
        line
        for line in lines
        if line.assignment.section == "II.1" and line.assignment.plan_number == "52-KH/TU"
    ]
    assert done[0].evaluation.status is Status.done_on_time


def test_the_same_report_twice_is_one_report_even_as_another_file_type(
    store: Engine, inbox: Path, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    ingest_reports(store, settings, [inbox], NOW)
    again = ingest_reports(store, settings, [inbox], NOW)
    assert {r.outcome for r in again} == {Outcome.duplicate}
    as_docx = tmp_path / "bao-cao.docx"
    document = DocxDocument()
    for line in (DATA / "18-BC-HU-an-lac.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(str(as_docx))
    (result,) = ingest_reports(store, settings, [as_docx], NOW)
    assert result.outcome is Outcome.duplicate and "ingested before" in result.message
    assert _count(store, ReportRow) == 3


def test_a_file_that_is_not_a_report_document_is_rejected_without_stopping_the_rest(
    store: Engine, inbox: Path, tmp_path: Path
) -> None:
    (inbox / "scan.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)  # an image named .pdf
    results = {r.path.name: r for r in ingest_reports(store, Settings(data_dir=tmp_path / "d"), [inbox], NOW)}
    assert results["scan.pdf"].outcome is Outcome.rejected
    assert results["18-BC-HU-an-lac.txt"].outcome is Outcome.recorded


def test_accepting_a_queued_report_records_it_and_rejecting_needs_a_reason(
    store: Engine, inbox: Path, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    ingest_reports(store, settings, [inbox], NOW)
    queue = review.list_reviews(store, settings)
    no_plan = next(item for item in queue if item.number == "05-BC/VPHU")
    group = next(item for item in queue if item.number == "21-BC/QU")
    who = Change(by="điều phối", channel="cli", reason="", at=NOW)
    accepted = review.accept(store, no_plan.id, assignment=None, change=who)
    assert accepted == no_plan.suggestions[0].assignment_id
    with pytest.raises(ChangeRefused, match="reason"):
        review.reject(store, group.id, change=who)
    review.reject(store, group.id, change=who.model_copy(update={"reason": "chờ đủ các quận, huyện"}))
    assert review.list_reviews(store, settings) == []
    with pytest.raises(ChangeRefused, match="already accepted"):
        review.accept(store, no_plan.id, assignment=None, change=who)
    assert _count(store, ReportRow) == 4 and _count(store, ReportAttachmentRow) == 4
