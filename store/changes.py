"""Coordinators' changes to assignments: extend (gia hạn), cancel, pause, resume, reassign.

Nothing is overwritten without a trace: a new deadline is a new row in deadline_versions, a
lifecycle change a row in lifecycle_history, and every action a row in assignment_actions with who,
when, through which channel and why. Each change clears the stored status so that the next sweep
evaluates the assignment again (and the reminder ladder and calendar follow the new deadline).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.deadlines import Deadline, DeadlineKind
from models.errors import DondocError
from models.plan import assignment_key
from models.status import Lifecycle
from reports.tables import AssignmentActionRow
from store.assignment_rows import add_deadline_version, move_lifecycle, set_deadline
from store.tables import AssignmentRow, TaskRow, UnitRow
from store.tracking import find_assignment
from store.units import load_registry


class ChangeRefused(DondocError, ValueError):
    """A change that would not make sense for the assignment as it stands."""

    exit_code = 2


class Change(BaseModel):
    """Who makes a change, through which channel, why, and when."""

    model_config = ConfigDict(frozen=True)

    by: str = Field(min_length=1)
    channel: str = Field(min_length=1)
    reason: str
    at: datetime

    def checked(self, action: str) -> Change:
        if not self.reason.strip():
            raise ChangeRefused(f"{action}: give a reason (--reason): it is kept in the assignment's history")
        return self


def record_action(session: Session, row: AssignmentRow, action: str, change: Change, **detail: Any) -> None:
    session.add(
        AssignmentActionRow(
            assignment_id=row.id,
            action=action,
            detail=detail,
            reason=change.reason,
            changed_by=change.by,
            channel=change.channel,
            changed_at=change.at,
        )
    )


def extend(session: Session, reference: str, *, to: date, change: Change) -> AssignmentRow:
    """Give an assignment a later deadline; the old one stays in deadline_versions."""
    change = change.checked("extend")
    row = find_assignment(session, reference)
    old = Deadline.model_validate(row.deadline) if row.deadline else None
    if row.lifecycle == Lifecycle.cancelled:
        raise ChangeRefused(f"assignment #{row.id} is cancelled: resume it before extending it")
    if old is not None and old.kind is DeadlineKind.recurring:
        raise ChangeRefused(
            f"assignment #{row.id} recurs ({old.text}): change its recurrence in the plan file"
        )
    if old is not None and old.due is not None and to <= old.due:
        raise ChangeRefused(f"assignment #{row.id} is due {old.due:%d/%m/%Y}; an extension must be later")
    new = Deadline(text=f"Gia hạn đến ngày {to:%d/%m/%Y}", kind=DeadlineKind.on_date, due=to)
    set_deadline(row, new)
    row.deadline_version += 1
    _add_version(session, row, change)
    record_action(
        session,
        row,
        "extend",
        change,
        version=row.deadline_version,
        old_due=old.due.isoformat() if old and old.due else None,
        new_due=to.isoformat(),
    )
    session.flush()
    return row


def set_lifecycle(session: Session, reference: str, new: Lifecycle, change: Change) -> AssignmentRow:
    """Cancel, pause or resume (active again) an assignment."""
    change = change.checked(_ACTIONS[new])
    row = find_assignment(session, reference)
    if row.lifecycle == new.value:
        raise ChangeRefused(f"assignment #{row.id} is already {new.value}")
    _move_lifecycle(session, row, new, change)
    record_action(session, row, _ACTIONS[new], change)
    session.flush()
    return row


_ACTIONS = {Lifecycle.cancelled: "cancel", Lifecycle.paused: "pause", Lifecycle.active: "resume"}


def reassign(
    session: Session, reference: str, *, to_unit: str, change: Change
) -> tuple[AssignmentRow, AssignmentRow]:
    """Move an assignment to another unit: the old one is cancelled (its reports stay with it) and
    the new unit gets the same task, role and deadline in force. Returns (old, new)."""
    change = change.checked("reassign")
    old = find_assignment(session, reference)
    if old.lifecycle == Lifecycle.cancelled:
        raise ChangeRefused(f"assignment #{old.id} is cancelled: there is nothing to move")
    unit = load_registry(session).get(to_unit, where="--to")
    unit_id = session.scalar(select(UnitRow.id).where(UnitRow.name == unit.name))
    if unit_id == old.unit_id:
        raise ChangeRefused(f"assignment #{old.id} already belongs to {unit.name}")
    task_key = session.scalar(select(TaskRow.task_key).where(TaskRow.id == old.task_id))
    key = assignment_key(str(task_key), unit.name, old.role)
    new = session.scalar(
        select(AssignmentRow).where(AssignmentRow.plan_id == old.plan_id, AssignmentRow.key == key)
    )
    if new is not None and new.lifecycle != Lifecycle.cancelled:
        raise ChangeRefused(f"{unit.name} already has this task as assignment #{new.id}")
    from_unit = session.scalar(select(UnitRow.name).where(UnitRow.id == old.unit_id))
    new = _take_over(
        session, old, new, key=key, unit_id=int(unit_id or 0), change=change, from_unit=str(from_unit)
    )
    _move_lifecycle(session, old, Lifecycle.cancelled, change, note=f"chuyển cho {unit.name}")
    record_action(session, old, "reassign", change, to_assignment=new.id, to_unit=unit.name)
    record_action(session, new, "take_over", change, from_assignment=old.id, from_unit=from_unit)
    session.flush()
    return old, new


def _take_over(
    session: Session,
    old: AssignmentRow,
    found: AssignmentRow | None,
    *,
    key: str,
    unit_id: int,
    change: Change,
    from_unit: str,
) -> AssignmentRow:
    """The new unit's assignment: a new row, or its own earlier (cancelled) one made active again."""
    deadline = Deadline.model_validate(old.deadline) if old.deadline else None
    if found is None:
        found = AssignmentRow(
            plan_id=old.plan_id,
            task_id=old.task_id,
            unit_id=unit_id,
            key=key,
            role=old.role,
            lifecycle=Lifecycle.active.value,
            deadline_version=1,
        )
        session.add(found)
        set_deadline(found, deadline)
        session.flush()
        _add_version(session, found, change, note=f"chuyển từ {from_unit}")
        return found
    _move_lifecycle(session, found, Lifecycle.active, change, note=f"nhận lại từ {from_unit}")
    if found.deadline != old.deadline:
        set_deadline(found, deadline)
        found.deadline_version += 1
        _add_version(session, found, change, note=f"chuyển từ {from_unit}")
    return found


def _add_version(session: Session, row: AssignmentRow, change: Change, note: str = "") -> None:
    add_deadline_version(
        session, row, reason=_why(note, change.reason), at=change.at, by=change.by, channel=change.channel
    )


def _move_lifecycle(
    session: Session, row: AssignmentRow, new: Lifecycle, change: Change, note: str = ""
) -> None:
    move_lifecycle(session, row, new, reason=_why(note, change.reason), at=change.at, by=change.by)


def _why(note: str, reason: str) -> str:
    return f"{note}: {reason}" if note and reason else note or reason
