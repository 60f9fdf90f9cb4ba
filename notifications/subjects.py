"""Reading the assignments a sweep may notify about, evaluated as of a day (store adapter)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models.deadlines import Deadline, DeadlineKind
from models.plan import Role
from models.status import Lifecycle, Tracked, evaluate_one
from notifications.decide import Subject
from notifications.policy import Policy, StopOn
from store.tables import AssignmentRow, PlanRow, ReportRow, TaskRow, UnitRow


def _window(policy: Policy, as_of: date) -> tuple[date, date]:
    """Due dates that can have a step as of `as_of`, in calendar days with room for weekends and Tết."""
    before = max((-level.offset for level in policy.levels), default=0)
    after = policy.last_offset + (policy.repeat.every * policy.repeat.times if policy.repeat else 0)
    return as_of - timedelta(days=2 * after + 21), as_of + timedelta(days=2 * before + 21)


def load_subjects(
    session: Session, policy: Policy, *, as_of: date, horizon: int, only: Sequence[int] | None = None
) -> list[Subject]:
    """Assignments whose deadline is near enough to matter (every recurring one), evaluated; or,
    with `only`, those assignments wherever their deadline is. Cancelled and paused ones are left
    out when the policy stops on them."""
    low, high = _window(policy, as_of)
    lifecycles = [Lifecycle.active.value]
    lifecycles += [Lifecycle.paused.value] if StopOn.pause not in policy.stop_on else []
    lifecycles += [Lifecycle.cancelled.value] if StopOn.cancellation not in policy.stop_on else []
    near = or_(
        AssignmentRow.deadline_kind == DeadlineKind.recurring.value,
        AssignmentRow.effective_due.between(low, high),
    )
    query = (
        select(
            AssignmentRow,
            PlanRow.key,
            PlanRow.number,
            PlanRow.title,
            PlanRow.issuer,
            TaskRow.task_key,
            TaskRow.section,
            TaskRow.title,
            UnitRow.name,
        )
        .join(PlanRow, AssignmentRow.plan_id == PlanRow.id)
        .join(TaskRow, AssignmentRow.task_id == TaskRow.id)
        .join(UnitRow, AssignmentRow.unit_id == UnitRow.id)
        .where(AssignmentRow.lifecycle.in_(lifecycles), AssignmentRow.deadline.is_not(None))
        .where(near if only is None else AssignmentRow.id.in_(list(only)))
        .order_by(AssignmentRow.id)
    )
    found = list(session.execute(query))
    ids = [row.id for row, *_ in found]
    reports = _reports(session, ids)
    led = _tasks_with_lead(session, {row.task_id for row, *_ in found})
    subjects = []
    for row, plan_key, number, plan_title, issuer, task_key, section, task, unit in found:
        deadline = Deadline.model_validate(row.deadline)
        tracked = Tracked(
            key=row.key,
            deadline=deadline,
            lifecycle=Lifecycle(row.lifecycle),
            extended=row.deadline_version > 1,
        )
        subjects.append(
            Subject(
                assignment_id=row.id,
                plan_key=plan_key,
                plan_number=number,
                plan_title=plan_title,
                issuer=issuer,
                task_key=task_key,
                section=section,
                task=task,
                unit=unit,
                role=Role(row.role),
                deadline=deadline,
                deadline_version=row.deadline_version,
                evaluation=evaluate_one(tracked, reports.get(row.id, []), as_of, horizon),
                accountable=row.role == Role.lead.value or row.task_id not in led,
            )
        )
    return subjects


def _reports(session: Session, ids: list[int]) -> dict[int, list[date]]:
    found: dict[int, list[date]] = {}
    for start in range(0, len(ids), 500):
        query = select(ReportRow.assignment_id, ReportRow.reported_on).where(
            ReportRow.assignment_id.in_(ids[start : start + 500])
        )
        for assignment_id, reported_on in session.execute(query):
            found.setdefault(assignment_id, []).append(reported_on)
    return found


def _tasks_with_lead(session: Session, task_ids: set[int]) -> set[int]:
    wanted = list(task_ids)
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        query = select(AssignmentRow.task_id).where(
            AssignmentRow.task_id.in_(wanted[start : start + 500]), AssignmentRow.role == Role.lead.value
        )
        found.update(session.scalars(query))
    return found
