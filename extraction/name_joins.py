"""Marks and words that join a unit's name on or end it where it looks like it goes on: a dash before a
second field, a verb that is a noun's second syllable, a class code, a level a few words on, a body's head
where table cells run together."""

from __future__ import annotations

from extraction.tokens import Tokens
from extraction.unit_tables import (
    COMMITTEES,
    GENERIC,
    INSTITUTION,
    LEVEL_ENDS,
    MAX_TAILS,
    NAME_WORDS,
    NAMED,
    OFFICES,
    PERSON,
    PREDICATES,
    QUANT,
    ROLES,
    VERB_SYLLABLES,
    match,
)

__all__ = [
    "bare_head",
    "code_word",
    "field_after_dash",
    "level_ahead",
    "quantified_part",
    "second_syllable",
    "starts_next_unit",
]


def level_ahead(tokens: Tokens, i: int) -> int:
    """Where a level ("tỉnh", "thành phố") starts among the next few lower-case words; 0 if none does."""
    k = i
    for _ in range(MAX_TAILS + 1):
        if not tokens.has(k) or not tokens[k].text.isalpha() or tokens[k].capitalised:
            return 0
        n = match(NAME_WORDS, tokens, k)
        if n and tokens[k + n - 1].low in LEVEL_ENDS:
            return k
        if match(PREDICATES, tokens, k):
            return 0
        k += max(n, 1)  # "trên địa bàn tỉnh": a phrase of the name counts as one word
    return 0


def starts_next_unit(tokens: Tokens, i: int, *, named: int = 0) -> bool:
    """A body's head where table cells run together: "... UBND huyện Phòng Tư pháp" (after a level word)
    or "Phòng Nội vụ Văn phòng HĐND" (after a name with a proper word of its own). A party or people's
    committee there is still part of the name ("Ban Tuyên giáo Huyện ủy", "Văn phòng UBND tỉnh")."""
    if i == 0 or tokens[i].low in COMMITTEES or (named == 1 and bare_head(tokens, i - 1)):
        return False
    if tokens[i - 1].low in LEVEL_ENDS:
        return bool(match(NAMED, tokens, i) or match(INSTITUTION, tokens, i))
    institution = match(INSTITUTION, tokens, i)
    if named and institution and tokens.has(i + institution) and tokens[i + institution].low == "các":
        return True  # "Chi cục Chăn nuôi UBND các huyện": no body's name goes on into "UBND các ..."
    heads = match(OFFICES, tokens, i) or (0 if institution else match(NAMED, tokens, i))
    following = tokens[i + heads] if heads and tokens.has(i + heads) else None
    return bool(named and heads and following and following.capitalised)


def bare_head(tokens: Tokens, i: int) -> bool:
    """ "Đoàn Trường Đại học X": a name whose only proper word is a head ("Trường") goes on into the head
    after it, which is the rest of one compound head, not the next unit."""
    tok = tokens[i]
    return tok.capitalised and (match(NAMED, tokens, i) == 1 or match(INSTITUTION, tokens, i) == 1)


def field_after_dash(tokens: Tokens, i: int) -> bool:
    """ "Hội đồng thi đua - khen thưởng tỉnh": lower-case words after a dash that follows lower-case words
    of a name are a second field of it, even a verb's ("khen thưởng"), unless they are the unit's role."""
    before, nxt = tokens[i - 1], tokens[i + 1]
    if not before.text.isalpha() or before.capitalised or not nxt.text.isalpha():
        return False
    return not match(ROLES, tokens, i + 1)


def second_syllable(tokens: Tokens, i: int) -> bool:
    """ "công trình", "chương trình": a verb ("trình") that is the second syllable of a noun of the name."""
    return i > 0 and tokens[i - 1].low in VERB_SYLLABLES and match(VERB_SYLLABLES, tokens, i - 1) > 1


def code_word(word: str) -> bool:
    """ "10A1", "12C": a class or a code of digits and capitals names a unit ("Chi đoàn 10A1")."""
    return word[0].isdigit() and word.isalnum() and not word.islower() and len(word) <= 8


def quantified_part(tokens: Tokens, i: int) -> int:
    """ "Ban Quản lý Khu kinh tế X và các Khu công nghiệp Y": after the "và" at tokens[i], a quantifier and a
    capitalised word that opens no head are more places the body manages, a part of its name; where the name
    goes on (at that word), 0 when no such part follows."""
    k = i + 1 + (match(QUANT, tokens, i + 1) if tokens.has(i + 1) else 0)
    if k == i + 1 or not tokens.has(k) or not tokens[k].capitalised or not tokens[k].text.isalpha():
        return 0
    heads = (NAMED, INSTITUTION, GENERIC, PERSON, PREDICATES)
    return 0 if any(match(table, tokens, k) for table in heads) else k
