"""Coordinators' actions as one transaction each (for the CLI and the web), and an assignment's history."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from models.status import Lifecycle
from reports.tables import AssignmentActionRow
from reports.unit_links import unit_page_url, unit_token
from services.context import Context
from store import changes
from store.changes import Change
from store.database import transaction
from store.tables import DeadlineVersionRow, LifecycleChangeRow, ReportRow, StatusChangeRow
from store.tracking import AssignmentView, assignment_views, find_assignment


def _view(session: Session, assignment_id: int) -> AssignmentView:
    return assignment_views(session, assignment_ids=[assignment_id])[0]


def extend(engine: Engine, reference: str, *, to: date, change: Change) -> AssignmentView:
    with transaction(engine) as session:
        return _view(session, changes.extend(session, reference, to=to, change=change).id)


def set_lifecycle(engine: Engine, reference: str, new: Lifecycle, *, change: Change) -> AssignmentView:
    with transaction(engine) as session:
        return _view(session, changes.set_lifecycle(session, reference, new, change).id)


def reassign(
    engine: Engine, reference: str, *, to_unit: str, change: Change
) -> tuple[AssignmentView, AssignmentView]:
    with transaction(engine) as session:
        old, new = changes.reassign(session, reference, to_unit=to_unit, change=change)
        return _view(session, old.id), _view(session, new.id)


def unit_page_link(context: Context, unit: str) -> tuple[str, str]:
    """(unit name, the URL of its report page)."""
    name, token = unit_token(context, unit)
    return name, unit_page_url(context.settings.public_base_url, token)


class HistoryLine(BaseModel):
    model_config = ConfigDict(frozen=True)

    at: datetime
    what: str
    detail: str
    who: str = ""
    channel: str = ""
    why: str = ""

    @property
    def when(self) -> str:
        return self.at.strftime("%Y-%m-%d %H:%M")


def history(engine: Engine, reference: str) -> list[HistoryLine]:
    """Every recorded change of one assignment, oldest first."""
    with transaction(engine) as session:
        row_id = find_assignment(session, reference).id
        lines = [
            *_deadlines(session, row_id),
            *_lifecycles(session, row_id),
            *_reports(session, row_id),
            *_statuses(session, row_id),
            *_actions(session, row_id),
        ]
    return sorted(lines, key=lambda line: line.at.replace(tzinfo=None))


def _deadlines(session: Session, row_id: int) -> list[HistoryLine]:
    rows = session.scalars(select(DeadlineVersionRow).where(DeadlineVersionRow.assignment_id == row_id))
    return [
        HistoryLine(
            at=r.changed_at,
            what=f"deadline v{r.version}",
            detail=f"{(r.deadline or {}).get('text', '—')} → {r.effective_due or '—'}",
            who=r.changed_by,
            channel=r.channel,
            why=r.reason,
        )
        for r in rows
    ]


def _lifecycles(session: Session, row_id: int) -> list[HistoryLine]:
    rows = session.scalars(select(LifecycleChangeRow).where(LifecycleChangeRow.assignment_id == row_id))
    return [
        HistoryLine(
            at=r.changed_at, what="lifecycle", detail=f"{r.old} → {r.new}", who=r.changed_by, why=r.reason
        )
        for r in rows
    ]


def _reports(session: Session, row_id: int) -> list[HistoryLine]:
    rows = session.scalars(select(ReportRow).where(ReportRow.assignment_id == row_id))
    return [
        HistoryLine(
            at=r.recorded_at,
            what="report",
            detail=f"done {r.reported_on} {r.document_number or ''}",
            who=r.recorded_by,
            channel=r.channel,
            why=r.note,
        )
        for r in rows
    ]


def _statuses(session: Session, row_id: int) -> list[HistoryLine]:
    rows = session.scalars(select(StatusChangeRow).where(StatusChangeRow.assignment_id == row_id))
    return [
        HistoryLine(
            at=r.recorded_at,
            what="status",
            detail=f"{r.old_status or '—'} → {r.new_status} (as of {r.as_of})",
            who=r.cause,
        )
        for r in rows
    ]


def _actions(session: Session, row_id: int) -> list[HistoryLine]:
    rows = session.scalars(select(AssignmentActionRow).where(AssignmentActionRow.assignment_id == row_id))
    return [
        HistoryLine(
            at=r.changed_at,
            what=r.action,
            detail=", ".join(f"{k}={v}" for k, v in r.detail.items()),
            who=r.changed_by,
            channel=r.channel,
            why=r.reason,
        )
        for r in rows
    ]
