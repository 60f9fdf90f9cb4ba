"""Coordinators' changes (extend, cancel, pause, resume, reassign) and `status --as-of` a past day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select

from models.status import Lifecycle, Status
from reports import actions
from reports.tables import AssignmentActionRow
from services.plans import load_plan, load_units
from services.status import StatusLine, evaluate_store, report_done
from store.changes import Change, ChangeRefused
from store.database import transaction
from store.tables import DeadlineVersionRow, LifecycleChangeRow
from tests.conftest import EXAMPLES

VN = ZoneInfo("Asia/Ho_Chi_Minh")
LOADED = datetime(2026, 1, 10, 9, 0, tzinfo=VN)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=VN)


def _change(day: date, reason: str = "đề nghị của đơn vị") -> Change:
    return Change(by="Ban Tuyên giáo Thành ủy", channel="cli", reason=reason, at=_at(day))


@pytest.fixture
def demo(engine: Engine) -> Engine:
    load_units(engine, EXAMPLES / "units.yaml")
    load_plan(engine, EXAMPLES / "plans" / "45-KH-TU-2026.yaml", now=LOADED)
    return engine


def _line(engine: Engine, assignment_id: int, as_of: date, now: datetime) -> StatusLine | None:
    lines = evaluate_store(engine, as_of=as_of, now=now, horizon=5, record=False)
    return next((line for line in lines if line.assignment.id == assignment_id), None)


def _target(engine: Engine) -> int:
    """Ban Tuyên giáo's mid-year review, due 14/7/2026 (trước ngày 15/7/2026)."""
    lines = evaluate_store(engine, as_of=date(2026, 7, 1), now=_at(date(2026, 7, 1)), horizon=5, record=False)
    return next(
        line.assignment.id
        for line in lines
        if line.assignment.section == "II.2" and line.assignment.role == "lead"
    )


def test_extend_adds_a_deadline_version_and_a_past_day_still_shows_the_old_deadline(demo: Engine) -> None:
    target = _target(demo)
    view = actions.extend(demo, str(target), to=date(2026, 8, 27), change=_change(date(2026, 7, 20)))
    assert view.deadline_version == 2 and view.deadline is not None and view.deadline.due == date(2026, 8, 27)
    with transaction(demo) as session:
        versions = list(
            session.scalars(
                select(DeadlineVersionRow)
                .where(DeadlineVersionRow.assignment_id == target)
                .order_by(DeadlineVersionRow.version)
            )
        )
        action = session.scalar(
            select(AssignmentActionRow).where(AssignmentActionRow.assignment_id == target)
        )
    assert [v.effective_due for v in versions] == [date(2026, 7, 14), date(2026, 8, 27)]
    assert (versions[1].changed_by, versions[1].channel, versions[1].reason) == (
        "Ban Tuyên giáo Thành ủy",
        "cli",
        "đề nghị của đơn vị",
    )
    assert action is not None and action.action == "extend" and action.detail["old_due"] == "2026-07-14"
    today = _at(date(2026, 8, 3))
    before = _line(demo, target, date(2026, 7, 18), today)  # overdue then: the extension came on 20/7
    after = _line(demo, target, date(2026, 8, 3), today)
    assert before is not None and before.evaluation.status is Status.overdue
    assert before.evaluation.effective_due == date(2026, 7, 14)
    assert after is not None and after.evaluation.status is Status.extended


def test_extend_refuses_an_earlier_date_and_a_missing_reason(demo: Engine) -> None:
    target = str(_target(demo))
    with pytest.raises(ChangeRefused, match="must be later"):
        actions.extend(demo, target, to=date(2026, 7, 1), change=_change(date(2026, 6, 1)))
    with pytest.raises(ChangeRefused, match="reason"):
        actions.extend(demo, target, to=date(2026, 9, 1), change=_change(date(2026, 6, 1), reason=" "))


def test_cancel_pause_and_resume_are_kept_in_lifecycle_history(demo: Engine) -> None:
    target = _target(demo)
    actions.set_lifecycle(demo, str(target), Lifecycle.paused, change=_change(date(2026, 6, 1)))
    actions.set_lifecycle(demo, str(target), Lifecycle.active, change=_change(date(2026, 6, 10)))
    actions.set_lifecycle(demo, str(target), Lifecycle.cancelled, change=_change(date(2026, 6, 20), "bỏ"))
    with pytest.raises(ChangeRefused, match="already cancelled"):
        actions.set_lifecycle(demo, str(target), Lifecycle.cancelled, change=_change(date(2026, 6, 21)))
    with transaction(demo) as session:
        moves = [
            (c.old, c.new)
            for c in session.scalars(
                select(LifecycleChangeRow)
                .where(LifecycleChangeRow.assignment_id == target)
                .order_by(LifecycleChangeRow.id)
            )
        ]
    assert moves == [("active", "paused"), ("paused", "active"), ("active", "cancelled")]
    today = _at(date(2026, 8, 1))
    assert _line(demo, target, date(2026, 6, 5), today).evaluation.status is Status.paused  # type: ignore[union-attr]
    assert _line(demo, target, date(2026, 6, 15), today).evaluation.status is Status.not_due  # type: ignore[union-attr]
    assert _line(demo, target, date(2026, 8, 1), today).evaluation.status is Status.cancelled  # type: ignore[union-attr]


def test_reassign_cancels_the_old_assignment_and_gives_the_task_to_the_new_unit(demo: Engine) -> None:
    target = _target(demo)
    old, new = actions.reassign(demo, str(target), to_unit="VPTU", change=_change(date(2026, 7, 1)))
    assert (old.unit, old.lifecycle) == ("Ban Tuyên giáo Thành ủy", Lifecycle.cancelled)
    assert (new.unit, new.task, new.role, new.lifecycle) == (
        "Văn phòng Thành ủy",
        old.task,
        "lead",
        Lifecycle.active,
    )
    assert new.deadline == old.deadline
    history = [line.what for line in actions.history(demo, str(new.id))]
    assert history == ["deadline v1", "take_over"]
    today = _at(date(2026, 7, 2))
    assert _line(demo, new.id, date(2026, 6, 30), today) is None  # it did not exist yet
    assert _line(demo, target, date(2026, 6, 30), today).evaluation.status is Status.not_due  # type: ignore[union-attr]
    _, back_new = actions.reassign(
        demo, str(new.id), to_unit="Ban Tuyên giáo Thành ủy", change=_change(date(2026, 7, 3))
    )
    assert back_new.id == target and back_new.lifecycle is Lifecycle.active  # its own row, active again


def test_a_past_day_counts_only_the_reports_on_record_by_then(demo: Engine) -> None:
    target = _target(demo)
    report_done(demo, str(target), reported_on=date(2026, 7, 10), note="", now=_at(date(2026, 7, 25)))
    today = _at(date(2026, 8, 1))
    then = _line(demo, target, date(2026, 7, 20), today)
    now = _line(demo, target, date(2026, 8, 1), today)
    assert then is not None and then.evaluation.status is Status.overdue  # the report was not in yet
    assert now is not None and now.evaluation.status is Status.done_on_time


def test_a_past_day_sees_a_deadline_extended_after_local_midnight_as_not_yet_extended(demo: Engine) -> None:
    target = _target(demo)
    # 21/7 00:30 in Vietnam is still 20/7 in UTC (how PostgreSQL returns it): on 20/7 the old
    # deadline was in force.
    late = Change(by="x", channel="cli", reason="r", at=datetime(2026, 7, 21, 0, 30, tzinfo=VN))
    assert late.at.astimezone(UTC).date() == date(2026, 7, 20)
    actions.extend(demo, str(target), to=date(2026, 8, 27), change=late)
    line = _line(demo, target, date(2026, 7, 20), datetime(2026, 8, 1, tzinfo=VN))
    assert line is not None and line.evaluation.status is Status.overdue
