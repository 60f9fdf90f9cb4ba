"""Labelled lines that complete the task above them: "Thời gian:", "Cơ quan chủ trì:", "Đơn vị phối hợp:"."""

from __future__ import annotations

import itertools
import re

from extraction.clauses import Clause
from extraction.reading import TIME_LABEL, Reading, deadline_of, new_task
from extraction.sections import Paragraph
from extraction.tasks import FoundTask
from extraction.units import read_units
from models.deadlines import Deadline

# "Đơn vị thực hiện:" names who does the item, as "Cơ quan chủ trì:" does ("thực hiện" alone needs the noun).
_LEAD_LABEL = re.compile(
    r"^(?:(?:(?:Cơ quan|Đơn vị)\s+)?chủ trì(?:\s+thực hiện)?|(?:Cơ quan|Đơn vị)\s+thực hiện(?:\s+chính)?)"
    r"\s*:\s*(?P<v>.+)$",
    re.IGNORECASE,
)
_PARTNER_LABEL = re.compile(
    r"^(?:(?:Cơ quan|Đơn vị)\s+)?(?:phối hợp|tham gia)(?:\s+thực hiện)?\s*:\s*(?P<v>.+)$", re.IGNORECASE
)


def labelled(reading: Reading, paragraph: Paragraph) -> bool:
    """Lines "Thời gian: ...", "Cơ quan chủ trì: ...", "Đơn vị phối hợp: ..." complete the task above;
    so do such labels run together on one line ("Đơn vị thực hiện: X; Đơn vị phối hợp: Y; Thời gian: Z")."""
    parts = [p.strip() for p in paragraph.text.split(";")]
    if len(parts) > 1 and all(_is_label(p) for p in parts if p):
        return all([_labelled_part(reading, paragraph, p) for p in parts if p])
    return _labelled_part(reading, paragraph, paragraph.text)


def inline_labels(reading: Reading, paragraph: Paragraph, pieces: list[tuple[int, str]]) -> bool:
    """ "Rà soát thủ tục hành chính. Đơn vị chủ trì: X; đơn vị phối hợp: Y. Thời gian: Z.": a paragraph whose
    first sentence is the task and every later one a label makes one task of the labels' units and time."""
    labels = [p.strip(" .;") for _, piece in pieces[1:] for p in piece.split(";") if p.strip(" .;")]
    if not labels or _is_label(pieces[0][1].strip()) or not all(_is_label(p) for p in labels):
        return False
    if not any(_LEAD_LABEL.match(p) for p in labels):
        return False
    task = new_task(reading, paragraph, pieces[0][1], Clause(pieces[0][1]))
    task.source, task.named, task.confidence = "label", True, 1.0
    for text in labels:
        time, lead = TIME_LABEL.match(text), _LEAD_LABEL.match(text)
        if time:
            task.deadline = task.deadline or deadline_of(reading, text)
            continue
        units = read_units((lead or _PARTNER_LABEL.match(text)).group("v"), persons=True)  # type: ignore[union-attr]
        if units is not None:
            (task.leads if lead else task.participants).extend(units.names)
            task.groups.update(n for n, g in zip(units.names, units.groups, strict=True) if g)
    return True


def _is_label(text: str) -> bool:
    return any(label.match(text) for label in (TIME_LABEL, _LEAD_LABEL, _PARTNER_LABEL))


def _labelled_part(reading: Reading, paragraph: Paragraph, text: str) -> bool:
    time, lead, partner = TIME_LABEL.match(text), _LEAD_LABEL.match(text), _PARTNER_LABEL.match(text)
    if not (time or lead or partner):
        return False
    last = (
        reading.tasks[-1] if reading.tasks and reading.tasks[-1].section_path == paragraph.section else None
    )
    if time:
        deadline = deadline_of(reading, text)
        if last is not None and last.deadline is None:
            last.deadline, last.last_line = deadline, paragraph.last_line
            _time_of_bullets_above(reading, paragraph, deadline)
        elif deadline is not None and last is None:
            reading.section_deadlines[paragraph.section] = deadline
        return True
    units = read_units((lead or partner).group("v"), persons=True)  # type: ignore[union-attr]
    if units is None:
        return True
    item = reading.item if reading.item and reading.item.section == paragraph.section else None
    if last is None or _starts_label_task(last, item, lead=bool(lead)):
        title = _label_title(reading, item or paragraph)
        last = new_task(reading, item or paragraph, title, Clause(text))
        last.source, last.named = "label", item is not None
        last.last_line = paragraph.last_line
    (last.leads if lead else last.participants).extend(units.names)
    last.groups.update(n for n, g in zip(units.names, units.groups, strict=True) if g)
    return True


def _time_of_bullets_above(reading: Reading, paragraph: Paragraph, deadline: Deadline | None) -> None:
    """ "- Thời gian: ..." after the bullets of a section is their time too, not only the last one's; a
    time that completes a task of labelled lines ("- Đơn vị thực hiện: ...") is that task's alone."""
    if deadline is None or paragraph.kind != "bullet" or reading.tasks[-1].source == "label":
        return
    for task in itertools.islice(reversed(reading.tasks), 1, None):  # no copy of a long plan's tasks
        if task.section_path != paragraph.section or task.deadline is not None or task.source != "text":
            return
        task.deadline = deadline


def _starts_label_task(last: FoundTask, item: Paragraph | None, *, lead: bool) -> bool:
    """Whether a "Cơ quan chủ trì/phối hợp:" line begins a task of its own rather than completing `last`:
    a second lead, or a new item ("b) ...") since `last` began, makes a new task."""
    if last.source != "label" or (lead and last.leads):
        return True
    return item is not None and item.first_line > last.first_line


def _label_title(reading: Reading, paragraph: Paragraph) -> str:
    """The title of the task that labelled lines complete: their item's text, else their section's title."""
    if paragraph is reading.item or reading.outline is None:
        return paragraph.text
    return reading.outline.titles.get(paragraph.section, paragraph.text)
