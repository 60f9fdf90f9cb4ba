"""The document a decision or resolution issues with itself ("Ban hành kèm theo Quyết định số ...").

A Quyết định "Ban hành kèm theo Quyết định này Kế hoạch ..." carries its plan after its own signature:
a title, "(Ban hành kèm theo Quyết định số ...)", then the plan's sections. That plan is the work the
decision gives out, so its body is read like the decision's own. Only a plan, programme or scheme
(its title's first word) is read: a Quy chế issued the same way lays down rules, not work. A study
outline or an appendix attached "(Kèm theo Hướng dẫn số ...)" is not issued by the document either.
"""

from __future__ import annotations

import re

from extraction.tokens import CAPITAL

_ISSUED_WITH = re.compile(r"^[(*\s]*Ban hành kèm theo\s+(?:Quyết định|Nghị quyết|Chỉ thị)\b", re.IGNORECASE)
_SECTION = re.compile(rf"^(?:[IVX]{{1,4}}|Điều\s+1|1)\s*[.):]\s+(?:{CAPITAL}|[“\"])")
_END = re.compile(r"^(?:Nơi nhận\b|PHỤ LỤC\b|Phụ lục\s*(?:\d|[IVX]+\b|$))")
_PLAN_TITLE = re.compile(r"^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN)\b")
_LOOK_BACK = 6  # lines from the attached plan's title to the note
_LOOK_AHEAD = 12  # lines from the "Ban hành kèm theo" note to the attached plan's first section


def issued_attachment(lines: list[str], after: int) -> tuple[int, int] | None:
    """(first, last) lines (1-based, inclusive) of the body of a plan issued with the document, found
    after line `after` (the document's own body); None when the document issues none."""
    for number in range(after + 1, len(lines) + 1):
        if _ISSUED_WITH.match(lines[number - 1].strip()) and _titled_plan(lines, number):
            return _body(lines, number)
    return None


def _titled_plan(lines: list[str], note: int) -> bool:
    return any(_PLAN_TITLE.match(line.strip()) for line in lines[max(0, note - 1 - _LOOK_BACK) : note - 1])


def _body(lines: list[str], note: int) -> tuple[int, int] | None:
    near = range(note + 1, min(note + _LOOK_AHEAD, len(lines)) + 1)
    first = next((n for n in near if _SECTION.match(lines[n - 1].strip())), None)
    if first is None:
        return None
    after = range(first + 1, len(lines) + 1)
    last = next((n - 1 for n in after if _END.match(lines[n - 1].strip())), len(lines))
    return first, last
