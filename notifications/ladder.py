"""The ladder of one deadline: which level falls on which working day, and which one is due now."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from models.workdays import add_working_days, is_working_day
from notifications.policy import LevelKind, Policy


class Step(BaseModel):
    """One rung of the ladder: a level (or a repeat) on the working day it comes."""

    model_config = ConfigDict(frozen=True)

    level: str
    kind: LevelKind
    label: str
    offset: int
    day: date
    to: tuple[str, ...]


@lru_cache(maxsize=65536)
def _day(due: date, offset: int) -> date:
    # Many assignments share a due date: count the working days once per (due, offset).
    return add_working_days(due, offset)


def ladder(policy: Policy, due: date, *, tentative: bool = False) -> list[Step]:
    """Every step for a deadline in force on `due`, in order; a tentative deadline gets reminders only.

    Offsets count working days from `due`, itself a working day, so every step falls on one.
    """
    steps = [
        Step(
            level=level.name,
            kind=level.kind,
            label=level.label,
            offset=level.offset,
            day=_day(due, level.offset),
            to=level.to,
        )
        for level in policy.levels
        if not tentative or level.kind is LevelKind.reminder
    ]
    repeat = policy.repeat
    if repeat is None or tentative:
        return steps
    last = next((level for level in reversed(policy.levels) if level.kind is not LevelKind.reminder), None)
    to = repeat.to or (last.to if last else ())
    kind = last.kind if last else LevelKind.overdue
    for count in range(1, repeat.times + 1):
        offset = policy.last_offset + count * repeat.every
        steps.append(
            Step(
                level=f"{repeat.name}-{count}",
                kind=kind,
                label=repeat.label,
                offset=offset,
                day=_day(due, offset),
                to=to,
            )
        )
    return steps


def step_due(
    policy: Policy, due: date, as_of: date, *, tentative: bool = False, sent: Collection[str] = ()
) -> Step | None:
    """The step to send as of `as_of`, or None.

    Only the latest step that has come is ever due: after missed sweeps there is no backlog of stale
    reminders. Reminders stop once the deadline has passed; nothing is due on a non-working day
    (held to the next working day); once a later step went out (`sent` holds level names) an earlier
    one is stale. Whether the step still has recipients to reach is the caller's question.
    """
    if not is_working_day(as_of):
        return None
    steps = ladder(policy, due, tentative=tentative)
    come = [step for step in steps if step.day <= as_of]
    if not come or any(step.level in sent for step in steps[len(come) :]):
        return None
    latest = come[-1]
    if latest.kind is LevelKind.reminder and as_of > due:
        return None
    return latest
