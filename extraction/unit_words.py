"""The words of a unit's name after its head (`extraction.unit_heads`), token by token: where the name ends
and why, with the phrase tables of `extraction.unit_tables` (name words, predicates, fields)."""

from __future__ import annotations

from extraction.name_complements import complement_end
from extraction.name_fields import field_at, field_goes_on, group_qualifier, portfolio_end
from extraction.name_joins import (
    code_word,
    field_after_dash,
    level_ahead,
    quantified_part,
    second_syllable,
    starts_next_unit,
)
from extraction.tokens import Tokens
from extraction.unit_heads import levelled, read_head
from extraction.unit_tables import (
    FIELD,
    GROUP_QUALIFIERS,
    LEVEL_ENDS,
    MAX_TAILS,
    NAME_WORDS,
    NEXT_UNIT_WORDS,
    NOT_HEADS,
    PORTFOLIO_VERBS,
    PREDICATES,
    QUANT,
    ROMAN_NUMERAL,
    SCHOOL_LEVELS,
    STAFF,
    VERB_SYLLABLES,
    match,
)

__all__ = ["inside_name", "levelled", "name_end", "read_head"]


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
    field_end = -1  # where the last noun of the name's field ended ("... phòng cháy", "... tội phạm")
    while 0 <= i < tokens.read or tokens.has(i):
        tok = tokens[i]
        on = field_goes_on(tokens, i) if i == field_end and not commas else 0
        if on:  # "phòng cháy, chữa cháy và cứu nạn", "tội phạm về ma túy": the field goes on
            i = field_end = on
            continue
        if tok.low == "và" or not (tok.text[0].isalnum() or tok.text == "-"):
            # after a level ("Ủy ban nhân dân tỉnh và các ...") the name is complete
            complete = placed or commas or _level_word(tokens, i - 1)
            joined = quantified_part(tokens, i) if tok.low == "và" and not complete else 0
            if joined:
                i, tails = joined, 0
                continue
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
            placed = placed or numbered or _level_word(tokens, i - 1)
            i, tails, after_capital, named = after, 0, True, named + 1
            continue
        words = match(NAME_WORDS, tokens, i) if low in NAME_WORDS else 0
        if words > 1:  # "các cấp", "địa phương": what follows them in lower case is what the unit does
            i, after_capital = i + words, False
            continue
        kind_picked = group_qualifier(tokens, i) if low in GROUP_QUALIFIERS else 0
        if kind_picked:  # "các xã bị ảnh hưởng": the bodies of the kind it picks out, a complete name
            i, tails, after_capital, placed = i + kind_picked, 0, True, True
            continue
        portfolio = portfolio_end(tokens, i, head) if low in PORTFOLIO_VERBS else 0
        if portfolio:  # "Phó Giám đốc phụ trách chuyên môn": the deputy by the work they answer for
            return portfolio, "predicate"
        closed = -1
        if low in PREDICATES and match(PREDICATES, tokens, i):
            closed = complement_end(tokens, i, head, first) if head else 0
            if closed:
                i, tails, after_capital, placed = closed, 0, False, False
                continue
        if closed == 0 and not second_syllable(tokens, i):
            return i, "predicate"
        by_number = low == "số" and not placed and tokens.has(i + 1) and tokens[i + 1].text.isdigit()
        if by_number:  # "Đội Quản lý thị trường số 3", "Trường Tiểu học số 1": a body told apart by number
            i, after_capital = i + 2, False
            continue
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
        field = field_at(tokens, i) if named and not placed and not _level_word(tokens, i - 1) else 0
        if field:  # "Tổ Tư vấn tâm lý học đường": the field it deals with, not what it does
            i = field_end = i + field
            tails = 0
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


def _level_word(tokens: Tokens, i: int) -> bool:
    """Whether tokens[i] is a level ("tỉnh", "xã", "khu vực"): a capitalised "Khu" heads a proper name ("Khu
    Kinh tế Nghi Sơn", "Khu công nghiệp"), after which the name goes on."""
    tok = tokens[i]
    return tok.low in LEVEL_ENDS and not (tok.low == "khu" and tok.capitalised)


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
