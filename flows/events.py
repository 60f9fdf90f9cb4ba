"""Each status transition as a Prefect event (`dondoc.assignment.overdue`, `.done`, …), so users can
hang Prefect automations on them; sent in batches to stay under the events worker's queue."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models.status import Status
from models.text import ascii_slug
from services.plan_view import plan_slug
from services.sweep import TransitionView

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


def event_of(transition: TransitionView, as_of: date) -> dict[str, object]:
    """The keyword arguments of prefect.events.emit_event for one transition."""
    return {
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


def emit_transitions(transitions: Sequence[TransitionView], as_of: date, batch: int = BATCH) -> int:
    from prefect.events import emit_event
    from prefect.events.worker import EventsWorker

    sent = 0
    for transition in transitions:
        if emit_event(**event_of(transition, as_of)) is not None:  # type: ignore[arg-type]
            sent += 1
        if sent and sent % batch == 0:
            EventsWorker.instance().wait_until_empty()
    if sent:
        EventsWorker.instance().wait_until_empty()
    return sent
