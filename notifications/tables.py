"""The outbox table: every notification decided, once, with its delivery state."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from notifications.states import OutboxState
from store.tables import Base

__all__ = ["OutboxRow", "OutboxState"]


class OutboxRow(Base):
    """One (assignment, level, deadline version and due, recipient): the dedup key is unique, so the
    same notification can never be queued twice, whoever decides it and however often."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state_next_attempt", "state", "next_attempt_at"),
        Index("ix_outbox_lease_token", "lease_token"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(500), unique=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(20))
    deadline_version: Mapped[int] = mapped_column(Integer)
    due: Mapped[date] = mapped_column(Date)
    recipient: Mapped[str] = mapped_column(String(320), index=True)
    recipient_unit: Mapped[str | None] = mapped_column(String(300))
    item: Mapped[dict[str, Any]] = mapped_column(JSON)  # what the digest shows, fixed when queued
    as_of: Mapped[date] = mapped_column(Date)  # the sweep day that decided it
    state: Mapped[str] = mapped_column(String(10), default=OutboxState.queued.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    lease_token: Mapped[str | None] = mapped_column(String(40))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    message_id: Mapped[str | None] = mapped_column(String(200))
    queued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
