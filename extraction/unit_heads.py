"""The head of a unit at a place in a text ("Sở", "Ủy ban nhân dân", "các cấp ủy", "Giám đốc"), with the
phrase tables of `extraction.unit_tables`; the words of the name after it are read by `unit_words`."""

from __future__ import annotations

from extraction.name_complements import complement_end
from extraction.tokens import Tokens, lows
from extraction.unit_tables import (
    BODY_WORDS,
    GENERIC,
    GENERIC_SET,
    HEAD_WORDS,
    INSTITUTION,
    LEVEL_ENDS,
    NAME_WORDS,
    NAMED,
    NEEDS_LIST,
    NOT_HEADS,
    PERSON,
    PREDICATES,
    QUANT,
    match,
    phrases,
)

__all__ = ["levelled", "read_head"]


def read_head(tokens: Tokens, i: int, *, persons: bool, in_list: bool) -> tuple[int, str, tuple[str, ...]]:
    """(tokens taken by quantifier and head, kind, head words) at tokens[i]; (0, '', ()) if no head."""
    if not tokens.has(i):
        return 0, "", ()
    q = match(QUANT, tokens, i) if tokens[i].low in QUANT else 0
    j = i + q
    if q and not tokens.has(j):
        return 0, "", ()
    tok = tokens[j]
    if tok.low not in HEAD_WORDS:  # no table below has a phrase that starts with it
        return 0, "", ()
    if tok.text.isupper() and len(tok.text) <= 5 and match(INSTITUTION, tokens, j) == 1:
        return q + 1, "specific" if not q else "generic", (tok.low,)
    best, kind = 0, ""
    low = tok.low  # a table without this word as a key has no phrase here: `match` is not asked
    for table, name in _HEAD_TABLES:
        n = match(table, tokens, j) if low in table else 0
        if n > best and not (name == "institution" and n == 1 and len(tok.text) <= 3):
            best, kind = n, name
    if kind == "person" and (not persons or (best == 2 and tok.low == "đồng" and not q)):
        return 0, "", ()
    named = match(NAMED, tokens, j) if low in NAMED and not _not_head(tokens, j) else 0
    if named > best:
        after = tokens[j + named] if tokens.has(j + named) else None
        proper = after is not None and after.capitalised and after.text[0].isalpha()
        placed = after is not None and levelled(tokens, j + named)
        subject = after is not None and after.low in ("về", "tại") and _complemented(tokens, j, named)
        if q or in_list or proper or placed or subject:
            best, kind = named, "named"
    if not best and q and tok.low == "tổ" and tokens.has(j + 1) and tokens[j + 1].low == "chức":
        best, kind = 2, "generic"
    if not best:
        return 0, "", ()
    words = (low,) if best == 1 else lows(tokens[j : j + best])
    nxt = tokens[j + best] if tokens.has(j + best) else None
    followed_by_name = nxt is not None and nxt.capitalised and nxt.text[0].isalpha()
    if kind == "person":
        of_body = followed_by_name or (nxt is not None and (nxt.low in QUANT or nxt.low in BODY_WORDS))
        if words == ("lãnh", "đạo") and not (q or in_list or of_body):
            return 0, "", ()  # "Lãnh đạo thực hiện ...": the verb "to lead", not the leaders of a body
        return q + best, "person", words
    if words in NEEDS_LIST and not (q or in_list or followed_by_name):
        return 0, "", ()
    if q or (words in GENERIC_SET and not followed_by_name) or (tok.text.islower() and not followed_by_name):
        return q + best, "generic", words
    return q + best, "specific", words


def _not_head(tokens: Tokens, i: int) -> bool:
    """ "Phòng, chống ...", "Tổ quốc": a head's word opening a phrase that names no body; but "Tổ Quốc
    phòng" is a team named by its field (defence), not the fatherland."""
    if tokens[i].low not in NOT_HEADS or not match(NOT_HEADS, tokens, i):
        return False
    return not (tokens[i].low == "tổ" and tokens.has(i + 2) and tokens[i + 2].low == "phòng")


_HEAD_TABLES = ((INSTITUTION, "institution"), (GENERIC, "generic"), (PERSON, "person"))


def _complemented(tokens: Tokens, j: int, named: int) -> bool:
    """ "Tổ công tác về cải cách thủ tục hành chính tỉnh chủ trì": a head named by its subject alone."""
    return complement_end(tokens, j + named, lows(tokens[j : j + named]), j + named) > 0


_OF_THE_PEOPLE = phrases(("nhân dân",))


def levelled(tokens: Tokens, i: int) -> bool:
    """ "Thanh tra huyện Minh Hà", "Thanh tra tỉnh chủ trì", "Thanh tra thành phố.": a head followed by its
    level, then a place, a predicate or the end of the list, names a body."""
    if match(_OF_THE_PEOPLE, tokens, i):  # "Tòa án nhân dân tỉnh", "Tòa án nhân dân các huyện"
        i += 2 + (tokens.has(i + 2) and tokens[i + 2].low == "các")
    n = match(NAME_WORDS, tokens, i)
    if not n or tokens[i + n - 1].low not in LEVEL_ENDS:
        return False
    if not tokens.has(i + n):
        return True
    place = tokens[i + n]
    return place.capitalised or place.text in (",", ";", ".", ":") or bool(match(PREDICATES, tokens, i + n))
