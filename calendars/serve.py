"""Running the HTTP server: uvicorn with feed tokens redacted from every log line, and a refresher
that rebuilds changed feeds every few minutes so subscribers see changes within the hour."""

from __future__ import annotations

import copy
import logging
import re
import threading
from typing import Any

import uvicorn
from uvicorn.config import LOGGING_CONFIG

from calendars.service import rebuild_changed
from services.context import Context

# Everything after /calendars/ up to the query: a token may arrive malformed, encoded or truncated.
_TOKEN = re.compile(r"(/calendars/)[^?\s\"']*", re.IGNORECASE)
log = logging.getLogger("dondoc.calendars")


def redact(text: str) -> str:
    """"/calendars/abc….ics?kind=todo" → "/calendars/<token>?kind=todo"."""
    return _TOKEN.sub(lambda m: f"{m.group(1)}<token>", text)


class RedactTokens(logging.Filter):
    """Feed tokens are secrets: no log line, access or error, may carry one."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True


def log_config() -> dict[str, Any]:
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"redact_tokens": {"()": "calendars.serve.RedactTokens"}}
    for handler in config["handlers"].values():
        handler["filters"] = ["redact_tokens"]
    return config


class Refresher(threading.Thread):
    """Rebuilds changed feeds every `interval` seconds (cheap when nothing changed)."""

    def __init__(self, context: Context, interval: float) -> None:
        super().__init__(name="feed-refresher", daemon=True)
        self.context, self.interval, self.stopped = context, interval, threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            try:
                rebuild_changed(self.context)
            except Exception:  # keep serving the last good feeds; the error is in the log
                log.exception("rebuilding the calendar feeds failed")


def serve(
    context: Context, *, host: str, port: int, workers: int = 1, access_log: bool = True,
    refresh_seconds: float = 600,
) -> None:
    """Build what is missing, then serve until stopped."""
    rebuild_changed(context)
    refresher = Refresher(context, refresh_seconds) if refresh_seconds > 0 else None
    if refresher:
        refresher.start()
    options: dict[str, Any] = {
        "host": host, "port": port, "log_config": log_config(), "access_log": access_log,
        "server_header": False,
        # uvloop and httptools (uvicorn[standard]) when installed, else asyncio and h11: the fast pair
        # serves several times the requests per second.
        "loop": "auto", "http": "auto",
    }
    try:
        if workers > 1:
            uvicorn.run("web.app:create_app", factory=True, workers=workers, **options)
        else:
            from web.app import build_app

            uvicorn.run(build_app(context), **options)
    finally:
        if refresher:
            refresher.stopped.set()
