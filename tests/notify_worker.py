"""One notification sweep in its own process, for the fault tests: it can be killed (SIGKILL) at a
chosen point, and it can wait for a "go" line on stdin so that two sweeps start together.

    python -m tests.notify_worker --url URL --port PORT --as-of 2026-11-23 --now 2026-11-23T07:00:00+07:00
        [--kill before-mark:3 | after-mark:3 | after-claim] [--wait]
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from notifications import outbox
from notifications.service import run_notifications
from services.settings import Settings
from store.database import make_engine


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _install(kill: str) -> None:
    """Wrap the outbox step named by `kill` so that the process dies at that point."""
    point, _, count = kill.partition(":")
    wanted, calls = int(count or 1), [0]
    if point == "after-claim":
        claim = outbox.claim

        def claiming(*args: Any, **kwargs: Any) -> Any:
            claim(*args, **kwargs)
            _die()

        outbox.claim = claiming
        return
    mark_sent = outbox.mark_sent

    def marking(*args: Any, **kwargs: Any) -> int:
        calls[0] += 1
        if point == "before-mark" and calls[0] == wanted:
            _die()  # the server said 250, the row is not marked: the one window for a duplicate
        done = mark_sent(*args, **kwargs)
        if point == "after-mark" and calls[0] == wanted:
            _die()
        return done

    outbox.mark_sent = marking


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--now", required=True)
    parser.add_argument("--data-dir", default="data")
    parser.add_argument("--kill", default="")
    parser.add_argument("--wait", action="store_true")
    args = parser.parse_args()
    if args.kill:
        _install(args.kill)
    settings = Settings(
        _env_file=None,
        database_url=args.url,
        smtp_port=args.port,
        data_dir=Path(args.data_dir),
        mail_from="dondoc <dondoc@tu.example>",
    )
    engine = make_engine(args.url)
    if args.wait:
        print("ready", flush=True)
        sys.stdin.readline()
    result = run_notifications(
        engine, settings, date.fromisoformat(args.as_of), datetime.fromisoformat(args.now)
    )
    print(result.model_dump_json(), flush=True)


if __name__ == "__main__":
    main()
