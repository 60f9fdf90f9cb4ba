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
from extraction.tokens import Token, Tokens, tokenize

__all__ = ["Token", "Tokens", "UnitList", "forget_recent", "read_units", "tokenize", "unit_heading"]

def _phrases(words: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in words:
        parts = tuple(t.text for t in tokenize(phrase))
        table.setdefault(parts[0], []).append(parts)
    for options in table.values():
        options.sort(key=len, reverse=True)
    return table


_QUANT = _phrases(lx.QUANTIFIERS)
_NAMED = _phrases(lx.NAMED_HEADS)
_INSTITUTION = _phrases(lx.INSTITUTION_HEADS)
_GENERIC = _phrases(lx.GENERIC_HEADS)
_PERSON = _phrases(lx.PERSON_HEADS)
_NAME_WORDS = _phrases(lx.NAME_WORDS)
_FIELD = _phrases(lx.FIELD_WORDS)
PREDICATES = _phrases(lx.PREDICATES)
# Heads of offices that may follow a complete name when table cells run together.
_OFFICES = _phrases(("văn phòng", "trung tâm", "công an", "bảo hiểm xã hội", "viện kiểm sát"))
_GENERIC_SET = {tuple(t.text for t in tokenize(w)) for w in lx.GENERIC_HEADS}
# Generic heads that are ordinary words at the start of a sentence ("Ban hành", "Huyện tổ chức").
_NEEDS_LIST = {
    tuple(t.text for t in tokenize(w))
    for w in lx.GENERIC_HEADS
    if " " not in w or w in ("thành phố", "thị xã", "thị trấn", "cơ sở")
}
# Lower-case words after a capitalised one inside a name: "Kiểm soát bệnh tật", "Quản lý đô thị".
MAX_TAILS = 3
LEVEL_ENDS = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "phố", "trấn", "trung ương"})
_COMMITTEES = frozenset({"thành ủy", "tỉnh ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy"})
_FRONT_PARTNERS = ("tổ chức chính trị", "đoàn thể", "tổ chức thành viên", "hội")


def match(table: dict[str, list[tuple[str, ...]]], tokens: Tokens, i: int) -> int:
    """Length in tokens of the longest phrase of `table` at tokens[i], 0 if none."""
    # `list.__len__` and `tokens.has` are asked in that order: most tokens asked about are read already.
    read = list.__len__(tokens)
    options = table.get(tokens[i].low) if (0 <= i < read or tokens.has(i)) else None
    if not options:
        return 0
    for phrase in options:
        # The first word is the table's key: only the words after it need comparing.
        n = len(phrase)
        if n == 1:
            return 1
        if i + n <= list.__len__(tokens) or tokens.has(i + n - 1):
            for k in range(1, n):
                if tokens[i + k].low != phrase[k]:
                    break
            else:
                return n
    return 0


@dataclass
class Part:
    first: int  # token index
    last: int  # token index, inclusive
    kind: str  # specific | generic | person
    separator: str | None  # what came before it: "," ";" "và" or None
    head: tuple[str, ...] = ()
    prefix: str = ""  # the shared head of "các Bộ: Tư pháp, Xây dựng", written before this part's name


@dataclass
class UnitList:
    """Units read at a place in a text: names as written, the span read and how the list ended."""

    names: list[str]
    groups: list[bool]
    start: int
    end: int
    stop: str  # predicate | colon | end | other
    parts: list[Part] = field(default_factory=list)


def _head(tokens: Tokens, i: int, *, persons: bool, in_list: bool) -> tuple[int, str, tuple[str, ...]]:
    """(tokens taken by quantifier and head, kind, head words) at tokens[i]; (0, '', ()) if no head."""
    if not tokens.has(i):
        return 0, "", ()
    q = match(_QUANT, tokens, i) if tokens[i].low in _QUANT else 0
    j = i + q
    if not tokens.has(j):
        return 0, "", ()
    tok = tokens[j]
    if tok.low not in _HEAD_WORDS:  # no table below has a phrase that starts with it
        return 0, "", ()
    if tok.text.isupper() and len(tok.text) <= 5 and match(_INSTITUTION, tokens, j) == 1:
        return q + 1, "specific" if not q else "generic", (tok.low,)
    best, kind = 0, ""
    low = tok.low  # a table without this word as a key has no phrase here: `match` is not asked
    for table, name in ((_INSTITUTION, "institution"), (_GENERIC, "generic"), (_PERSON, "person")):
        n = match(table, tokens, j) if low in table else 0
        if n > best and not (name == "institution" and n == 1 and len(tok.text) <= 3):
            best, kind = n, name
    if kind == "person" and (not persons or (best == 2 and tok.low == "đồng" and not q)):
        return 0, "", ()
    named = match(_NAMED, tokens, j) if low in _NAMED else 0
    if named > best:
        after = tokens[j + named] if tokens.has(j + named) else None
        proper = after is not None and after.capitalised and after.text[0].isalpha()
        if q or in_list or proper or (after is not None and _levelled(tokens, j + named)):
            best, kind = named, "named"
    if not best and q and tok.low == "tổ" and tokens.has(j + 1) and tokens[j + 1].low == "chức":
        best, kind = 2, "generic"
    if not best:
        return 0, "", ()
    words = tuple(t.low for t in tokens[j : j + best])
    nxt = tokens[j + best] if tokens.has(j + best) else None
    followed_by_name = nxt is not None and nxt.capitalised and nxt.text[0].isalpha()
    if kind == "person":
        of_body = followed_by_name or (nxt is not None and (nxt.low in _QUANT or nxt.low in _BODY_WORDS))
        if words == ("lãnh", "đạo") and not (q or in_list or of_body):
            return 0, "", ()  # "Lãnh đạo thực hiện ...": the verb "to lead", not the leaders of a body
        return q + best, "person", words
    if words in _NEEDS_LIST and not (q or in_list or followed_by_name):
        return 0, "", ()
    if q or (words in _GENERIC_SET and not followed_by_name) or (tok.text.islower() and not followed_by_name):
        return q + best, "generic", words
    return q + best, "specific", words


def _levelled(tokens: Tokens, i: int) -> bool:
    """ "Thanh tra huyện Minh Hà", "Thanh tra tỉnh chủ trì", "Thanh tra thành phố.": a head followed by its
    level, then a place, a predicate or the end of the list, names a body."""
    n = match(_NAME_WORDS, tokens, i)
    if not n or tokens[i + n - 1].low not in LEVEL_ENDS:
        return False
    if not tokens.has(i + n):
        return True
    place = tokens[i + n]
    return place.capitalised or place.text in (",", ";", ".", ":") or bool(match(PREDICATES, tokens, i + n))


def _inside_name(tokens: Tokens, i: int, *, persons: bool) -> bool:
    """Whether the separator at tokens[i] ("," or "và") joins two words of one name."""
    nxt = i + 1
    if not tokens.has(nxt):
        return False
    if tokens[i].low == "và" and match(_FIELD, tokens, nxt):
        return True
    tok = tokens[nxt]
    if not tok.capitalised or not tok.text[0].isalpha() or match(_QUANT, tokens, nxt):
        return False
    return _head(tokens, nxt, persons=persons, in_list=True)[0] == 0 and not match(PREDICATES, tokens, nxt)


def _name_end(tokens: Tokens, i: int, *, persons: bool, commas: bool = False) -> tuple[int, str]:
    """Index after the last word of the name that starts at tokens[i], and why it ended there.

    Lower-case words after a capitalised one are read as the end of a name ("Kiểm soát bệnh tật") only
    while the name may go on: after a place named by its level ("xã Quang Bình") or when more ordinary
    words follow them, they are what the unit does ("... Sở Xây dựng bồi dưỡng kỹ năng"): "verb"."""
    tails, after_capital, named, tail_from, placed = 0, True, 0, i, False
    while tokens.has(i):
        tok = tokens[i]
        if tok.text in (",", ";") or tok.low == "và":
            joins = tok.text != ";" and not (commas and tok.text == ",")
            if joins and _inside_name(tokens, i, persons=persons):
                field_words = match(_FIELD, tokens, i + 1) if tok.low == "và" else 0
                i, tails = i + 1 + field_words, 0
                continue
            return i, "separator"
        if tok.text == ":":
            return i, "colon"
        if tok.text == "-" and tokens.has(i + 1) and tokens[i + 1].capitalised:
            i += 1
            continue
        if not tok.text[0].isalnum() and tok.text != "-":
            return i, "other"
        low = tok.low  # a phrase of a table can start here only if the table has this word as a key
        if tok.capitalised:
            if low in _QUANT and match(_QUANT, tokens, i):
                return i, "other"  # "Sở Nội vụ Các sở, ngành": cells of a table run together
            if low in _NEXT_UNIT_WORDS and _starts_next_unit(tokens, i, named=named):
                return i, "adjacent"
            placed = placed or tokens[i - 1].low in LEVEL_ENDS
            i, tails, after_capital, named = i + 1, 0, True, named + 1
            continue
        words = match(_NAME_WORDS, tokens, i) if low in _NAME_WORDS else 0
        if words > 1:
            i += words
            continue
        if low in PREDICATES and match(PREDICATES, tokens, i):
            return i, "predicate"
        if words or tok.text.isdigit() or tok.text == "-":
            i, after_capital = i + max(words, 1), False
            continue
        level = _level_ahead(tokens, i) if after_capital and tails == MAX_TAILS and not placed else 0
        if level:  # "Ban Quản lý các khu công nghiệp thành phố": the words up to the level are the name's
            i, tails, placed = level, 0, True
            continue
        if after_capital and tok.text.isalpha() and (placed or tails == MAX_TAILS):
            return (tail_from if tails else i), "verb"
        if after_capital and tok.text.isalpha():
            # The syllable after a name's first capital is its own ("Xây dựng"): a verb starts after it.
            tail_from = tail_from if tails else i + int(named == 1 and tokens[i - 1].capitalised)
            i, tails = i + 1, tails + 1
            continue
        return i, "verb" if placed and tok.text.isalpha() else "other"
    return i, "end"


def _level_ahead(tokens: Tokens, i: int) -> int:
    """Where a level ("tỉnh", "thành phố") starts among the next few lower-case words; 0 if none does."""
    for k in range(i, i + MAX_TAILS + 1):
        if not tokens.has(k) or not tokens[k].text.isalpha() or tokens[k].capitalised:
            return 0
        n = match(_NAME_WORDS, tokens, k)
        if n and tokens[k + n - 1].low in LEVEL_ENDS:
            return k
        if match(PREDICATES, tokens, k):
            return 0
    return 0


def _starts_next_unit(tokens: Tokens, i: int, *, named: int = 0) -> bool:
    """A body's head where table cells run together: "... UBND huyện Phòng Tư pháp" (after a level word)
    or "Phòng Nội vụ Văn phòng HĐND" (after a name with a proper word of its own). A party or people's
    committee there is still part of the name ("Ban Tuyên giáo Huyện ủy", "Văn phòng UBND tỉnh")."""
    if i == 0 or tokens[i].low in _COMMITTEES or (named == 1 and _bare_head(tokens, i - 1)):
        return False
    if tokens[i - 1].low in LEVEL_ENDS:
        return bool(match(_NAMED, tokens, i) or match(_INSTITUTION, tokens, i))
    institution = match(_INSTITUTION, tokens, i)
    if named and institution and tokens.has(i + institution) and tokens[i + institution].low == "các":
        return True  # "Chi cục Chăn nuôi UBND các huyện": no body's name goes on into "UBND các ..."
    heads = match(_OFFICES, tokens, i) or (0 if institution else match(_NAMED, tokens, i))
    following = tokens[i + heads] if heads and tokens.has(i + heads) else None
    return bool(named and heads and following and following.capitalised)


def _bare_head(tokens: Tokens, i: int) -> bool:
    """ "Đoàn Trường Đại học X": a name whose only proper word is a head ("Trường") goes on into the head
    after it, which is the rest of one compound head, not the next unit."""
    tok = tokens[i]
    return tok.capitalised and (match(_NAMED, tokens, i) == 1 or match(_INSTITUTION, tokens, i) == 1)


# Every head `_head` finds starts with one of these words (a quantifier or a head of some kind).
_OPENERS = frozenset(itertools.chain(_QUANT, _NAMED, _INSTITUTION, _GENERIC, _PERSON))
_HEAD_WORDS = frozenset(itertools.chain(_NAMED, _INSTITUTION, _GENERIC, _PERSON))
_BODY_WORDS = frozenset(itertools.chain(_NAMED, _INSTITUTION, _GENERIC))  # what "lãnh đạo ..." leads
# `_starts_next_unit` is true only where one of these tables has a phrase.
_NEXT_UNIT_WORDS = frozenset(itertools.chain(_NAMED, _INSTITUTION, _OFFICES))


# The last few lists read, by (text, start, persons): a paragraph is read for a heading, then for its
# clause, a table's column names the same unit row after row. Only the last few are kept, and none from
# one document to the next (`forget_recent`).
_RECENT = 8
_recent: list[tuple[tuple[str, int, bool], UnitList | None]] = []


def forget_recent() -> None:
    """Forget the lists read so far: a new document begins."""
    _recent.clear()


def read_units(text: str, start: int = 0, *, persons: bool = False) -> UnitList | None:
    """The list of units that begins at `text[start:]` (after spaces), or None if none begins there."""
    key = (text, start, persons)
    for known, found in _recent:
        if known == key:
            return _copy(found)
    found = _read_units(text, start, persons=persons)
    _recent.append((key, found))
    if len(_recent) > _RECENT:
        del _recent[0]
    return _copy(found)


def _copy(found: UnitList | None) -> UnitList | None:
    """A list of its own for each caller: callers may change what they get."""
    if found is None:
        return None
    names, groups, parts = list(found.names), list(found.groups), list(found.parts)
    return UnitList(names, groups, found.start, found.end, found.stop, parts)


def _read_units(text: str, start: int, *, persons: bool) -> UnitList | None:
    tokens = Tokens(text, start)
    if not tokens.has(0) or tokens[0].low not in _OPENERS:
        return None
    parts: list[Part] = []
    i, separator, stop = 0, None, "end"
    while True:
        taken, kind, head = _head(tokens, i, persons=persons, in_list=bool(parts))
        if not taken:
            if not parts:
                return None
            stop = "predicate" if match(PREDICATES, tokens, i) else "other"
            break
        body_kind, body_head = kind, head
        if kind == "person" and head in _OFFICE_HOLDERS:  # "Chủ tịch UBND các huyện": the body's own head
            held, body_kind, body_head = _head(tokens, i + taken, persons=False, in_list=True)
            taken += held
        end, why = _name_end(tokens, i + taken, persons=persons)
        if why == "colon" and end == i + taken and body_kind == "generic":
            shared, end, why = _shared_head(tokens, i + taken - len(body_head), end + 1, persons=persons)
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


def _shared_head(tokens: Tokens, head_at: int, i: int, *, persons: bool) -> tuple[list[Part], int, str]:
    """ "các Bộ: Tư pháp, Xây dựng và ...": each name after the colon is a body of the head before it
    ("Bộ Tư pháp", "Bộ Xây dựng"); commas always part them. ([], i - 1, "colon") when none follows."""
    prefix = " ".join(t.text for t in tokens[head_at : i - 1]) + " "
    parts: list[Part] = []
    while tokens.has(i) and tokens[i].capitalised and not _head(tokens, i, persons=persons, in_list=True)[0]:
        end, why = _name_end(tokens, i, persons=persons, commas=True)
        if end == i:
            break
        parts.append(Part(i, end - 1, "specific", ";" if parts else None, prefix=prefix))
        if why != "separator" or tokens[end].text == ";":
            return parts, end, why
        i = end + 1
    return (parts, i - 1, "separator") if parts else ([], i - 1, "colon")


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
        groups.append(len(group) > 1 or any(kind != "specific" for kind in kinds))
    end = tokens[parts[-1].last].end
    return UnitList(names, groups, tokens[parts[0].first].start, end, stop, parts)


# Titles of the person at the head of a body: "Giám đốc Sở Y tế" is told what the Sở is to do.
_OFFICE_HOLDERS = frozenset(
    tuple(title.split())
    for title in ("giám đốc", "tổng giám đốc", "chủ tịch", "thủ trưởng", "người đứng đầu", "bí thư")
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
    taken, kind, _ = _head(tokens, after, persons=False, in_list=True)
    return (after, "specific" if kind in ("named", "institution") else kind) if taken else None


def _group(tokens: Tokens, parts: list[Part]) -> list[list[Part]]:
    """Parts joined into units: named bodies stand alone, a list of kinds of bodies is one group."""
    units: list[list[Part]] = [[parts[0]]]
    for part in parts[1:]:
        current = units[-1]
        specific = all(p.kind == "specific" for p in current)
        closed = any(t.low == "thuộc" for t in tokens[current[-1].first : current[-1].last + 1])
        if part.separator == ";":
            split = True
        elif part.separator == ",":
            split = part.kind == "specific" and (specific or closed or _own_level(tokens, part))
        else:  # "và"
            words = " ".join(t.low for t in tokens[current[0].first : current[-1].last + 1])
            # "Mặt trận ... và các đoàn thể" is one group; "Mặt trận ... và Hội Nông dân xã X", two units.
            front = (
                ("mặt trận" in words or "mttq" in words)
                and part.kind != "specific"
                and " ".join(part.head).startswith(_FRONT_PARTNERS)
            )
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


def _own_level(tokens: Tokens, part: Part) -> bool:
    """ "Ủy ban nhân dân các xã, thị trấn" after "các phòng, ban": a people's body with its own level is
    a unit of its own, not one more kind in the list before it."""
    if match(_INSTITUTION, tokens, part.first) < 2:
        return False
    return any(t.low in LEVEL_ENDS or t.low == "các" for t in tokens[part.first : part.last + 1])


def _shared_office(tokens: Tokens, current: list[Part], part: Part) -> bool:
    """ "Văn phòng HĐND và UBND huyện": one office serving two bodies named by their heads alone."""
    if len(current) != 1 or current[0].head != ("văn", "phòng"):
        return False
    served = Tokens.of(tokens[current[0].first + 2 : current[0].last + 1])
    joined = match(_INSTITUTION, tokens, part.first) > 0
    return len(served) == 1 and match(_INSTITUTION, served, 0) == 1 and joined


# What a heading of units may add in brackets: the office inside the unit that does the work ("Sở Nội
# vụ (Ban Thi đua - Khen thưởng)"), its part ("(cơ quan thường trực)"), a short name ("(sau đây gọi chung
# là ...)").
_BRACKETED_TAIL = re.compile(r"^(?:\([^()]*\)\s*)+[.:;]?$")


def unit_heading(text: str) -> UnitList | None:
    """The units of a heading that is nothing but units ("1.2.1. Ban Tuyên giáo Thành ủy", "X:"), with
    what it says of them in brackets."""
    found = read_units(text, persons=True)
    if found is None:
        return None
    rest = text[found.end :].strip(" .:;")
    return found if not rest or _BRACKETED_TAIL.match(rest) else None
