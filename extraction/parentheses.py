"""Assignments written in parentheses after the task: "Nâng cấp mạng ... (Sở X chủ trì, quý III/2024)".

Plans and appendices often name the unit last, in brackets, with its role and sometimes the deadline:
"(Phòng Tư pháp chủ trì, phối hợp với Công an huyện; quý III/2024)", "(Văn phòng HĐND và UBND huyện,
UBND các xã, thị trấn thực hiện thường xuyên)". The bracket must open with units followed by a role
word, so "(theo Quyết định của UBND tỉnh)" or "(Sở X ban hành)" assign nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.clauses import Clause, apply_roles
from extraction.deadlines import parse_deadline
from extraction.units import read_units
from models.deadlines import Deadline
from models.errors import DeadlineParseError

_TRAILING = re.compile(r"\((?P<inner>[^()]{4,300})\)\s*[.;,:]?\s*(?:/\.)?\s*$")
_ROLE = re.compile(
    r"^(?:là\s+cơ\s+quan\s+)?(?:chủ\s+trì|thực\s+hiện|phối\s+hợp|tham\s+gia|triển\s+khai|đầu\s+mối)\b",
    re.IGNORECASE,
)


@dataclass
class Bracket:
    clause: Clause
    deadline: Deadline | None  # a bare "quý III/2024" inside the bracket, which the text does not cue


def parenthesised_units(text: str, *, year: int | None = None) -> Bracket | None:
    """The units, roles and deadline of a closing bracket that assigns the sentence, else None."""
    m = _TRAILING.search(text)
    if m is None:
        return None
    inner = m.group("inner")
    found = read_units(inner, persons=False)
    if found is None or found.start > 0 or not _ROLE.match(inner[found.end :].lstrip(" ,:")):
        return None
    clause = Clause(text, units=list(found.names), groups=list(found.groups))
    apply_roles(clause, inner[found.end :].lstrip(" ,:"))
    clause.task = text[: m.start()].strip(" ,;.")
    return Bracket(clause, _deadline(inner[found.end :], year))


def _deadline(rest: str, year: int | None) -> Deadline | None:
    for piece in re.split(r"[,;]", rest):
        try:
            return parse_deadline(piece.strip(), year=year)
        except DeadlineParseError:
            continue
    return None
