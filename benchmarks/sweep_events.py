"""How long the sweep's events take to send: `flows.events.emit` for a daily sweep's worth of status
changes, to the Prefect server at PREFECT_API_URL (start one: `prefect server start`).

Run: `PREFECT_API_URL=http://127.0.0.1:4200/api .venv/bin/python -m benchmarks.sweep_events [--count 3530]`.
"""

from __future__ import annotations

import argparse
import os
import time
import uuid
from datetime import date

from flows.events import emit
from models.status import Status
from services.sweep import TransitionView
from services.sweep_events import Announcement


def transitions(count: int) -> list[TransitionView]:
    statuses = [Status.overdue, Status.due_soon, Status.done_late, Status.done_on_time]
    return [
        TransitionView(
            assignment_id=n,
            plan_key=f"plan-{n // 100}",
            section=f"II.{n % 9 + 1}",
            task_key=f"T{n}",
            unit=f"Đơn vị {n % 200}",
            role="lead",
            old_status=Status.not_due.value,
            new_status=statuses[n % len(statuses)].value,
            overdue_days=1,
        )
        for n in range(count)
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--count", type=int, default=3530)
    args = parser.parse_args(argv)
    if not os.environ.get("PREFECT_API_URL"):
        raise SystemExit("set PREFECT_API_URL to a running Prefect server (prefect server start)")
    items = transitions(args.count)
    started, cpu = time.perf_counter(), time.process_time()
    sent = emit([Announcement(item, date(2026, 6, 17), uuid.uuid4()) for item in items])
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{sent:,} events sent in {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU "
        f"({wall / max(sent, 1) * 1e6:.0f} µs each; load average {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()
