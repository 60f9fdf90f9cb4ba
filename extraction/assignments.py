"""Who does what by when: tasks and their units read from a plan's numbered paragraphs.

A unit comes from the sentence itself ("X chủ trì ...", "Đề nghị X ...", "Giao X ..."), else from the
list item that introduces it ("- X:" above "+ ..." items), else from the heading of its section
("1.2.1. Ban Tuyên giáo Thành ủy"). A numbered "Thời gian thực hiện: ..." line gives its parent
section's tasks their deadline when they state none. Sections telling of results, purposes or targets
assign nothing. Text after the signature (an outline, a study guide) is not read here.
"""

from __future__ import annotations

import itertools
import re

from extraction import lexicon as lx
from extraction.accounts import tells_of_the_past
from extraction.clauses import (
    DIRECTIVE,
    Clause,
    clause_without_units,
    read_clause,
    sentences,
    with_directed,
)
from extraction.deadlines import find_deadlines
from extraction.labels import inline_labels, labelled
from extraction.lead_ins import lead_in
from extraction.parentheses import parenthesised_units
from extraction.reading import TIME_LABEL, Reading, deadline_of, new_task
from extraction.sections import Outline, Paragraph
from extraction.tasks import FoundTask, finish
from extraction.tokens import CAPITAL
from extraction.units import read_units, regarding, unit_heading
from models.deadlines import Deadline

_LABEL = re.compile(rf"^(?P<label>{CAPITAL}[^:]{{1,40}}?)\s*:\s*(?P<rest>.*)$")
_TITLE_PARTS = re.compile(r",|;|\bvà\b")
# A sentence whose units only join the task before it: "Y phối hợp thực hiện.", "Y tham gia."
_JOINING_ONLY = re.compile(r"^(?:phối hợp|tham gia)(?:\s+thực hiện)?[\s.;,]*$", re.IGNORECASE)
_CUT = re.compile(r";\s+|\.\s+|,\s+(?=đồng thời\b)")


def read_tasks(
    outline: Outline, *, year: int | None, issued: object = None, news: bool = False, addressed: bool = False
) -> list[FoundTask]:
    """`addressed`: the document names its addressees, whom a bare "X yêu cầu:" gives the items below to."""
    reading = Reading(year, issued, news, outline=outline, addressed=addressed)
    verdicts: dict[tuple[str, ...], bool | None] = {}  # by section: sections share their parents' titles
    works: dict[tuple[str, ...], bool] = {}  # by section: each of its paragraphs asks
    for paragraph in outline.paragraphs:
        section = paragraph.section
        if section not in works:
            works[section] = _assigns_work(outline, section, verdicts)
        if works[section]:
            _read_paragraph(reading, paragraph)
    return finish(reading.tasks, reading.section_deadlines)


def assigns_work(outline: Outline, section: tuple[str, ...]) -> bool:
    """False in sections about results, purposes, themes or targets (by their titles, innermost first)."""
    for title in outline.title_chain(section):
        verdict = _title_verdict(title)
        if verdict is not None:
            return verdict
    return True


def _assigns_work(
    outline: Outline, section: tuple[str, ...], verdicts: dict[tuple[str, ...], bool | None]
) -> bool:
    """`assigns_work`, each title's verdict worked out once (`verdicts`, by section) for the outline."""
    for n in range(len(section), 0, -1):
        titled = section[:n]
        if titled not in verdicts:
            title = outline.titles.get(titled)
            verdicts[titled] = None if title is None else _title_verdict(title)
        if verdicts[titled] is not None:
            return bool(verdicts[titled])
    return True


def _title_verdict(title: str) -> bool | None:
    """True for a title of tasks, False for one of results, purposes or targets, None for neither."""
    parts = [p.strip().lower() for p in _TITLE_PARTS.split(title) if p.strip()]
    if any(p.startswith(lx.TASK_TITLES) for p in parts):
        return True
    if parts and parts[0].startswith(lx.NARRATIVE_TITLES):
        return False
    return None


def _read_paragraph(reading: Reading, paragraph: Paragraph) -> None:
    text = paragraph.text
    if reading.bullets:
        reading.bullets = [
            (d, c) for d, c in reading.bullets if paragraph.kind == "bullet" and d < paragraph.depth
        ]
    if paragraph.numbered:
        reading.bullets, reading.item = [], None
        time = TIME_LABEL.match(text)
        if time:
            deadline = deadline_of(reading, text)
            if deadline is not None:
                reading.section_deadlines[paragraph.section[:-1]] = deadline
            return
        heading = unit_heading(text)
        if heading is not None:
            reading.heading_units[paragraph.section] = Clause(text, heading.names, heading.groups)
            return
        content = _after_label(text)
        if content is None:
            return
        text = content
    elif labelled(reading, paragraph):
        return
    else:
        reading.item = None
        heading = unit_heading(text)
        if heading is not None:
            reading.bullets.append((paragraph.depth, Clause(text, heading.names, heading.groups)))
            return
    before = len(reading.tasks)
    _read_content(reading, paragraph, text)
    if paragraph.period:  # the work under "Tháng 3:" is due in that month unless it says otherwise
        for task in reading.tasks[before:]:
            task.deadline = task.deadline or deadline_of(reading, paragraph.period)
    if paragraph.kind in ("letter", "paren") and len(reading.tasks) == before:
        reading.item = paragraph


def _after_label(text: str) -> str | None:
    """The content of "Phân công thực hiện: Giao ..."; None for a bare title."""
    m = _LABEL.match(text)
    if m and ". " in m.group("label"):
        return text  # "Số hóa hồ sơ. Cơ quan chủ trì: X": a sentence, then a label of its own
    if m and read_units(m.group("label"), regarding(m.group("label")), persons=True) is None:
        return m.group("rest") or None
    return text


def _read_content(reading: Reading, paragraph: Paragraph, text: str) -> None:
    context = reading.bullets[-1][1] if reading.bullets else _heading_context(reading, paragraph.section)
    if lead_in(reading, paragraph, text):
        return
    pieces = sentences(text)
    if ":" in text and len(pieces) > 1 and inline_labels(reading, paragraph, pieces):
        return
    bracketed = _bracketed(reading, paragraph, text, pieces)
    if bracketed is True:
        return
    current: Clause | None = None
    clauses: list[Clause] = []
    for index, (_, sentence) in enumerate(pieces):
        # The first sentence's clause, when read for the bracket, is the one read here.
        first = bracketed if index == 0 and isinstance(bracketed, Clause) else None
        clause = first or read_clause(sentence, persons=index == 0, news=reading.news)
        if clause.narrative:
            current = None
            continue
        if _leads_a_body(clause, context):
            clause = Clause(sentence)  # "Lãnh đạo UBND tỉnh xây dựng ..." under a party body: its work
        if not clause.units:
            clause = clause_without_units(sentence)
            if current is not None and clause.same_roles(current) and not clause.directed:
                current.text += " " + sentence
                current.participants.extend(p for p in clause.participants if p not in current.participants)
                continue
            base = current or context
            if base is not None:
                clause.units, clause.groups = list(base.units), list(base.groups)
                clause.inherited = True
        elif current is not None and not current.inherited and _only_joins(clause):
            # "X làm A; Y phối hợp thực hiện.": Y takes part in X's task, which it names no other of.
            current.text += " " + sentence
            current.participants.extend(u for u in clause.units if u not in current.participants)
            continue
        elif paragraph.numbered:
            reading.heading_units.setdefault(paragraph.section, clause)
        clause = with_directed(clause)
        clauses.append(clause)
        current = clause
    for clause in clauses:
        _emit(reading, paragraph, clause)


def _leads_a_body(clause: Clause, context: Clause | None) -> bool:
    """Whether a sentence opening "Lãnh đạo X ..." under a party committee's heading tells what the
    committee does to X (a party body leads its state body: "Đảng đoàn HĐND tỉnh: Lãnh đạo HĐND tỉnh ban
    hành ..."), rather than naming X's leaders as the unit."""
    if context is None or not context.units or len(clause.units) != 1:
        return False
    if not clause.units[0].lower().startswith("lãnh đạo "):
        return False
    return all(_PARTY_COMMITTEE.match(unit.lower()) for unit in context.units)


_PARTY_COMMITTEE = re.compile(r"^(?:các\s+)?(?:" + "|".join(lx.PARTY_COMMITTEES) + r")\b")


def _only_joins(clause: Clause) -> bool:
    return clause.role == "participant" and bool(_JOINING_ONLY.match(clause.task))


def _bracketed(
    reading: Reading, paragraph: Paragraph, text: str, pieces: list[tuple[int, str]]
) -> Clause | bool:
    """True when a closing bracket names who does the paragraph and its first sentence names nobody (the
    tasks are emitted); else the first sentence's clause if it was read to tell, or False."""
    bracket = parenthesised_units(text, year=reading.year)
    if bracket is None:
        return False
    first = read_clause(pieces[0][1], persons=True, news=reading.news)
    if first.units:
        return first
    before = len(reading.tasks)
    _emit(reading, paragraph, bracket.clause)
    for task in reading.tasks[before:]:
        task.deadline = task.deadline or bracket.deadline
    return True


def _heading_context(reading: Reading, section: tuple[str, ...]) -> Clause | None:
    for n in range(len(section), -1, -1):
        if section[:n] in reading.heading_units:
            return reading.heading_units[section[:n]]
    return None


def _emit(reading: Reading, paragraph: Paragraph, clause: Clause) -> None:
    if not clause.units and paragraph.numbered:
        return  # a numbered title naming nobody gives no task, whatever its deadline: none looked for
    matches = find_deadlines(clause.text, year=reading.year, issued=reading.issued)  # type: ignore[arg-type]
    if not clause.units:
        matches = [m for m in matches if _directive_enough(reading, clause.text, m.start)]
        if not matches:
            return
    if len(matches) <= 1:
        task = new_task(reading, paragraph, clause.text, clause)
        task.deadline = matches[0].deadline if matches else None
        return
    undated: list[str] = []
    for piece, deadline in _pieces(clause.text, matches):
        if deadline is None:
            undated.append(piece)
        else:
            new_task(reading, paragraph, piece, clause).deadline = deadline
    if clause.units and " ".join(undated).strip(" ,;."):
        new_task(reading, paragraph, " ".join(undated), clause)


def _directive_enough(reading: Reading, text: str, start: int) -> bool:
    """A deadline nobody is named for counts only in a directive, never in an account of the past."""
    clause = re.split(r"[.;]\s+", text[:start])[-1]
    if tells_of_the_past(clause, before_deadline=True):
        return False
    return not reading.news or bool(DIRECTIVE.search(text[:start]))


def _pieces(text: str, matches: list) -> list[tuple[str, Deadline | None]]:  # type: ignore[type-arg]
    """The text cut so that each piece holds at most one deadline."""
    cuts = [0] + [m.end() for m in _CUT.finditer(text)] + [len(text)]
    pieces: list[tuple[str, Deadline | None]] = []
    for a, b in itertools.pairwise(cuts):
        inside = [m for m in matches if a <= m.start < b]
        bounds = [a] + [m.end for m in inside[:-1]] + [b]
        for (x, y), m in zip(itertools.pairwise(bounds), inside or [None], strict=False):
            pieces.append((text[x:y].strip(" ,;."), m.deadline if m else None))
    return [(p, d) for p, d in pieces if p]
