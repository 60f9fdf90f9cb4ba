"""Writing a plan's artifacts to Prefect under stable keys: table, summary, progress, timeline image."""

from __future__ import annotations

from prefect.artifacts import (
    create_image_artifact,
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
)

from flows.content import artifact_keys, progress, summary_markdown, table_rows
from services.plan_view import PlanSnapshot


def chart_url(public_base_url: str, snapshot: PlanSnapshot) -> str:
    """Served by dondoc's own HTTP server (web/charts.py): image artifacts take a URL."""
    return f"{public_base_url.rstrip('/')}/charts/{snapshot.slug}.svg?as_of={snapshot.as_of.isoformat()}"


def publish(snapshot: PlanSnapshot, public_base_url: str) -> dict[str, str]:
    keys = artifact_keys(snapshot.slug)
    label = snapshot.plan.document.number or snapshot.key
    day = f"{snapshot.as_of:%d/%m/%Y}"
    create_table_artifact(
        table=table_rows(snapshot),
        key=keys["assignments"],
        description=f"{label}: nhiệm vụ theo đơn vị, đến ngày {day}",
    )
    create_markdown_artifact(
        markdown=summary_markdown(snapshot),
        key=keys["summary"],
        description=f"{label}: tóm tắt đến ngày {day}",
    )
    create_progress_artifact(
        progress=progress(snapshot),
        key=keys["progress"],
        description=f"{label}: tỷ lệ hoàn thành đến ngày {day}",
    )
    create_image_artifact(
        image_url=chart_url(public_base_url, snapshot),
        key=keys["timeline"],
        description=f"{label}: tiến độ (biểu đồ Gantt) đến ngày {day}",
    )
    return keys
