"""Reading one sentence of a plan: who it addresses and in which role, and what the task is.

"Giao X chủ trì, phối hợp với Y và Z tổ chức ..." → X lead, Y and Z participants;
"Đề nghị X ..." → X lead; "X phối hợp với Y làm Z" → X lead (unless Z is led elsewhere: see
`assignments`); "X tham gia ..." → X participant; "X đã ..." tells of the past and assigns nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extraction import lexicon as lx
from extraction.accounts import NARRATIVE, tells_of_the_past
from extraction.deadlines import find_deadlines
from extraction.tokens import CAPITAL
from extraction.units import UnitList, read_units

# The gap between two sentences, after the mark that ends the first. The pattern opens with the mark (not
# a look-behind for it) so that the engine skips ahead to one; the gap is the group that matched.
# After a semicolon, a word in lower case opens a sentence when it addresses units or the units it opens
# act (`_opens_clause`).
_SENTENCE_END = re.compile(
    rf"[.;!?](?:(?P<gap>[\s*]+)(?=[“\"(]?{CAPITAL})|(?<=;)(?P<after_semicolon>\s+)(?=[^\W\d_]))"
)
_ADDRESSING_AT = re.compile(r"(?:" + "|".join(lx.ADDRESSING) + r")\s")
# Words after units that relate them to the sentence before rather than give them work of their own
# ("...; các đơn vị trong tỉnh", "...; sở, ngành có mô hình ...").
_RELATING = re.compile(
    r"\s*(?:theo|tại|trong|về|để|nhằm|với|vào|là|gồm|có(?!\s+trách nhiệm))\b", re.IGNORECASE
)
_ABBREVIATION = re.compile(r"(?:\b[A-ZĐ][\w]{0,2}|\d{1,2})\.$")
_CONNECTIVE = re.compile(
    r"^(?:" + "|".join(re.escape(c) for c in sorted(lx.CONNECTIVES, key=len, reverse=True)) + r")\s*",
    re.IGNORECASE,
)
# A pattern searched for that opens with a look-behind or a word boundary makes the engine try each place
# of the text in full; a leading look-ahead for the first letters of its words lets it pass the others by.
_ADDRESS = re.compile(
    r"(?=[" + "".join(sorted({verb[0] for verb in lx.ADDRESSING})) + r"])"
    r"(?<![\w])(?P<verb>" + "|".join(lx.ADDRESSING) + r")\s+",
    re.IGNORECASE,
)
# "UBND tỉnh thống nhất giao Sở X ...": the body that agrees gives the work to the one it addresses.
_ASSENT = re.compile(
    r"^(?:thống nhất|đồng ý|quyết định)\s+(?=(?:" + "|".join(lx.ADDRESSING) + r")\s)", re.IGNORECASE
)
# "Các đơn vị được giao nhiệm vụ ... có trách nhiệm", "Sở X được phân công chủ trì ...": a unit given work.
_ASSIGNED = re.compile(r"^được\s+(?:giao|phân công)(?:\s+nhiệm vụ)?\s*", re.IGNORECASE)
_PAST = re.compile(r"^(?:đã|đang|vừa|từng|sẽ được|được|đạt được|luôn)\b", re.IGNORECASE)
# A letter's closing "X thông báo để các cơ quan biết, thực hiện": the issuer informs, nobody is given work.
# It ends the sentence: "Xã thông báo để Nhân dân biết, chủ động phòng tránh" is work for the xã.
_COURTESY = re.compile(
    r"\bthông báo\b[^.;]{0,80}?\bđể\b[^.;]{0,80}?\bbiết"
    r"(?:,?\s*(?:và\s+)?(?:phối hợp\s+)?(?:thực hiện|chỉ đạo|triển khai|theo dõi))?\s*[./]*\s*$",
    re.IGNORECASE,
)
_COORDINATE = re.compile(
    r"(?=[pvc])(?:\bphối hợp(?:\s+chặt chẽ)?\s+với|\bvới sự phối hợp của|\bcó sự tham gia của|\bcùng với)\s+",
    re.IGNORECASE,
)
_LEAD_OPENING = re.compile(r"^(?:chủ trì|là cơ quan chủ trì|làm đầu mối)\b[\s,;]*", re.IGNORECASE)
_COORDINATE_OPENING = re.compile(r"^phối hợp(?:\s+chặt chẽ)?\s+với\s+", re.IGNORECASE)
# "Chỉ đạo X chủ trì, ...": the unit the sentence belongs to directs X, named next, to lead a piece of work.
_DIRECTING = re.compile(r"^(?:lãnh đạo,\s*)?chỉ đạo\s+", re.IGNORECASE)
_PARTICIPATE_OPENING = re.compile(r"^(?:tham gia|phối hợp thực hiện\b|phối hợp\s*[.;]?\s*$)", re.IGNORECASE)
# After a lead: "..., Y phối hợp kiểm tra" (not "phối hợp với", which names whom the lead works with).
_JOINS = re.compile(r"^(?:phối hợp(?!\s+(?:chặt chẽ\s+)?với)|tham gia)\b\s*", re.IGNORECASE)
_MODAL = re.compile(r"^(?:[\w]+\s+){0,2}(?:cần|phải|có trách nhiệm|chịu trách nhiệm)\b", re.IGNORECASE)
DIRECTIVE = re.compile(
    r"(?=[cpyđgnkt])\b(?:cần|phải|yêu cầu|đề nghị|chỉ đạo|giao|nhiệm vụ|khẩn trương|tập trung)\b",
    re.IGNORECASE,
)


@dataclass
class Clause:
    """A sentence read for assignments. `units` empty: the sentence names nobody."""

    text: str
    units: list[str] = field(default_factory=list)
    groups: list[bool] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    role: str = "lead"
    coordinating: bool = False  # "X phối hợp với Y ...": X leads unless the task is led elsewhere
    helped: list[str] = field(default_factory=list)
    task: str = ""  # the words after the units and role words
    addressed: bool = False  # named after "Đề nghị", "Giao", "Yêu cầu"
    narrative: bool = False  # tells what was done: assigns nothing
    inherited: bool = False  # the units come from a heading or the sentence before, not this sentence
    # "Chỉ đạo X chủ trì, ...": X leads the work beside the unit the sentence belongs to, which directs it.
    directed: list[str] = field(default_factory=list)
    directed_groups: list[bool] = field(default_factory=list)

    def same_roles(self, other: Clause) -> bool:
        return (self.role, self.coordinating) == (other.role, other.coordinating)


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces: a new sentence starts after ". ", "; ", "! " before a capital."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        lower = m.group("gap") is None  # a word in lower case after a semicolon
        gap_start, gap_end = m.span("after_semicolon" if lower else "gap")
        if _ABBREVIATION.search(text[max(0, gap_start - 4) : gap_start]):
            continue
        if lower and not _opens_clause(text, gap_end):
            continue  # "...; đồng thời ...", "...; tổ chức ...": the same sentence goes on
        if (
            text[gap_start - 1] == ";"
            and (lower or text[gap_end : gap_end + 1].isupper())
            and read_units(text, gap_end)
            and _units_only(text[start : gap_start - 1])
        ):
            continue  # "X; Y; Z: ..." is one list of units ("X làm A; Y phối hợp" two sentences)
        if text[gap_start - 1] == ";" and _list_runs_on(text, start, gap_start - 1):
            continue  # "Các Sở: Văn hóa, Thể thao và Du lịch; Y tế; ...": names holding commas
        pieces.append((start, text[start:gap_start]))
        start = gap_end
    pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]


def _opens_clause(text: str, at: int) -> bool:
    """Whether the words in lower case at `at` begin a sentence: they address units ("giao ...") or name
    units that act ("các sở, ngành liên quan phối hợp thực hiện")."""
    if _ADDRESSING_AT.match(text, at):
        return True
    found = read_units(text, at)
    return found is not None and found.stop == "predicate" and not _RELATING.match(text, found.end)


def _list_runs_on(text: str, start: int, semicolon: int) -> bool:
    """Whether the units a sentence opens with (or addresses) go on past the semicolon at `semicolon` with
    names that are no units by themselves ("Y tế": the rest of a list after "các Sở:")."""
    if read_units(text, semicolon + 1, persons=True) is not None:
        return False
    piece = text[start:semicolon]
    opening = piece.lstrip("-+•*: ")
    at = start + len(piece) - len(opening)
    address = _ADDRESS.match(opening)
    found = read_units(text, at + (address.end() if address else 0), persons=True)
    return found is not None and found.end > semicolon


def _units_only(piece: str) -> bool:
    """Whether a piece of a sentence names units and nothing else ("Giao Sở A", "Sở B")."""
    body = _CONNECTIVE.sub("", piece.strip().lstrip("-+•*: ").strip())
    address = _ADDRESS.match(body)
    found = read_units(body, address.end() if address else 0, persons=True)
    return found is not None and found.end >= len(body.rstrip(" ,"))


def read_clause(text: str, *, persons: bool, news: bool = False) -> Clause:
    """The units a sentence opens with (or addresses) and their roles."""
    body = _CONNECTIVE.sub("", text.strip().lstrip("-+•*: ").strip())
    if "biết" in body and _COURTESY.search(body):
        return Clause(text, narrative=True)
    address = _ADDRESS.match(body)
    if address:
        found = read_units(body, address.end(), persons=True)
        if found is not None:
            return _with_predicate(body, found, addressed=True)
        return Clause(text)
    found = read_units(body, persons=persons)
    if found is None or found.stop not in ("predicate", "verb", "colon"):
        return _addressed_inside(text, body)
    predicate = body[found.end :].lstrip(" :")
    assigned = _ASSIGNED.match(predicate)
    if assigned:  # "X được giao chủ trì ...": work given to X, not what was done to it
        predicate = predicate[assigned.end() :]
    # After a verb not in the lexicon the past shows a few words later ("... nhiệm kỳ 2020 - 2025 đã ...").
    told = found.stop == "verb" or assigned  # the past may show a few words later ("được giao ... đã")
    if _PAST.match(predicate) or (told and NARRATIVE.search(predicate[:28])):
        return Clause(text, narrative=True)
    predicate = _ASSENT.sub("", predicate, count=1)
    inner = _ADDRESS.match(predicate)
    if inner:
        target = read_units(predicate, inner.end(), persons=True)
        return _with_predicate(predicate, target, addressed=True) if target else Clause(text)
    if news and not _MODAL.match(predicate):
        return Clause(text, narrative=True)
    return _with_predicate(body, found, rest=predicate if assigned else None)


def _addressed_inside(text: str, body: str) -> Clause:
    """ "..., đồng chí Bí thư đề nghị các cấp ủy ...": the units named after a verb that addresses them."""
    for m in _ADDRESS.finditer(body):
        if body[max(0, m.start() - 6) : m.start()].strip().lower().endswith("được"):
            continue
        found = read_units(body, m.end(), persons=True)
        if found is not None and found.stop in ("predicate", "verb", "colon"):
            clause = _with_predicate(body, found, addressed=True)
            clause.text = text
            return clause
    head = body[:60]
    narrative = NARRATIVE.search(head) is not None and (tells_of_the_past(head) or not find_deadlines(body))
    return Clause(text, narrative=narrative)


def _with_predicate(
    text: str, found: UnitList, *, addressed: bool = False, rest: str | None = None
) -> Clause:
    """The clause of `found` and the words after them (`rest`, when not all of them are the predicate)."""
    clause = Clause(text, units=found.names, groups=found.groups, addressed=addressed)
    apply_roles(clause, text[found.end :].lstrip(" :,") if rest is None else rest)
    return clause


def apply_roles(clause: Clause, predicate: str) -> None:
    """Roles from the words after the units: chủ trì, phối hợp với, tham gia; "chỉ đạo X chủ trì, ..."
    makes X lead beside them (`directed`)."""
    rest = _directed(clause, predicate)
    lead = _LEAD_OPENING.match(rest)
    coordinate = _COORDINATE_OPENING.match(rest)
    if lead:
        rest = rest[lead.end() :]
        rest = _participants_after_lead(clause, rest)
    elif coordinate:
        helped = read_units(rest, coordinate.end())
        if helped is not None:
            clause.coordinating, clause.helped = True, list(helped.names)
            clause.participants.extend(helped.names)
            rest = rest[helped.end :]
    elif _PARTICIPATE_OPENING.match(rest):
        clause.role = "participant"
    for m in _COORDINATE.finditer(rest):
        others = read_units(rest, m.end())
        if others is not None:
            clause.participants.extend(n for n in others.names if n not in clause.participants)
    clause.task = rest.strip(" ,;")


def _directed(clause: Clause, predicate: str) -> str:
    """The predicate after "chỉ đạo X" when X is told to lead ("chủ trì"), X kept in `clause.directed`."""
    directing = _DIRECTING.match(predicate)
    # The unit list is read only where a lead is named after it: most "chỉ đạo ..." direct without one.
    found = read_units(predicate, directing.end()) if directing and "chủ trì" in predicate else None
    if found is None or not _LEAD_OPENING.match(predicate[found.end :].lstrip(" ,")):
        return predicate
    clause.directed, clause.directed_groups = list(found.names), list(found.groups)
    return predicate[found.end :].lstrip(" ,")


def _participants_after_lead(clause: Clause, rest: str) -> str:
    """ "X chủ trì, Y phối hợp kiểm tra ...": Y takes part; the task is what follows."""
    others = read_units(rest)
    if others is None or others.stop != "predicate":
        return rest
    joins = _JOINS.match(rest[others.end :].lstrip(" ,"))
    if joins is None:
        return rest
    clause.participants.extend(n for n in others.names if n not in clause.participants)
    return rest[others.end :].lstrip(" ,")[joins.end() :]


def clause_without_units(text: str) -> Clause:
    """A sentence of a unit's list of tasks ("- Chủ trì, phối hợp với Y ..."), the unit known; "- Chỉ đạo X
    chủ trì, phối hợp với Y ..." also keeps X, who leads it (`directed`)."""
    clause = Clause(text)
    apply_roles(clause, _CONNECTIVE.sub("", text.strip().lstrip("-+•*: ").strip()))
    return clause


def with_directed(clause: Clause) -> Clause:
    """The clause with the units it directs to lead ("chỉ đạo X chủ trì") among its own (as a copy: the
    clause may stand for a heading's units, which X is not)."""
    units, groups = list(clause.units), list(clause.groups)
    for unit, group in zip(clause.directed, clause.directed_groups, strict=True):
        if unit not in units:
            units, groups = [*units, unit], [*groups, group]
    return replace(clause, units=units, groups=groups) if len(units) > len(clause.units) else clause
