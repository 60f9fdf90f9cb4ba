"""Each status transition as a Prefect event (`dondoc.assignment.overdue`, `.done`, …), so users can
hang Prefect automations on them; sent in batches to stay under the events worker's queue, from the
history the sweep committed (services.sweep_events), the mark moved only once Prefect has them."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from uuid import UUID

from sqlalchemy import Engine

from models.status import Status
from models.text import ascii_slug
from services.plan_view import plan_slug
from services.sweep import MAX_LISTED_TRANSITIONS, TransitionView
from services.sweep_events import Announcement, mark_sent, pending

EVENT_NAMES = {
    Status.overdue: "overdue",
    Status.due_soon: "due-soon",
    Status.done_on_time: "done",
    Status.done_late: "done-late",
    Status.not_due: "not-due",
    Status.no_deadline: "no-deadline",
    Status.extended: "extended",
    Status.cancelled: "cancelled",
    Status.paused: "paused",
}
BATCH = 1000  # well under the worker's in-memory queue (~10k pending)


def event_of(transition: TransitionView, as_of: date, event_id: UUID | None = None) -> dict[str, object]:
    """The keyword arguments of prefect.events.emit_event for one transition."""
    return {
        "id": event_id,
        "event": f"dondoc.assignment.{EVENT_NAMES[Status(transition.new_status)]}",
        "resource": {
            "prefect.resource.id": f"dondoc.assignment.{transition.assignment_id}",
            "prefect.resource.name": f"{transition.section} · {transition.unit}",
        },
        "related": [
            {
                "prefect.resource.id": f"dondoc.plan.{plan_slug(transition.plan_key)}",
                "prefect.resource.role": "plan",
                "prefect.resource.name": transition.plan_key,
            },
            {
                "prefect.resource.id": f"dondoc.unit.{ascii_slug(transition.unit)}",
                "prefect.resource.role": "unit",
                "prefect.resource.name": transition.unit,
            },
        ],
        "payload": {
            "status": transition.new_status,
            "old_status": transition.old_status,
            "as_of": as_of.isoformat(),
            "overdue_days": transition.overdue_days,
            "task": transition.task_key,
            "role": transition.role,
        },
    }


def announce_pending(engine: Engine, limit: int = MAX_LISTED_TRANSITIONS) -> int:
    """Send the sweeps' changes not yet announced (at most `limit`; past it they are skipped, as a
    first pass over a big store would drown Prefect); the number sent."""
    with engine.begin() as connection:
        found = pending(connection, limit)
    if found.skipped:
        logging.getLogger(__name__).warning("%d status changes not announced (over %d)", found.skipped, limit)
    sent = emit(found.announcements)
    if sent == len(found.announcements):  # else (events off, no server) they wait for the next sweep
        with engine.begin() as connection:
            mark_sent(connection, found.through)
    return sent


def emit(announcements: Sequence[Announcement], batch: int = BATCH) -> int:
    from prefect.events import emit_event
    from prefect.events.worker import EventsWorker

    sent = 0
    for item in announcements:
        if emit_event(**event_of(item.transition, item.as_of, item.event_id)) is not None:  # type: ignore[arg-type]
            sent += 1
        if sent and sent % batch == 0:
            EventsWorker.instance().wait_until_empty()
    if sent:
        EventsWorker.instance().wait_until_empty()
    return sent
