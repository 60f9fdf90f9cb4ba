"""The coordinators' feed narrowed by plan and status: `?plan=45-KH/TU&status=Quá hạn`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import or_, select

from calendars.entry import FeedKind
from calendars.feed import ALL_HEADER
from calendars.ics import CALENDAR_END, calendar_head
from calendars.mapping import calendar_properties
from calendars.revisions import TABLE
from models.status import Status
from services.context import Context
from store.database import transaction
from store.tables import AssignmentRow, PlanRow


@dataclass(frozen=True)
class FeedFilter:
    plans: tuple[str, ...] = ()  # plan keys or document numbers
    statuses: frozenset[Status] = frozenset()
    kind: FeedKind = FeedKind.event

    @property
    def active(self) -> bool:
        return bool(self.plans or self.statuses)

    @classmethod
    def from_query(cls, query: Mapping[str, list[str]]) -> FeedFilter:
        """From a parsed query string: `plan` and `status` may repeat; `kind=todo` for to-dos."""
        statuses = frozenset(s for value in query.get("status", []) if (s := _status(value)))
        kind = FeedKind.todo if query.get("kind") == ["todo"] else FeedKind.event
        return cls(tuple(query.get("plan", [])), statuses, kind)


def _status(value: str) -> Status | None:
    """A status by its Vietnamese name ("Quá hạn") or its English one ("overdue")."""
    for status in Status:
        if value.strip().casefold() in {status.value.casefold(), status.name}:
            return status
    return None


def filtered_feed(context: Context, wanted: FeedFilter) -> bytes:
    """The coordinators' feed with only the wanted plans and statuses, from the stored components (as
    fresh as the coordinators' feed itself); nothing is recorded."""
    query = select(TABLE.c.event if wanted.kind is FeedKind.event else TABLE.c.todo).order_by(
        TABLE.c.sort_key
    )
    if wanted.plans:
        plans = select(PlanRow.id).where(or_(PlanRow.key.in_(wanted.plans), PlanRow.number.in_(wanted.plans)))
        query = query.join(AssignmentRow, AssignmentRow.id == TABLE.c.assignment_id).where(
            AssignmentRow.plan_id.in_(plans)
        )
    if wanted.statuses:
        query = query.where(TABLE.c.status.in_([status.value for status in wanted.statuses]))
    with transaction(context.engine) as session:
        blocks = [block for block in session.scalars(query) if block]
    return calendar_head(calendar_properties(ALL_HEADER)) + b"".join(blocks) + CALENDAR_END
