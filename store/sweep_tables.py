"""The daily sweep's own tables: each sweep run (its watermark), the due-soon day of each due date, and
how far its status changes have been announced as events."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Column, Date, DateTime, Index, Integer, String, Table, text
from sqlalchemy.orm import Mapped, mapped_column

from store.tables import AssignmentRow, Base, ReportRow

# Columns the sweep keeps on each assignment so that a row's status needs no join:
#   due_soon_on   the first "Sắp đến hạn" day, worked out for the effective due in due_soon_of;
#   first_report_on  the earliest report (the sweep folds in new reports by id watermark).
# They are not mapped on AssignmentRow (the core's class); the sweep reads and writes them in SQL.
_assignments: Table = AssignmentRow.__table__  # type: ignore[assignment]
for _name in ("due_soon_on", "due_soon_of", "first_report_on"):
    if _name not in _assignments.c:
        _assignments.append_column(Column(_name, Date, nullable=True))
# Two more columns, generated (not mapped, not declared here: their SQL differs by database; see
# migration 0004_flows_2): sweep_lo and sweep_hi, the days [lo, hi) on which the stored status,
# report day and next change day stay right, counted from 1970-01-01 (NULL: unbounded; hi = 0: no
# status yet or a stored status the row's columns contradict). Generated, so any writer keeps them
# true; the sweep finds its rows by their two partial indexes, ix_assignments_sweep_lo/_hi. STORED on
# both databases (SQLite's since 0004_flows_5, which rebuilt the table): an UPDATE works them out once
# for the new row instead of again for each old and new index entry.

# Reports dated ahead of time take effect on their day: the sweep finds them by it.
REPORT_DAY_INDEX = Index("ix_reports_reported_on", ReportRow.__table__.c.reported_on)
# A full pass reads every recurring row (evaluated in Python) without scanning the others (0004_flows_3).
_RECURRING = text("deadline_kind = 'recurring'")
RECURRING_INDEX = Index(
    "ix_assignments_recurring", _assignments.c.id, sqlite_where=_RECURRING, postgresql_where=_RECURRING
)


class SweepRunRow(Base):
    """One sweep: as of which day, with which horizon, and the last report it had seen."""

    __tablename__ = "sweep_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    as_of: Mapped[date] = mapped_column(Date, index=True)
    horizon: Mapped[int] = mapped_column(Integer)
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    report_watermark: Mapped[int] = mapped_column(Integer, default=0)
    touched: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    changed_plans: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class DueSoonDayRow(Base):
    """For a due date, the first day it counts as due soon: `horizon` working days before it.

    Working days need Vietnam's holiday calendar, which SQL does not have; this table brings it to
    the set-based sweep as a lookup (a few thousand rows cover a decade)."""

    __tablename__ = "due_soon_days"

    horizon: Mapped[int] = mapped_column(Integer, primary_key=True)
    due: Mapped[date] = mapped_column(Date, primary_key=True)
    soon_from: Mapped[date] = mapped_column(Date)


class EventMarkRow(Base):
    """How far the sweep's status changes (status_history) have gone out to Prefect, per stream:
    "events" (each change as an event), "plan-flows" (the changed plans' flow runs).

    They go out after the sweep's commit, read back from the history above the mark, and the mark
    moves once Prefect has them: a sweep stopped in between leaves them above it for the next one.
    Events are sent again under the same ids (made from this database's namespace and the history
    row's id), so the server keeps one of each."""

    __tablename__ = "event_marks"

    stream: Mapped[str] = mapped_column(String(40), primary_key=True)
    through: Mapped[int] = mapped_column(Integer)
    namespace: Mapped[str] = mapped_column(String(36))
