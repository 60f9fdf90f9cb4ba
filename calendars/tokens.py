"""Feed tokens: one secret link per feed, derived from a key file and a salt, stored only as a hash.

token = base64url(HMAC-SHA256(key, salt)), 256 bits. The database keeps the salt and SHA-256(token);
the key lives in a file beside the data (mode 0600). Rotating draws a new salt, so the old link stops
working at the next request; revoking forgets the hash.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from calendars.tables import FeedTokenRow

KEY_BYTES = 32
ALL_FEED = "all"


def unit_feed(unit_id: int) -> str:
    return f"unit:{unit_id}"


def plan_feed(plan_id: int) -> str:
    return f"plan:{plan_id}"


def load_key(path: Path) -> bytes:
    """The secret key, created on first use; only its owner may read it."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_bytes()
    with os.fdopen(descriptor, "wb") as file:
        file.write(key)
    return key


def derive(key: bytes, salt: str) -> str:
    digest = hmac.new(key, f"dondoc-feed:{salt}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(session: Session, key: bytes, feed: str, *, now: datetime, rotate: bool = False) -> str | None:
    """The feed's token: made when missing (or when `rotate`); None for a revoked feed not rotated."""
    row = session.scalar(select(FeedTokenRow).where(FeedTokenRow.feed == feed))
    if row is None:
        row = FeedTokenRow(feed=feed, salt="", issued_at=now)
        session.add(row)
        rotate = True
    elif row.revoked_at is not None and not rotate:
        return None
    if rotate:
        row.salt, row.issued_at, row.revoked_at = secrets.token_hex(16), now, None
        row.token_hash = token_hash(derive(key, row.salt))
        session.flush()
    return derive(key, row.salt)


def revoke(session: Session, feed: str, *, now: datetime) -> bool:
    """Forget the feed's token; True when there was one to forget."""
    row = session.scalar(select(FeedTokenRow).where(FeedTokenRow.feed == feed))
    if row is None or row.revoked_at is not None:
        return False
    row.token_hash, row.revoked_at = None, now
    session.flush()
    return True


_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


def looks_like_token(token: str) -> bool:
    return _SHAPE.fullmatch(token) is not None


def matches(stored_hash: str, token: str) -> bool:
    """Constant-time comparison of a stored hash with a presented token."""
    return hmac.compare_digest(stored_hash.encode(), token_hash(token).encode())
