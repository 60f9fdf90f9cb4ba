"""Lead-ins: a paragraph ending in ":" that names who does the items (or table) below it."""

from __future__ import annotations

import re

from extraction.addressees import ADDRESSEES
from extraction.clauses import Clause, read_clause, sentences
from extraction.deadlines import DeadlineMatch, find_deadlines
from extraction.reading import Reading
from extraction.sections import Paragraph

# A lead-in whose asking verb names nobody after it ("Thủ tướng Chính phủ yêu cầu:", "UBND tỉnh đề nghị:").
_ASKS_ADDRESSEES = re.compile(r"\b(?:yêu cầu|đề nghị)\s*:\s*$", re.IGNORECASE)
# The last ask of a lead-in, with whom it asks: "... yêu cầu:", "... đề nghị các cơ quan, đơn vị:".
_LAST_ASK = re.compile(r"\b(?:yêu cầu|đề nghị)\b(?!.*\b(?:yêu cầu|đề nghị)\b)[^:]*:\s*$", re.IGNORECASE)


def lead_in(reading: Reading, paragraph: Paragraph, text: str) -> bool:
    """ "X thực hiện các nhiệm vụ sau:" names who does the items (or table) that follow; no task itself."""
    if not text.rstrip().endswith(":"):
        return False
    timed = find_deadlines(text, year=reading.year)
    if timed and not _times_the_request(text, timed):
        return False
    pieces = sentences(text)
    clause = read_clause(pieces[0][1], persons=True, news=reading.news)
    if not clause.units and len(pieces) > 1:
        # "Tình hình còn phức tạp. UBND tỉnh yêu cầu các đơn vị:": the ask closing the paragraph names
        # whom it asks; "... Chủ tịch UBND tỉnh yêu cầu:" names only the asker, who does none of the items.
        last = read_clause(pieces[-1][1], persons=True, news=reading.news)
        clause = last if last.addressed else clause
    if timed and clause.task.strip(" :"):
        return False  # "X yêu cầu các đơn vị trong tháng 12 triển khai ...:" is work with its own time
    if not clause.units and reading.addressed and paragraph.kind == "plain" and _ASKS_ADDRESSEES.search(text):
        # "THỦ TƯỚNG CHÍNH PHỦ điện: - X; - Y. ... Thủ tướng Chính phủ yêu cầu:": it asks whom it wires.
        clause = Clause(text, units=[ADDRESSEES], groups=[True], addressed=True)
    if not clause.units:
        return False
    if paragraph.numbered or (paragraph.kind == "plain" and clause.addressed):
        # A plain "UBND tỉnh yêu cầu các đơn vị:" addresses the numbered items below it as a heading would.
        reading.heading_units[paragraph.section] = clause
    else:
        reading.bullets.append((paragraph.depth, clause))
    return True


def _times_the_request(text: str, timed: list[DeadlineMatch]) -> bool:
    """Whether every time in a lead-in comes before its closing ask ("Để ... trong dịp cuối năm, X yêu
    cầu:"): it tells the period of the whole request, not a task's deadline. The lead-in gives no time to
    the items below: a plain paragraph opens no section whose deadline they could take."""
    ask = _LAST_ASK.search(text)
    return ask is not None and all(m.start < ask.start() for m in timed)
