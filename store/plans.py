"""Storing plans: one transaction per plan, idempotent by key and content, history kept on change."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.deadlines import Deadline
from models.plan import Plan, Task
from models.status import Lifecycle
from models.units import UnitRegistry
from store.assignment_rows import add_deadline_version, move_lifecycle, set_deadline
from store.lineage import record_plan_making
from store.tables import AssignmentRow, PlanRow, ReferenceRow, TaskRow
from store.units import load_registry, save_units, unit_ids


class SaveOutcome(StrEnum):
    created = "created"
    updated = "updated"
    unchanged = "unchanged"


def save_plan(
    session: Session, plan: Plan, *, plan_file: str, content_hash: str, source: str, now: datetime
) -> tuple[PlanRow, SaveOutcome]:
    """Store `plan`; the same plan again changes nothing, a corrected one updates it in place.

    Units must already be in the registry (or be declared by the plan itself). The caller owns the
    transaction, so a failure anywhere leaves the database as it was.
    """
    row = session.scalar(select(PlanRow).where(PlanRow.key == plan.key))
    if row is not None and row.content_hash == content_hash:
        return row, SaveOutcome.unchanged
    save_units(session, plan.units)
    registry = load_registry(session)
    for assignment in plan.assignments:
        registry.get(assignment.unit, where=f"{source}: task {assignment.task}")
    outcome = SaveOutcome.created if row is None else SaveOutcome.updated
    if row is None:
        row = PlanRow(key=plan.key)
        session.add(row)
    _fill_plan(row, plan, plan_file=plan_file, content_hash=content_hash, source=source, now=now)
    session.flush()
    _save_references(session, row, plan)
    tasks = _save_tasks(session, row, plan.tasks)
    _save_assignments(session, row, plan, tasks, registry, now)
    session.flush()
    record_plan_making(session, row, registry, now)
    return row, outcome


def _fill_plan(
    row: PlanRow, plan: Plan, *, plan_file: str, content_hash: str, source: str, now: datetime
) -> None:
    document = plan.document
    row.content_hash, row.plan_file, row.source, row.loaded_at = content_hash, plan_file, source, now
    row.kind, row.number, row.issued, row.issuer = (
        document.kind.value,
        document.number,
        document.issued,
        document.issuer,
    )
    row.title = plan.title or document.title or ""


def _save_references(session: Session, row: PlanRow, plan: Plan) -> None:
    session.execute(delete(ReferenceRow).where(ReferenceRow.plan_id == row.id))
    session.add_all(
        ReferenceRow(
            plan_id=row.id, number=ref.number, date=ref.date, issuer=ref.issuer, implements=ref.implements
        )
        for ref in plan.document.references
    )


def _save_tasks(session: Session, row: PlanRow, tasks: tuple[Task, ...]) -> dict[str, TaskRow]:
    existing = {t.task_key: t for t in session.scalars(select(TaskRow).where(TaskRow.plan_id == row.id))}
    for task in tasks:
        task_row = existing.get(task.id)
        if task_row is None:
            task_row = TaskRow(plan_id=row.id, task_key=task.id)
            session.add(task_row)
            existing[task.id] = task_row
        task_row.section, task_row.title, task_row.text = task.section, task.title, task.text
        task_row.first_line = task.span.first_line if task.span else None
        task_row.last_line = task.span.last_line if task.span else None
        task_row.depends_on = [d.model_dump() for d in task.depends_on]
    session.flush()
    return existing


def deadline_json(deadline: Deadline | None) -> dict[str, Any] | None:
    return deadline.model_dump(mode="json") if deadline else None


def _save_assignments(
    session: Session,
    row: PlanRow,
    plan: Plan,
    tasks: dict[str, TaskRow],
    registry: UnitRegistry,
    now: datetime,
) -> None:
    ids = unit_ids(session)
    existing = {
        a.key: a for a in session.scalars(select(AssignmentRow).where(AssignmentRow.plan_id == row.id))
    }
    for assignment in plan.assignments:
        unit = registry.get(assignment.unit)
        found = existing.pop(assignment.key, None)
        if found is None:
            found = AssignmentRow(
                plan_id=row.id,
                task_id=tasks[assignment.task].id,
                unit_id=ids[unit.name],
                key=assignment.key,
                role=assignment.role.value,
                deadline_version=1,
            )
            session.add(found)
            set_deadline(found, assignment.deadline)
            session.flush()
            add_deadline_version(session, found, reason="nạp kế hoạch", at=now, channel="plan file")
        elif found.deadline != deadline_json(assignment.deadline):
            found.deadline_version += 1
            set_deadline(found, assignment.deadline)
            add_deadline_version(session, found, reason="kế hoạch được sửa", at=now, channel="plan file")
        if found.lifecycle == Lifecycle.cancelled and found.key in {a.key for a in plan.assignments}:
            move_lifecycle(session, found, Lifecycle.active, reason="có lại trong kế hoạch được sửa", at=now)
    for dropped in existing.values():
        if dropped.lifecycle != Lifecycle.cancelled:
            move_lifecycle(
                session, dropped, Lifecycle.cancelled, reason="không còn trong kế hoạch được sửa", at=now
            )
