"""Status evaluation: every DOMAIN.md status, with pinned dates."""

from datetime import date

import pytest

from models.deadlines import Deadline, DeadlineKind, Frequency, Recurrence
from models.status import (
    Lifecycle,
    Report,
    Status,
    Tracked,
    count_by_status,
    evaluate,
    evaluate_one,
    overdue_bucket,
)
from tests.factories import make_deadline

DUE = date(2024, 4, 9)  # a Tuesday


def tracked(deadline: Deadline | None = None, **fields: object) -> Tracked:
    return Tracked(
        key="a",
        deadline=deadline if "no_deadline" not in fields else None,
        **{k: v for k, v in fields.items() if k != "no_deadline"},
    )  # type: ignore[arg-type]


def test_well_before_due_is_not_due_yet() -> None:
    result = evaluate_one(tracked(make_deadline(DUE)), [], date(2024, 3, 1))
    assert result.status is Status.not_due
    assert result.changes_on == date(2024, 4, 2)  # five working days before due


def test_within_the_reminder_horizon_is_due_soon() -> None:
    assert evaluate_one(tracked(make_deadline(DUE)), [], date(2024, 4, 2)).status is Status.due_soon


def test_the_due_day_itself_is_still_on_time() -> None:
    assert evaluate_one(tracked(make_deadline(DUE)), [], DUE).status is Status.due_soon


def test_the_day_after_due_is_overdue_by_one_day() -> None:
    result = evaluate_one(tracked(make_deadline(DUE)), [], date(2024, 4, 10))
    assert (result.status, result.overdue_days, result.overdue_bucket) == (Status.overdue, 1, "1–30 ngày")


def test_overdue_age_falls_into_buckets() -> None:
    assert [overdue_bucket(d) for d in (0, 30, 31, 60, 61, 120, 121)] == [
        None,
        "1–30 ngày",
        "31–60 ngày",
        "31–60 ngày",
        "61–120 ngày",
        "61–120 ngày",
        "trên 120 ngày",
    ]


def test_a_report_on_the_due_day_counts_as_done_on_time() -> None:
    assert evaluate_one(tracked(make_deadline(DUE)), [DUE], date(2024, 5, 1)).status is Status.done_on_time


def test_report_after_due_counts_as_done_late() -> None:
    result = evaluate_one(tracked(make_deadline(DUE)), [date(2024, 4, 12)], date(2024, 5, 1))
    assert (result.status, result.reported_on) == (Status.done_late, date(2024, 4, 12))


def test_a_report_dated_after_as_of_is_not_seen_yet() -> None:
    assert (
        evaluate_one(tracked(make_deadline(DUE)), [date(2024, 4, 20)], date(2024, 4, 15)).status
        is Status.overdue
    )


def test_a_due_date_on_a_weekend_is_not_overdue_until_after_the_next_working_day() -> None:
    saturday = make_deadline(date(2024, 4, 6))
    assert evaluate_one(tracked(saturday), [], date(2024, 4, 8)).status is Status.due_soon
    assert evaluate_one(tracked(saturday), [date(2024, 4, 8)], date(2024, 4, 9)).status is Status.done_on_time
    assert evaluate_one(tracked(saturday), [], date(2024, 4, 9)).overdue_days == 1


def test_a_deadline_across_tet_is_in_force_after_the_holiday() -> None:
    in_tet = make_deadline(date(2024, 2, 10))
    assert evaluate_one(tracked(in_tet), [date(2024, 2, 15)], date(2024, 3, 1)).status is Status.done_on_time
    assert evaluate_one(tracked(in_tet), [], date(2024, 2, 16)).status is Status.overdue


def test_no_deadline_is_reported_as_such() -> None:
    assert evaluate_one(tracked(None, no_deadline=True), [], DUE).status is Status.no_deadline
    ongoing = Deadline(text="Thường xuyên", kind=DeadlineKind.ongoing)
    assert evaluate_one(tracked(ongoing), [], DUE).status is Status.no_deadline


def test_an_extended_deadline_reads_gia_han_until_it_is_due_soon() -> None:
    result = evaluate_one(tracked(make_deadline(date(2024, 6, 28)), extended=True), [], date(2024, 4, 15))
    assert result.status is Status.extended


@pytest.mark.parametrize(
    ("lifecycle", "status"), [(Lifecycle.cancelled, Status.cancelled), (Lifecycle.paused, Status.paused)]
)
def test_cancelled_and_paused_assignments_are_never_overdue(lifecycle: Lifecycle, status: Status) -> None:
    assert (
        evaluate_one(tracked(make_deadline(DUE), lifecycle=lifecycle), [], date(2025, 1, 1)).status is status
    )


def test_a_recurring_deadline_is_overdue_when_last_period_went_unreported() -> None:
    monthly = Deadline(
        text="trước ngày 20 hằng tháng",
        kind=DeadlineKind.recurring,
        start=date(2024, 1, 1),
        due=date(2024, 1, 19),
        recurrence=Recurrence(frequency=Frequency.monthly, day=20, strictly_before=True),
    )
    assert evaluate_one(tracked(monthly), [date(2024, 1, 15)], date(2024, 2, 25)).status is Status.overdue
    reported = evaluate_one(tracked(monthly), [date(2024, 1, 15), date(2024, 2, 16)], date(2024, 2, 25))
    assert (reported.status, reported.effective_due) == (Status.not_due, date(2024, 3, 19))


def test_evaluate_matches_reports_to_their_assignment_and_counts() -> None:
    items = [Tracked(key="x", deadline=make_deadline(DUE)), Tracked(key="y", deadline=make_deadline(DUE))]
    results = evaluate(items, [Report(assignment="y", reported_on=DUE)], date(2024, 4, 20))
    assert [r.status for r in results] == [Status.overdue, Status.done_on_time]
    counts = count_by_status(results)
    assert counts[Status.overdue] == counts[Status.done_on_time] == 1
