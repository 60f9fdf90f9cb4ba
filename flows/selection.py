"""Which changed plans get a flow run of their own in a sweep. Each plan flow costs about a second
and a task run per assignment, and a thousand of them a morning bury what matters in the UI: the
sweep runs a bounded number, the plans a coordinator most needs to look at, and lists the rest in
its artifact (each one can still be opened on demand)."""

from __future__ import annotations

from collections.abc import Sequence

from models.status import Status
from services.sweep import PlanChange

MAX_PLAN_FLOWS = 50  # per sweep; a flow parameter, so a deployment can say otherwise
# What a move into each status is worth to a coordinator: a newly overdue assignment first, then a
# report that came in (late before on time), then one entering its reminder window. Any other move
# (a first evaluation, a waiting status) counts 1, so that a small store still shows every change.
WEIGHTS = {Status.overdue: 100, Status.done_late: 20, Status.done_on_time: 10, Status.due_soon: 5}


def score(change: PlanChange) -> int:
    return sum(WEIGHTS.get(Status(status), 1) * count for status, count in change.into.items())


def choose_plan_flows(
    changes: Sequence[PlanChange], limit: int = MAX_PLAN_FLOWS
) -> tuple[list[PlanChange], list[PlanChange]]:
    """(the plans to run a flow for, the rest), both by score, highest first, then by key."""
    ranked = sorted(changes, key=lambda change: (-score(change), change.plan_key))
    return ranked[: max(limit, 0)], ranked[max(limit, 0) :]
