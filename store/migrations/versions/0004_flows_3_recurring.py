"""flows: a partial index of the assignments with a recurring deadline

Revision ID: 0004_flows_3
Revises: 0004_flows_2
Create Date: 2026-11-24 03:30:00

The sweep evaluates recurring deadlines in Python (their occurrences need the holiday calendar); a full
pass reads every such row. Without an index that read scans the whole table, which at 1M assignments
costs as much as evaluating all the others in SQL. Only recurring rows are in it, so writes to the
rest never touch it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_flows_3"
down_revision: str | Sequence[str] | None = "0004_flows_2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHERE = sa.text("deadline_kind = 'recurring'")


def upgrade() -> None:
    op.create_index(
        "ix_assignments_recurring", "assignments", ["id"], sqlite_where=WHERE, postgresql_where=WHERE
    )


def downgrade() -> None:
    op.drop_index("ix_assignments_recurring", table_name="assignments")
