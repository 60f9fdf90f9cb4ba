"""Test data for notifications: subjects for the pure decision, a store with units and a plan."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from models.deadlines import Deadline
from models.documents import Document, DocumentKind
from models.plan import Assignment, Plan, Role, Task
from models.status import Lifecycle, Tracked, evaluate_one
from models.units import Unit, UnitRegistry
from models.workdays import add_working_days
from notifications.decide import OutboxKey, Subject, decide
from notifications.policy import Policy
from notifications.sink import Mailbox, Received, start_sink
from services.settings import Settings
from store.database import transaction
from store.plans import save_plan
from store.units import save_units
from tests.factories import make_deadline

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
ROOT = Path(__file__).resolve().parents[1]
ISSUER = "Ban Thường vụ Thành ủy"
COORDINATOR = "Ban Tuyên giáo Thành ủy"
LEAD = "Văn phòng Thành ủy"
HELPER = "Ban Tổ chức Thành ủy"
GROUP = "Các quận ủy, huyện ủy"
MINISTRY = "Bộ Giáo dục và Đào tạo"


def registry_units() -> list[Unit]:
    return [
        Unit(name=ISSUER, emails=("thuongtruc@tu.example",)),
        Unit(name=COORDINATOR, parent=ISSUER, emails=("tuyengiao@tu.example",)),
        Unit(name=LEAD, parent=ISSUER, emails=("vanphong@tu.example",)),
        Unit(name=HELPER, parent=ISSUER, emails=("tochuc@tu.example", "tochuc2@tu.example")),
        Unit(name="Huyện ủy A", parent=ISSUER, emails=("a@hu.example",)),
        Unit(name="Huyện ủy B", parent=ISSUER, emails=("b@hu.example",)),
        Unit(name=GROUP, members=("Huyện ủy A", "Huyện ủy B")),
        Unit(name=MINISTRY, external=True, emails=("bo@gov.example",)),
    ]


def registry() -> UnitRegistry:
    return UnitRegistry(registry_units())


def subject(
    due: date,
    as_of: date,
    *,
    unit: str = LEAD,
    role: Role = Role.lead,
    assignment_id: int = 1,
    version: int = 1,
    reported: Iterable[date] = (),
    tentative: bool = False,
    lifecycle: Lifecycle = Lifecycle.active,
    task: str = "Tổ chức hội nghị sơ kết",
    accountable: bool | None = None,
) -> Subject:
    deadline = make_deadline(due, tentative=tentative)
    tracked = Tracked(key=f"a{assignment_id}", deadline=deadline, lifecycle=lifecycle, extended=version > 1)
    return Subject(
        assignment_id=assignment_id,
        plan_key="10-KH/TU/2026@btv",
        plan_number="10-KH/TU",
        plan_title="Kế hoạch",
        issuer=ISSUER,
        task_key="II.1-1",
        section="II.1",
        task=task,
        unit=unit,
        role=role,
        deadline=deadline,
        deadline_version=version,
        evaluation=evaluate_one(tracked, list(reported), as_of),
        accountable=role is Role.lead if accountable is None else accountable,
    )


History = list[tuple[date, str, str]]


def simulate(
    policy: Policy,
    subjects_on: Callable[[date], list[Subject]],
    start: date,
    end: date,
    sent: set[OutboxKey] | None = None,
) -> History:
    """Run the decision every calendar day from start to end, as daily sweeps would; what each
    day decided counts as sent from then on. Returns (day, level, address) in order."""
    sent = set() if sent is None else sent
    history: History = []
    day = start
    while day <= end:
        for notice in decide(policy, subjects_on(day), registry(), sent, day).notices:
            sent.add(notice.key)
            history.append((day, notice.step.level, notice.recipient.address))
        day += timedelta(days=1)
    return history


def levels(history: History, address: str) -> list[tuple[date, str]]:
    return [(day, level) for day, level, to in history if to == address]


# A store for integration tests: N units each leading one task, the next one helping.


def store_units(count: int) -> list[Unit]:
    return [
        Unit(name=ISSUER, emails=("thuongtruc@tu.example",)),
        Unit(name=COORDINATOR, parent=ISSUER, emails=("tuyengiao@tu.example",)),
        *(
            Unit(name=f"Đơn vị số {n:03d}", parent=ISSUER, emails=(f"donvi{n:03d}@dv.example",))
            for n in range(count)
        ),
    ]


def store_plan(count: int, as_of: date, *, title: Callable[[int], str] | None = None) -> Plan:
    """Tasks whose deadlines in force sit at every rung of the default ladder as of `as_of`."""
    offsets = (-5, -3, -1, 0, 1, 3, 5, 8, 10, 15)
    tasks, assignments = [], []
    for n in range(count):
        due = add_working_days(as_of, -offsets[n % len(offsets)])
        deadline = Deadline(text=f"chậm nhất ngày {due.day}/{due.month}/{due.year}", kind="on_date", due=due)
        task = Task(
            id=f"II.{n}-1",
            section=f"II.{n}",
            title=title(n) if title else f"Nhiệm vụ số {n}",
            deadline=deadline,
        )
        tasks.append(task)
        assignments.append(
            Assignment(task=task.id, unit=f"Đơn vị số {n:03d}", role=Role.lead, deadline=deadline)
        )
        helper = f"Đơn vị số {(n + 1) % count:03d}"
        assignments.append(Assignment(task=task.id, unit=helper, role=Role.participant, deadline=deadline))
    document = Document(
        kind=DocumentKind.plan,
        number="45-KH/TU",
        issued=as_of - timedelta(days=200),
        issuer=ISSUER,
        title="Kế hoạch thực hiện Chuyên đề năm 2026",
    )
    return Plan(
        key="45-KH/TU/2026@btv",
        document=document,
        title=document.title or "",
        tasks=tuple(tasks),
        assignments=tuple(assignments),
    )


def fill_store(engine: Engine, plan: Plan, units: list[Unit], *, now: datetime) -> None:
    with transaction(engine) as session:
        save_units(session, units)
        save_plan(session, plan, plan_file="", content_hash=str(hash(plan)), source="test", now=now)


def moment(day: date, hour: int = 7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=ZONE)


# A real SMTP server on 127.0.0.1, on a free port, for the length of a `with` block.


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_sink(handler: Mailbox, port: int | None = None) -> Iterator[int]:
    port = port or free_port()
    controller = start_sink(handler, port=port)
    try:
        yield port
    finally:
        controller.stop()


def mail_settings(tmp_path: Path, engine: Engine, port: int, **overrides: Any) -> Settings:
    fields: dict[str, Any] = {
        "data_dir": tmp_path / "data",
        "database_url": engine.url.render_as_string(hide_password=False),
        "smtp_port": port,
        "mail_from": "dondoc <dondoc@tu.example>",
        "public_base_url": "https://lich.example",
        "prefect_ui_url": "http://prefect.example",
    }
    fields.update(overrides)
    return Settings(_env_file=None, **fields)


def delivered_keys(received: Iterable[Received]) -> list[tuple[str, str]]:
    """(envelope recipient, dedup key) for every notification in every message the server got."""
    found = []
    for mail in received:
        keys = str(mail.message["X-Dondoc-Keys"]).split()
        found += [(recipient, key) for recipient in mail.recipients for key in keys]
    return found
