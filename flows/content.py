"""What the plan flow's artifacts say: the assignments table, the summary in Markdown, progress.

Pure functions of a PlanSnapshot, so they are tested without Prefect."""

from __future__ import annotations

from typing import Any

from models.status import DONE, Status, count_by_status, overdue_bucket
from services.plan_view import PlanSnapshot

ROLE_NAMES = {"lead": "chủ trì", "participant": "phối hợp"}
BUCKET_ORDER = ("1–30 ngày", "31–60 ngày", "61–120 ngày", "trên 120 ngày")


def artifact_keys(slug: str) -> dict[str, str]:
    """Stable keys per plan, so each run adds a version to the same artifact."""
    return {kind: f"plan-{slug}-{kind}" for kind in ("assignments", "summary", "progress", "timeline")}


def table_rows(snapshot: PlanSnapshot) -> list[dict[str, Any]]:
    return [
        {
            "Mục": line.assignment.section,
            "Nhiệm vụ": line.assignment.task,
            "Đơn vị": line.assignment.unit,
            "Vai trò": ROLE_NAMES.get(line.assignment.role, line.assignment.role),
            "Hạn (hiệu lực)": line.evaluation.effective_due.isoformat()
            if line.evaluation.effective_due
            else "",
            "Trạng thái": line.evaluation.status.value,
            "Số ngày quá hạn": line.evaluation.overdue_days,
        }
        for line in snapshot.lines
    ]


def progress(snapshot: PlanSnapshot) -> float:
    """Per cent of live assignments (not cancelled or paused) reported done."""
    live = [
        line for line in snapshot.lines if line.evaluation.status not in (Status.cancelled, Status.paused)
    ]
    done = sum(1 for line in live if line.evaluation.status in DONE)
    return round(100.0 * done / len(live), 1) if live else 100.0


def summary_markdown(snapshot: PlanSnapshot) -> str:
    plan = snapshot.plan
    title = plan.title or plan.document.title or snapshot.key
    parts = [
        f"# {plan.document.number or snapshot.key} — {title}",
        f"Tình hình đến ngày **{snapshot.as_of:%d/%m/%Y}**: {progress(snapshot)}% hoàn thành.",
        "",
    ]
    if snapshot.cycle:
        parts += ["## Vòng phụ thuộc — cần sửa kế hoạch", "", f"> {snapshot.cycle}", ""]
    parts += (
        _counts(snapshot) + _buckets(snapshot) + _critical(snapshot) + _edges(snapshot) + _lineage(snapshot)
    )
    return "\n".join(parts)


def _counts(snapshot: PlanSnapshot) -> list[str]:
    counts = count_by_status(line.evaluation for line in snapshot.lines)
    rows = [f"| {status.value} | {count} |" for status, count in counts.items() if count]
    return ["## Số nhiệm vụ theo trạng thái", "", "| Trạng thái | Số |", "|---|---|", *rows, ""]


def _buckets(snapshot: PlanSnapshot) -> list[str]:
    found = [
        overdue_bucket(line.evaluation.overdue_days)
        for line in snapshot.lines
        if line.evaluation.status is Status.overdue
    ]
    if not found:
        return ["Không có nhiệm vụ quá hạn.", ""]
    rows = [f"| {bucket} | {found.count(bucket)} |" for bucket in BUCKET_ORDER if found.count(bucket)]
    return ["## Quá hạn theo thời gian", "", "| Quá hạn | Số |", "|---|---|", *rows, ""]


def _task_label(snapshot: PlanSnapshot, task_id: str) -> str:
    task = next((t for t in snapshot.plan.tasks if t.id == task_id), None)
    return f"{task.section or task.id} {task.title}" if task else task_id


def _critical(snapshot: PlanSnapshot) -> list[str]:
    plan_schedule = snapshot.schedule
    lines = ["## Đường găng (critical path)", ""]
    if not plan_schedule.critical_path:
        return [*lines, "Chưa đủ hạn để tính.", ""]
    lines += [
        f"{n}. {_task_label(snapshot, t)} — hạn dự trữ {plan_schedule.slack.get(t, 0)} ngày"
        for n, t in enumerate(plan_schedule.critical_path, 1)
    ]
    for late, downstream in snapshot.endangered.items():
        names = "; ".join(_task_label(snapshot, t) for t in downstream)
        lines.append(f"- **{_task_label(snapshot, late)}** quá hạn, ảnh hưởng: {names}")
    for conflict in plan_schedule.conflicts:
        lines.append(
            f"- ⚠ {conflict.first} (hạn {conflict.first_due:%d/%m/%Y}) phải xong trước "
            f"{conflict.then} (hạn {conflict.then_due:%d/%m/%Y})"
        )
    return [*lines, ""]


def _edges(snapshot: PlanSnapshot) -> list[str]:
    if not snapshot.dag.edges:
        return []
    rows = [f"| {e.source} | {e.target} | {e.kind} | {e.reason} |" for e in snapshot.dag.edges]
    return [
        "## Phụ thuộc giữa nhiệm vụ",
        "",
        "| Trước | Sau | Nguồn | Lý do |",
        "|---|---|---|---|",
        *rows,
        "",
    ]


def _lineage(snapshot: PlanSnapshot) -> list[str]:
    lines: list[str] = []
    for link in snapshot.parents:
        lines.append(f"- Thực hiện kế hoạch cấp trên **{link.parent}**")
        lines += [
            f"  - ⚠ {late.child_task}: hạn {late.child_due:%d/%m/%Y} muộn hơn hạn cấp trên "
            f"{late.parent_due:%d/%m/%Y} ({late.parent_task})"
            for late in link.late
        ]
        lines += [f"  - ⚠ ban hành sau hạn của nhiệm vụ {task} ở cấp trên" for task in link.plan_late]
    for link in snapshot.children:
        issued = f", {link.child_issued:%d/%m/%Y}" if link.child_issued else ""
        lines.append(
            f"- Cấp dưới: **{link.child_number or link.child}** ({link.child_issuer or 'không rõ'}"
            f"{issued}) — thực hiện nhiệm vụ xây dựng kế hoạch: {', '.join(link.fulfils) or '—'}"
        )
        lines += [
            f"  - ⚠ {late.child_task}: hạn {late.child_due:%d/%m/%Y} muộn hơn {late.parent_task} "
            f"({late.parent_due:%d/%m/%Y})"
            for late in link.late
        ]
    for wait in snapshot.awaited:
        count = len(wait.issued) + len(wait.waiting)
        lines.append(
            f"- Nhiệm vụ {wait.task} ({wait.unit}): {len(wait.issued)}/{count} đơn vị đã ban hành kế hoạch"
            + (f"; còn chờ: {', '.join(wait.waiting)}" if wait.waiting else "")
        )
    return ["## Quan hệ giữa các kế hoạch", "", *lines, ""] if lines else []
