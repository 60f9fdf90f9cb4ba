"""The one mapping from an assignment's calendar entry to iCalendar properties (pure)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from calendars.drafts import schedule
from calendars.entry import CalendarEntry, FeedKind
from calendars.mapping import Component, component, description, summary
from calendars.revisions import next_revision
from calendars.source import Source, Stored, fingerprint, make_draft
from models.plan import Role
from models.status import Status

STAMP = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)


def make_entry(**overrides: Any) -> CalendarEntry:
    fields: dict[str, Any] = {
        "uid": "abc@dondoc",
        "role": Role.lead,
        "task": "Sơ kết giữa năm việc thực hiện Kết luận 01-KL/TW",
        "section": "II.2",
        "plan_title": "Kế hoạch học tập năm 2026",
        "plan_number": "45-KH/TU",
        "url": "https://dondoc.example/plans/45",
        "deadline_text": "trước ngày 15/7/2026",
        "due": date(2026, 7, 14),
        "effective_due": date(2026, 7, 14),
        "leads": ("Ban Tuyên giáo Thành ủy",),
        "participants": ("Văn phòng Thành ủy",),
        "status": Status.not_due,
        "last_modified": STAMP,
    }
    fields.update(overrides)
    return CalendarEntry(**fields)


def props(made: Component | None) -> dict[str, Any]:
    assert made is not None
    return {prop.name: prop.value for prop in made.properties}


def test_an_event_sits_all_day_on_the_effective_due_date() -> None:
    entry = make_entry(due=date(2026, 8, 30), effective_due=date(2026, 8, 31))
    found = props(component(entry, FeedKind.event))
    assert found["DTSTART"] == date(2026, 8, 31) and found["DTEND"] == date(2026, 9, 1)
    assert found["STATUS"] == "CONFIRMED" and found["UID"] == "abc@dondoc"
    assert "lùi sang ngày làm việc kế tiếp" in found["DESCRIPTION"]


def test_titles_read_the_role_and_the_task_at_a_glance() -> None:
    assert summary(make_entry()) == "[Chủ trì] Sơ kết giữa năm việc thực hiện Kết luận 01-KL/TW"
    assert summary(make_entry(role=Role.participant)).startswith("[Phối hợp] Sơ kết")


def test_a_tentative_deadline_is_published_tentative() -> None:
    entry = make_entry(tentative=True, deadline_text="Dự kiến tháng 11/2026")
    event = props(component(entry, FeedKind.event))
    assert event["STATUS"] == "TENTATIVE" and event["SUMMARY"].startswith("[Chủ trì] (Dự kiến) ")
    assert "Dự kiến: thời hạn chưa chính thức" in event["DESCRIPTION"]
    assert props(component(entry, FeedKind.todo))["STATUS"] == "NEEDS-ACTION"


def test_reminders_come_a_week_and_a_day_before() -> None:
    made = component(make_entry(), FeedKind.event)
    assert made is not None
    triggers = [props(alarm)["TRIGGER"] for alarm in made.components]
    assert triggers == [timedelta(days=-7), timedelta(days=-1)]


def test_a_done_item_says_so_and_reminds_nobody() -> None:
    entry = make_entry(status=Status.done_late, reported_on=date(2026, 7, 20))
    event = component(entry, FeedKind.event)
    assert event is not None and event.components == ()
    assert props(event)["SUMMARY"].startswith("[Chủ trì] (Đã hoàn thành) ")
    assert "Hoàn thành quá hạn (báo cáo ngày 20/07/2026)" in props(event)["DESCRIPTION"]
    todo = props(component(entry, FeedKind.todo))
    assert todo["STATUS"] == "COMPLETED" and todo["PERCENT-COMPLETE"] == 100
    assert todo["COMPLETED"].astimezone(timezone(timedelta(hours=7))).date() == date(2026, 7, 20)


def test_a_cancelled_assignment_is_status_cancelled() -> None:
    entry = make_entry(status=Status.cancelled)
    assert props(component(entry, FeedKind.event))["STATUS"] == "CANCELLED"
    assert props(component(entry, FeedKind.todo))["STATUS"] == "CANCELLED"
    assert summary(entry).startswith("[Chủ trì] (Đã hủy) ")


def test_a_window_deadline_shows_its_window() -> None:
    entry = make_entry(deadline_text="Tháng 9/2024", due=date(2024, 9, 30), effective_due=date(2024, 9, 30),
                       window_start=date(2024, 9, 1), window_end=date(2024, 9, 30))
    assert "Khoảng thời gian: 01/09/2024 – 30/09/2024" in description(entry)
    assert props(component(entry, FeedKind.todo))["DTSTART"] == date(2024, 9, 1)


def test_the_description_names_task_plan_number_deadlines_units_and_status() -> None:
    text = description(make_entry(status=Status.overdue))
    for expected in ("Nhiệm vụ: II.2. Sơ kết", "Kế hoạch: Kế hoạch học tập năm 2026 (số 45-KH/TU)",
                     "Thời hạn theo văn bản: trước ngày 15/7/2026 (đến hết ngày 14/07/2026)",
                     "Hạn có hiệu lực: 14/07/2026", "Chủ trì: Ban Tuyên giáo Thành ủy",
                     "Phối hợp: Văn phòng Thành ủy", "Trạng thái: Quá hạn từ ngày 15/07/2026",
                     "Xem kế hoạch: https://dondoc.example/plans/45"):
        assert expected in text


def test_descriptions_sharing_a_plan_and_deadline_each_give_their_own_task_status_and_units() -> None:
    overdue = description(make_entry(status=Status.overdue))
    done = description(make_entry(task="Tổng kết", leads=("Văn phòng Thành ủy",), participants=(),
                                  status=Status.done_late, reported_on=date(2026, 7, 20)))
    tentative = description(make_entry(tentative=True, plan_number=None))
    assert overdue.splitlines()[1:4] == done.splitlines()[1:4]  # the plan's and the deadline's lines
    assert "Trạng thái: Quá hạn từ ngày 15/07/2026" in overdue.splitlines()
    assert done.splitlines()[0] == "Nhiệm vụ: II.2. Tổng kết"
    assert done.splitlines()[4:] == ["Chủ trì: Văn phòng Thành ủy",
                                     "Trạng thái: Hoàn thành quá hạn (báo cáo ngày 20/07/2026)",
                                     "Xem kế hoạch: https://dondoc.example/plans/45"]
    assert tentative.splitlines()[1] == "Kế hoạch: Kế hoạch học tập năm 2026"
    assert tentative.splitlines()[4] == "Dự kiến: thời hạn chưa chính thức"


def test_no_deadline_gives_a_todo_but_no_event() -> None:
    entry = make_entry(deadline_text=None, due=None, effective_due=None, status=Status.no_deadline)
    assert component(entry, FeedKind.event) is None
    todo = props(component(entry, FeedKind.todo))
    assert "DUE" not in todo and todo["UID"] == "todo-abc@dondoc"


def make_source(**overrides: Any) -> Source:
    fields: dict[str, Any] = {
        "plan": ("45-KH/TU/2026@x", "45-KH/TU", "Kế hoạch", "https://dondoc.example/plans/45"),
        "key": "T1~3~lead", "role": "lead", "task": "Sơ kết", "section": "II.2",
        "deadline": '{"text": "trước ngày 15/7/2026", "kind": "before_date", "due": "2026-07-14", '
                    '"effective_due": "2026-07-14"}',
        "units": (("Ban Tuyên giáo Thành ủy",), ()), "status": Status.not_due.value, "effective": None,
        "reported": None,
    }
    return Source(**{**fields, **overrides})


def revise(kept: Stored, source: Source, version: int = 1) -> tuple[int, datetime] | None:
    return next_revision(kept, fingerprint(source), schedule(make_draft(source)), version, LATER)


LATER = STAMP + timedelta(days=1)


def test_content_changes_move_last_modified_and_a_new_day_raises_the_sequence() -> None:
    source = make_source()
    kept = Stored(fingerprint(source), schedule(make_draft(source)), 2, STAMP, "0", "r")
    assert revise(kept, source) is None
    assert revise(kept, make_source(task="Sơ kết giữa năm")) == (2, LATER)
    moved = source.deadline.replace('"effective_due": "2026-07-14"', '"effective_due": "2026-07-20"')
    assert revise(kept, make_source(deadline=moved)) == (3, LATER)
    assert revise(kept, make_source(status=Status.cancelled.value)) == (3, LATER)
    # The deadline's fifth version: SEQUENCE is at least 4, even with unchanged content.
    assert revise(kept, source, version=5) == (4, LATER)


def test_a_draft_shows_the_deadline_as_stored_and_a_recurring_day_in_force() -> None:
    window = ('{"text": "Tháng 9/2026", "kind": "month", "start": "2026-09-01", "due": "2026-09-30", '
              '"effective_due": "2026-09-30", "tentative": true}')
    draft = make_draft(make_source(deadline=window))
    assert (draft.window_start, draft.window_end) == ("2026-09-01", "2026-09-30")
    assert draft.effective_due == "2026-09-30"
    assert draft.tentative and draft.deadline_text == "Tháng 9/2026"
    assert make_draft(make_source(effective="2026-10-05")).effective_due == "2026-10-05"
    assert make_draft(make_source(deadline=None)).effective_due is None
