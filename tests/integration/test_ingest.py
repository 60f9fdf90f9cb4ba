"""`dondoc ingest`: documents in, plans stored once, originals archived by hash, failures kept apart."""

from __future__ import annotations

import hashlib
import shutil
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, select

from models.units import Unit
from services.ingest import Outcome, ingest_paths
from services.settings import Settings
from store.database import transaction
from store.tables import AssignmentRow, PlanRow, TaskRow, UnitRow
from store.units import load_registry, save_units

NOW = datetime(2024, 3, 1, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


def _counts(engine: Engine) -> tuple[int, int, int, int]:
    with transaction(engine) as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(table))
            for table in (PlanRow, TaskRow, AssignmentRow, UnitRow)
        )


def _copy(seeds_dir: Path, target: Path, *prefixes: str) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for prefix in prefixes:
        source = next(seeds_dir.glob(f"{prefix}_*.txt"))
        copied.append(Path(shutil.copy(source, target / source.name)))
    return copied


def test_ingesting_the_five_seeds_twice_stores_nothing_new_the_second_time(
    engine: Engine, settings: Settings, seeds_dir: Path
) -> None:
    first = ingest_paths(engine, settings, [seeds_dir], now=NOW)
    assert first.ok and first.count(Outcome.created) == 5
    stored = _counts(engine)
    assert stored[0] == 5 and stored[2] > 50

    second = ingest_paths(engine, settings, [seeds_dir], now=NOW)

    assert second.ok and second.count(Outcome.unchanged) == 5
    assert not any(item.new_units for item in second.ingested)
    assert _counts(engine) == stored


def test_a_broken_file_among_good_ones_fails_alone_and_names_the_file(
    engine: Engine, settings: Settings, seeds_dir: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    good = _copy(seeds_dir, inbox, "000", "004")
    broken = inbox / "002_hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    scanned = inbox / "003_scan.pdf"
    scanned.write_bytes(b"%PDF-1.4\n%%EOF\n")

    result = ingest_paths(engine, settings, [inbox], now=NOW)

    assert sorted(item.path for item in result.ingested) == sorted(good)
    assert sorted(f.path for f in result.failures) == sorted([broken, scanned])
    assert all(str(f.path) in f.error for f in result.failures)
    assert _counts(engine)[0] == 2


def test_a_document_in_a_format_dondoc_does_not_read_is_reported_and_other_files_are_not(
    engine: Engine, settings: Settings, seeds_dir: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    good = _copy(seeds_dir, inbox, "002")
    (inbox / "ke_hoach_cu.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    (inbox / "trang_1.jpg").write_bytes(b"\xff\xd8\xff a scanned page")
    (inbox / "notes.json").write_text("{}", encoding="utf-8")

    result = ingest_paths(engine, settings, [inbox], now=NOW)

    assert [item.path for item in result.ingested] == good
    reasons = {f.path.name: f.error for f in result.failures}
    assert set(reasons) == {"ke_hoach_cu.doc", "trang_1.jpg"}
    assert "save it as .docx" in reasons["ke_hoach_cu.doc"] and "OCR" in reasons["trang_1.jpg"]


def test_the_original_is_archived_under_its_sha256(
    engine: Engine, settings: Settings, seeds_dir: Path, tmp_path: Path
) -> None:
    [path] = _copy(seeds_dir, tmp_path / "inbox", "001")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    [item] = ingest_paths(engine, settings, [path], now=NOW).ingested

    expected = settings.data_dir / "archive" / digest[:2] / f"{digest}.txt"
    assert item.archived == expected
    assert expected.read_bytes() == path.read_bytes()
    with transaction(engine) as session:
        row = session.scalars(select(PlanRow)).one()
    assert (row.content_hash, row.source) == (digest, str(path))


def test_ingesting_a_folder_that_holds_the_archive_does_not_ingest_the_archive(
    engine: Engine, seeds_dir: Path, tmp_path: Path
) -> None:
    _copy(seeds_dir, tmp_path, "000")
    settings = Settings(data_dir=tmp_path / "data")
    ingest_paths(engine, settings, [tmp_path], now=NOW)

    again = ingest_paths(engine, settings, [tmp_path], now=NOW)

    assert [item.outcome for item in again.ingested] == [Outcome.unchanged]


def test_units_the_registry_knows_keep_their_registry_name_and_others_are_declared_by_the_plan(
    engine: Engine, settings: Settings, seeds_dir: Path, tmp_path: Path
) -> None:
    known = Unit(name="BTG Thành ủy", aliases=("Ban Tuyên giáo Thành ủy",), emails=("btg@example.vn",))
    with transaction(engine) as session:
        save_units(session, [known])
    [path] = _copy(seeds_dir, tmp_path / "inbox", "001")

    [item] = ingest_paths(engine, settings, [path], now=NOW).ingested

    assert "Ban Tuyên giáo Thành ủy" not in item.new_units
    assert "Trường Chính trị Tô Hiệu" in item.new_units
    with transaction(engine) as session:
        registry = load_registry(session)
        unit_names = set(session.scalars(select(UnitRow.name).join(AssignmentRow)))
    assert registry.get("BTG Thành ủy").emails == ("btg@example.vn",)
    assert "BTG Thành ủy" in unit_names and "Ban Tuyên giáo Thành ủy" not in unit_names
    assert registry.get("Các quận ủy, huyện ủy, đảng ủy trực thuộc Thành ủy").is_group


def test_another_file_with_a_stored_plans_key_is_kept_unless_replaced(
    engine: Engine, settings: Settings, seeds_dir: Path, tmp_path: Path
) -> None:
    [original] = _copy(seeds_dir, tmp_path / "a", "000")
    revised = tmp_path / "b" / original.name
    revised.parent.mkdir()
    revised.write_text(original.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    ingest_paths(engine, settings, [original], now=NOW)

    kept = ingest_paths(engine, settings, [revised], now=NOW)
    replaced = ingest_paths(engine, settings, [revised], now=NOW, replace=True)

    assert [i.outcome for i in kept.ingested] == [Outcome.kept]
    assert [i.outcome for i in replaced.ingested] == [Outcome.updated]
    assert _counts(engine)[0] == 1


def test_the_same_file_under_a_key_an_older_extraction_gave_it_is_not_stored_twice(
    engine: Engine, settings: Settings, seeds_dir: Path
) -> None:
    [seed] = [path for path in sorted(seeds_dir.glob("*.txt")) if path.name.startswith("000")]
    ingest_paths(engine, settings, [seed], now=NOW)
    with transaction(engine) as session:
        row = session.scalars(select(PlanRow)).one()
        row.key = "key-read-by-an-older-version"

    again = ingest_paths(engine, settings, [seed], now=NOW)

    assert [(i.outcome, i.plan_key) for i in again.ingested] == [
        (Outcome.unchanged, "key-read-by-an-older-version")
    ]
    assert _counts(engine)[0] == 1


def test_the_ingest_command_reports_failures_at_the_end_and_exits_non_zero(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.app import main

    inbox = tmp_path / "inbox"
    _copy(seeds_dir, inbox, "000", "001")
    (inbox / "unreadable.pdf").write_bytes(b"not a pdf")
    monkeypatch.setenv("DONDOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DONDOC_DATABASE_URL", raising=False)
    monkeypatch.setattr(sys, "argv", ["dondoc", "ingest", str(inbox), "--no-review"])

    with pytest.raises(SystemExit) as exit_:
        main()

    captured = capsys.readouterr()
    assert exit_.value.code != 0
    assert "2 created, 1 failed" in captured.out
    assert "unreadable.pdf" in captured.err
