"""The coordinators' feed narrowed by plan and status: `?plan=45-KH/TU&status=Quá hạn`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import or_, select

from calendars.build import collect
from calendars.entry import FeedKind
from calendars.feed import ALL_HEADER, FeedSpec, Renderer, ordered
from calendars.tokens import plan_feed
from models.status import Status
from services.context import Context
from store.database import transaction
from store.tables import PlanRow


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
    """The coordinators' feed with only the wanted plans and statuses; nothing is recorded."""
    settings = context.settings
    with transaction(context.engine) as session:
        collected = collect(
            session, as_of=context.today(), now=context.now(), horizon=settings.reminder_horizon_days,
            ui_url=settings.prefect_ui_url, record=False,
        )
        feeds = {plan_feed(id_) for id_ in session.scalars(
            select(PlanRow.id).where(or_(PlanRow.key.in_(wanted.plans), PlanRow.number.in_(wanted.plans)))
        )}
    if wanted.plans:
        pool = [item for spec in collected.specs if spec.feed in feeds for item in spec.entries]
    else:
        pool = list(collected.entries.items())
    chosen = tuple(
        (id_, entry) for id_, entry in pool if not wanted.statuses or entry.status in wanted.statuses
    )
    spec = FeedSpec("filtered", "filtered.ics", ALL_HEADER, ordered(chosen))
    return Renderer().render(spec, wanted.kind)
