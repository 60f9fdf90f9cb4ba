"""flows: how far the sweep's status changes have gone out to Prefect (events, plan flows)

Revision ID: 0004_flows_4
Revises: 0004_flows_3
Create Date: 2026-11-24 06:00:00

One row per stream ("events", "plan-flows"): the last status_history id that went out on it, and a
namespace of this database's own for the event ids. The marks start at the history already there:
what earlier sweeps changed went out with them (or is too old to send now).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_flows_4"
down_revision: str | Sequence[str] | None = "0004_flows_3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    marks = op.create_table(
        "event_marks",
        sa.Column("stream", sa.String(40), nullable=False),
        sa.Column("through", sa.Integer(), nullable=False),
        sa.Column("namespace", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("stream", name=op.f("pk_event_marks")),
    )
    through = op.get_bind().execute(sa.text("SELECT COALESCE(MAX(id), 0) FROM status_history")).scalar_one()
    namespace = str(uuid.uuid4())
    op.bulk_insert(marks, [{"stream": stream, "through": through, "namespace": namespace}
                           for stream in ("events", "plan-flows")])


def downgrade() -> None:
    op.drop_table("event_marks")
