"""`GET /calendars/<token>.ics`: a feed by its secret link, with ETag/Last-Modified, 304 and gzip.

Feed links are nearly all of the server's traffic, and most answers are 304s to calendar clients
polling every hour. So the endpoint is a plain ASGI callable (web.app dispatches to it before
Starlette's routing) and each live link's answers are made once and kept: headers, validators and
bodies as bytes. A request then costs one stat of the stamp file (rebuilds, rotations and revocations
replace it, which drops every kept answer) and a dictionary lookup.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qs

from starlette.routing import BaseRoute, Route

from calendars import service
from calendars.files import Blob, FileCache, make_blob
from calendars.filters import FeedFilter, filtered_feed
from calendars.index import STAMP, TokenIndex
from calendars.tokens import ALL_FEED
from services.context import Context

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Send = Callable[[Message], Awaitable[None]]
Receive = Callable[[], Awaitable[Message]]

PREFIX = "/calendars/"
CONTENT_TYPE = b"text/calendar; charset=utf-8"
_FIXED = [
    (b"cache-control", b"private, no-cache"),
    (b"vary", b"Accept-Encoding"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
]
_NOT_FOUND = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", b"9")]
_EMPTY = {"type": "http.response.body", "body": b""}


@dataclass(frozen=True)
class Variant:
    """One representation of a feed (plain or gzipped) as ready-made ASGI messages."""

    etag: bytes
    not_modified: dict[str, Any]
    ok: dict[str, Any]
    head: dict[str, Any]  # the same headers as `ok`; HEAD sends no body
    body: dict[str, Any]

    @classmethod
    def of(cls, blob: Blob, body: bytes, etag: str, zipped: bool) -> Variant:
        common = [(b"etag", etag.encode()), (b"last-modified", blob.last_modified.encode()), *_FIXED]
        extra = [(b"content-encoding", b"gzip")] if zipped else []
        full = [*common, *extra, (b"content-type", CONTENT_TYPE), (b"content-length", b"%d" % len(body))]
        start = {"type": "http.response.start", "status": 200, "headers": full}
        return cls(
            etag.encode(),
            {"type": "http.response.start", "status": 304, "headers": [*common, (b"content-length", b"0")]},
            start, start, {"type": "http.response.body", "body": body},
        )


@dataclass(frozen=True)
class Answer:
    """A live link's answers: both representations and the validators that open a 304."""

    blob: Blob
    plain: Variant
    zipped: Variant

    @classmethod
    def of(cls, blob: Blob) -> Answer:
        return cls(blob, Variant.of(blob, blob.body, blob.etag, False),
                   Variant.of(blob, blob.gzipped, blob.gzip_etag, True))


class FeedEndpoint:
    """One instance per app: the token index, the file cache and the kept answers live as long as
    the server."""

    prefix = PREFIX  # web.app sends GET and HEAD requests under it here directly

    def __init__(self, context: Context, ttl: float = 30.0) -> None:
        self.context = context
        self.files = FileCache()
        self.folder = service.feeds_dir(context)
        self.index = TokenIndex(context.engine, self.folder, clock=lambda: context.now().timestamp())
        self.stamp, self.ttl = str(self.folder / STAMP), ttl
        self.answers: dict[str, Answer] = {}
        self.seen: tuple[int, int] | None = None
        self.kept_until = 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"]
        token = path[len(PREFIX) : -len(".ics")] if path.endswith(".ics") else ""
        answer = self.kept(token) if not scope.get("query_string") else None
        if answer is None:
            answer = self.find(token, parse_qs(scope["query_string"].decode("latin-1")))
            if answer is None:
                # The same answer for a malformed, unknown or revoked token: nothing says a unit exists.
                await send({"type": "http.response.start", "status": 404, "headers": _NOT_FOUND})
                await send(_EMPTY if scope["method"] == "HEAD" else {"type": "http.response.body",
                                                                      "body": b"Not Found"})
                return
        zipped, match, since = _conditions(scope["headers"])
        variant = answer.zipped if zipped else answer.plain
        if match == variant.etag or not_modified(match, since, answer.blob):
            await send(variant.not_modified)
            await send(_EMPTY)
            return
        await send(variant.ok)
        await send(_EMPTY if scope["method"] == "HEAD" else variant.body)

    def kept(self, token: str) -> Answer | None:
        """The kept answer for a link, unless anything changed since it was made (one stat)."""
        try:
            status = os.stat(self.stamp)
            seen: tuple[int, int] | None = (status.st_ino, status.st_mtime_ns)
        except FileNotFoundError:
            seen = None
        now = time.monotonic()
        if seen != self.seen or now > self.kept_until:
            self.answers.clear()
            self.seen, self.kept_until = seen, now + self.ttl
            return None
        return self.answers.get(token)

    def find(self, token: str, query: dict[str, list[str]]) -> Answer | None:
        """The answer a token opens (with its query), or None; kept when there is no query."""
        located = self.index.lookup(token)
        if located is not None and not located[1]:
            # A live link whose feed was never written (a unit added since the last build): build now.
            service.rebuild_changed(self.context)
            self.index.reload()
            located = self.index.lookup(token)
        if located is None or not located[1]:
            return None
        feed, path = located
        wanted = FeedFilter.from_query(query)
        if feed == ALL_FEED and wanted.active:
            made = filtered_feed(self.context, wanted)
            return Answer.of(make_blob(made, int(self.context.now().timestamp())))
        name = path.removesuffix(".ics") + ".todo.ics" if query.get("kind") == ["todo"] else path
        blob = self.files.get(self.folder / name)
        if blob is None:
            return None
        answer = Answer.of(blob)
        if not query:
            self.answers[token] = answer
        return answer


def _conditions(headers: list[tuple[bytes, bytes]]) -> tuple[bool, bytes | None, bytes | None]:
    """(gzip accepted, If-None-Match, If-Modified-Since) from the raw request headers."""
    zipped, match, since = False, None, None
    for name, value in headers:
        if name == b"accept-encoding":
            zipped = b"gzip" in value.lower()
        elif name == b"if-none-match":
            match = value
        elif name == b"if-modified-since":
            since = value
    return zipped, match, since


def not_modified(match: bytes | None, since: bytes | None, blob: Blob) -> bool:
    """RFC 9110 §13.2.2: If-None-Match decides when present (either representation's tag, weak or
    strong, or *); else If-Modified-Since."""
    if match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in match.decode("latin-1").split(",")}
        return "*" in tags or blob.etag in tags or blob.gzip_etag in tags
    if since is None:
        return False
    try:
        return blob.modified <= int(parsedate_to_datetime(since.decode("latin-1")).timestamp())
    except (TypeError, ValueError, IndexError):
        return False


def routes(context: Context) -> list[BaseRoute]:
    return [Route(PREFIX + "{token}.ics", FeedEndpoint(context), methods=["GET", "HEAD"])]
