"""Reading assignments from the store as calendar entries, and keeping their published revisions."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from calendars.entry import CalendarEntry
from calendars.tables import CalendarEntryRow
from models.deadlines import WINDOW_KINDS, Deadline
from models.plan import Role
from models.status import Lifecycle, Tracked, evaluate_one
from store.tables import AssignmentRow, PlanRow, ReportRow, TaskRow, UnitRow


@dataclass(frozen=True)
class Fact:
    """One assignment row with the names a calendar shows."""

    id: int
    key: str
    plan_id: int
    plan_key: str
    plan_number: str | None
    plan_title: str
    task_id: int
    section: str
    task: str
    unit_id: int
    unit: str
    role: Role
    lifecycle: Lifecycle
    deadline: Deadline | None
    deadline_version: int


def read_facts(session: Session) -> list[Fact]:
    query = (
        select(
            AssignmentRow.id, AssignmentRow.key, AssignmentRow.plan_id, PlanRow.key, PlanRow.number,
            PlanRow.title, AssignmentRow.task_id, TaskRow.section, TaskRow.title, AssignmentRow.unit_id,
            UnitRow.name, AssignmentRow.role, AssignmentRow.lifecycle, AssignmentRow.deadline,
            AssignmentRow.deadline_version,
        )
        .join(PlanRow, AssignmentRow.plan_id == PlanRow.id)
        .join(TaskRow, AssignmentRow.task_id == TaskRow.id)
        .join(UnitRow, AssignmentRow.unit_id == UnitRow.id)
        .order_by(AssignmentRow.id)
    )
    return [_fact(row) for row in session.execute(query)]


def _fact(row: Any) -> Fact:
    (id_, key, plan_id, plan_key, number, plan_title, task_id, section, task, unit_id, unit, role,
     lifecycle, deadline, version) = row
    return Fact(
        id=id_, key=key, plan_id=plan_id, plan_key=plan_key, plan_number=number, plan_title=plan_title,
        task_id=task_id, section=section, task=task, unit_id=unit_id, unit=unit, role=Role(role),
        lifecycle=Lifecycle(lifecycle), deadline=Deadline.model_validate(deadline) if deadline else None,
        deadline_version=version,
    )


def read_reports(session: Session) -> dict[int, list[date]]:
    found: dict[int, list[date]] = defaultdict(list)
    for assignment_id, day in session.execute(select(ReportRow.assignment_id, ReportRow.reported_on)):
        found[assignment_id].append(day)
    return found


def uid(plan_key: str, assignment_key: str) -> str:
    """Stable across reloads, rebuilds of the database and unit renames: plan key + assignment key."""
    return hashlib.sha256(f"{plan_key}|{assignment_key}".encode()).hexdigest()[:32] + "@dondoc"


def plan_url(base_url: str, plan_key: str) -> str:
    return f"{base_url.rstrip('/')}/plans/{quote(plan_key, safe='')}"


def draft_entries(
    facts: Iterable[Fact], reports: dict[int, list[date]], *, as_of: date, horizon: int, base_url: str,
    epoch: datetime,
) -> dict[int, CalendarEntry]:
    """Each assignment's entry as of a day, before revision tracking (sequence 0, `epoch`)."""
    facts = list(facts)
    leads: dict[int, list[str]] = defaultdict(list)
    participants: dict[int, list[str]] = defaultdict(list)
    for fact in facts:
        (leads if fact.role is Role.lead else participants)[fact.task_id].append(fact.unit)
    return {
        fact.id: _entry(fact, reports.get(fact.id, []), as_of, horizon, base_url, epoch,
                        tuple(leads[fact.task_id]), tuple(participants[fact.task_id]))
        for fact in facts
    }


def _entry(
    fact: Fact, reports: list[date], as_of: date, horizon: int, base_url: str, epoch: datetime,
    leads: tuple[str, ...], participants: tuple[str, ...],
) -> CalendarEntry:
    tracked = Tracked(key=fact.key, deadline=fact.deadline, lifecycle=fact.lifecycle,
                      extended=fact.deadline_version > 1)
    evaluation = evaluate_one(tracked, reports, as_of, horizon)
    deadline = fact.deadline
    window = deadline is not None and deadline.kind in WINDOW_KINDS and deadline.start is not None
    return CalendarEntry(
        uid=uid(fact.plan_key, fact.key), role=fact.role, task=fact.task, section=fact.section,
        plan_title=fact.plan_title, plan_number=fact.plan_number, url=plan_url(base_url, fact.plan_key),
        deadline_text=deadline.text if deadline else None, due=deadline.due if deadline else None,
        effective_due=evaluation.effective_due or (deadline.effective_due if deadline else None),
        window_start=deadline.start if window and deadline else None,
        window_end=deadline.due if window and deadline else None,
        tentative=bool(deadline and deadline.tentative), leads=leads, participants=participants,
        status=evaluation.status, reported_on=evaluation.reported_on,
        overdue_days=evaluation.overdue_days, sequence=max(0, fact.deadline_version - 1),
        last_modified=epoch,
    )


def track_revisions(
    session: Session, drafts: dict[int, CalendarEntry], versions: dict[int, int], *, now: datetime,
    record: bool = True,
) -> dict[int, CalendarEntry]:
    """Entries with their SEQUENCE and LAST-MODIFIED: both move only when what is published changes.

    SEQUENCE never falls below the deadline's version − 1 and grows by one whenever the day or the
    cancellation changes (an extension, a recurring deadline's next occurrence, a cancellation).
    With `record` False nothing is written (a read-only view, e.g. a filtered coordinator feed).
    """
    now = now.astimezone(UTC)
    stored = {row.assignment_id: row for row in session.scalars(select(CalendarEntryRow))}
    tracked: dict[int, CalendarEntry] = {}
    for assignment_id, draft in drafts.items():
        row = stored.get(assignment_id)
        fingerprint, schedule = draft.fingerprint(), draft.schedule()
        floor = max(0, versions.get(assignment_id, 1) - 1)
        if row is None:
            row = CalendarEntryRow(assignment_id=assignment_id, fingerprint=fingerprint, schedule=schedule,
                                   sequence=floor, last_modified=now)
            if record:
                session.add(row)
        elif row.fingerprint != fingerprint or row.sequence < floor:
            bumped = row.sequence + 1 if row.schedule != schedule else row.sequence
            if record:
                row.fingerprint, row.schedule, row.last_modified = fingerprint, schedule, now
                row.sequence = max(bumped, floor)
            else:
                row = CalendarEntryRow(sequence=max(bumped, floor), last_modified=now)
        tracked[assignment_id] = draft.model_copy(
            update={"sequence": row.sequence, "last_modified": as_utc(row.last_modified)}
        )
    if record:
        session.flush()
    return tracked


def as_utc(moment: datetime) -> datetime:
    """SQLite hands timestamps back without a zone; dondoc stores them in UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
