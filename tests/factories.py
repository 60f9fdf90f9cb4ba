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
