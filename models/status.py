"""Status evaluation: where each assignment stands as of a date, from its deadline and reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from models.deadlines import Deadline, DeadlineKind, effective_due, occurrences
from models.workdays import add_working_days


class Status(StrEnum):
    not_due = "Chưa đến hạn"
    due_soon = "Sắp đến hạn"
    overdue = "Quá hạn"
    done_on_time = "Hoàn thành đúng hạn"
    done_late = "Hoàn thành quá hạn"
    no_deadline = "Không có hạn"
    extended = "Gia hạn"
    cancelled = "Hủy"
    paused = "Tạm dừng"


DONE = frozenset({Status.done_on_time, Status.done_late})
OPEN = frozenset({Status.not_due, Status.due_soon, Status.overdue, Status.extended, Status.no_deadline})


class Lifecycle(StrEnum):
    """What a coordinator has decided about an assignment, apart from its deadline."""

    active = "active"
    cancelled = "cancelled"
    paused = "paused"


class Report(BaseModel):
    """A unit's word that it did an assignment, on a day."""

    model_config = ConfigDict(frozen=True)

    assignment: str  # the assignment's key
    reported_on: date
    note: str = ""
    document_number: str | None = None


class Tracked(BaseModel):
    """What status evaluation needs of one assignment."""

    model_config = ConfigDict(frozen=True)

    key: str
    deadline: Deadline | None
    lifecycle: Lifecycle = Lifecycle.active
    extended: bool = False  # the deadline in force replaced an earlier one


class Evaluation(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    status: Status
    effective_due: date | None = None
    overdue_days: int = Field(default=0, ge=0)
    overdue_bucket: str | None = None
    reported_on: date | None = None
    # The first day on which, with no new report, this status would change (None: never).
    changes_on: date | None = None


# Overdue age buckets, as task-tracking reports count them (DOMAIN.md).
BUCKETS: tuple[tuple[int, str], ...] = ((30, "1–30 ngày"), (60, "31–60 ngày"), (120, "61–120 ngày"))
OVER_LAST_BUCKET = "trên 120 ngày"
DEFAULT_HORIZON_WORKING_DAYS = 5


def overdue_bucket(days: int) -> str | None:
    if days <= 0:
        return None
    return next((label for limit, label in BUCKETS if days <= limit), OVER_LAST_BUCKET)


def _due_in_force(deadline: Deadline, reports: Sequence[date], as_of: date) -> tuple[date, date | None]:
    """The due date that matters as of `as_of`, and the report that answers it (None: unanswered).

    A recurring deadline's occurrence is answered by a report made after the previous occurrence;
    the first passed occurrence left unanswered is the one that matters, else the next one ahead.
    """
    assert deadline.effective_due is not None
    if deadline.kind is not DeadlineKind.recurring:
        return deadline.effective_due, min(reports, default=None)
    previous: date | None = None
    for due in occurrences(deadline, as_of + timedelta(days=400)):
        in_force = effective_due(due)
        answered = min((r for r in reports if previous is None or r > previous), default=None)
        if in_force >= as_of or answered is None:
            return in_force, answered
        previous = in_force
    return deadline.effective_due, None


def evaluate_one(
    item: Tracked, reports: Sequence[date], as_of: date, horizon: int = DEFAULT_HORIZON_WORKING_DAYS
) -> Evaluation:
    """The status of one assignment as of a day. `reports` are the days it was reported done."""
    if item.lifecycle is Lifecycle.cancelled:
        return Evaluation(key=item.key, status=Status.cancelled)
    if item.lifecycle is Lifecycle.paused:
        return Evaluation(key=item.key, status=Status.paused)
    reported = [day for day in reports if day <= as_of]
    deadline = item.deadline
    if deadline is None or deadline.effective_due is None:
        if reported:
            return Evaluation(key=item.key, status=Status.done_on_time, reported_on=min(reported))
        return Evaluation(key=item.key, status=Status.no_deadline)
    due, report = _due_in_force(deadline, reported, as_of)
    if report is not None:
        if deadline.kind is DeadlineKind.recurring:
            # This period's report is in; the next occurrence is what the unit waits for now.
            return Evaluation(key=item.key, status=Status.not_due, effective_due=due, reported_on=report,
                              changes_on=due + timedelta(days=1))
        status = Status.done_on_time if report <= due else Status.done_late
        return Evaluation(key=item.key, status=status, effective_due=due, reported_on=report)
    if as_of > due:
        days = (as_of - due).days
        return Evaluation(
            key=item.key, status=Status.overdue, effective_due=due, overdue_days=days,
            overdue_bucket=overdue_bucket(days), changes_on=_next_bucket_day(due, days),
        )
    soon_from = add_working_days(due, -horizon)
    if as_of >= soon_from:
        return Evaluation(key=item.key, status=Status.due_soon, effective_due=due,
                          changes_on=due + timedelta(days=1))
    status = Status.extended if item.extended else Status.not_due
    return Evaluation(key=item.key, status=status, effective_due=due, changes_on=soon_from)


def _next_bucket_day(due: date, days: int) -> date | None:
    later = [limit for limit, _ in BUCKETS if limit >= days]
    return due + timedelta(days=later[0] + 1) if later else None


def evaluate(
    items: Iterable[Tracked],
    reports: Iterable[Report],
    as_of: date,
    horizon: int = DEFAULT_HORIZON_WORKING_DAYS,
) -> list[Evaluation]:
    """The status of every assignment as of a day: a pure function of (assignments, reports, as_of)."""
    by_assignment: dict[str, list[date]] = {}
    for report in reports:
        by_assignment.setdefault(report.assignment, []).append(report.reported_on)
    return [evaluate_one(item, by_assignment.get(item.key, []), as_of, horizon) for item in items]


def count_by_status(evaluations: Iterable[Evaluation]) -> dict[Status, int]:
    counts = dict.fromkeys(Status, 0)
    for evaluation in evaluations:
        counts[evaluation.status] += 1
    return counts
