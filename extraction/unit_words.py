"""The scan of one unit's head and the words of its name, token by token, with the phrase tables of
`extraction.unit_tables` (heads, name words, predicates)."""

from __future__ import annotations

from extraction.name_complements import complement_end
from extraction.name_joins import (
    code_word,
    field_after_dash,
    level_ahead,
    second_syllable,
    starts_next_unit,
)
from extraction.tokens import Tokens, lows
from extraction.unit_tables import (
    BODY_WORDS,
    FIELD,
    GENERIC,
    GENERIC_SET,
    HEAD_WORDS,
    INSTITUTION,
    LEVEL_ENDS,
    MAX_TAILS,
    NAME_WORDS,
    NAMED,
    NEEDS_LIST,
    NEXT_UNIT_WORDS,
    NOT_HEADS,
    PERSON,
    PREDICATES,
    QUANT,
    ROMAN_NUMERAL,
    SCHOOL_LEVELS,
    STAFF,
    VERB_SYLLABLES,
    match,
    phrases,
)


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
    # Mid-sentence a capital after "và" goes on the name even on a verb ("Khảo thí và Đảm bảo chất lượng").
    named_verb = tokens[i].low == "và" and not tok.text.isupper()
    return no_head and (named_verb or not match(PREDICATES, tokens, nxt))


def name_end(
    tokens: Tokens, i: int, *, persons: bool, commas: bool = False, head: tuple[str, ...] = ()
) -> tuple[int, str]:
    """Index after the last word of the name that starts at tokens[i], and why it ended there.

    Lower-case words after a capitalised one are read as the end of a name ("Kiểm soát bệnh tật") only
    while the name may go on: after a place named by its level ("xã Quang Bình") or when more ordinary
    words follow them, they are what the unit does ("... Sở Xây dựng bồi dưỡng kỹ năng"): "verb"."""
    tails, after_capital, named, tail_from, placed, first = 0, True, 0, i, False, i
    while 0 <= i < tokens.read or tokens.has(i):
        tok = tokens[i]
        if tok.low == "và" or not (tok.text[0].isalnum() or tok.text == "-"):
            on, why = _mark(tokens, i, tail_from if tails else -1, persons=persons, commas=commas)
            if why:
                return on, why
            i, tails = on, 0
            continue
        if tok.text == "-" and tokens.has(i + 1) and tokens[i + 1].capitalised:
            i += 1
            continue
        if tok.text == "-" and tokens.has(i + 1) and field_after_dash(tokens, i):
            # "thi đua - khen thưởng": a second field of the name, a verb's words included
            i, tails = i + 1 + match(PREDICATES, tokens, i + 1), 0
            continue
        low = tok.low  # a phrase of a table can start here only if the table has this word as a key
        phrase = match(NOT_HEADS, tokens, i) if low in NOT_HEADS else 0
        if phrase and not match(PREDICATES, tokens, i):  # "Ban Chỉ đạo phòng, chống tham nhũng"
            i, tails = i + phrase, 0
            continue
        if tok.capitalised:
            after, why = _capital_word(tokens, i, named)
            if why:
                return after, why
            # "xã Quang Bình", "khu vực XI": after a place or a numbered area nothing more of the name follows
            numbered = tok.text[0] in "IVXL" and ROMAN_NUMERAL.fullmatch(tok.text) is not None
            placed = placed or numbered or tokens[i - 1].low in LEVEL_ENDS
            i, tails, after_capital, named = after, 0, True, named + 1
            continue
        words = match(NAME_WORDS, tokens, i) if low in NAME_WORDS else 0
        if words > 1:  # "các cấp", "địa phương": what follows them in lower case is what the unit does
            i, after_capital = i + words, False
            continue
        closed = -1
        if low in PREDICATES and match(PREDICATES, tokens, i):
            closed = complement_end(tokens, i, head, first) if head else 0
            if closed:
                i, tails, after_capital, placed = closed, 0, False, False
                continue
        if closed == 0 and not second_syllable(tokens, i):
            return i, "predicate"
        if words or tok.text.isdigit() or tok.text == "-" or code_word(tok.text):
            i, after_capital = i + max(words, 1), False
            continue
        if low == "các" and not after_capital and _level_at(tokens, i + 1):
            i += 1  # "Tòa án nhân dân các huyện", "Ban Chỉ huy quân sự các xã": the bodies of each place
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
        if not placed and _before_proper(tokens, i):
            i += 1  # "Trường Trung học phổ thông chuyên Lê Quý Đôn": a word that leads to a proper name
            continue
        return i, "verb" if placed and tok.text.isalpha() else "other"
    return i, "end"


def _before_proper(tokens: Tokens, i: int) -> bool:
    """Whether the lower-case word at tokens[i] sits between name words and a proper name that opens no
    head of its own: a word of the name, not the first of what the unit does."""
    tok = tokens[i]
    if not tok.text.isalpha() or tok.low in QUANT or tok.low in PREDICATES or not tokens.has(i + 1):
        return False
    nxt = tokens[i + 1]
    proper = nxt.capitalised and nxt.text.isalpha()
    return proper and not read_head(tokens, i + 1, persons=True, in_list=True)[0]


def _mark(tokens: Tokens, i: int, tail_from: int, *, persons: bool, commas: bool) -> tuple[int, str]:
    """At a punctuation mark or "và": (where the name goes on, "") or (where it ends, why). `tail_from` is
    where the lower-case words after the name's last capital begin, -1 if none came."""
    tok = tokens[i]
    if tok.text in (",", ";") or tok.low == "và":
        on = _joined_on(tokens, i, persons=persons, commas=commas)
        if on:
            return on, ""
        if tail_from >= 0 and _verb_follows(tokens, i + 1):  # "Sở Tài chính xem xét, tham mưu ...": two verbs
            return tail_from, "verb"
        if tail_from >= 0 and not commas and tok.text == "," and _paired_words(tokens, i + 1):
            return i + 1, ""  # "Công tác học sinh, sinh viên chủ trì": a pair of words inside the name
        return i, "separator"
    return i, "colon" if tok.text == ":" else "other"


def _joined_on(tokens: Tokens, i: int, *, persons: bool, commas: bool) -> int:
    """Where the name goes on after the "," ";" or "và" at tokens[i] when it joins words of one name; 0 when
    it parts two names. After a shared head ("các Bộ: ...") commas part the names, and so does a "và" that
    no field word follows ("Xây dựng và Tài chính"; "Giáo dục và Đào tạo" is one name)."""
    parts = commas and (tokens[i].text == "," or not match(FIELD, tokens, i + 1))
    joins = tokens[i].text != ";" and not parts
    schools = match(SCHOOL_LEVELS, tokens, i + 1) if joins else 0
    if schools and tokens.has(i + 1) and not tokens[i + 1].capitalised:
        return i + 1 + schools  # "Các trường mầm non, tiểu học": one head, levels of it
    if joins and inside_name(tokens, i, persons=persons):
        return i + 1 + (match(FIELD, tokens, i + 1) if tokens[i].low == "và" else 0)
    return 0


def _capital_word(tokens: Tokens, i: int, named: int) -> tuple[int, str]:
    """(index after the capitalised word at tokens[i], "") inside a name, or (i, why the name ends there)."""
    low = tokens[i].low
    proper_next = tokens.has(i + 1) and tokens[i + 1].capitalised  # "Lê Quý Đôn": a person's name
    if low in QUANT and not proper_next and match(QUANT, tokens, i):
        return i, "other"  # "Sở Nội vụ Các sở, ngành": cells of a table run together
    if low in NEXT_UNIT_WORDS and starts_next_unit(tokens, i, named=named):
        return i, "adjacent"
    whole = match(VERB_SYLLABLES, tokens, i) if low in VERB_SYLLABLES else 0  # "Ngoại giao"
    return i + max(whole, 1), ""


def _level_at(tokens: Tokens, i: int) -> bool:
    n = match(NAME_WORDS, tokens, i)
    return n > 0 and tokens[i + n - 1].low in LEVEL_ENDS


def _paired_words(tokens: Tokens, i: int) -> bool:
    """Whether one or two lower-case words at tokens[i] that are neither a head nor a verb lead straight to
    the unit's work: the second of a pair the name was saying ("học sinh, sinh viên", "khám, chữa bệnh")."""
    for k in range(i, i + 3):
        if not tokens.has(k):
            return False
        tok = tokens[k]
        if k > i and match(PREDICATES, tokens, k):
            return True
        if not tok.text.isalpha() or tok.capitalised or match(PREDICATES, tokens, k):
            return False
        if match(QUANT, tokens, k):
            return False
        if read_head(tokens, k, persons=True, in_list=True)[0] or match(NAME_WORDS, tokens, k):
            return False
    return False


def _verb_follows(tokens: Tokens, i: int) -> bool:
    """Whether a lower-case predicate ("tham mưu", "báo cáo") comes at tokens[i]."""
    return tokens.has(i) and not tokens[i].capitalised and match(PREDICATES, tokens, i) > 0
