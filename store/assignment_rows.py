"""Changing an assignment row's deadline or lifecycle, with its history row: one way for every caller."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models.deadlines import Deadline
from models.status import Lifecycle
from store.tables import AssignmentRow, DeadlineVersionRow, LifecycleChangeRow


def set_deadline(row: AssignmentRow, deadline: Deadline | None) -> None:
    """Write the deadline in force; the status is unknown until the sweep evaluates the row again."""
    row.deadline = deadline.model_dump(mode="json") if deadline else None
    row.deadline_kind = deadline.kind.value if deadline else None
    row.due = deadline.due if deadline else None
    row.effective_due = deadline.effective_due if deadline else None
    row.tentative = deadline.tentative if deadline else False
    row.status, row.changes_on = None, None


def add_deadline_version(
    session: Session, row: AssignmentRow, *, reason: str, at: datetime, by: str = "", channel: str = ""
) -> None:
    """Record the row's current deadline as its version `row.deadline_version`."""
    session.add(
        DeadlineVersionRow(
            assignment_id=row.id,
            version=row.deadline_version,
            deadline=row.deadline,
            effective_due=row.effective_due,
            reason=reason,
            changed_by=by,
            channel=channel,
            changed_at=at,
        )
    )


def move_lifecycle(
    session: Session, row: AssignmentRow, new: Lifecycle, *, reason: str, at: datetime, by: str = ""
) -> None:
    session.add(
        LifecycleChangeRow(
            assignment_id=row.id,
            old=row.lifecycle,
            new=new.value,
            reason=reason,
            changed_by=by,
            changed_at=at,
        )
    )
    row.lifecycle = new.value
    row.status, row.changes_on = None, None
