"""`GET /calendars/<token>.ics`: a feed by its secret link, with ETag/Last-Modified, 304 and gzip.

The endpoint is a plain ASGI callable inside a Starlette `Route`: under uvicorn's pure-Python HTTP
parser (no httptools in the lock), Starlette's Request/Response objects halve the requests per second.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qs

from starlette.routing import BaseRoute, Route

from calendars import service
from calendars.files import Blob, FileCache, make_blob
from calendars.filters import FeedFilter, filtered_feed
from calendars.index import TokenIndex
from calendars.tokens import ALL_FEED
from services.context import Context

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Send = Callable[[Message], Awaitable[None]]
Receive = Callable[[], Awaitable[Message]]

CONTENT_TYPE = b"text/calendar; charset=utf-8"
_FIXED = [
    (b"cache-control", b"private, no-cache"),
    (b"vary", b"Accept-Encoding"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
]


class FeedEndpoint:
    """One instance per app: the token index and the file cache live as long as the server."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.files = FileCache()
        self.folder = service.feeds_dir(context)
        self.index = TokenIndex(context.engine, self.folder, clock=lambda: context.now().timestamp())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        blob = self.find(scope["path_params"]["token"], query)
        if blob is None:
            # The same answer for a malformed, unknown or revoked token: nothing says a unit exists.
            await _send(send, 404, [(b"content-type", b"text/plain; charset=utf-8")], b"Not Found", scope)
            return
        headers = dict(scope["headers"])
        zipped = b"gzip" in headers.get(b"accept-encoding", b"").lower()
        etag = blob.gzip_etag if zipped else blob.etag
        common = [(b"etag", etag.encode()), (b"last-modified", blob.last_modified.encode()), *_FIXED]
        if not_modified(headers, blob):
            await _send(send, 304, common, b"", scope)
            return
        body = blob.gzipped if zipped else blob.body
        extra = [(b"content-encoding", b"gzip")] if zipped else []
        await _send(send, 200, [*common, *extra, (b"content-type", CONTENT_TYPE)], body, scope)

    def find(self, token: str, query: dict[str, list[str]]) -> Blob | None:
        """The blob a token opens (with its query), or None."""
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
            return make_blob(filtered_feed(self.context, wanted), int(self.context.now().timestamp()))
        name = path.removesuffix(".ics") + ".todo.ics" if query.get("kind") == ["todo"] else path
        return self.files.get(self.folder / name)


async def _send(
    send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes, scope: Scope
) -> None:
    headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def not_modified(headers: dict[bytes, bytes], blob: Blob) -> bool:
    """RFC 9110 §13.2.2: If-None-Match decides when present; else If-Modified-Since."""
    match = headers.get(b"if-none-match")
    if match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in match.decode("latin-1").split(",")}
        return "*" in tags or blob.etag in tags or blob.gzip_etag in tags
    since = headers.get(b"if-modified-since")
    if since is None:
        return False
    try:
        return blob.modified <= int(parsedate_to_datetime(since.decode("latin-1")).timestamp())
    except (TypeError, ValueError, IndexError):
        return False


def routes(context: Context) -> list[BaseRoute]:
    return [Route("/calendars/{token}.ics", FeedEndpoint(context), methods=["GET", "HEAD"])]
