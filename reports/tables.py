"""The report area's tables: archived report documents, their links to reports, the review queue and
coordinators' actions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.tables import Base


class ReportDocumentRow(Base):
    """A report document as received, archived by content hash: the same file twice is one row."""

    __tablename__ = "report_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    suffix: Mapped[str] = mapped_column(String(10))  # from an allow-list, never the sender's file name
    size: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(300), default="")  # shown to people, never a path
    channel: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(Text, default="")
    number: Mapped[str | None] = mapped_column(String(100), index=True)
    issued: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String(300))
    unit: Mapped[str | None] = mapped_column(String(300))
    answers: Mapped[list[str]] = mapped_column(JSON, default=list)
    outcome: Mapped[str] = mapped_column(String(20), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReportAttachmentRow(Base):
    """Which archived document a recorded report came with."""

    __tablename__ = "report_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), unique=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("report_documents.id", ondelete="CASCADE"), index=True
    )


class ReviewItemRow(Base):
    """A report document dondoc could not match with confidence: a coordinator accepts or rejects it."""

    __tablename__ = "report_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("report_documents.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(Text)
    candidates: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    state: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AssignmentActionRow(Base):
    """Append-only: every coordinator action on an assignment (extend, cancel, pause, resume,
    reassign, review decisions) with who, when, through which channel and why."""

    __tablename__ = "assignment_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    channel: Mapped[str] = mapped_column(String(40), default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
