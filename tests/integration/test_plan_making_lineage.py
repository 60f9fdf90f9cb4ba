"""A child plan that implements its parent reports the parent's "xây dựng kế hoạch" assignment done:
for a unit, when its plan is stored; for a group, when every member's is — in either loading order."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select

from models.documents import Document, DocumentKind, Reference
from models.plan import Assignment, Plan, Role, Task
from models.status import Status
from models.units import Unit
from services.status import evaluate_store
from store.database import transaction
from store.lineage import CHANNEL
from store.plans import save_plan
from store.tables import AssignmentRow, ReportRow, UnitRow
from store.units import save_units

NOW = datetime(2026, 5, 4, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
GROUP = "Các huyện ủy trực thuộc"
DISTRICTS = ("Huyện ủy Bắc Sơn", "Huyện ủy Nam Hà")
CITY = "Ban Thường vụ Tỉnh ủy"


def units() -> list[Unit]:
    return [
        Unit(name=CITY),
        Unit(name="Ban Tuyên giáo Tỉnh ủy", parent=CITY),
        *(Unit(name=name, parent=CITY) for name in DISTRICTS),
        Unit(name=GROUP, members=DISTRICTS),
    ]


def parent_plan(lead: str = GROUP) -> Plan:
    making = Task(id="II.1-1", section="II.1", title="Các huyện ủy xây dựng kế hoạch thực hiện")
    meeting = Task(id="II.2-1", section="II.2", title="Tổ chức hội nghị quán triệt")
    return Plan(
        key="20-KH/TU/2026@tinh-uy",
        document=Document(kind=DocumentKind.plan, number="20-KH/TU", issued=date(2026, 1, 10), issuer=CITY),
        tasks=(making, meeting),
        assignments=(
            Assignment(task=making.id, unit=lead, role=Role.lead),
            Assignment(task=making.id, unit="Ban Tuyên giáo Tỉnh ủy", role=Role.participant),
            Assignment(task=meeting.id, unit=lead, role=Role.lead),
        ),
    )


def child_plan(district: str, issued: date, *, cited_year: int = 2026) -> Plan:
    number = f"{len(district)}-KH/HU"
    task = Task(id="II.1-1", section="II.1", title="Tổ chức học tập tại chi bộ")
    return Plan(
        key=f"{number}/2026@{district}",
        document=Document(
            kind=DocumentKind.plan,
            number=number,
            issued=issued,
            issuer=f"Ban Thường vụ {district}",  # the standing committee signs for the district's committee
            references=(Reference(number="20-KH/TU", date=date(cited_year, 1, 10), implements=True),),
        ),
        tasks=(task,),
        assignments=(Assignment(task=task.id, unit=district, role=Role.lead),),
    )


def save(engine: Engine, *plans: Plan) -> None:
    for plan in plans:
        with transaction(engine) as session:
            save_units(session, units())
            save_plan(session, plan, plan_file=plan.key, content_hash=plan.key, source="test", now=NOW)


def lineage_reports(engine: Engine) -> list[tuple[str, str, date]]:
    with transaction(engine) as session:
        rows = session.execute(
            select(UnitRow.name, AssignmentRow.role, ReportRow.reported_on)
            .join(AssignmentRow, AssignmentRow.id == ReportRow.assignment_id)
            .join(UnitRow, UnitRow.id == AssignmentRow.unit_id)
            .where(ReportRow.channel == CHANNEL)
        ).all()
    return [tuple(row) for row in rows]


def test_a_group_plan_task_is_done_when_the_last_member_issues_its_plan(engine: Engine) -> None:
    save(engine, parent_plan(), child_plan(DISTRICTS[0], date(2026, 2, 2)))
    assert lineage_reports(engine) == []  # one of two members: not done yet
    save(engine, child_plan(DISTRICTS[1], date(2026, 3, 5)))
    assert lineage_reports(engine) == [(GROUP, "lead", date(2026, 3, 5))]


def test_children_stored_before_their_parent_count_when_the_parent_arrives(engine: Engine) -> None:
    save(engine, child_plan(DISTRICTS[0], date(2026, 2, 2)), child_plan(DISTRICTS[1], date(2026, 2, 3)))
    save(engine, parent_plan())
    assert lineage_reports(engine) == [(GROUP, "lead", date(2026, 2, 3))]


def test_a_unit_plan_task_is_done_by_that_units_plan_and_only_once(engine: Engine) -> None:
    save(engine, parent_plan(lead=DISTRICTS[0]), child_plan(DISTRICTS[0], date(2026, 2, 2)))
    save(engine, child_plan(DISTRICTS[1], date(2026, 2, 9)))  # another unit's plan: nothing more
    assert lineage_reports(engine) == [(DISTRICTS[0], "lead", date(2026, 2, 2))]


def test_only_the_plan_making_task_is_reported(engine: Engine) -> None:
    save(engine, parent_plan(lead=DISTRICTS[0]), child_plan(DISTRICTS[0], date(2026, 2, 2)))
    lines = evaluate_store(engine, as_of=date(2026, 5, 4), now=NOW, horizon=5, plan_key=parent_plan().key)
    done = {
        (s.assignment.task_key, s.assignment.role)
        for s in lines
        if s.evaluation.status == Status.done_on_time
    }
    assert done == {("II.1-1", "lead")}


def test_a_plan_citing_another_years_document_of_the_same_number_fulfils_nothing(engine: Engine) -> None:
    save(engine, parent_plan(lead=DISTRICTS[0]), child_plan(DISTRICTS[0], date(2026, 2, 2), cited_year=2025))
    assert lineage_reports(engine) == []
