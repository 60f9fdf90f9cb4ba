"""Factories for test data: a plan, its units, a deadline, with any field overridden."""

from __future__ import annotations

from datetime import date
from typing import Any

from models.deadlines import Deadline, DeadlineKind
from models.documents import Document, DocumentKind
from models.plan import Assignment, Plan, Role, Task
from models.units import Unit

LEAD = "Ban Tuyên giáo Thành ủy"
HELPER = "Văn phòng Thành ủy"


def make_deadline(due: date = date(2024, 4, 9), **overrides: Any) -> Deadline:
    fields: dict[str, Any] = {
        "text": f"trước ngày {due.day + 1}/{due.month}/{due.year}",
        "kind": DeadlineKind.before_date,
        "due": due,
    }
    fields.update(overrides)
    return Deadline(**fields)


def make_units(*extra: Unit) -> list[Unit]:
    return [
        Unit(name="Ban Thường vụ Thành ủy"),
        Unit(name=LEAD, parent="Ban Thường vụ Thành ủy"),
        Unit(name=HELPER, parent="Ban Thường vụ Thành ủy"),
        *extra,
    ]


def make_plan(*, number: str = "10-KH/TU", deadline: Deadline | None = None, **overrides: Any) -> Plan:
    deadline = deadline or make_deadline()
    task = Task(id="II.1-1", section="II.1", title="Tổ chức hội nghị sơ kết", deadline=deadline)
    fields: dict[str, Any] = {
        "key": f"{number}/2024@ban-thuong-vu-thanh-uy",
        "document": Document(
            kind=DocumentKind.plan, number=number, issued=date(2024, 1, 5), issuer="Ban Thường vụ Thành ủy"
        ),
        "tasks": (task,),
        "assignments": (
            Assignment(task=task.id, unit=LEAD, role=Role.lead, deadline=deadline),
            Assignment(task=task.id, unit=HELPER, role=Role.participant, deadline=deadline),
        ),
    }
    fields.update(overrides)
    return Plan(**fields)


# A provincial plan's head and first section, for tests that write the rest of its body (from "II.").
PLAN_HEAD = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 456/KH-UBND
Nghệ An, ngày 10 tháng 4 năm 2025
KẾ HOẠCH
Thực hiện phong trào thi đua năm 2025
I. MỤC ĐÍCH, YÊU CẦU
Tạo chuyển biến rõ nét.
"""


def assignment_rows(plan: Plan) -> list[tuple[str, str, str, str]]:
    """(section, unit, role, due as ISO text or "") of each assignment of an extracted plan, in order."""
    tasks = {task.id: task for task in plan.tasks}
    rows = []
    for a in plan.assignments:
        task = tasks[a.task]
        rows.append((task.section, a.unit, a.role.value, str(task.deadline.due) if task.deadline else ""))
    return rows
