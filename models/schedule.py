"""Critical path, slack and endangered tasks over a plan's DAG, with due dates as finish times.

Plans give each task a last day, not a duration. So each task's due date is its finish, and its
duration is what its deadline leaves after the latest of its prerequisites' due dates; the usual
critical-path passes then run on those. A task on the critical path has zero slack: moving its due
date later moves the plan's end. A task due after a task that waits for it is a conflict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from pydantic import BaseModel, ConfigDict

from models.dag import PlanDag
from models.plan import Plan


class DeadlineConflict(BaseModel):
    """`first` must be done before `then`, but is due later."""

    model_config = ConfigDict(frozen=True)

    first: str
    then: str
    first_due: date
    then_due: date


class Schedule(BaseModel):
    model_config = ConfigDict(frozen=True)

    critical_path: tuple[str, ...] = ()
    slack: dict[str, int] = {}  # days a task's due date can move later without moving the plan's end
    end: date | None = None
    conflicts: tuple[DeadlineConflict, ...] = ()


def task_dues(plan: Plan) -> dict[str, date | None]:
    """Each task's due date in force: its own, else the latest of its assignments'."""
    dues: dict[str, date | None] = {}
    for task in plan.tasks:
        own = task.deadline.effective_due if task.deadline else None
        given = [a.deadline.effective_due for a in plan.assignments_of(task.id) if a.deadline]
        dues[task.id] = own or max((d for d in given if d), default=None)
    return dues


def _finish_before(dag: PlanDag, order: list[str], dues: Mapping[str, date | None]) -> dict[str, date | None]:
    """For each task, the latest due date among everything it waits for (through undated tasks)."""
    reach: dict[str, date | None] = {}
    before: dict[str, date | None] = {}
    for task in order:
        found = [reach[p] for p in dag.predecessors(task) if reach[p] is not None]
        before[task] = max(found) if found else None  # type: ignore[type-var]
        reach[task] = dues.get(task) or before[task]
    return before


def schedule(dag: PlanDag, dues: Mapping[str, date | None]) -> Schedule:
    """Critical path, slack and conflicts; raises DependencyCycle if the DAG has a cycle."""
    order = dag.order()
    dated = {t: d for t, d in dues.items() if d is not None and t in dag.tasks}
    if not dated:
        return Schedule()
    end = max(dated.values())
    before = _finish_before(dag, order, dues)
    duration = {t: _allotted(dated.get(t), before[t]) for t in order}
    latest: dict[str, int] = {}
    for task in reversed(order):
        after = [latest[s] - duration[s] for s in dag.successors(task)]
        latest[task] = min(after) if after else end.toordinal()
    slack = {t: latest[t] - dated[t].toordinal() for t in order if t in dated}
    conflicts = tuple(
        DeadlineConflict(first=p, then=t, first_due=dated[p], then_due=dated[t])
        for t in order
        if t in dated
        for p in dag.predecessors(t)
        if p in dated and dated[p] > dated[t]
    )
    return Schedule(critical_path=_critical_path(dag, dated, end), slack=slack, end=end, conflicts=conflicts)


def _allotted(due: date | None, ready: date | None) -> int:
    """Days a task's deadline leaves it after its last prerequisite's (none: no prerequisite dated)."""
    return max(0, (due - ready).days) if due is not None and ready is not None else 0


def _critical_path(dag: PlanDag, dated: Mapping[str, date], end: date) -> tuple[str, ...]:
    """From the task that ends the plan back through the prerequisite that finishes last."""
    task: str | None = next(t for t in dag.tasks if dated.get(t) == end)
    path: list[str] = []
    while task is not None and task not in path:
        path.append(task)
        previous = dag.predecessors(task)
        task = max(previous, key=lambda p: dated.get(p, date.min)) if previous else None
    return tuple(reversed(path))


def endangered(dag: PlanDag, late: Iterable[str], done: Iterable[str] = ()) -> dict[str, list[str]]:
    """For each late task, the tasks downstream of it that are not done yet."""
    finished = set(done)
    return {task: [d for d in dag.descendants(task) if d not in finished] for task in late}
