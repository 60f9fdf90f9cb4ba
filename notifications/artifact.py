"""The outbox as a Prefect artifact: mail that failed for good and mail waiting for a retry."""

from __future__ import annotations

import sys

from sqlalchemy import Engine, select

from notifications import outbox
from notifications.tables import OutboxRow, OutboxState
from store.database import transaction

ARTIFACT_KEY = "dondoc-mail-outbox"


def _cell(text: object) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ")[:160]


def _retrying(engine: Engine, limit: int) -> list[OutboxRow]:
    with transaction(engine) as session:
        query = (
            select(OutboxRow)
            .where(OutboxRow.state == OutboxState.queued.value, OutboxRow.attempts > 0)
            .order_by(OutboxRow.next_attempt_at)
            .limit(limit)
        )
        return list(session.scalars(query))


def outbox_markdown(engine: Engine, limit: int = 50) -> str:
    """Counts per state, then every failed row (newest first) and the rows waiting for a retry."""
    counts = outbox.counts(engine)
    lines = [
        "# Thư nhắc việc (outbox)",
        "",
        f"Đã gửi: **{counts['sent']}** · Đang chờ: **{counts['queued']}** · Lỗi: **{counts['failed']}**",
    ]
    sections = (
        (
            "Lỗi không gửi được (cần sửa địa chỉ hoặc cấu hình, rồi `dondoc outbox --requeue-failed`)",
            outbox.rows(engine, state=OutboxState.failed, limit=limit),
        ),
        ("Đang chờ gửi lại", _retrying(engine, limit)),
    )
    for title, rows in sections:
        if not rows:
            continue
        lines += [
            "",
            f"## {title}",
            "",
            "| Người nhận | Mức | Nhiệm vụ | Lần thử | Lỗi |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {_cell(row.recipient)} | {_cell(row.level)} | {_cell(row.item.get('task'))} | {row.attempts} "
            f"| {_cell(row.last_error)} |"
            for row in rows
        ]
    return "\n".join(lines) + "\n"


def publish_outbox_artifact(engine: Engine) -> bool:
    """Inside a Prefect flow or task run, publish the outbox under a stable key; elsewhere do nothing.

    Prefect is only looked at when the caller already imported it, so the CLI stays light.
    """
    if "prefect" not in sys.modules:
        return False
    from prefect.context import FlowRunContext, TaskRunContext

    if FlowRunContext.get() is None and TaskRunContext.get() is None:
        return False
    from prefect.artifacts import create_markdown_artifact

    create_markdown_artifact(
        key=ARTIFACT_KEY, markdown=outbox_markdown(engine), description="dondoc: thư đã gửi, đang chờ, bị lỗi"
    )
    return True
