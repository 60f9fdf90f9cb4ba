"""calendars: each assignment's rendered components, its published status and its place in a feed

Revision ID: 0006_calendars_2
Revises: 0006_calendars
Create Date: 2026-11-23 23:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_calendars_2"
down_revision: str | Sequence[str] | None = "0006_calendars"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("calendar_entries") as batch:
        batch.add_column(sa.Column("revision", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("status", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("sort_key", sa.String(length=48), nullable=True))
        batch.add_column(sa.Column("event", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("todo", sa.LargeBinary(), nullable=True))
        batch.create_index(batch.f("ix_calendar_entries_sort_key"), ["sort_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("calendar_entries") as batch:
        batch.drop_index(batch.f("ix_calendar_entries_sort_key"))
        batch.drop_column("todo")
        batch.drop_column("event")
        batch.drop_column("sort_key")
        batch.drop_column("status")
        batch.drop_column("revision")
