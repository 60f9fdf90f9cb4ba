"""the sweep: sweep runs, due-soon days, assignments by status

Revision ID: 0004_flows
Revises: 0001_core
Create Date: 2026-11-23 22:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_flows"
down_revision: str | Sequence[str] | None = "0001_core"
branch_labels: str | Sequence[str] | None = ("flows",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sweep_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("horizon", sa.Integer(), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("report_watermark", sa.Integer(), nullable=False),
        sa.Column("touched", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("changed_plans", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sweep_runs")),
    )
    with op.batch_alter_table("sweep_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sweep_runs_as_of"), ["as_of"], unique=False)
    op.create_table(
        "due_soon_days",
        sa.Column("horizon", sa.Integer(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("soon_from", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("horizon", "due", name=op.f("pk_due_soon_days")),
    )
    for name in ("due_soon_on", "due_soon_of", "first_report_on"):
        op.add_column("assignments", sa.Column(name, sa.Date(), nullable=True))
    # Reports dated ahead of time take effect on their day: the sweep finds them by it.
    op.create_index("ix_reports_reported_on", "reports", ["reported_on"], unique=False)
    # Covers every column a full pass reads (a narrow scan instead of the wide rows). It leads with id,
    # so a status change rewrites its entry in place instead of moving it across the index.
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
        unique=False,
    )
    # New and edited assignments have no status yet: the sweep finds them by this small partial index.
    op.create_index(
        "ix_assignments_unevaluated",
        "assignments",
        ["id"],
        unique=False,
        sqlite_where=sa.text("status IS NULL"),
        postgresql_where=sa.text("status IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_assignments_unevaluated", table_name="assignments")
    op.drop_index("ix_assignments_sweep", table_name="assignments")
    op.drop_index("ix_reports_reported_on", table_name="reports")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        for name in ("first_report_on", "due_soon_of", "due_soon_on"):
            batch_op.drop_column(name)
    op.drop_table("due_soon_days")
    with op.batch_alter_table("sweep_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sweep_runs_as_of"))
    op.drop_table("sweep_runs")
