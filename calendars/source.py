"""Reading assignments from the store as calendar entries, and keeping their published revisions."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast
from urllib.parse import quote

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from calendars.entry import CalendarEntry
from calendars.entry import fingerprint as content_hash
from calendars.entry import schedule as schedule_of
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


def plan_url(ui_url: str, plan_key: str) -> str:
    """The plan's summary in the Prefect UI (the same link the reminder mail gives); the UI's runs page
    when the flows area is not installed."""
    ui = ui_url.rstrip("/")
    try:
        from flows.content import artifact_keys
        from services.plan_view import plan_slug
    except ImportError:
        return f"{ui}/runs"
    return f"{ui}/artifacts/key/{quote(artifact_keys(plan_slug(plan_key))['summary'])}"


def draft_entries(
    facts: Iterable[Fact], reports: dict[int, list[date]], *, as_of: date, horizon: int, ui_url: str,
) -> dict[int, Draft]:
    """Each assignment's entry fields as of a day, before revision tracking adds SEQUENCE and
    LAST-MODIFIED."""
    facts = list(facts)
    leads: dict[int, list[str]] = defaultdict(list)
    participants: dict[int, list[str]] = defaultdict(list)
    for fact in facts:
        (leads if fact.role is Role.lead else participants)[fact.task_id].append(fact.unit)
    urls = {fact.plan_key: plan_url(ui_url, fact.plan_key) for fact in facts}
    return {
        fact.id: _draft(fact, reports.get(fact.id, []), as_of, horizon, urls[fact.plan_key],
                        tuple(leads[fact.task_id]), tuple(participants[fact.task_id]))
        for fact in facts
    }


def _draft(
    fact: Fact, reports: list[date], as_of: date, horizon: int, url: str,
    leads: tuple[str, ...], participants: tuple[str, ...],
) -> Draft:
    tracked = Tracked(key=fact.key, deadline=fact.deadline, lifecycle=fact.lifecycle,
                      extended=fact.deadline_version > 1)
    evaluation = evaluate_one(tracked, reports, as_of, horizon)
    deadline = fact.deadline
    window = deadline is not None and deadline.kind in WINDOW_KINDS and deadline.start is not None
    return dict(
        uid=uid(fact.plan_key, fact.key), role=fact.role, task=fact.task, section=fact.section,
        plan_title=fact.plan_title, plan_number=fact.plan_number, url=url,
        deadline_text=deadline.text if deadline else None, due=deadline.due if deadline else None,
        effective_due=evaluation.effective_due or (deadline.effective_due if deadline else None),
        window_start=deadline.start if window and deadline else None,
        window_end=deadline.due if window and deadline else None,
        tentative=bool(deadline and deadline.tentative), leads=leads, participants=participants,
        status=evaluation.status, reported_on=evaluation.reported_on,
        overdue_days=evaluation.overdue_days,
    )


TABLE = cast(Table, CalendarEntryRow.__table__)
Draft = dict[str, Any]  # a CalendarEntry's fields but the revision ones


@dataclass(frozen=True)
class Revision:
    fingerprint: str
    schedule: str
    sequence: int
    last_modified: datetime


def next_revision(stored: Revision | None, draft: Draft, version: int, now: datetime) -> Revision:
    """SEQUENCE never falls below the deadline's version − 1 and grows by one whenever the day or the
    cancellation changes (an extension, a recurring deadline's next occurrence, a cancellation);
    LAST-MODIFIED moves whenever anything published changes."""
    fingerprint, schedule, floor = content_hash(draft), schedule_of(draft), max(0, version - 1)
    if stored is None:
        return Revision(fingerprint, schedule, floor, now)
    if stored.fingerprint == fingerprint and stored.sequence >= floor:
        return stored
    bumped = stored.sequence + 1 if stored.schedule != schedule else stored.sequence
    return Revision(fingerprint, schedule, max(bumped, floor), now)


def track_revisions(
    session: Session, drafts: dict[int, Draft], versions: dict[int, int], *, now: datetime,
    record: bool = True,
) -> tuple[dict[int, CalendarEntry], dict[int, str], set[int]]:
    """Entries with their SEQUENCE and LAST-MODIFIED, each one's fingerprint, and the assignments whose
    revision moved; with `record`, those are written (set-based: one insert, one update statement)."""
    now = now.astimezone(UTC)
    stored = {
        row.assignment_id: Revision(row.fingerprint, row.schedule, row.sequence, as_utc(row.last_modified))
        for row in session.execute(select(TABLE))
    }
    tracked: dict[int, CalendarEntry] = {}
    fingerprints: dict[int, str] = {}
    added: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for assignment_id, draft in drafts.items():
        before = stored.get(assignment_id)
        revision = next_revision(before, draft, versions.get(assignment_id, 1), now)
        if revision is not before:
            row = {"id_": assignment_id, "fingerprint": revision.fingerprint, "schedule": revision.schedule,
                   "sequence": revision.sequence, "last_modified": revision.last_modified}
            (added if before is None else changed).append(row)
        fingerprints[assignment_id] = revision.fingerprint
        tracked[assignment_id] = CalendarEntry(
            **draft, sequence=revision.sequence, last_modified=revision.last_modified
        )
    if record:
        _write_revisions(session, added, changed)
    return tracked, fingerprints, {row["id_"] for row in (*added, *changed)}


def _write_revisions(session: Session, added: list[dict[str, Any]], changed: list[dict[str, Any]]) -> None:
    values: dict[str, Any] = {
        name: bindparam(name) for name in ("fingerprint", "schedule", "sequence", "last_modified")
    }
    if added:
        session.execute(insert(TABLE).values(assignment_id=bindparam("id_"), **values), added)
    if changed:
        statement = update(TABLE).where(TABLE.c.assignment_id == bindparam("id_")).values(**values)
        session.execute(statement, changed)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands timestamps back without a zone; dondoc stores them in UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
