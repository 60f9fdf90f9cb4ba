"""Whom a letter is addressed to ("Kính gửi: ..."), and the plain words that send its items to them.

A Công văn lists its addressees under "Kính gửi", on the line itself or as "- X;" lines below it, then
gives its items to "các đơn vị" or "các cơ quan, đơn vị nêu trên": those words name the addressees. A
Công điện names its sender in capitals before "điện:" ("THỦ TƯỚNG CHÍNH PHỦ điện:") and lists whom it
is wired to the same way.
"""

from __future__ import annotations

import re

from extraction.tokens import CAPITAL
from extraction.units import read_units

ADDRESSED = re.compile(
    rf"^\s*(?:(?i:Kính\s+gửi)\s*:?|(?:{CAPITAL}+\s+){{1,10}}(?i:điện)\s*:)\s*(?P<rest>.*)$"
)
_LIST_MARK = re.compile(r"^[-+•*]\s*")
_MAX_LINES = 30  # the addressees' block sits in the head: never read far
# "Các đơn vị", "Thủ trưởng các cơ quan, đơn vị nêu trên", "Quý cơ quan": nobody but the addressees. "Liên
# quan" (those concerned) may be wider than them, so it is not among these.
_ADDRESSEES_AS_A_GROUP = re.compile(
    r"^(?:(?:thủ trưởng|người đứng đầu|lãnh đạo)\s+)?(?:các|quý)\s+(?:cơ quan|đơn vị|địa phương)"
    r"(?:\s*(?:,|và)\s*(?:cơ quan|đơn vị|địa phương))*(?:\s+(?:nêu|kể)?\s*trên)?$",
    re.IGNORECASE,
)

# The unit that stands for all the addressees when the words asking them name nobody ("Thủ tướng Chính phủ
# yêu cầu:"): a group, in the words a letter would use for them.
ADDRESSEES = "Các cơ quan, đơn vị nêu trên"

# "Ủy ban nhân dân các tỉnh, thành phố nêu trên", "các Bộ nêu trên": some of the addressees, those of a body.
_NAMED_ABOVE = re.compile(
    r"^(?:(?P<body>\S.*?)\s+)?các\s+(?P<kind>[^\W\d_]+)\b.*?\s(?:nêu|kể)\s+trên$", re.IGNORECASE
)


def read_addressees(lines: list[str], last: int) -> tuple[str, ...]:
    """The units after "Kính gửi" in lines[:last] (the head), as written, in order."""
    for number, line in enumerate(lines[:last]):
        m = ADDRESSED.match(line)
        if m:
            first = _LIST_MARK.sub("", m["rest"].strip())
            below = lines[number + 1 : min(last, number + _MAX_LINES)]
            more, _ = _listed(below, open_=not first or first[-1] in ";,")
            return tuple(_names([first, *more]))
    return ()


def names_addressees(unit: str) -> bool:
    """Whether a unit's words name a letter's addressees and nobody else."""
    return bool(_ADDRESSEES_AS_A_GROUP.match(unit.strip()))


def addressed_members(unit: str, addressees: tuple[str, ...]) -> tuple[str, ...]:
    """The addressees a group stands for: all of them for "các đơn vị"; for "Ủy ban nhân dân các tỉnh, thành
    phố nêu trên" or "các Bộ nêu trên", those of that body ("Ủy ban nhân dân tỉnh Thanh Hóa", "Bộ Y tế")."""
    if names_addressees(unit):
        return addressees
    named = _NAMED_ABOVE.match(unit.strip())
    if named is None:
        return ()
    body = (named["body"] or named["kind"]).lower() + " "
    return tuple(a for a in addressees if a.lower().startswith(body))


def addressee_lines(below: list[str], line: str) -> int:
    """How many of the lines `below` the addressees' line ("X điện:", "Kính gửi:") go on with its list."""
    m = ADDRESSED.match(line)
    first = _LIST_MARK.sub("", m["rest"].strip()) if m else ""
    return _listed(below[:_MAX_LINES], open_=not first or first[-1] in ";,")[1]


def _listed(lines: list[str], *, open_: bool) -> tuple[list[str], int]:
    """The lines that go on with the addressees, and how many lines they take: "- X;" lines, or (a PDF
    drops the dashes) lines that are names and nothing else after a name that ended with ";" or ","."""
    found: list[str] = []
    taken = 0
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            if found:
                break
            continue
        if not (_LIST_MARK.match(text) or (open_ and _only_names(text))):
            break
        found.append(_LIST_MARK.sub("", text))
        taken = number
        open_ = text[-1] in ";,"
    return found, taken


def _only_names(text: str) -> bool:
    return _whole_units(text.rstrip(" .,;")) is not None


def _whole_units(text: str) -> list[str] | None:
    """The units `text` names when it names units and nothing else."""
    units = read_units(text, persons=True)
    return units.names if units is not None and units.end >= len(text) else None


def _names(pieces: list[str]) -> list[str]:
    names: list[str] = []
    for piece in pieces:
        for part in re.split(r";", piece):
            part = part.strip(" .,;")
            if not part:
                continue
            found = _whole_units(part) or [part]
            names.extend(n for n in found if n not in names)
    return names
