"""The calendar area's tables: feed tokens (hashed), each assignment's published revision, built feeds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from store.tables import Base


class FeedTokenRow(Base):
    """One secret link per feed ("unit:12", "plan:3", "all"). Only the token's SHA-256 is stored;
    the token itself is derived from the secret key file and `salt`, so `feeds list` can print it
    again while a copy of the database alone opens nothing."""

    __tablename__ = "calendar_feed_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    feed: Mapped[str] = mapped_column(String(60), unique=True)
    salt: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CalendarEntryRow(Base):
    """What was last published for an assignment, so SEQUENCE and LAST-MODIFIED move only on change,
    and its rendered components: every feed holding the assignment copies these bytes, and a rebuild
    renders only the assignments whose revision moved."""

    __tablename__ = "calendar_entries"

    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), primary_key=True
    )
    fingerprint: Mapped[str] = mapped_column(String(64))
    schedule: Mapped[str] = mapped_column(String(40))
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_modified: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # fingerprint:sequence:LAST-MODIFIED, what a feed's fingerprint is made of (calendars.revisions)
    revision: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str | None] = mapped_column(String(40))  # as published (the coordinators' filter)
    # Feed order: "0" + YYYYMMDD of the day in force (or "1" + the LAST-MODIFIED day) + the UID's hex.
    sort_key: Mapped[str | None] = mapped_column(String(48), index=True)
    event: Mapped[bytes | None] = mapped_column(LargeBinary)  # the VEVENT block; empty: no day to sit on
    todo: Mapped[bytes | None] = mapped_column(LargeBinary)  # the VTODO block


class CalendarFeedRow(Base):
    """A feed as last written to disk: a feed whose fingerprint differs from its entries' is dirty."""

    __tablename__ = "calendar_feeds"

    feed: Mapped[str] = mapped_column(String(60), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(300))
    events: Mapped[int] = mapped_column(Integer, default=0)
    built_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
