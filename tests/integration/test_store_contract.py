"""The store's contract, run against SQLite and a real PostgreSQL server alike."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from models.errors import PlanFileError, UnitNotFound
from models.planfile import content_hash, dump_plan
from models.status import Status
from services.plans import list_plans, load_plan, load_units
from services.status import evaluate_store, report_done
from store.database import transaction
from store.tables import AssignmentRow, DeadlineVersionRow, LifecycleChangeRow, PlanRow, StatusChangeRow
from tests.conftest import EXAMPLES
from tests.factories import make_deadline, make_plan, make_units

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def _count(engine: Engine, table: type) -> int:
    with transaction(engine) as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


@pytest.fixture
def demo(engine: Engine) -> Engine:
    load_units(engine, EXAMPLES / "units.yaml")
    return engine


def test_example_plans_load_once_and_a_second_load_changes_nothing(demo: Engine) -> None:
    for path in sorted((EXAMPLES / "plans").glob("*.yaml")):
        assert load_plan(demo, path, now=NOW)[1].value == "created"
    before = (_count(demo, PlanRow), _count(demo, AssignmentRow), _count(demo, DeadlineVersionRow))
    for path in sorted((EXAMPLES / "plans").glob("*.yaml")):
        assert load_plan(demo, path, now=NOW)[1].value == "unchanged"
    assert (_count(demo, PlanRow), _count(demo, AssignmentRow), _count(demo, DeadlineVersionRow)) == before
    assert [plan.number for plan in list_plans(demo)] == ["45-KH/TU", "12-KH/HU"]


def test_a_plan_file_with_an_unknown_unit_leaves_the_store_unchanged(demo: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (EXAMPLES / "plans" / "12-KH-HU-2026.yaml")
        .read_text()
        .replace("[Văn phòng Huyện ủy An Lạc]", "[Văn phòng Huyện ủy Không Có]")
    )
    with pytest.raises(UnitNotFound, match=r"bad.yaml:\d+: unknown unit"):
        load_plan(demo, bad, now=NOW)
    assert _count(demo, PlanRow) == 0


def test_a_corrected_plan_updates_in_place_keeping_deadline_history(demo: Engine, tmp_path: Path) -> None:
    load_units(demo, EXAMPLES / "units.yaml")
    first = make_plan(deadline=make_deadline(date(2026, 12, 4)))
    second = make_plan(deadline=make_deadline(date(2026, 12, 18)), assignments=first.assignments[:1])
    second = second.model_copy(
        update={
            "assignments": tuple(
                a.model_copy(update={"deadline": second.tasks[0].deadline}) for a in second.assignments
            )
        }
    )
    for version, plan in enumerate((first, second)):
        path = tmp_path / f"v{version}.yaml"
        path.write_text(dump_plan(plan))
        load_plan(demo, path, now=NOW)
    assert _count(demo, PlanRow) == 1
    assert _count(demo, DeadlineVersionRow) == 3  # two first versions, one extension of the lead
    assert _count(demo, LifecycleChangeRow) == 1  # the dropped participant is cancelled, not deleted
    lines = evaluate_store(demo, as_of=date(2026, 11, 23), now=NOW, horizon=5)
    assert {line.evaluation.status for line in lines} == {Status.cancelled, Status.extended}


def test_status_is_recorded_with_history_and_a_report_on_the_due_day_is_on_time(demo: Engine) -> None:
    load_plan(demo, EXAMPLES / "plans" / "45-KH-TU-2026.yaml", now=NOW)
    lines = evaluate_store(demo, as_of=date(2026, 11, 23), now=NOW, horizon=5)
    overdue = [line for line in lines if line.evaluation.status is Status.overdue]
    assert overdue and _count(demo, StatusChangeRow) == len(lines)
    target = overdue[0].assignment
    assert target.deadline is not None and target.deadline.effective_due is not None
    report_done(demo, str(target.id), reported_on=target.deadline.effective_due, note="", now=NOW)
    again = evaluate_store(demo, as_of=date(2026, 11, 23), now=NOW, horizon=5)
    mine = next(line for line in again if line.assignment.id == target.id)
    assert mine.evaluation.status is Status.done_on_time
    assert _count(demo, StatusChangeRow) == len(lines) + 1


def test_a_past_as_of_reproduces_that_day_without_rewriting_history(demo: Engine) -> None:
    load_plan(demo, EXAMPLES / "plans" / "45-KH-TU-2026.yaml", now=NOW)
    lines = evaluate_store(demo, as_of=date(2026, 3, 1), now=NOW, horizon=5)
    assert _count(demo, StatusChangeRow) == 0
    assert Status.overdue not in {
        line.evaluation.status for line in lines if line.assignment.section == "II.1.2"
    }


def test_broken_yaml_names_the_file_and_line(demo: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("document:\n  number: 1-KH/TU\ntasks:\n  - id: a\n    title: [unclosed\n")
    with pytest.raises(PlanFileError, match=r"broken.yaml:\d+: broken YAML"):
        load_plan(demo, bad, now=NOW)
    assert _count(demo, PlanRow) == 0


def test_content_hash_is_the_identity_of_a_numberless_plan() -> None:
    assert content_hash("a") != content_hash("b")
    assert make_units()[0].name == "Ban Thường vụ Thành ủy"
