"""Lineage between plans: a child plan implements its parent, does its "xây dựng kế hoạch" task,
and should not give itself more time than the parent gave it."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict

from models.plan import Plan, Role, Task
from models.schedule import task_dues
from models.similarity import dice
from models.text import name_key, normalize_text
from models.units import Unit, UnitRegistry

# "các cấp ủy xây dựng kế hoạch", "ban hành chương trình hành động": done when the child plan exists.
_PLAN_MAKING = re.compile(
    r"\b(?:xây dựng|ban hành|cụ thể hóa)\s+(?:và\s+(?:ban hành|triển khai)\s+)?"
    r"(?:kế hoạch|chương trình|hướng dẫn)",
    re.IGNORECASE,
)
SAME_WORK_DICE = 0.5


class LateChildDeadline(BaseModel):
    """The child plan gives a task more time than its parent gave the same task."""

    model_config = ConfigDict(frozen=True)

    child_task: str
    parent_task: str
    child_due: date
    parent_due: date


class Lineage(BaseModel):
    model_config = ConfigDict(frozen=True)

    parent: str
    child: str
    child_number: str | None
    child_issued: date | None
    child_issuer: str | None
    fulfils: tuple[str, ...] = ()  # parent tasks the child plan carries out by existing
    plan_late: tuple[str, ...] = ()  # of those, the ones whose due date passed before the child was issued
    late: tuple[LateChildDeadline, ...] = ()


def document_number_key(number: str) -> str:
    return re.sub(r"\s+", "", name_key(number))


def implements(child: Plan, parent: Plan) -> bool:
    """The child cites the parent's number as a document it carries out (same year when both say)."""
    number = parent.document.number
    if not number:
        return False
    for ref in child.document.references:
        if ref.implements and document_number_key(ref.number) == document_number_key(number):
            issued = parent.document.issued
            return ref.date is None or issued is None or ref.date.year == issued.year
    return False


def is_plan_making(task: Task) -> bool:
    return asks_for_a_plan(task.title, task.text)


def asks_for_a_plan(title: str, text: str) -> bool:
    """The task is to make the plan that carries this one out at the unit's level."""
    return bool(_PLAN_MAKING.search(normalize_text(f"{title}. {text}")))


def lineage(parent: Plan, child: Plan) -> Lineage | None:
    """How `child` carries out `parent`, or None when it does not implement it."""
    if not implements(child, parent):
        return None
    issued = child.document.issued
    parent_dues, child_dues = task_dues(parent), task_dues(child)
    fulfils = tuple(t.id for t in parent.tasks if is_plan_making(t))
    plan_late = tuple(
        t for t in fulfils if issued and (due := parent_dues.get(t)) is not None and issued > due
    )
    return Lineage(
        parent=parent.key,
        child=child.key,
        child_number=child.document.number,
        child_issued=issued,
        child_issuer=child.document.issuer,
        fulfils=fulfils,
        plan_late=plan_late,
        late=tuple(_late_deadlines(parent, child, parent_dues, child_dues)),
    )


def _late_deadlines(
    parent: Plan, child: Plan, parent_dues: dict[str, date | None], child_dues: dict[str, date | None]
) -> list[LateChildDeadline]:
    found: list[LateChildDeadline] = []
    for task in child.tasks:
        child_due = child_dues.get(task.id)
        match = _same_work(task, parent)
        parent_due = parent_dues.get(match.id) if match else None
        if match and child_due and parent_due and child_due > parent_due:
            found.append(
                LateChildDeadline(
                    child_task=task.id, parent_task=match.id, child_due=child_due, parent_due=parent_due
                )
            )
    return found


def _same_work(task: Task, parent: Plan) -> Task | None:
    scored = [(dice(task.title, other.title), other) for other in parent.tasks]
    good = [(score, other) for (score, shared), other in scored if shared >= 2 and score >= SAME_WORK_DICE]
    return max(good, key=lambda pair: pair[0])[1] if good else None


# A standing committee or its standing members sign for their committee: "Ban Thường vụ Huyện ủy X"
# issues Huyện ủy X's plan.
_ACTING_FOR = re.compile(
    r"^(?:t/m\s+)?(?:ban thường vụ|ban chấp hành|thường trực|thường vụ)\s+", re.IGNORECASE
)


def acting_unit(issuer: str | None, registry: UnitRegistry) -> Unit | None:
    """The registry unit a plan's issuer speaks for: itself, or the committee its standing body signs for."""
    if not issuer:
        return None
    name = normalize_text(issuer).strip()
    return registry.find(name) or registry.find(_ACTING_FOR.sub("", name))


def plan_making_done(unit: str, registry: UnitRegistry, issued_by: dict[str, date]) -> date | None:
    """When an assignment to make a plan is done, given the day each unit issued its implementing plan:
    the day its unit did, or for a group, the day its last member did; None while one has not."""
    if registry.find(unit) is None:
        return None
    days = [issued_by.get(member.name) for member in registry.members_of(unit)]
    if not days or any(day is None for day in days):
        return None
    return max(day for day in days if day is not None)


class AwaitedPlans(BaseModel):
    """A plan-making assignment to a group: which members have issued their plan, which not yet."""

    model_config = ConfigDict(frozen=True)

    task: str
    unit: str
    issued: tuple[str, ...]
    waiting: tuple[str, ...]


def awaited_plans(parent: Plan, children: list[Plan], registry: UnitRegistry) -> list[AwaitedPlans]:
    """For each plan-making task of `parent` led by a group, the members whose implementing plan is
    among `children` and those still awaited."""
    issuers = {unit.name for child in children if (unit := acting_unit(child.document.issuer, registry))}
    making = {task.id for task in parent.tasks if is_plan_making(task)}
    found: list[AwaitedPlans] = []
    for assignment in parent.assignments:
        unit = registry.find(assignment.unit)
        if assignment.task not in making or assignment.role != Role.lead or unit is None or not unit.members:
            continue
        members = [member.name for member in registry.members_of(unit.name)]
        found.append(
            AwaitedPlans(
                task=assignment.task,
                unit=unit.name,
                issued=tuple(m for m in members if m in issuers),
                waiting=tuple(m for m in members if m not in issuers),
            )
        )
    return found
