"""flows: each assignment's validity window (generated columns, two small partial indexes) replaces
the wide covering index, the index of unevaluated rows and the core's two indexes on volatile columns

Revision ID: 0004_flows_2
Revises: 0004_flows
Create Date: 2026-11-23 23:40:00

The stored status, report day and next change day of an assignment stay right for the days in
[sweep_lo, sweep_hi) (NULL: unbounded; sweep_hi = 0: wrong on every day, e.g. no status yet). Both
are generated from the row's own columns, so every writer keeps them current; the sweep finds the
rows to evaluate as of a day d by two index range scans: sweep_hi <= d, sweep_lo > d.
Days are counted from 1970-01-01. The window is written out here, not imported, so that this
revision keeps meaning what it meant when it ran.

ix_assignments_changes_on and ix_assignments_unit_status (0001_core) were there for the sweep, which
no longer reads them; every status change rewrote an entry in each (a quarter of the pages a daily
sweep wrote at 1M assignments), so they go.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_flows_2"
down_revision: str | Sequence[str] | None = "0004_flows"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOT_DUE, DUE_SOON, OVERDUE = "'Chưa đến hạn'", "'Sắp đến hạn'", "'Quá hạn'"
ON_TIME, LATE, NO_DEADLINE = "'Hoàn thành đúng hạn'", "'Hoàn thành quá hạn'", "'Không có hạn'"
EXTENDED, CANCELLED, PAUSED = "'Gia hạn'", "'Hủy'", "'Tạm dừng'"
WINDOW_INDEXES = {"sweep_hi": "ix_assignments_sweep_hi", "sweep_lo": "ix_assignments_sweep_lo"}
CORE_INDEXES = {
    "ix_assignments_changes_on": ["changes_on"],
    "ix_assignments_unit_status": ["unit_id", "status"],
}


def _day(postgres: bool, column: str) -> str:
    if postgres:
        return f"({column} - DATE '1970-01-01')"
    return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"


def _terms(postgres: bool) -> dict[str, str]:
    day = {
        name: _day(postgres, column)
        for name, column in (
            ("due", "effective_due"),
            ("rep", "first_report_on"),
            ("chg", "changes_on"),
            ("rpd", "reported_on"),
        )
    }
    # The due-soon day is only known for the due date it was worked out for.
    day["soon"] = f"CASE WHEN due_soon_of = effective_due THEN {_day(postgres, 'due_soon_on')} END"
    return day


def _open_hi(t: dict[str, str]) -> str:
    """The end of an unreported row's window, before the first report cuts it short."""
    due, chg, soon = t["due"], t["chg"], t["soon"]
    waiting = f"CASE WHEN deadline_version > 1 THEN {EXTENDED} ELSE {NOT_DUE} END"
    return f"""CASE
      WHEN reported_on IS NOT NULL THEN 0
      WHEN effective_due IS NULL THEN CASE WHEN status = {NO_DEADLINE} AND changes_on IS NULL THEN NULL ELSE 0 END
      WHEN status = {OVERDUE} THEN CASE WHEN changes_on IS NULL THEN NULL
        WHEN {chg} IN ({due} + 31, {due} + 61, {due} + 121) THEN {chg} ELSE 0 END
      WHEN status = {DUE_SOON} THEN CASE WHEN {soon} IS NOT NULL AND {chg} = {due} + 1 THEN {chg} ELSE 0 END
      WHEN status = {waiting} THEN CASE WHEN {chg} = {soon} THEN {chg} ELSE 0 END
      ELSE 0 END"""


def hi_expression(postgres: bool) -> str:
    t = _terms(postgres)
    rep, due, rpd = t["rep"], t["due"], t["rpd"]
    done = f"CASE WHEN effective_due IS NULL OR {rep} <= {due} THEN {ON_TIME} ELSE {LATE} END"
    open_hi = _open_hi(t)
    return f"""CASE
      WHEN status IS NULL THEN 0
      WHEN deadline_kind = 'recurring' THEN {t["chg"]}
      WHEN lifecycle <> 'active' THEN CASE WHEN reported_on IS NULL AND changes_on IS NULL
        AND status = CASE lifecycle WHEN 'cancelled' THEN {CANCELLED} WHEN 'paused' THEN {PAUSED} END
        THEN NULL ELSE 0 END
      WHEN status IN ({ON_TIME}, {LATE}) THEN CASE WHEN {rpd} = {rep} AND changes_on IS NULL
        AND status = {done} THEN NULL ELSE 0 END
      WHEN first_report_on IS NULL THEN {open_hi}
      ELSE CASE WHEN ({open_hi}) IS NULL OR {rep} < ({open_hi}) THEN {rep} ELSE ({open_hi}) END
    END"""


def lo_expression(postgres: bool) -> str:
    t = _terms(postgres)
    due, chg = t["due"], t["chg"]
    # A recurring row's status comes from the calendar walk in Python: it is known right from the
    # day it was worked out (status_as_of) to its next change day, no earlier.
    return f"""CASE
      WHEN status IS NULL OR lifecycle <> 'active' THEN NULL
      WHEN deadline_kind = 'recurring' THEN {_day(postgres, "status_as_of")}
      WHEN status IN ({ON_TIME}, {LATE}) THEN {t["rep"]}
      WHEN status = {OVERDUE} THEN CASE WHEN changes_on IS NULL THEN {due} + 121
        WHEN {chg} = {due} + 31 THEN {due} + 1 WHEN {chg} = {due} + 61 THEN {due} + 31
        WHEN {chg} = {due} + 121 THEN {due} + 61 END
      WHEN status = {DUE_SOON} THEN {t["soon"]}
    END"""


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for index in ("ix_assignments_unevaluated", "ix_assignments_sweep", *CORE_INDEXES):
        op.drop_index(index, table_name="assignments")
    # SQLite adds only VIRTUAL generated columns to a table; their values live in the indexes.
    kind = "STORED" if postgres else "VIRTUAL"
    for column, expression in (("sweep_lo", lo_expression(postgres)), ("sweep_hi", hi_expression(postgres))):
        op.execute(
            f"ALTER TABLE assignments ADD COLUMN {column} INTEGER GENERATED ALWAYS AS ({expression}) {kind}"
        )
    for column, index in WINDOW_INDEXES.items():
        op.create_index(
            index,
            "assignments",
            [column],
            sqlite_where=sa.text(f"{column} IS NOT NULL"),
            postgresql_where=sa.text(f"{column} IS NOT NULL"),
        )


def downgrade() -> None:
    for column, index in WINDOW_INDEXES.items():
        op.drop_index(index, table_name="assignments")
        op.execute(f"ALTER TABLE assignments DROP COLUMN {column}")
    for index, columns in CORE_INDEXES.items():
        op.create_index(index, "assignments", columns)
    op.create_index(
        "ix_assignments_sweep",
        "assignments",
        [
            "id",
            "lifecycle",
            "deadline_kind",
            "effective_due",
            "first_report_on",
            "due_soon_on",
            "due_soon_of",
            "deadline_version",
            "status",
            "reported_on",
            "changes_on",
        ],
    )
    op.create_index(
        "ix_assignments_unevaluated",
        "assignments",
        ["id"],
        sqlite_where=sa.text("status IS NULL"),
        postgresql_where=sa.text("status IS NULL"),
    )
