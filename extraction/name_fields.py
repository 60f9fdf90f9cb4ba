"""Words that carry a unit's name on where it would otherwise end: the nouns of the field a body deals with
("Tổ Tư vấn tâm lý học đường", "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"), what picks out
some of a kind of bodies ("Ủy ban nhân dân các xã bị ảnh hưởng") and a deputy's portfolio ("Phó Giám đốc
phụ trách chuyên môn"); and "cùng cấp", after which a name is no body of its own."""

from __future__ import annotations

from extraction import lexicon as lx
from extraction.tokens import Tokens
from extraction.unit_tables import (
    FIELD_NOUNS,
    GROUP_QUALIFIERS,
    LEVEL_ENDS,
    PORTFOLIO_VERBS,
    PREDICATES,
    QUANT,
    SAME_LEVEL,
    match,
)

__all__ = ["field_at", "field_goes_on", "group_qualifier", "portfolio_end", "same_level"]

# The last word of a level or of a kind of bodies ("xã", "địa phương", "đơn vị"): what a qualifier may follow.
_KIND_ENDS = LEVEL_ENDS | frozenset(head.split()[-1] for head in lx.GENERIC_HEADS)
_MAX_PORTFOLIO = 8  # tokens: "lĩnh vực văn hóa - xã hội", "công tác học sinh"


def field_at(tokens: Tokens, i: int) -> int:
    """Length in tokens of a lower-case noun of a field at tokens[i] ("tâm lý", "cứu hộ"), 0 if none."""
    if not tokens.has(i) or tokens[i].capitalised or tokens[i].low not in FIELD_NOUNS:
        return 0
    return match(FIELD_NOUNS, tokens, i)


def field_goes_on(tokens: Tokens, i: int) -> int:
    """At a ",", "và" or "về" just after a field noun of a name: where the name goes on when another field
    noun follows ("phòng cháy, chữa cháy", "tội phạm về ma túy"); 0 when none does."""
    tok = tokens[i]
    if tok.text != "," and tok.low not in ("và", "về"):
        return 0
    n = field_at(tokens, i + 1)
    return i + 1 + n if n else 0


def group_qualifier(tokens: Tokens, i: int) -> int:
    """Length in tokens of what picks out some bodies of a kind at tokens[i] ("các xã bị ảnh hưởng", "các
    huyện, thị xã có đê"): right after a level or kind that a quantifier opened a few words before; else 0."""
    if i < 2 or tokens[i].low not in GROUP_QUALIFIERS or tokens[i - 1].low not in _KIND_ENDS:
        return 0
    n = match(GROUP_QUALIFIERS, tokens, i)
    quantified = any(tokens[k].low in QUANT for k in range(max(0, i - 5), i - 1))
    return n if quantified else 0


def portfolio_end(tokens: Tokens, i: int, head: tuple[str, ...]) -> int:
    """ "Phó Hiệu trưởng phụ trách công tác học sinh chịu trách nhiệm ...": where the portfolio that follows a
    deputy's title at tokens[i] ends (at the verb after it, a colon or the end of a heading); 0 when none
    opens there, or when what follows reads as what the deputy does (a comma, a verb straight after)."""
    deputy = bool(head) and "phó" in (head[0], head[-1])  # "Phó Giám đốc", "Hiệu phó", "Tổ phó"
    n = match(PORTFOLIO_VERBS, tokens, i) if deputy and tokens[i].low in PORTFOLIO_VERBS else 0
    if not n:
        return 0
    first = i + n
    for k in range(first, first + _MAX_PORTFOLIO):
        if not tokens.has(k) or tokens[k].text == ":":
            return k if k > first else 0
        tok = tokens[k]
        if match(PREDICATES, tokens, k):
            return k if k > first else 0
        if tok.text != "-" and (not tok.text.isalpha() or tok.capitalised):
            return 0
    return 0


def same_level(tokens: Tokens, i: int) -> bool:
    """Whether "cùng cấp" follows a name at tokens[i]: "Công an cùng cấp" is the body of the level of another
    unit of the sentence, not a body of its own."""
    return tokens.has(i) and tokens[i].low in SAME_LEVEL and match(SAME_LEVEL, tokens, i) > 0
