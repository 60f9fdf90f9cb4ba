"""Feeds built from the store: fan-out, revisions (UID, SEQUENCE), renames, only-what-changed, atomic."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from sqlalchemy import Engine, select, update

from calendars.build import FeedRebuild, rebuild
from calendars.drafts import uid
from calendars.tables import CalendarFeedRow
from calendars.tokens import plan_feed, unit_feed
from calendars.writing import BatchWriter
from models.deadlines import DeadlineKind
from models.status import Status
from models.text import name_key
from services.plans import load_plan, load_units
from services.status import evaluate_store, report_done
from store.database import transaction
from store.plans import save_plan
from store.tables import AssignmentRow, PlanRow, UnitRow
from store.units import save_units
from tests.conftest import EXAMPLES
from tests.factories import HELPER, LEAD, make_deadline, make_plan, make_units

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=ZONE)
AS_OF = date(2026, 11, 23)
GROUP_MEMBERS = ("Huyện ủy An Lạc", "Huyện ủy Tân Phú", "Quận ủy Đông Hải")


def demo_store(engine: Engine) -> None:
    load_units(engine, EXAMPLES / "units.yaml")
    for plan in sorted((EXAMPLES / "plans").glob("*.yaml")):
        load_plan(engine, plan, now=NOW)


def build(engine: Engine, folder: Path, *, now: datetime = NOW, force: bool = False) -> FeedRebuild:
    with transaction(engine) as session:
        return rebuild(session, folder, as_of=now.date(), now=now, horizon=5,
                       ui_url="https://dondoc.example", force=force)


def unit_file(engine: Engine, folder: Path, unit: str) -> Path:
    with transaction(engine) as session:
        unit_id = session.scalar(select(UnitRow.id).where(UnitRow.name == unit))
        assert unit_id is not None
        path = session.scalar(select(CalendarFeedRow.path).where(CalendarFeedRow.feed == unit_feed(unit_id)))
    assert path is not None
    return folder / path


def events(path: Path) -> dict[str, Any]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_a_group_assignment_appears_in_each_member_units_feed(engine: Engine, tmp_path: Path) -> None:
    demo_store(engine)
    build(engine, tmp_path)
    title = "Xây dựng kế hoạch học tập Chuyên đề năm 2026 của địa phương"
    found = {
        unit: [e for e in events(unit_file(engine, tmp_path, unit)).values() if title in str(e["SUMMARY"])]
        for unit in GROUP_MEMBERS
    }
    assert all(len(hits) == 1 for hits in found.values())
    assert len({str(hits[0]["UID"]) for hits in found.values()}) == 1  # one assignment, one UID
    assert all(str(hits[0]["SUMMARY"]).startswith("[Chủ trì]") for hits in found.values())
    outsider = events(unit_file(engine, tmp_path, "Báo Thành phố"))
    assert not any(title in str(e["SUMMARY"]) for e in outsider.values())


def test_a_tentative_deadline_is_tentative_in_the_unit_feed(engine: Engine, tmp_path: Path) -> None:
    demo_store(engine)
    build(engine, tmp_path)
    feed = events(unit_file(engine, tmp_path, "Ban Tuyên giáo Thành ủy"))
    conference = next(e for e in feed.values() if "Hội nghị biểu dương" in str(e["SUMMARY"]))
    assert str(conference["STATUS"]) == "TENTATIVE"
    assert conference["DTSTART"].dt == date(2026, 11, 30)


def test_an_extended_deadline_keeps_its_uid_and_raises_its_sequence(engine: Engine, tmp_path: Path) -> None:
    with transaction(engine) as session:
        save_units(session, make_units())
        save_plan(session, make_plan(), plan_file="v1", content_hash="v1", source="t", now=NOW)
    build(engine, tmp_path)
    before = events(unit_file(engine, tmp_path, LEAD))
    (uid, first), = before.items()
    later = datetime(2026, 11, 24, 7, 0, tzinfo=ZONE)
    moved = make_deadline(date(2026, 12, 15), kind=DeadlineKind.on_date, text="gia hạn đến ngày 15/12/2026")
    with transaction(engine) as session:
        save_plan(session, make_plan(deadline=moved), plan_file="v2", content_hash="v2", source="t",
                  now=later)
    build(engine, tmp_path, now=later)
    after = events(unit_file(engine, tmp_path, LEAD))
    assert list(after) == [uid]
    assert after[uid]["DTSTART"].dt == date(2026, 12, 15)
    assert int(after[uid]["SEQUENCE"]) > int(first["SEQUENCE"])
    assert after[uid]["LAST-MODIFIED"].dt > first["LAST-MODIFIED"].dt


def test_only_feeds_whose_assignments_changed_are_rewritten(engine: Engine, tmp_path: Path) -> None:
    with transaction(engine) as session:
        save_units(session, make_units())
        save_plan(session, make_plan(), plan_file="v1", content_hash="v1", source="t", now=NOW)
        other = make_plan(number="11-KH/TU", key="11-KH/TU/2024@x",
                          assignments=make_plan().assignments[:1])
        save_plan(session, other, plan_file="w1", content_hash="w1", source="t", now=NOW)
    first = build(engine, tmp_path)
    helper_file = unit_file(engine, tmp_path, HELPER)
    helper_bytes = helper_file.read_bytes()
    assert build(engine, tmp_path).written == ()
    moved = make_deadline(date(2026, 12, 15), kind=DeadlineKind.on_date, text="ngày 15/12/2026")
    moved_one = other.assignments[0].model_copy(update={"deadline": moved})
    changed = other.model_copy(update={"assignments": (moved_one,)})
    with transaction(engine) as session:
        save_plan(session, changed, plan_file="w2", content_hash="w2", source="t", now=NOW)
    second = build(engine, tmp_path)
    assert set(second.written) < set(first.written)
    assert {"all", unit_feed_of(engine, LEAD)} <= set(second.written)
    assert unit_feed_of(engine, HELPER) not in second.written
    assert helper_file.read_bytes() == helper_bytes


def unit_feed_of(engine: Engine, unit: str) -> str:
    with transaction(engine) as session:
        unit_id = session.scalar(select(UnitRow.id).where(UnitRow.name == unit))
    assert unit_id is not None
    return unit_feed(unit_id)


def test_a_renamed_unit_gets_its_new_name_and_keeps_its_events(engine: Engine, tmp_path: Path) -> None:
    demo_store(engine)
    build(engine, tmp_path)
    old_file = unit_file(engine, tmp_path, "Ban Tuyên giáo Thành ủy")
    old_uids = set(events(old_file))
    renamed = "Ban Tuyên giáo và Dân vận Thành ủy"
    with transaction(engine) as session:
        session.execute(update(UnitRow).where(UnitRow.name == "Ban Tuyên giáo Thành ủy")
                        .values(name=renamed, name_key=name_key(renamed), aliases=[]))
    build(engine, tmp_path)
    new_file = unit_file(engine, tmp_path, renamed)
    calendar = icalendar.Calendar.from_ical(new_file.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == f"Hạn nhiệm vụ — {renamed}"
    assert set(events(new_file)) == old_uids
    assert any(renamed in str(e["DESCRIPTION"]) for e in events(new_file).values())
    assert not old_file.exists() and new_file != old_file


def test_feeds_are_replaced_whole_and_leave_no_temporary_files(engine: Engine, tmp_path: Path) -> None:
    demo_store(engine)
    build(engine, tmp_path, force=True)
    target = tmp_path / "all.ics"
    with target.open("rb") as reader:  # a server still sending the feed as it was
        held = os.fstat(reader.fileno())
        build(engine, tmp_path, force=True)
        build(engine, tmp_path, force=True)
        assert target.stat().st_ino != held.st_ino
        assert os.fstat(reader.fileno()).st_mtime_ns == held.st_mtime_ns  # never written in place
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".") and p.suffix == ".tmp"]


def test_copied_components_are_the_ones_a_fresh_render_writes(engine: Engine, tmp_path: Path) -> None:
    demo_store(engine)
    first = build(engine, tmp_path / "kept")
    later = datetime(2026, 11, 24, 7, 0, tzinfo=ZONE)
    second = build(engine, tmp_path / "kept", now=later, force=True)
    assert second.rendered < first.rendered  # most components were copied, not rendered again
    with transaction(engine) as session:
        fresh = rebuild(session, tmp_path / "fresh", as_of=later.date(), now=later, horizon=5,
                        ui_url="https://dondoc.example", force=True, reuse=False)
    assert fresh.rendered > second.rendered
    kept = {p.relative_to(tmp_path / "kept"): p.read_bytes() for p in (tmp_path / "kept").rglob("*.ics")}
    made = {p.relative_to(tmp_path / "fresh"): p.read_bytes() for p in (tmp_path / "fresh").rglob("*.ics")}
    assert kept == made


def test_a_rebuild_told_which_assignment_changed_rewrites_only_the_feeds_holding_it(
    engine: Engine, tmp_path: Path
) -> None:
    with transaction(engine) as session:
        save_units(session, make_units())
        save_plan(session, make_plan(), plan_file="v1", content_hash="v1", source="t", now=NOW)
        other = make_plan(number="11-KH/TU", key="11-KH/TU/2024@x", assignments=make_plan().assignments[:1])
        save_plan(session, other, plan_file="w1", content_hash="w1", source="t", now=NOW)
    build(engine, tmp_path)
    helper_bytes = unit_file(engine, tmp_path, HELPER).read_bytes()
    moved = make_deadline(date(2026, 12, 15), kind=DeadlineKind.on_date, text="ngày 15/12/2026")
    moved_one = other.assignments[0].model_copy(update={"deadline": moved})
    changed = other.model_copy(update={"assignments": (moved_one,)})
    with transaction(engine) as session:
        save_plan(session, changed, plan_file="w2", content_hash="w2", source="t", now=NOW)
        (target,) = session.scalars(select(AssignmentRow.id).join(PlanRow).where(PlanRow.key == other.key))
        untouched = session.scalars(select(AssignmentRow.id).join(PlanRow).where(PlanRow.key != other.key))
        untouched_ids = list(untouched)
    with transaction(engine) as session:
        quiet = rebuild(session, tmp_path, as_of=AS_OF, now=NOW, horizon=5, ui_url="https://dondoc.example",
                        assignment_ids=untouched_ids)
        told = rebuild(session, tmp_path, as_of=AS_OF, now=NOW, horizon=5, ui_url="https://dondoc.example",
                       assignment_ids=[target])
    assert quiet.written == ()
    assert set(told.written) == {unit_feed_of(engine, LEAD), plan_feed_of(engine, other.key), "all"}
    assert told.entries == 1 and told.rendered == 2  # one assignment read, its event and to-do rendered
    lead_days = {event["DTSTART"].dt for event in events(unit_file(engine, tmp_path, LEAD)).values()}
    assert date(2026, 12, 15) in lead_days
    assert unit_file(engine, tmp_path, HELPER).read_bytes() == helper_bytes
    assert build(engine, tmp_path).written == ()  # what the partial build wrote is what a full one would


def plan_feed_of(engine: Engine, key: str) -> str:
    with transaction(engine) as session:
        plan_id = session.scalar(select(PlanRow.id).where(PlanRow.key == key))
    assert plan_id is not None
    return plan_feed(plan_id)


def test_statuses_come_from_the_stored_columns_while_they_hold(engine: Engine, tmp_path: Path) -> None:
    demo_store(engine)
    evaluate_store(engine, as_of=AS_OF, now=NOW, horizon=5, record=True)  # as the daily sweep does
    with transaction(engine) as session:
        row = session.scalars(select(AssignmentRow).where(AssignmentRow.status == Status.not_due.value)
                              .order_by(AssignmentRow.id)).first()
        assert row is not None
        key, plan_key = row.key, session.scalar(select(PlanRow.key).where(PlanRow.id == row.plan_id))
        # A status only the sweep could know: the feed must take it rather than work out its own.
        row.status = Status.due_soon.value
    build(engine, tmp_path)
    todo = icalendar.Calendar.from_ical((tmp_path / "all.todo.ics").read_bytes())
    found = {str(t["UID"]): t for t in todo.walk("VTODO")}[f"todo-{uid(str(plan_key), key)}"]
    assert "Trạng thái: Sắp đến hạn" in str(found["DESCRIPTION"])


def test_a_report_recorded_after_the_statuses_were_stored_shows_at_the_next_rebuild(
    engine: Engine, tmp_path: Path
) -> None:
    demo_store(engine)
    evaluate_store(engine, as_of=AS_OF, now=NOW, horizon=5, record=True)
    with transaction(engine) as session:
        row = session.scalars(select(AssignmentRow).where(AssignmentRow.status == Status.overdue.value)
                              .order_by(AssignmentRow.id)).first()
        assert row is not None
        key, plan_key = row.key, session.scalar(select(PlanRow.key).where(PlanRow.id == row.plan_id))
    build(engine, tmp_path)
    report_done(engine, key, reported_on=AS_OF, note="", now=NOW)
    second = build(engine, tmp_path)
    assert "all" in second.written
    event = events(tmp_path / "all.ics")[uid(str(plan_key), key)]
    assert "(Đã hoàn thành)" in str(event["SUMMARY"])


def test_a_failed_batch_write_keeps_the_old_feeds_and_leaves_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "units" / "feed.ics"
    with BatchWriter(tmp_path) as writer:
        writer.write(old, [b"old"])

    def disk_full(_descriptor: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("calendars.writing.os.fsync", disk_full)
    with pytest.raises(OSError, match="disk full"), BatchWriter(tmp_path) as writer:
        writer.write(old, [b"new"])
        writer.write(tmp_path / "plans" / "other.ics", [b"new"])
    assert old.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [".build.lock", "feed.ics"]


def test_a_big_coordinators_feed_is_left_to_the_next_full_pass(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with transaction(engine) as session:
        save_units(session, make_units())
        save_plan(session, make_plan(), plan_file="v1", content_hash="v1", source="t", now=NOW)
    build(engine, tmp_path)
    monkeypatch.setattr("calendars.build.ALL_INLINE", 0)
    moved = make_deadline(date(2026, 12, 15), kind=DeadlineKind.on_date, text="ngày 15/12/2026")
    with transaction(engine) as session:
        save_plan(session, make_plan(deadline=moved), plan_file="v2", content_hash="v2", source="t", now=NOW)
        changed = list(session.scalars(select(AssignmentRow.id)))
    with transaction(engine) as session:
        partial = rebuild(session, tmp_path, as_of=AS_OF, now=NOW, horizon=5, ui_url="https://dondoc.example",
                          assignment_ids=changed)
    assert "all" not in partial.written and unit_feed_of(engine, LEAD) in partial.written
    assert date(2026, 12, 15) not in {e["DTSTART"].dt for e in events(tmp_path / "all.ics").values()}
    assert build(engine, tmp_path).written == ("all",)
    assert date(2026, 12, 15) in {e["DTSTART"].dt for e in events(tmp_path / "all.ics").values()}


def test_each_written_feed_is_noted_with_its_file_and_events_and_noted_again_when_rewritten(
    engine: Engine, tmp_path: Path
) -> None:
    demo_store(engine)
    first = build(engine, tmp_path)
    built_first = noted_builds(engine)
    later = datetime(2026, 11, 24, 7, 0, tzinfo=ZONE)
    again = build(engine, tmp_path, now=later, force=True)
    with transaction(engine) as session:
        rows = {row.feed: row for row in session.scalars(select(CalendarFeedRow))}
    assert set(rows) == set(first.written) == set(again.written)
    for feed, row in rows.items():
        assert len(events(tmp_path / row.path)) == row.events, feed
    assert len(built_first) == len(noted_builds(engine)) == 1 and built_first != noted_builds(engine)
    assert build(engine, tmp_path, now=later).written == ()  # the noted fingerprints hold


def noted_builds(engine: Engine) -> set[datetime]:
    with transaction(engine) as session:
        return set(session.scalars(select(CalendarFeedRow.built_at)))
