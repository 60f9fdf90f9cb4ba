"""Recognising unit names in Vietnamese text: single bodies, lists with a shared modifier, groups.

A unit list is read word by word: a head ("Ban", "Sở", "Ủy ban nhân dân", "các cấp ủy"), then the
words of its name (capitalised words, place and level words), until a predicate ("chủ trì",
"xây dựng", "có trách nhiệm"), a colon or anything that is not part of a name. Commas, semicolons and
"và" separate parts; parts are then grouped into units (see `_group`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from extraction import lexicon as lx
from extraction.name_fields import same_level
from extraction.shared_heads import Part, levels_colon, of_places, shared_head
from extraction.tokens import Token, Tokens, first_word, lows, tokenize
from extraction.unit_tables import (
    COMMITTEES,
    FRONT_PARTNERS,
    INSTITUTION,
    LEVEL_ENDS,
    OPENERS,
    PREDICATES,
    QUANT,
    match,
)
from extraction.unit_words import name_end, read_head

__all__ = ["Token", "Tokens", "UnitList", "forget_recent", "read_units", "tokenize", "unit_heading"]

@dataclass
class UnitList:
    """Units read at a place in a text: names as written, the span read and how the list ended."""

    names: list[str]
    groups: list[bool]
    start: int
    end: int
    stop: str  # predicate | colon | end | other
    parts: list[Part] = field(default_factory=list)


# The last few lists read, by (text, start, persons): a paragraph is read for a heading, then for its
# clause, a table's column names the same unit row after row. Only the last few are kept, and none from
# one document to the next (`forget_recent`).
_RECENT = 8
_recent: dict[tuple[str, int, bool], UnitList | None] = {}


def forget_recent() -> None:
    """Forget the lists read so far: a new document begins."""
    _recent.clear()


def read_units(text: str, start: int = 0, *, persons: bool = False) -> UnitList | None:
    """The list of units that begins at `text[start:]` (after spaces), or None if none begins there."""
    key = (text, start, persons)
    if key in _recent:
        return _copy(_recent[key])
    found = _recent[key] = _read_units(text, start, persons=persons)
    if len(_recent) > _RECENT:
        del _recent[next(iter(_recent))]  # the oldest
    return _copy(found)


def _copy(found: UnitList | None) -> UnitList | None:
    """A list of its own for each caller: callers may change what they get."""
    if found is None:
        return None
    names, groups, parts = list(found.names), list(found.groups), list(found.parts)
    return UnitList(names, groups, found.start, found.end, found.stop, parts)


def _read_units(text: str, start: int, *, persons: bool) -> UnitList | None:
    if first_word(text, start) not in OPENERS:
        return None
    tokens = Tokens(text, start)
    parts: list[Part] = []
    i, separator, stop = 0, None, "end"
    while True:
        taken, kind, head = read_head(tokens, i, persons=persons, in_list=bool(parts))
        if head in _BODY_ONLY_HOLDERS and not read_head(tokens, i + taken, persons=False, in_list=True)[0]:
            taken = 0  # "Trưởng" is a title only before a body ("Trưởng Công an huyện")
        if not taken:
            if not parts:
                return None
            stop = "predicate" if match(PREDICATES, tokens, i) else "other"
            break
        body_kind, body_head = kind, head
        if kind == "person" and head in _OFFICE_HOLDERS:  # "Chủ tịch UBND các huyện": the body's own head
            held, body_kind, body_head = read_head(tokens, i + taken, persons=False, in_list=True)
            taken += held
        end, why = name_end(tokens, i + taken, persons=persons, head=body_head)
        if same_level(tokens, end):  # "Công an cùng cấp": another unit's level, no body of its own
            if not parts:
                return None
            stop = "other"
            break
        places = None
        if why == "separator":
            places = _places_listed(tokens, i, i + taken, body_head, persons=persons)
        if places is not None:  # "Ủy ban nhân dân các tỉnh, thành phố: A, B": the commas of the levels
            shared, end, why = places
            parts += shared
        elif why == "colon" and end == i + taken and body_kind == "generic":
            shared, end, why = shared_head(tokens, i + taken - len(body_head), end + 1, persons=persons)
            parts += shared
        elif why == "colon" and of_places(tokens, i + taken, end):
            # "Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng": the body of each place named
            body = tokens[i + taken - len(body_head) : i + taken]  # "Chủ tịch" stands for the body
            prefix = " ".join(t.text for t in body) + " " + tokens[end - 1].text + " "
            shared, end, why = shared_head(tokens, i, end + 1, persons=persons, prefix=prefix)
            parts += shared
        if not parts or parts[-1].first < i:
            parts.append(Part(i, end - 1, kind, separator, head))
        if why == "adjacent":
            separator, i = ";", end
            continue
        if why != "separator":
            stop = why
            break
        separator, i = tokens[end].low, end + 1
    return _build(text, tokens, parts, stop)


def _places_listed(
    tokens: Tokens, i: int, after: int, body_head: tuple[str, ...], *, persons: bool
) -> tuple[list[Part], int, str] | None:
    """The places named after levels and a colon ("Ủy ban nhân dân các tỉnh, thành phố: Thanh Hóa, Huế"),
    each the body's (which place is of which level is not said); None unless names and nothing else follow:
    "các huyện, thị xã, thành phố: Chỉ đạo ..." is a heading and its first task."""
    colon = levels_colon(tokens, after)
    if not colon:
        return None
    body = tokens[after - len(body_head) : after]  # "Chủ tịch" stands for the body
    prefix = " ".join(t.text for t in body) + " "
    shared, end, why = shared_head(tokens, i, colon + 1, persons=persons, prefix=prefix)
    return (shared, end, why) if shared and why != "predicate" else None


def _build(text: str, tokens: Tokens, parts: list[Part], stop: str) -> UnitList:
    names: list[str] = []
    groups: list[bool] = []
    for group in _group(tokens, parts):
        held = _held_body(tokens, group[0])
        first_index, kinds = group[0].first, [p.kind for p in group]
        if held is not None:
            first_index, kinds[0] = held
        first, last = tokens[first_index], tokens[group[-1].last]
        name = group[0].prefix + text[first.start : last.end].strip(" ,;")
        names.append(name[:1].upper() + name[1:])
        groups.append(len(group) > 1 or kinds.count("specific") < len(kinds))
    end = tokens[parts[-1].last].end
    return UnitList(names, groups, tokens[parts[0].first].start, end, stop, parts)


_OFFICE_HOLDERS = frozenset(tuple(title.split()) for title in lx.OFFICE_HOLDERS)
_BODY_ONLY_HOLDERS = frozenset({("trưởng",)})
# Heads of a body that is named by a proper name after them ("Sở Y tế"), never a body by themselves.
_NAMED_ONLY = frozenset(tuple(t.text for t in tokenize(h)) for h in lx.NAMED_HEADS) - frozenset(
    tuple(t.text for t in tokenize(h)) for h in lx.INSTITUTION_HEADS
)


def _held_body(tokens: Tokens, part: Part) -> tuple[int, str] | None:
    """(first token, kind) of the body whose head a person part names: "Giám đốc Sở Y tế" → "Sở Y tế",
    "Chủ tịch UBND các huyện" → "UBND các huyện"; None for other parts."""
    if part.kind != "person" or part.head not in _OFFICE_HOLDERS:
        return None
    after = next(
        (j + len(part.head) for j in range(part.first, part.last + 1)
         if tuple(t.low for t in tokens[j : j + len(part.head)]) == part.head),
        None,
    )
    if after is None or after > part.last:
        return None
    taken, kind, _ = read_head(tokens, after, persons=False, in_list=True)
    return (after, "specific" if kind in ("named", "institution") else kind) if taken else None


def _group(tokens: Tokens, parts: list[Part]) -> list[list[Part]]:
    """Parts joined into units: named bodies stand alone, a list of kinds of bodies is one group."""
    units: list[list[Part]] = [[parts[0]]]
    for part in parts[1:]:
        current = units[-1]
        specific = all(p.kind == "specific" for p in current)
        closed = "thuộc" in lows(tokens[current[-1].first : current[-1].last + 1])
        if part.separator == ";":
            split = True
        elif part.separator == ",":
            split = part.kind == "specific" and (specific or closed or _own_level(tokens, part))
            # "Sở Y tế, các cơ quan liên quan": a kind of bodies after a named one (or after a list closed
            # by "thuộc ...") is a group of its own, not one more kind in that list.
            quantified = match(QUANT, tokens, part.first) > 0
            # "Sở Y tế" (or "Y tế" after "các Sở:"), not "Thành ủy, các cấp ủy"
            named = specific and (current[-1].head in _NAMED_ONLY or bool(current[-1].prefix))
            split = split or ((named or closed) and quantified and not _front(tokens, current, part))
            # "các Sở Y tế, Bộ Công an": bodies of one name, then a body of another
            split = split or (part.kind == "specific" and _named_kind(tokens, current[-1]))
        else:  # "và"
            front = _front(tokens, current, part)
            split = (specific and not front) or (closed and part.kind == "specific")
            # "Các sở, ban, ngành và Ủy ban nhân dân các huyện": a people's body with its own level.
            split = split or (part.kind == "specific" and _own_level(tokens, part))
            if _shared_office(tokens, current, part):
                split = False
        # "Giám đốc Sở A, Giám đốc Sở B", "Chủ tịch UBND các huyện và Thủ trưởng các cơ quan": each holder
        # stands for a body of their own (after "và", only in a list of holders).
        holder = part.head in _OFFICE_HOLDERS
        if split or (holder and (part.separator == "," or current[0].head in _OFFICE_HOLDERS)):
            units.append([part])
        else:
            current.append(part)
    return units


def _named_kind(tokens: Tokens, part: Part) -> bool:
    """ "các Sở Y tế", "các Sở GDĐT": a kind of bodies named after their quantifier and head."""
    quantifier = match(QUANT, tokens, part.first)
    after = part.first + quantifier + len(part.head)
    return bool(quantifier) and any(t.capitalised for t in tokens[after : part.last + 1])


def _front(tokens: Tokens, current: list[Part], part: Part) -> bool:
    """ "Mặt trận ... và các đoàn thể" is one group; "Mặt trận ... và Hội Nông dân xã X", two units."""
    words = " ".join(t.low for t in tokens[current[0].first : current[-1].last + 1])
    front = "mặt trận" in words or "mttq" in words
    return front and part.kind != "specific" and " ".join(part.head).startswith(FRONT_PARTNERS)


def _own_level(tokens: Tokens, part: Part) -> bool:
    """ "Ủy ban nhân dân các xã, thị trấn" after "các phòng, ban": a people's body with its own level is
    a unit of its own, not one more kind in the list before it; so is the office of a party committee,
    whose name tells its level ("Văn phòng Thành ủy" after "các ban")."""
    if match(INSTITUTION, tokens, part.first) < 2:
        return False
    words = tokens[part.first : part.last + 1]
    if any(f"{a.low} {b.low}" in COMMITTEES for a, b in itertools.pairwise(words)):
        return True
    return any(t.low in LEVEL_ENDS or t.low == "các" for t in words)


def _shared_office(tokens: Tokens, current: list[Part], part: Part) -> bool:
    """ "Văn phòng HĐND và UBND huyện", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh": one
    office serving two bodies, the first named without its level (its name ends with its head)."""
    if len(current) != 1 or current[0].head != ("văn", "phòng"):
        return False
    served = Tokens.of(tokens[current[0].first + 2 : current[0].last + 1])
    joined = match(INSTITUTION, tokens, part.first) > 0
    ends_with_head = any(match(INSTITUTION, served, k) == len(served) - k for k in range(len(served)))
    return joined and ends_with_head


# What a heading of units may add in brackets: the office inside the unit that does the work ("Sở Nội
# vụ (Ban Thi đua - Khen thưởng)"), its part ("(cơ quan thường trực)"), a short name ("(sau đây gọi chung
# là ...)").
_BRACKETED_TAIL = re.compile(r"^(?:\([^()]*\)\s*)+[.:;]?$")


def unit_heading(text: str) -> UnitList | None:
    """The units of a heading that is nothing but units ("1.2.1. Ban Tuyên giáo Thành ủy", "X:"), with
    what it says of them in brackets."""
    found = read_units(text, regarding(text), persons=True)
    if found is None:
        return None
    rest = text[found.end :].strip(" .:;")
    return found if not rest or _BRACKETED_TAIL.match(rest) else None


# "Đối với UBND các huyện: ...", "Trách nhiệm của các chi bộ": the units a heading or a label is about
# are the units it addresses.
_REGARDING = re.compile(r"^\s*(?:đối với|(?:trách nhiệm|nhiệm vụ) của)\s+", re.IGNORECASE)


def regarding(text: str) -> int:
    """Where the units of a heading or label start, after "Đối với" if it opens with that."""
    m = _REGARDING.match(text)
    return m.end() if m else 0
