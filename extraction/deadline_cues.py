"""Whether a phrase of deadline form is a deadline where it stands: the cue words on its left ("Hoàn thành",
"Dự kiến", "Thời gian thực hiện:"), its place in its clause, sentence or table cell, a title around it.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, ValidationError

from extraction import deadline_patterns as p
from extraction.deadline_readings import Found, Strength, prefix_words
from models.deadlines import Deadline

_LEFT = 48  # enough text on the left for a clause's start or a title's words
_CUE_LEFT = 160  # enough for "Thời gian thực hiện: Hoàn thành việc xây dựng kế hoạch"


class DeadlineMatch(BaseModel):
    """A deadline phrase found in a text: text[start:end] == deadline.text."""

    model_config = ConfigDict(frozen=True)

    deadline: Deadline
    start: int
    end: int
    # Introduced by a word that marks a deadline ("Hoàn thành", "Thời gian:", "Dự kiến", "trước", ...).
    cued: bool = True


def accepted(text: str, lower: str, item: Found, *, whole: bool = False) -> DeadlineMatch | None:
    """The phrase as a deadline if it is one where it stands, with its text from its cue word on."""
    reading = item.reading
    cue = _Cue.read(lower, item.start, bare=reading.strength is Strength.bare)
    end = item.end
    after = p.TENTATIVE_AFTER_RE.match(lower, end)
    if after is not None:
        end = after.end()
    placed = cue.found or _placed(lower, item) or _batch_time(lower, item.start, end)
    if not whole and (reading.title_sensitive or not placed):  # else alone or not, it is a deadline
        whole = _alone(lower, cue.start, end)
    if reading.title_sensitive and not whole and _in_title(lower, item):
        return None
    if not (whole or placed):
        return None
    try:
        deadline = Deadline(
            text=text[cue.start:end], kind=reading.kind, start=reading.start, due=reading.due,
            tentative=cue.tentative or after is not None, confidence=reading.confidence,
            recurrence=reading.recurrence, working_days=reading.working_days,
        )
    except ValidationError:
        return None
    return DeadlineMatch(deadline=deadline, start=cue.start, end=end,
                         cued=cue.found or reading.strength is Strength.strong)


_VERB_WORDS = ("hoàn", "xong", "kết thúc")


class _Cue:
    """The words on the left that mark a deadline, and where the phrase's text starts."""

    def __init__(self, start: int, found: bool, tentative: bool) -> None:
        self.start, self.found, self.tentative = start, found, tentative

    @classmethod
    def read(cls, text: str, start: int, *, bare: bool) -> _Cue:
        offset = max(0, start - _CUE_LEFT)
        left = text[offset:start]
        # The substring tests are cheap and spare most searches: few places have any cue word.
        tentative = p.TENTATIVE_RE.search(left) if "dự kiến" in left else None
        verbs = p.VERB_ADJACENT_RE if bare else p.VERB_RE
        verb = verbs.search(left) if any(map(left.__contains__, _VERB_WORDS)) else None
        label = p.LABEL_RE.search(left) if ":" in left else None
        if label is not None and verb is not None and verb.start() >= label.start():
            verb = None  # "Thời gian hoàn thành:" is a label, not the verb "hoàn thành"
        opener = tentative or verb
        if opener is not None and opener is verb and _inside_clause(text, offset, verb):
            return cls(start, True, False)
        if opener is not None:
            return cls(offset + opener.start(), True, tentative is not None)
        if label is None:
            return cls(start, False, False)
        qualifier = prefix_words(label.group("qualifier") or "")
        kept = qualifier in ("thực hiện", "hoàn thành", "dự kiến")
        return cls(offset + label.start() if kept else start, True, qualifier == "dự kiến")


def _inside_clause(text: str, offset: int, verb: re.Match[str]) -> bool:
    """ "Phòng X hoàn thành số hóa hồ sơ chậm nhất ngày 31/10/2025": a verb after its subject, with the task's
    words between it and the phrase, cues the phrase but is no part of it (one opening its clause is:
    "Hoàn thành việc xây dựng kế hoạch trong quý I")."""
    if not verb.group(0)[verb.end("verb") - verb.start():].strip():
        return False  # "hoàn thành trước ngày 30/4": the verb stands right before the phrase
    at = offset + verb.start()
    return not p.CLAUSE_START_RE.search(text, max(0, at - _LEFT), at)


def _placed(text: str, item: Found) -> bool:
    """A positional phrase at the start of a clause or the end of a sentence."""
    if item.reading.strength is Strength.strong:
        return True
    if item.reading.strength is Strength.bare:
        return False
    left = text[max(0, item.start - _LEFT):item.start]
    if item.reading.title_sensitive:
        return bool(p.CLAUSE_START_RE.search(left) or p.TARGET_WORDS_RE.search(left))
    return bool(p.CLAUSE_START_RE.search(left) or p.SENTENCE_END_RE.match(text, item.end))


_BATCH_WORDS = ("đợt", "lần", "đoạn", "bước", "phần")


def _batch_time(text: str, start: int, end: int) -> bool:
    """ "Đợt 1: tháng 4/2024; đợt 2: tháng 10/2024": a period right after a batch's number, ending its
    clause."""
    left = text[max(0, start - _LEFT):start]
    if not any(map(left.__contains__, _BATCH_WORDS)):
        return False  # most places: no batch word to look for
    return bool(p.BATCH_LEFT_RE.search(left) and p.BATCH_END_RE.match(text, end))


def _in_title(text: str, item: Found) -> bool:
    left = text[max(0, item.start - _LEFT):item.start]
    return bool(p.TITLE_BEFORE_RE.search(left) or p.TITLE_AFTER_RE.match(text, item.end))


_FILLER = re.compile(r"[\W_]*", re.UNICODE)


def _alone(text: str, start: int, end: int) -> bool:
    """Nothing but punctuation around the phrase in its text or its table cell ("| Quý IV/2026 |")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    cell_start = max(text.rfind("|", line_start, start) + 1, line_start)
    cell_end = text.find("|", end, line_end)
    cell_end = line_end if cell_end < 0 else cell_end
    if cell_start > line_start or cell_end < line_end:
        return bool(_FILLER.fullmatch(text, cell_start, start) and _FILLER.fullmatch(text, end, cell_end))
    return bool(_FILLER.fullmatch(text, 0, start) and _FILLER.fullmatch(text, end))

