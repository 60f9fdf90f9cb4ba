"""What the walk over a plan's paragraphs keeps, and the tasks and deadlines it adds as it reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extraction.clauses import Clause
from extraction.deadlines import find_deadlines, parse_deadline
from extraction.sections import Outline, Paragraph, section_label
from extraction.tasks import FoundTask
from models.deadlines import Deadline
from models.errors import DeadlineParseError

TIME_LABEL = re.compile(
    r"^(?:Thời gian|Thời hạn|Tiến độ)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*(?P<v>.+)$", re.IGNORECASE
)


@dataclass
class Reading:
    """What the walk keeps between paragraphs."""

    year: int | None
    issued: object
    news: bool
    heading_units: dict[tuple[str, ...], Clause] = field(default_factory=dict)
    section_deadlines: dict[tuple[str, ...], Deadline] = field(default_factory=dict)
    bullets: list[tuple[int, Clause]] = field(default_factory=list)
    tasks: list[FoundTask] = field(default_factory=list)
    outline: Outline | None = None
    item: Paragraph | None = None  # the last item ("a) ...") that assigned nothing: a title for labels below
    addressed: bool = False  # the document names its addressees ("Kính gửi", "X điện:")


def new_task(reading: Reading, paragraph: Paragraph, text: str, clause: Clause) -> FoundTask:
    leads = list(clause.units) if clause.role == "lead" else []
    participants = [u for u in clause.participants if u not in leads]
    if clause.role == "participant":
        participants = list(clause.units) + [u for u in participants if u not in clause.units]
    task = FoundTask(
        section=section_label(paragraph.section),
        text=text.strip(),
        first_line=paragraph.first_line,
        last_line=paragraph.last_line,
        leads=leads,
        participants=participants,
        groups={n for n, g in zip(clause.units, clause.groups, strict=False) if g},
        coordinating=clause.coordinating,
        helped=list(clause.helped),
        section_path=paragraph.section,
        confidence=1.0 if clause.units else 0.5,
        named=bool(clause.units) and not clause.inherited,
    )
    reading.tasks.append(task)
    return task


def deadline_of(reading: Reading, text: str) -> Deadline | None:
    found = find_deadlines(text, year=reading.year, issued=reading.issued)  # type: ignore[arg-type]
    if found:
        return found[0].deadline
    value = TIME_LABEL.match(text)
    try:
        return parse_deadline(value.group("v"), year=reading.year) if value else None
    except DeadlineParseError:
        return None
