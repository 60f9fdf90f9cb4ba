"""Serve dondoc's deployments from this process (`make run` / `dondoc up` starts it): the daily sweep
on working-day mornings in Asia/Ho_Chi_Minh, the inbox every few minutes, and a plan flow on demand.

`prefect.yaml` declares the same deployments for `prefect deploy` with a work pool."""

from __future__ import annotations

import os

from prefect import serve
from prefect.schedules import Cron, Interval

TIMEZONE = "Asia/Ho_Chi_Minh"
SWEEP_CRON = os.environ.get("DONDOC_SWEEP_CRON", "30 6 * * 1-5")  # 06:30 Monday to Friday
INBOX_MINUTES = int(os.environ.get("DONDOC_INBOX_MINUTES", "10"))


def deployments() -> list:  # type: ignore[type-arg]
    from datetime import timedelta

    from flows.ingest import ingest_inbox
    from flows.plan import plan_flow
    from flows.sweep import daily_sweep

    return [
        daily_sweep.to_deployment(
            name="daily-sweep",
            schedules=[Cron(SWEEP_CRON, timezone=TIMEZONE)],
            description="Quét trạng thái mọi nhiệm vụ mỗi sáng ngày làm việc",
            tags=["dondoc"],
        ),
        ingest_inbox.to_deployment(
            name="ingest-inbox",
            schedules=[Interval(timedelta(minutes=INBOX_MINUTES), timezone=TIMEZONE)],
            description="Đọc văn bản mới trong thư mục inbox",
            tags=["dondoc"],
        ),
        plan_flow.to_deployment(name="plan", description="Một kế hoạch theo ngày, khi cần", tags=["dondoc"]),
    ]


def main() -> None:
    serve(*deployments(), pause_on_shutdown=False)


if __name__ == "__main__":
    main()
