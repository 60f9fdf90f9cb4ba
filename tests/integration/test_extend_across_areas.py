"""Extending a deadline across the areas: the reminder ladder restarts on the new date (notifications)
and the calendar event moves, keeping its UID with a higher SEQUENCE (calendars)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from sqlalchemy import select

from models.workdays import add_working_days
from reports import actions
from services.context import Context
from services.plans import load_plan, load_units
from services.settings import Settings
from services.status import evaluate_store
from store.changes import Change
from store.database import transaction
from store.tracking import assignment_views
from tests.conftest import EXAMPLES

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OLD_DUE, NEW_DUE = date(2026, 7, 14), date(2026, 8, 27)


class _Clock(Context):
    """A context whose clock the test sets."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.at = datetime(2026, 1, 10, 9, 0, tzinfo=VN)

    def now(self) -> datetime:
        return self.at


@pytest.fixture
def context(tmp_path: Path) -> _Clock:
    clock = _Clock(Settings(data_dir=tmp_path / "data"))
    load_units(clock.engine, EXAMPLES / "units.yaml")
    load_plan(clock.engine, EXAMPLES / "plans" / "45-KH-TU-2026.yaml", now=clock.now())
    return clock


def _target(context: Context) -> int:
    lines = evaluate_store(context.engine, as_of=date(2026, 7, 1), now=context.now(), horizon=5, record=False)
    return next(
        line.assignment.id
        for line in lines
        if line.assignment.section == "II.2" and line.assignment.role == "lead"
    )


def _notify(context: _Clock, day: date, outbox_dir: Path) -> list[tuple[int, str, int, date]]:
    from notifications import outbox
    from notifications.service import run_notifications
    from notifications.transport import FolderTransport

    context.at = datetime(day.year, day.month, day.day, 8, 0, tzinfo=VN)
    evaluate_store(context.engine, as_of=day, now=context.now(), horizon=5)
    run_notifications(
        context.engine, context.settings, day, context.now(), transport=FolderTransport(outbox_dir)
    )
    return [(r.assignment_id, r.level, r.deadline_version, r.due) for r in outbox.rows(context.engine)]


def test_extend_restarts_the_reminder_ladder_on_the_new_deadline(context: _Clock, tmp_path: Path) -> None:
    target = _target(context)
    first = _notify(context, add_working_days(OLD_DUE, -5), tmp_path / "mail")
    assert (target, "nhac-truoc-5", 1, OLD_DUE) in first
    actions.extend(
        context.engine,
        str(target),
        to=NEW_DUE,
        change=Change(by="BTG", channel="cli", reason="chờ số liệu", at=context.now()),
    )
    later = _notify(context, add_working_days(NEW_DUE, -5), tmp_path / "mail")  # a make-up Saturday counts
    assert (target, "nhac-truoc-5", 2, NEW_DUE) in later
    assert (target, "nhac-truoc-5", 1, OLD_DUE) in later  # what went out before stays on record


def _event(context: Context, unit: str, uid: str) -> icalendar.cal.Component:
    from calendars import tokens
    from calendars.tables import CalendarFeedRow
    from store.tables import UnitRow

    with transaction(context.engine) as session:
        unit_id = session.scalar(select(UnitRow.id).where(UnitRow.name == unit))
        path = session.scalar(
            select(CalendarFeedRow.path).where(CalendarFeedRow.feed == tokens.unit_feed(int(unit_id or 0)))
        )
    assert path, "the unit's feed was not built"
    calendar = icalendar.Calendar.from_ical((context.settings.data_dir / "feeds" / path).read_bytes())
    return next(c for c in calendar.walk() if c.get("UID") == uid)


def test_extend_moves_the_calendar_event_keeping_its_uid_with_a_higher_sequence(context: _Clock) -> None:
    from calendars.service import rebuild_changed
    from calendars.source import uid

    target = _target(context)
    context.at = datetime(2026, 7, 1, 8, 0, tzinfo=VN)
    rebuild_changed(context, as_of=date(2026, 7, 1), force=True)
    with transaction(context.engine) as session:
        view = assignment_views(session, assignment_ids=[target])[0]
    event_uid = uid(view.plan_key, view.key)
    before = _event(context, view.unit, event_uid)
    actions.extend(
        context.engine,
        str(target),
        to=NEW_DUE,
        change=Change(by="BTG", channel="cli", reason="chờ số liệu", at=context.now()),
    )
    context.at = datetime(2026, 7, 2, 8, 0, tzinfo=VN)
    rebuild_changed(context, as_of=date(2026, 7, 2))
    after = _event(context, view.unit, event_uid)
    assert int(after.get("SEQUENCE", 0)) > int(before.get("SEQUENCE", 0))
    assert (before.decoded("DTSTART"), after.decoded("DTSTART")) == (OLD_DUE, NEW_DUE)
