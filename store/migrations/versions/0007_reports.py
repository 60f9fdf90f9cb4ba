"""reports: archived report documents, their links to reports, the review queue, coordinators'
actions

Revision ID: 0007_reports
Revises: 0001_core
Create Date: 2026-11-23 21:58:34.187530
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_reports"
down_revision: str | Sequence[str] | None = "0001_core"
branch_labels: str | Sequence[str] | None = ("reports",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "report_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("suffix", sa.String(length=10), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=300), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=True),
        sa.Column("issued", sa.Date(), nullable=True),
        sa.Column("issuer", sa.String(length=300), nullable=True),
        sa.Column("unit", sa.String(length=300), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_report_documents_content_hash")),
    )
    with op.batch_alter_table("report_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_documents_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_report_documents_outcome"), ["outcome"], unique=False)

    op.create_table(
        "report_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["report_documents.id"],
            name=op.f("fk_report_reviews_document_id_report_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_reviews")),
    )
    with op.batch_alter_table("report_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_reviews_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_report_reviews_state"), ["state"], unique=False)

    op.create_table(
        "assignment_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_assignment_actions_assignment_id_assignments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment_actions")),
    )
    with op.batch_alter_table("assignment_actions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assignment_actions_assignment_id"), ["assignment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_assignment_actions_changed_at"), ["changed_at"], unique=False)

    op.create_table(
        "report_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["report_documents.id"],
            name=op.f("fk_report_attachments_document_id_report_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_report_attachments_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_attachments")),
        sa.UniqueConstraint("report_id", name=op.f("uq_report_attachments_report_id")),
    )
    with op.batch_alter_table("report_attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_attachments_document_id"), ["document_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_attachments_document_id"))

    op.drop_table("report_attachments")
    with op.batch_alter_table("assignment_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_actions_changed_at"))
        batch_op.drop_index(batch_op.f("ix_assignment_actions_assignment_id"))

    op.drop_table("assignment_actions")
    with op.batch_alter_table("report_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_reviews_state"))
        batch_op.drop_index(batch_op.f("ix_report_reviews_document_id"))

    op.drop_table("report_reviews")
    with op.batch_alter_table("report_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_documents_outcome"))
        batch_op.drop_index(batch_op.f("ix_report_documents_number"))

    op.drop_table("report_documents")
