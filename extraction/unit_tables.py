"""The phrase tables unit names are read with (heads, name words, predicates, from `extraction.lexicon`),
and the match of a table's longest phrase at a token."""

from __future__ import annotations

import itertools
import re

from extraction import lexicon as lx
from extraction.tokens import Tokens, lows, tokenize


def phrases(words: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in words:
        parts = tuple(t.text for t in tokenize(phrase))
        table.setdefault(parts[0], []).append(parts)
    for options in table.values():
        options.sort(key=len, reverse=True)
    return table


QUANT = phrases(lx.QUANTIFIERS)
NAMED = phrases(lx.NAMED_HEADS)
INSTITUTION = phrases(lx.INSTITUTION_HEADS)
GENERIC = phrases(lx.GENERIC_HEADS)
PERSON = phrases(lx.PERSON_HEADS)
NAME_WORDS = phrases(lx.NAME_WORDS)
FIELD = phrases(lx.FIELD_WORDS)
PREDICATES = phrases(lx.PREDICATES)
STAFF = phrases(lx.STAFF)
VERB_SYLLABLES = phrases(lx.VERB_SYLLABLE_WORDS)
SCHOOL_LEVELS = phrases(lx.SCHOOL_LEVELS)
NOT_HEADS = phrases(lx.NOT_HEADS)
ROLES = phrases(lx.ROLE_WORDS)
FIELD_NOUNS = phrases(lx.FIELD_NOUNS)
GROUP_QUALIFIERS = phrases(lx.GROUP_QUALIFIERS)
PORTFOLIO_VERBS = phrases(lx.PORTFOLIO_VERBS)
SAME_LEVEL = phrases(lx.SAME_LEVEL)
# Heads of offices that may follow a complete name when table cells run together.
OFFICES = phrases(("văn phòng", "trung tâm", "công an", "bảo hiểm xã hội", "viện kiểm sát"))
GENERIC_SET = {tuple(t.text for t in tokenize(w)) for w in lx.GENERIC_HEADS}
# Generic heads that are ordinary words at the start of a sentence ("Ban hành", "Huyện tổ chức").
NEEDS_LIST = {
    tuple(t.text for t in tokenize(w))
    for w in lx.GENERIC_HEADS
    if " " not in w or w in ("thành phố", "thị xã", "thị trấn", "cơ sở")
}
# Lower-case words after a capitalised one inside a name: "Kiểm soát bệnh tật", "Quản lý đô thị".
MAX_TAILS = 3
ROMAN_NUMERAL = re.compile(r"[IVXL]{1,5}")
LEVEL_ENDS = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "phố", "trấn", "trung ương", "khu"})
COMMITTEES = frozenset({"thành ủy", "tỉnh ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy"})
FRONT_PARTNERS = ("tổ chức chính trị", "đoàn thể", "tổ chức thành viên", "hội")


def match(table: dict[str, list[tuple[str, ...]]], tokens: Tokens, i: int) -> int:
    """Length in tokens of the longest phrase of `table` at tokens[i], 0 if none."""
    options = table.get(tokens[i].low) if (0 <= i < tokens.read or tokens.has(i)) else None
    if not options:
        return 0
    for phrase in options:
        # The first word is the table's key: only the words after it need comparing.
        n = len(phrase)
        if n == 1:
            return 1
        there = i + n <= tokens.read or tokens.has(i + n - 1)
        if there and tokens[i + 1].low == phrase[1] and (n == 2 or lows(tokens[i + 2 : i + n]) == phrase[2:]):
            return n
    return 0


# Every head `read_head` finds starts with one of these words (a quantifier or a head of some kind).
OPENERS = frozenset(itertools.chain(QUANT, NAMED, INSTITUTION, GENERIC, PERSON))
HEAD_WORDS = frozenset(itertools.chain(NAMED, INSTITUTION, GENERIC, PERSON))
BODY_WORDS = frozenset(itertools.chain(NAMED, INSTITUTION, GENERIC))  # what "lãnh đạo ..." leads
# `starts_next_unit` is true only where one of these tables has a phrase.
NEXT_UNIT_WORDS = frozenset(itertools.chain(NAMED, INSTITUTION, OFFICES))
