"""flows: SQLite's validity-window columns (0004_flows_2) STORED, by cheaper expressions

Revision ID: 0004_flows_5
Revises: 0004_flows_4
Create Date: 2026-11-24 23:15:00

SQLite could only add them VIRTUAL, so an UPDATE of a row worked both out again for the old index
entries, the new ones and each partial index's WHERE: in the daily sweep at 1M assignments that was a
third of the cost of its UPDATE. STORED, they are worked out once per write and read back as they
are. SQLite cannot make a column STORED in place: the table is built again and its rows copied
(store.database.migrate runs the revisions with foreign keys off, so that dropping the old table
cascades into nothing), its indexes and planner statistics carried over. The expressions give the
same windows with fewer date conversions: dates are compared as the ISO text they are stored as (as
the sweep's own statements do), turned into day numbers only where a number is the result or a
difference is needed, and a row with a report takes the earlier of its report and its unreported end
by min() instead of working that end out three times. PostgreSQL's columns were STORED from the
start: left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_flows_5"
down_revision: str | Sequence[str] | None = "0004_flows_4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOT_DUE, DUE_SOON, OVERDUE = "'Chưa đến hạn'", "'Sắp đến hạn'", "'Quá hạn'"
ON_TIME, LATE, NO_DEADLINE = "'Hoàn thành đúng hạn'", "'Hoàn thành quá hạn'", "'Không có hạn'"
EXTENDED, CANCELLED, PAUSED = "'Gia hạn'", "'Hủy'", "'Tạm dừng'"
WINDOW_INDEXES = {"sweep_hi": "ix_assignments_sweep_hi", "sweep_lo": "ix_assignments_sweep_lo"}


def _day(column: str) -> str:
    return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"


# The due-soon day kept on the row is known only for the due date it was worked out for.
SOON_KNOWN = "(due_soon_of = effective_due AND due_soon_on IS NOT NULL)"


def _open_hi() -> str:
    """The end of an unreported row's window, before the first report cuts it short (0004_flows_2's
    _open_hi)."""
    waiting = f"CASE WHEN deadline_version > 1 THEN {EXTENDED} ELSE {NOT_DUE} END"
    chg, due = _day("changes_on"), _day("effective_due")
    return f"""CASE
      WHEN reported_on IS NOT NULL THEN 0
      WHEN effective_due IS NULL THEN CASE WHEN status = {NO_DEADLINE} AND changes_on IS NULL THEN NULL ELSE 0 END
      WHEN status = {OVERDUE} THEN CASE WHEN changes_on IS NULL THEN NULL
        WHEN {chg} - {due} IN (31, 61, 121) THEN {chg} ELSE 0 END
      WHEN status = {DUE_SOON} THEN CASE WHEN {SOON_KNOWN} AND {chg} - {due} = 1 THEN {chg} ELSE 0 END
      WHEN status = {waiting} THEN CASE WHEN due_soon_of = effective_due AND changes_on = due_soon_on
        THEN {chg} ELSE 0 END
      ELSE 0 END"""


def hi_expression() -> str:
    done = (
        f"CASE WHEN effective_due IS NULL OR first_report_on <= effective_due THEN {ON_TIME} ELSE {LATE} END"
    )
    rep = _day("first_report_on")
    return f"""CASE
      WHEN status IS NULL THEN 0
      WHEN deadline_kind = 'recurring' THEN {_day("changes_on")}
      WHEN lifecycle <> 'active' THEN CASE WHEN reported_on IS NULL AND changes_on IS NULL
        AND status = CASE lifecycle WHEN 'cancelled' THEN {CANCELLED} WHEN 'paused' THEN {PAUSED} END
        THEN NULL ELSE 0 END
      WHEN status IN ({ON_TIME}, {LATE}) THEN CASE WHEN reported_on = first_report_on AND changes_on IS NULL
        AND status = {done} THEN NULL ELSE 0 END
      WHEN first_report_on IS NULL THEN {_open_hi()}
      ELSE min({rep}, COALESCE({_open_hi()}, {rep}))
    END"""


def lo_expression() -> str:
    due = _day("effective_due")
    return f"""CASE
      WHEN status IS NULL OR lifecycle <> 'active' THEN NULL
      WHEN deadline_kind = 'recurring' THEN {_day("status_as_of")}
      WHEN status IN ({ON_TIME}, {LATE}) THEN {_day("first_report_on")}
      WHEN status = {OVERDUE} THEN CASE WHEN changes_on IS NULL THEN {due} + 121
        ELSE {due} + CASE {_day("changes_on")} - {due} WHEN 31 THEN 1 WHEN 61 THEN 31 WHEN 121 THEN 61 END END
      WHEN status = {DUE_SOON} THEN CASE WHEN due_soon_of = effective_due THEN {_day("due_soon_on")} END
    END"""


def _definitions(lo: str, hi: str, kind: str) -> str:
    return ", ".join(
        f"{column} INTEGER GENERATED ALWAYS AS ({expression}) {kind}"
        for column, expression in (("sweep_lo", lo), ("sweep_hi", hi))
    )


def _rebuild(lo: str, hi: str, kind: str) -> None:
    """SQLite: the table again with the window columns as given (it cannot ALTER a generated column
    nor ADD a STORED one), rows and indexes copied. store.database.migrate runs the revisions with
    foreign keys off: dropping the old table would otherwise delete every row that refers to it."""
    bind = op.get_bind()
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        # Run through alembic directly (not store.database.migrate), the drop would cascade: refuse instead.
        raise RuntimeError(
            "0004_flows_5 rebuilds the assignments table: run it with foreign keys off (dondoc's migrate does)"
        )
    indexes = [
        sql
        for (sql,) in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assignments' AND sql IS NOT NULL"
        )
    ]
    analyzed = bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
    stats = (
        [
            {"idx": idx, "stat": stat}
            for idx, stat in bind.exec_driver_sql(
                "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'assignments'"
            )
        ]
        if analyzed
        else []
    )
    (create,) = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'assignments'").one()
    columns = ", ".join(
        f'"{row[1]}"' for row in bind.exec_driver_sql("PRAGMA table_xinfo(assignments)") if row[6] == 0
    )
    # The window columns are the last two (0004_flows_2 added them), before the table's constraints.
    head, constraints = (
        create[: create.index(", sweep_lo INTEGER GENERATED")],
        create.split(", \n\tCONSTRAINT ", 1)[1],
    )
    create = f"{head}, {_definitions(lo, hi, kind)}, \n\tCONSTRAINT {constraints}"
    # The name is quoted once the table has been renamed into place.
    op.execute(re.sub(r'^CREATE TABLE ("?)assignments\1', "CREATE TABLE _assignments_new", create))
    op.execute(f"INSERT INTO _assignments_new ({columns}) SELECT {columns} FROM assignments")
    op.execute("DROP TABLE assignments")
    op.execute("ALTER TABLE _assignments_new RENAME TO assignments")
    for sql in indexes:
        op.execute(sql)
    # The planner's statistics went with the old table; without them it joins the sweep's few rows
    # to assignments by a scan. The rows and indexes are the same: so are their statistics.
    if stats:
        bind.execute(
            sa.text("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('assignments', :idx, :stat)"), stats
        )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(lo_expression(), hi_expression(), "STORED")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        from importlib import import_module

        earlier = import_module("store.migrations.versions.0004_flows_2_windows")
        _rebuild(earlier.lo_expression(False), earlier.hi_expression(False), "VIRTUAL")
