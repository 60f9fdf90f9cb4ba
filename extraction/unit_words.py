"""The words unit names are read with (heads, name words, predicates, from `extraction.lexicon`) and the
scan of one unit's head and the words of its name, token by token."""

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
_ROMAN_NUMERAL = re.compile(r"[IVXL]{1,5}")
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
    named = match(NAMED, tokens, j) if low in NAMED else 0
    if named > best:
        after = tokens[j + named] if tokens.has(j + named) else None
        proper = after is not None and after.capitalised and after.text[0].isalpha()
        if q or in_list or proper or (after is not None and levelled(tokens, j + named)):
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


_HEAD_TABLES = ((INSTITUTION, "institution"), (GENERIC, "generic"), (PERSON, "person"))


def levelled(tokens: Tokens, i: int) -> bool:
    """ "Thanh tra huyện Minh Hà", "Thanh tra tỉnh chủ trì", "Thanh tra thành phố.": a head followed by its
    level, then a place, a predicate or the end of the list, names a body."""
    n = match(NAME_WORDS, tokens, i)
    if not n or tokens[i + n - 1].low not in LEVEL_ENDS:
        return False
    if not tokens.has(i + n):
        return True
    place = tokens[i + n]
    return place.capitalised or place.text in (",", ";", ".", ":") or bool(match(PREDICATES, tokens, i + n))


def inside_name(tokens: Tokens, i: int, *, persons: bool) -> bool:
    """Whether the separator at tokens[i] ("," or "và") joins two words of one name."""
    nxt = i + 1
    if not tokens.has(nxt):
        return False
    if tokens[i].low == "và" and match(FIELD, tokens, nxt):
        return True
    tok = tokens[nxt]
    if not tok.capitalised or not tok.text[0].isalpha() or match(QUANT, tokens, nxt):
        return False
    no_head = read_head(tokens, nxt, persons=persons, in_list=True)[0] == 0
    no_head = no_head or (tokens[i].low == "và" and match(STAFF, tokens, nxt) > 0)
    return no_head and not match(PREDICATES, tokens, nxt)


def name_end(tokens: Tokens, i: int, *, persons: bool, commas: bool = False) -> tuple[int, str]:
    """Index after the last word of the name that starts at tokens[i], and why it ended there.

    Lower-case words after a capitalised one are read as the end of a name ("Kiểm soát bệnh tật") only
    while the name may go on: after a place named by its level ("xã Quang Bình") or when more ordinary
    words follow them, they are what the unit does ("... Sở Xây dựng bồi dưỡng kỹ năng"): "verb"."""
    tails, after_capital, named, tail_from, placed = 0, True, 0, i, False
    while 0 <= i < tokens.read or tokens.has(i):
        tok = tokens[i]
        if tok.text in (",", ";") or tok.low == "và":
            # After a shared head ("các Bộ: ...") commas part the names, and so does a "và" that no field
            # word follows ("Xây dựng và Tài chính"; "Giáo dục và Đào tạo" is one name).
            parts = commas and (tok.text == "," or not match(FIELD, tokens, i + 1))
            joins = tok.text != ";" and not parts
            if joins and inside_name(tokens, i, persons=persons):
                field_words = match(FIELD, tokens, i + 1) if tok.low == "và" else 0
                i, tails = i + 1 + field_words, 0
                continue
            if tails and _verb_follows(tokens, i + 1):  # "Sở Tài chính xem xét, tham mưu ...": two verbs
                return tail_from, "verb"
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
            if low in QUANT and match(QUANT, tokens, i):
                return i, "other"  # "Sở Nội vụ Các sở, ngành": cells of a table run together
            if low in NEXT_UNIT_WORDS and starts_next_unit(tokens, i, named=named):
                return i, "adjacent"
            # "xã Quang Bình", "khu vực XI": after a place or a numbered area nothing more of the name follows
            numbered = tok.text[0] in "IVXL" and _ROMAN_NUMERAL.fullmatch(tok.text) is not None
            placed = placed or numbered or tokens[i - 1].low in LEVEL_ENDS
            i, tails, after_capital, named = i + 1, 0, True, named + 1
            continue
        words = match(NAME_WORDS, tokens, i) if low in NAME_WORDS else 0
        if words > 1:  # "các cấp", "địa phương": what follows them in lower case is what the unit does
            i, after_capital = i + words, False
            continue
        if low in PREDICATES and match(PREDICATES, tokens, i):
            return i, "predicate"
        if words or tok.text.isdigit() or tok.text == "-":
            i, after_capital = i + max(words, 1), False
            continue
        level = level_ahead(tokens, i) if after_capital and tails == MAX_TAILS and not placed else 0
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


def _verb_follows(tokens: Tokens, i: int) -> bool:
    """Whether a lower-case predicate ("tham mưu", "báo cáo") comes at tokens[i]."""
    return tokens.has(i) and not tokens[i].capitalised and match(PREDICATES, tokens, i) > 0


def level_ahead(tokens: Tokens, i: int) -> int:
    """Where a level ("tỉnh", "thành phố") starts among the next few lower-case words; 0 if none does."""
    for k in range(i, i + MAX_TAILS + 1):
        if not tokens.has(k) or not tokens[k].text.isalpha() or tokens[k].capitalised:
            return 0
        n = match(NAME_WORDS, tokens, k)
        if n and tokens[k + n - 1].low in LEVEL_ENDS:
            return k
        if match(PREDICATES, tokens, k):
            return 0
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


# Every head `read_head` finds starts with one of these words (a quantifier or a head of some kind).
OPENERS = frozenset(itertools.chain(QUANT, NAMED, INSTITUTION, GENERIC, PERSON))
HEAD_WORDS = frozenset(itertools.chain(NAMED, INSTITUTION, GENERIC, PERSON))
BODY_WORDS = frozenset(itertools.chain(NAMED, INSTITUTION, GENERIC))  # what "lãnh đạo ..." leads
# `starts_next_unit` is true only where one of these tables has a phrase.
NEXT_UNIT_WORDS = frozenset(itertools.chain(NAMED, INSTITUTION, OFFICES))
