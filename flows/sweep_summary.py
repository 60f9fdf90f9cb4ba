"""The daily sweep's markdown artifact: what it evaluated and changed, the plans it ran a flow for,
and a table of the other changed plans (the most important first), each one a command away."""

from __future__ import annotations

from collections.abc import Sequence

from flows.adapters import Step
from flows.selection import score
from models.status import Status
from services.sweep import PlanChange, SweepOutcome

LISTED_PLANS = 200  # rows of the table of changed plans without a flow run; the rest are counted
COLUMNS = (Status.overdue, Status.due_soon, Status.done_late, Status.done_on_time)


def summary(
    outcome: SweepOutcome,
    sent: int,
    steps: Sequence[Step],
    failed: dict[str, str],
    chosen: Sequence[PlanChange],
    rest: Sequence[PlanChange],
    *,
    started: dict[str, str] | None = None,
) -> str:
    """`started`: plan → the name of the `plan` deployment run created for it (under a work pool)."""
    lines = [
        f"# Quét trạng thái ngày {outcome.as_of:%d/%m/%Y}",
        "",
        f"- {'Toàn bộ' if outcome.full else 'Hằng ngày'}: xét {outcome.touched} nhiệm vụ, "
        f"{outcome.transition_count} chuyển trạng thái, {sent} sự kiện",
        f"- Kế hoạch thay đổi: {len(outcome.changed_plans)}; chạy luồng kế hoạch cho {len(chosen)}",
    ]
    for change in chosen:
        error = failed.get(change.plan_key)
        run = (started or {}).get(change.plan_key)
        note = f" — **lỗi**: {error}" if error else (f" — đã giao cho worker: `{run}`" if run else "")
        lines.append(f"  - {change.plan_key}{note}")
    lines += [f"- {step.name}: {'' if step.ran else '(bỏ qua) '}{step.detail}" for step in steps]
    return "\n".join(lines + _rest_table(rest))


def _rest_table(rest: Sequence[PlanChange]) -> list[str]:
    if not rest:
        return []
    header = " | ".join(["Kế hoạch", *(f"→ {status.value}" for status in COLUMNS), "khác", "điểm"])
    lines = [
        "",
        f"## {len(rest)} kế hoạch thay đổi khác (không chạy luồng)",
        "",
        "Mở một kế hoạch: `dondoc plan-flow <kế hoạch>` hoặc deployment `plan`.",
        "",
        f"| {header} |",
        "|" + "---|" * (len(COLUMNS) + 3),
    ]
    for change in rest[:LISTED_PLANS]:
        counts = [change.into.get(status.value, 0) for status in COLUMNS]
        other = sum(change.into.values()) - sum(counts)
        cells = [change.plan_key, *(str(n) for n in counts), str(other), str(score(change))]
        lines.append("| " + " | ".join(cells) + " |")
    if len(rest) > LISTED_PLANS:
        lines.append(f"\n… và {len(rest) - LISTED_PLANS} kế hoạch khác.")
    return lines
