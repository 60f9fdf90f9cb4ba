"""The server's view of live tokens: hash → (feed, file), in memory, reloaded when anything changes.

Rotating, revoking, issuing and rebuilding touch a stamp file beside the feeds; the server checks it
(one stat) on each request, so a revoked link answers 404 on the very next request. A short time-to-
live also reloads it, for servers that share a PostgreSQL database but not the data folder.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, select

from calendars import tokens
from calendars.tables import CalendarFeedRow, FeedTokenRow

STAMP = ".index-stamp"


def touch(folder: Path) -> None:
    """Tell running servers that tokens or feed files changed (a new inode each time)."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f"{STAMP}.{secrets.token_hex(4)}"
    temporary.write_text(secrets.token_hex(8))
    os.replace(temporary, folder / STAMP)


class TokenIndex:
    def __init__(self, engine: Engine, folder: Path, clock: Callable[[], float], ttl: float = 30.0) -> None:
        self.engine, self.stamp, self.clock, self.ttl = engine, folder / STAMP, clock, ttl
        self._entries: dict[str, tuple[str, str]] = {}
        self._seen: tuple[int, int] | None = None
        self._loaded_at = float("-inf")

    def lookup(self, token: str) -> tuple[str, str] | None:
        """(feed, relative path or "" if never built) for a live token; None for anything else."""
        if not tokens.looks_like_token(token):
            return None
        if self._stale():
            self.reload()
        digest = tokens.token_hash(token)
        found = self._entries.get(digest)
        if found is None or not tokens.matches(digest, token):
            return None
        return found

    def _stale(self) -> bool:
        try:
            status = os.stat(self.stamp)
            seen: tuple[int, int] | None = (status.st_ino, status.st_mtime_ns)
        except FileNotFoundError:
            seen = None
        return seen != self._seen or self.clock() - self._loaded_at > self.ttl

    def reload(self) -> None:
        try:
            status = os.stat(self.stamp)
            self._seen = (status.st_ino, status.st_mtime_ns)
        except FileNotFoundError:
            self._seen = None
        query = (
            select(FeedTokenRow.token_hash, FeedTokenRow.feed, CalendarFeedRow.path)
            .join(CalendarFeedRow, CalendarFeedRow.feed == FeedTokenRow.feed, isouter=True)
            .where(FeedTokenRow.token_hash.is_not(None))
        )
        with self.engine.connect() as connection:
            self._entries = {digest: (feed, path or "") for digest, feed, path in connection.execute(query)}
        self._loaded_at = self.clock()
