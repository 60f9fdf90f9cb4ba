"""From a document's text to its metadata, plan (tasks, assignments), events, targets and doubts."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from extraction.addressees import ADDRESSED, addressed_members
from extraction.assignments import read_tasks
from extraction.attached import issued_attachment
from extraction.deadlines import EventMatch, find_events
from extraction.document import DocumentInfo, read_metadata
from extraction.gap_tables import gap_tables_as_pipes
from extraction.indicators import Indicator, read_indicators
from extraction.normalize import normalize_document
from extraction.ocr import repair_ocr
from extraction.sections import parse_outline
from extraction.tables import find_task_tables, table_tasks
from extraction.tasks import FoundTask
from extraction.units import forget_recent
from models.documents import Document
from models.plan import Assignment, Plan, Role, Task, plan_key
from models.units import Unit
from services.collector import collector_paused

UNNAMED_UNIT = "(chưa xác định)"
REVIEW_BELOW = 0.8
_LEAD_IN_LINES = 6  # a wrapped lead-in sentence, at most
_ENDS = ("", ".", ";", ":")  # of a line that ends a paragraph (or is blank)
_CENTRAL = ("bộ ", "chính phủ", "quốc hội", "bộ chính trị", "ban bí thư", "trung ương", "thủ tướng")


@dataclass
class ReviewItem:
    """Something read with too little certainty to act on without a person's look."""

    section: str
    line: int
    text: str
    reason: str


@dataclass
class Extraction:
    document: Document
    plan: Plan
    tasks: list[FoundTask]
    events: list[EventMatch] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    info: DocumentInfo | None = None


def extract(source_text: str, *, source_name: str = "") -> Extraction:
    """Everything dondoc reads from one document's text (already read from its file)."""
    # Reading makes objects by the hundred thousand (tokens, matches, clauses), none in a cycle, each
    # burst setting off collections that walk every object of the process: a tenth of a long plan's time.
    with collector_paused():
        return _extract(source_text, source_name)


def _extract(source_text: str, source_name: str) -> Extraction:
    forget_recent()  # nothing read in one document is kept for the next
    text = repair_ocr(normalize_document(gap_tables_as_pipes(source_text)))
    lines = text.split("\n")
    info = read_metadata(lines)
    issued = info.document.issued
    tables = find_task_tables(lines)
    skip = frozenset(n for table in tables for n in range(table.first_line, table.last_line + 1))
    outline = parse_outline(lines, _lead_in_first(lines, info.body_first), info.body_last, skip=skip)
    addressed = bool(info.document.addressees)
    tasks = read_tasks(outline, year=info.plan_year, issued=issued, news=info.news, addressed=addressed)
    attached = issued_attachment(lines, info.body_last)
    if attached is not None:  # the plan a decision issues: its sections give out the work
        plan_outline = parse_outline(lines, *attached, skip=skip)
        tasks += read_tasks(plan_outline, year=info.plan_year, issued=issued, news=info.news)
    for table in tables:
        tasks += table_tasks(table, year=info.plan_year, issued=issued)
    plan = build_plan(info.document, tasks, hashlib.sha256(source_text.encode()).hexdigest())
    return Extraction(
        document=info.document,
        plan=plan,
        tasks=tasks,
        events=_distinct(find_events("\n".join(lines[: info.body_last]))),  # the title's anniversaries too
        indicators=read_indicators(outline),
        review=_review(tasks, source_name),
        info=info,
    )


def _lead_in_first(lines: list[str], body_first: int) -> int:
    """Where the body's reading starts: at the paragraph just before its first item when that paragraph
    introduces the items ("UBND tỉnh yêu cầu các đơn vị:"), else at the first item."""
    number = body_first - 1
    while number >= 1 and not lines[number - 1].strip():
        number -= 1
    # The addressees' line ends with a colon too; it introduces no items.
    if number < 1 or not lines[number - 1].rstrip().endswith(":") or ADDRESSED.match(lines[number - 1]):
        return body_first
    first = number
    while first > 1 and number - first < _LEAD_IN_LINES and lines[first - 2].strip()[-1:] not in _ENDS:
        first -= 1
    return first


def build_plan(document: Document, tasks: list[FoundTask], content_hash: str) -> Plan:
    plan_tasks: list[Task] = []
    assignments: list[Assignment] = []
    counters: dict[str, int] = {}
    units: dict[str, Unit] = {}
    external = _external_test(document)
    for found in tasks:
        section = found.section or "T"
        counters[section] = counters.get(section, 0) + 1
        task_id = f"{section}-{counters[section]}"
        plan_tasks.append(
            Task(
                id=task_id,
                section=found.section,
                title=_title(found.text),
                text=found.text,
                # Validated inside the task's validation, without a model built on its own first.
                span={"first_line": found.first_line, "last_line": found.last_line},
                deadline=found.deadline,
            )
        )
        roles = [(u, Role.lead) for u in found.leads] + [
            (u, Role.participant) for u in found.participants if u not in found.leads
        ]
        if not roles:
            roles = [(document.issuer or UNNAMED_UNIT, Role.lead)]
        seen: set[tuple[str, Role]] = set()
        for unit, role in roles:
            if (unit, role) in seen:
                continue
            seen.add((unit, role))
            assignments.append(Assignment(task=task_id, unit=unit, role=role, deadline=found.deadline))
            if unit not in units:  # a plan names the same few units again and again: each made once
                group = unit in found.groups
                # "các đơn vị" of a letter are the units it is addressed to: each gets the work.
                members = addressed_members(unit, document.addressees) if group else ()
                units[unit] = Unit(name=unit, group=group, members=members, external=external(unit))
    return Plan(
        key=plan_key(document, content_hash),
        document=document,
        title=document.title or "",
        tasks=tuple(plan_tasks),
        assignments=tuple(assignments),
        units=tuple(units.values()),
    )


def _distinct(events: list[EventMatch]) -> list[EventMatch]:
    seen: set[str] = set()
    return [e for e in events if not (e.text in seen or seen.add(e.text))]  # type: ignore[func-returns-value]


def _title(text: str) -> str:
    words = text.split(None, 24)  # the first 24 words, and a 25th piece when there are more
    return " ".join(words[:24]) + (" …" if len(words) > 24 else "") if words else "(không tên)"


def _external_test(document: Document) -> Callable[[str], bool]:
    """Whether a unit is a central body named in a local plan (recorded, never escalated to)."""
    issuer = (document.issuer or "").lower()
    central_issuer = any(word in issuer for word in ("trung ương", "chính phủ", "bộ chính trị", "quốc hội"))
    return lambda unit: not central_issuer and unit.lower().startswith(_CENTRAL)


def _review(tasks: list[FoundTask], source_name: str) -> list[ReviewItem]:
    items: list[ReviewItem] = []
    for task in tasks:
        reason = ""
        if not task.units:
            reason = "no unit named: who is to do it?"
        elif task.deadline is not None and (
            task.deadline.confidence < REVIEW_BELOW or task.deadline.tentative
        ):
            reason = f"uncertain deadline {task.deadline.text!r}"
        elif task.confidence < REVIEW_BELOW:
            reason = "units or deadline inherited from a table cell above or a section heading"
        if reason:
            items.append(ReviewItem(task.section, task.first_line, task.text[:160], reason))
    return items
