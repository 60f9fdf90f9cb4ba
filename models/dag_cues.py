"""Edges read from a plan's text: dependency cues, reporting chains, one task named in two sections."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from models.dag import Edge, EdgeKind
from models.plan import Plan, Role, Task
from models.similarity import coverage, dice, rarity, syllables
from models.text import name_key, normalize_text

# "trên cơ sở <what>", "sau khi <what>": this task waits for the one that does <what>.
_AFTER = re.compile(
    r"\b(?P<cue>trên cơ sở|dựa trên|căn cứ vào|căn cứ|từ kết quả|sau khi)\s+(?P<what>[^.;:()\n]{4,160})",
    re.IGNORECASE,
)
# "phục vụ <what>", "chuẩn bị cho <what>": the task that does <what> waits for this one.
_FOR = re.compile(
    r"\b(?P<cue>để phục vụ|phục vụ cho|phục vụ|chuẩn bị cho)\s+(?P<what>[^.;:()\n]{4,160})", re.IGNORECASE
)
# "(qua Ban Tuyên giáo Thành ủy)": the unit that collects the reports; "gửi X" when no "qua".
_VIA = re.compile(r"\(\s*qua\s+(?P<unit>[^()]{3,160})\)", re.IGNORECASE)
_TO = re.compile(r"\b(?:gửi|về)\s+(?P<unit>[^,.;()\n]{3,160})", re.IGNORECASE)
_REPORT = re.compile(r"\bbáo cáo\b", re.IGNORECASE)
_SUMMARY = re.compile(r"\btổng hợp\b", re.IGNORECASE)

CUE_COVERAGE = 0.4  # share of the cue's (rarity-weighted) syllable pairs a task's title must cover
SAME_TASK_DICE = 0.6  # two titles this alike in different sections name one piece of work
MIN_SHARED = 2
SAME_TASK_SHARED = 3


def derived_edges(plan: Plan) -> list[Edge]:
    # Pairs that many titles share ("báo cáo", "năm 2026") say little about which task is meant.
    weights = rarity(task.title for task in plan.tasks)
    return [*cue_edges(plan, weights), *reporting_edges(plan), *same_task_edges(plan)]


def _words(task: Task) -> str:
    return f"{task.title}. {task.text}" if task.text else task.title


def cue_edges(plan: Plan, weights: Mapping[str, float]) -> list[Edge]:
    edges: list[Edge] = []
    for task in plan.tasks:
        text = normalize_text(_words(task))
        for pattern, waits in ((_AFTER, True), (_FOR, False)):
            for match in pattern.finditer(text):
                other = _best_match(plan, task, match.group("what"), weights)
                if other is None:
                    continue
                source, target = (other.id, task.id) if waits else (task.id, other.id)
                edges.append(
                    Edge(
                        source=source,
                        target=target,
                        kind=EdgeKind.text_cue,
                        reason=f"{match.group('cue')} {match.group('what').strip()}",
                    )
                )
    return edges


def _best_match(plan: Plan, task: Task, phrase: str, weights: Mapping[str, float]) -> Task | None:
    best: tuple[float, Task] | None = None
    for other in plan.tasks:
        if other.id == task.id:
            continue
        score, shared = coverage(phrase, other.title, weights)
        if shared >= MIN_SHARED and score >= CUE_COVERAGE and (best is None or score > best[0]):
            best = (score, other)
    return best[1] if best else None


def reporting_edges(plan: Plan) -> list[Edge]:
    """A task that reports "(qua X)" (or "gửi X") feeds X's summary task ("tổng hợp ...")."""
    edges: list[Edge] = []
    for task in plan.tasks:
        text = normalize_text(_words(task))
        if not _REPORT.search(text):
            continue
        for pattern in (_VIA, _TO):
            collector = next((u for m in pattern.finditer(text) if (u := _named_unit(plan, m["unit"]))), None)
            summary = _summary_task(plan, task, collector) if collector else None
            if summary is not None:
                edges.append(
                    Edge(
                        source=task.id,
                        target=summary.id,
                        kind=EdgeKind.reporting,
                        reason=f"báo cáo qua {collector}",
                    )
                )
                break
    return edges


def _named_unit(plan: Plan, phrase: str) -> str | None:
    """The plan's unit that `phrase` begins with (the longest such name)."""
    wanted = " ".join(syllables(phrase))
    names = {a.unit for a in plan.assignments}
    found = [n for n in names if wanted.startswith(" ".join(syllables(n)))]
    return max(found, key=len) if found else None


def _summary_task(plan: Plan, task: Task, unit: str) -> Task | None:
    """The task `unit` leads that collects reports: the first one due on or after `task`."""
    own_due = _due(plan, task)
    candidates = [
        other
        for other in plan.tasks
        if other.id != task.id
        and _SUMMARY.search(normalize_text(_words(other)))
        and any(a.unit == unit and a.role is Role.lead for a in plan.assignments_of(other.id))
    ]
    later = [c for c in candidates if own_due is None or (_due(plan, c) or date.max) >= own_due]
    return min(later, key=lambda c: _due(plan, c) or date.max, default=None)


def _due(plan: Plan, task: Task) -> date | None:
    if task.deadline and task.deadline.effective_due:
        return task.deadline.effective_due
    dues = [a.deadline.effective_due for a in plan.assignments_of(task.id) if a.deadline]
    return max((d for d in dues if d), default=None)


def same_task_edges(plan: Plan) -> list[Edge]:
    """A later section that names an earlier section's work again ("phối hợp ... Hội nghị ...") joins
    that task: the earlier task waits for the help given under the later one. Titles are compared
    without their unit names and role words, which say who, not what."""
    work = {task.id: _work_words(plan, task) for task in plan.tasks}
    edges: list[Edge] = []
    for index, later in enumerate(plan.tasks):
        for earlier in plan.tasks[:index]:
            if name_key(earlier.section) == name_key(later.section):
                continue
            score, shared = dice(work[earlier.id], work[later.id])
            if shared >= SAME_TASK_SHARED and score >= SAME_TASK_DICE:
                edges.append(
                    Edge(
                        source=later.id,
                        target=earlier.id,
                        kind=EdgeKind.same_task,
                        reason=f"cùng nhiệm vụ với mục {earlier.section or earlier.id}",
                    )
                )
                break
    return edges


_ROLE_WORDS = re.compile(r"\b(?:giao|chủ trì|phối hợp(?: với)?|tham gia|đề nghị|có trách nhiệm|tham mưu)\b")


def _work_words(plan: Plan, task: Task) -> str:
    text = name_key(task.title)
    for unit in sorted({a.unit for a in plan.assignments}, key=len, reverse=True):
        text = text.replace(name_key(unit), " ")
    return _ROLE_WORDS.sub(" ", text)
