"""What stood on a past day: the deadline version and lifecycle in force then, the reports recorded
by then, and which assignments existed at all.

Timestamps are compared by their local calendar day. PostgreSQL returns them aware; SQLite returns
the wall time that was written, without its offset, which dondoc writes in the local zone
(services.context.Context.now), so a naive timestamp is read as local time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.deadlines import Deadline
from models.status import Lifecycle, Tracked
from store.tables import DeadlineVersionRow, LifecycleChangeRow, ReportRow
from store.tracking import AssignmentView

# Assignments whose first deadline came from a plan file existed, for the record, from the plan's
# start; one a coordinator created (a reassignment) did not exist before it was created.
PLAN_FILE_CHANNEL = "plan file"


def local_day(moment: datetime, zone: tzinfo) -> date:
    return (moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)).date()


def tracked_as_of(
    session: Session, views: Sequence[AssignmentView], as_of: date, zone: tzinfo
) -> dict[int, Tracked]:
    """Each assignment as it stood on `as_of`; ones created by a coordinator after that are left out."""
    ids = [view.id for view in views]
    versions: dict[int, list[DeadlineVersionRow]] = {}
    for version in session.scalars(
        select(DeadlineVersionRow)
        .where(DeadlineVersionRow.assignment_id.in_(ids))
        .order_by(DeadlineVersionRow.assignment_id, DeadlineVersionRow.version)
    ):
        versions.setdefault(version.assignment_id, []).append(version)
    lifecycles: dict[int, list[LifecycleChangeRow]] = {}
    for change in session.scalars(
        select(LifecycleChangeRow)
        .where(LifecycleChangeRow.assignment_id.in_(ids))
        .order_by(LifecycleChangeRow.changed_at, LifecycleChangeRow.id)
    ):
        lifecycles.setdefault(change.assignment_id, []).append(change)
    found: dict[int, Tracked] = {}
    for view in views:
        history = versions.get(view.id, [])
        if (
            history
            and history[0].channel != PLAN_FILE_CHANNEL
            and local_day(history[0].changed_at, zone) > as_of
        ):
            continue
        in_force = [v for v in history if local_day(v.changed_at, zone) <= as_of] or history[:1]
        deadline = view.deadline
        if in_force:
            chosen = in_force[-1]
            deadline = Deadline.model_validate(chosen.deadline) if chosen.deadline else None
        found[view.id] = Tracked(
            key=view.key,
            deadline=deadline,
            lifecycle=_lifecycle_on(lifecycles.get(view.id, []), view.lifecycle, as_of, zone),
            extended=bool(in_force) and in_force[-1].version > 1,
        )
    return found


def _lifecycle_on(
    changes: list[LifecycleChangeRow], current: Lifecycle, as_of: date, zone: tzinfo
) -> Lifecycle:
    if not changes:
        return current
    before = [c for c in changes if local_day(c.changed_at, zone) <= as_of]
    return Lifecycle(before[-1].new if before else changes[0].old)


def reports_recorded_by(
    session: Session, assignment_ids: Sequence[int], as_of: date, zone: tzinfo
) -> dict[int, list[date]]:
    """The days reported done, of the reports dondoc had on record by the end of `as_of`."""
    found: dict[int, list[date]] = {}
    query = select(ReportRow.assignment_id, ReportRow.reported_on, ReportRow.recorded_at).where(
        ReportRow.assignment_id.in_(list(assignment_ids))
    )
    for assignment_id, reported_on, recorded_at in session.execute(query):
        if local_day(recorded_at, zone) <= as_of:
            found.setdefault(assignment_id, []).append(reported_on)
    return found
