"""Plans carried out by other plans: a stored child plan reports its parent's "xây dựng kế hoạch" done."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.lineage import acting_unit, asks_for_a_plan, document_number_key, plan_making_done
from models.plan import Role
from models.status import Lifecycle
from models.units import UnitRegistry
from store.tables import AssignmentRow, PlanRow, ReferenceRow, ReportRow, TaskRow, UnitRow
from store.tracking import add_report

CHANNEL = "lineage"  # reports written here, told apart from a unit's own


def record_plan_making(session: Session, row: PlanRow, registry: UnitRegistry, now: datetime) -> int:
    """Report done each plan-making assignment that the plans linked to `row` now fulfil, whether `row`
    is the child that arrived or the parent whose children were already stored. Returns how many."""
    parents = {p.id: p for p in _parents(session, row)}
    parents[row.id] = row
    return sum(_fulfil(session, parent, registry, now) for parent in parents.values())


def _spaceless(number: str) -> str:
    return number.replace(" ", "")


def _parents(session: Session, child: PlanRow) -> list[PlanRow]:
    refs = session.scalars(
        select(ReferenceRow).where(ReferenceRow.plan_id == child.id, ReferenceRow.implements.is_(True))
    ).all()
    found: list[PlanRow] = []
    for ref in refs:
        candidates = session.scalars(
            select(PlanRow).where(func.replace(PlanRow.number, " ", "") == _spaceless(ref.number))
        )
        found += [p for p in candidates if p.id != child.id and _cites(ref, p)]
    return found


def _children(session: Session, parent: PlanRow) -> list[PlanRow]:
    if not parent.number:
        return []
    refs = session.scalars(
        select(ReferenceRow).where(
            ReferenceRow.implements.is_(True),
            func.replace(ReferenceRow.number, " ", "") == _spaceless(parent.number),
            ReferenceRow.plan_id != parent.id,
        )
    ).all()
    ids = {ref.plan_id for ref in refs if _cites(ref, parent)}
    return list(session.scalars(select(PlanRow).where(PlanRow.id.in_(ids)))) if ids else []


def _cites(ref: ReferenceRow, parent: PlanRow) -> bool:
    """The reference names the parent: same number, and the same year when both give one."""
    if not parent.number or document_number_key(ref.number) != document_number_key(parent.number):
        return False
    return ref.date is None or parent.issued is None or ref.date.year == parent.issued.year


def _fulfil(session: Session, parent: PlanRow, registry: UnitRegistry, now: datetime) -> int:
    children = _children(session, parent)
    issued_by: dict[str, date] = {}
    numbers: dict[str, str] = {}
    for child in children:
        issuer = acting_unit(child.issuer, registry)
        if issuer is None or child.issued is None:
            continue
        if child.issued <= issued_by.get(issuer.name, date.max):
            issued_by[issuer.name], numbers[issuer.name] = child.issued, child.number or child.key
    if not issued_by:
        return 0
    done = 0
    for assignment, unit in _plan_making(session, parent):
        day = plan_making_done(unit, registry, issued_by)
        if day is None or _reported(session, assignment):
            continue
        members = [m.name for m in registry.members_of(unit) if m.name in numbers]
        cited = ", ".join(numbers[m] for m in members)
        add_report(
            session,
            assignment,
            reported_on=day,
            note=f"Đã ban hành kế hoạch thực hiện: {cited}",
            channel=CHANNEL,
            document_number=cited[:100],
            now=now,
            recorded_by="dondoc",
        )
        done += 1
    return done


def _plan_making(session: Session, parent: PlanRow) -> list[tuple[AssignmentRow, str]]:
    rows = session.execute(
        select(AssignmentRow, UnitRow.name, TaskRow.title, TaskRow.text)
        .join(TaskRow, TaskRow.id == AssignmentRow.task_id)
        .join(UnitRow, UnitRow.id == AssignmentRow.unit_id)
        .where(
            AssignmentRow.plan_id == parent.id,
            AssignmentRow.role == Role.lead.value,
            AssignmentRow.lifecycle == Lifecycle.active.value,
        )
    ).all()
    return [(assignment, unit) for assignment, unit, title, text in rows if asks_for_a_plan(title, text)]


def _reported(session: Session, assignment: AssignmentRow) -> bool:
    query = select(ReportRow.id).where(ReportRow.assignment_id == assignment.id, ReportRow.channel == CHANNEL)
    return session.scalar(query.limit(1)) is not None
