"""A plan's timeline as a Gantt-style SVG: one bar per assignment from its window's start to its due
date in force, coloured by status, in DAG order, with a line on the day it is drawn for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from xml.sax.saxutils import escape

from models.status import Status
from services.plan_view import PlanSnapshot

COLOURS = {
    Status.overdue: "#d32f2f",
    Status.due_soon: "#f9a825",
    Status.not_due: "#1e88e5",
    Status.extended: "#5e35b1",
    Status.done_on_time: "#2e7d32",
    Status.done_late: "#ef6c00",
    Status.no_deadline: "#9e9e9e",
    Status.cancelled: "#cfd8dc",
    Status.paused: "#b0bec5",
}
LABEL_WIDTH, ROW, TOP, WIDTH = 380, 22, 48, 1100
DEFAULT_SPAN = timedelta(days=30)  # a bar for a deadline with no window start


@dataclass(frozen=True)
class Bar:
    label: str
    start: date
    end: date
    status: Status
    tentative: bool


def bars(snapshot: PlanSnapshot) -> list[Bar]:
    order = {task: n for n, task in enumerate(snapshot.dag.tasks)}
    issued = snapshot.plan.document.issued
    found = []
    for line in sorted(snapshot.lines, key=lambda ln: order.get(ln.assignment.task_key, len(order))):
        view, evaluation = line.assignment, line.evaluation
        end = evaluation.effective_due or _plan_end(snapshot)
        start = (view.deadline.start if view.deadline and view.deadline.start else None) or issued
        start = min(start or end - DEFAULT_SPAN, end)
        label = f"{view.section} · {view.unit}"
        found.append(
            Bar(
                label=label,
                start=start,
                end=end,
                status=evaluation.status,
                tentative=bool(view.deadline and view.deadline.tentative),
            )
        )
    return found


def _plan_end(snapshot: PlanSnapshot) -> date:
    dues = [line.evaluation.effective_due for line in snapshot.lines if line.evaluation.effective_due]
    return max(dues, default=snapshot.as_of)


def render_svg(snapshot: PlanSnapshot) -> str:
    rows = bars(snapshot)
    first = min([b.start for b in rows] + [snapshot.as_of]) - timedelta(days=7)
    last = max([b.end for b in rows] + [snapshot.as_of]) + timedelta(days=7)
    scale = (WIDTH - LABEL_WIDTH - 20) / max(1, (last - first).days)

    def x(day: date) -> float:
        return LABEL_WIDTH + (day - first).days * scale

    height = TOP + ROW * len(rows) + 40
    title = escape(f"{snapshot.plan.document.number or snapshot.key} — đến ngày {snapshot.as_of:%d/%m/%Y}")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
        f'<text x="10" y="20" font-size="15" font-weight="bold">{title}</text>',
    ]
    parts += _months(first, last, x, height)
    for n, bar in enumerate(rows):
        y = TOP + n * ROW
        parts.append(f'<text x="10" y="{y + 14}">{escape(_short(bar.label))}</text>')
        dashed = ' stroke="#333" stroke-dasharray="4 2"' if bar.tentative else ""
        width = max(3.0, x(bar.end) - x(bar.start))
        parts.append(
            f'<rect x="{x(bar.start):.1f}" y="{y + 3}" width="{width:.1f}" height="{ROW - 7}" '
            f'rx="3" fill="{COLOURS[bar.status]}"{dashed}><title>{escape(bar.label)}: '
            f"{escape(bar.status.value)}, hạn {bar.end:%d/%m/%Y}</title></rect>"
        )
    today = x(snapshot.as_of)
    parts.append(
        f'<line x1="{today:.1f}" y1="{TOP - 8}" x2="{today:.1f}" y2="{height - 30}" '
        f'stroke="#000" stroke-width="1.5"/>'
    )
    parts += _legend(height - 14)
    parts.append("</svg>")
    return "\n".join(parts)


def _short(label: str, limit: int = 58) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _months(first: date, last: date, x: object, height: int) -> list[str]:
    marks = []
    day = date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            position = x(day)  # type: ignore[operator]
            marks.append(
                f'<line x1="{position:.1f}" y1="{TOP - 14}" x2="{position:.1f}" y2="{height - 30}" '
                'stroke="#e0e0e0"/>'
            )
            marks.append(f'<text x="{position + 2:.1f}" y="{TOP - 16}" fill="#666">{day:%m/%Y}</text>')
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return marks


def _legend(y: int) -> list[str]:
    items, x = [], 10
    for status, colour in COLOURS.items():
        items.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>')
        items.append(f'<text x="{x + 16}" y="{y}">{escape(status.value)}</text>')
        x += 24 + 7 * len(status.value)
    return items
