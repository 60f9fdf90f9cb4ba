"""The words of a unit's name after its head (`extraction.unit_heads`), token by token: where the name ends
and why, with the phrase tables of `extraction.unit_tables` (name words, predicates, fields); at a mark
or "và", `extraction.name_marks`."""

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
from extraction.name_marks import at_mark, inside_name
from extraction.tokens import Tokens
from extraction.unit_heads import levelled, read_head
from extraction.unit_tables import (
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
    VERB_SYLLABLES,
    match,
)

__all__ = ["inside_name", "levelled", "name_end", "read_head"]


class _Name:
    """How far the reading of one name has got, besides the index of its next word."""

    __slots__ = ("after_capital", "field_end", "first", "named", "placed", "tail_from", "tails")

    def __init__(self, first: int) -> None:
        self.first = first  # where the name starts
        self.tails = 0  # lower-case words read since the last capitalised one
        self.after_capital = True  # no word of a table (a level, a number) came since the last capital
        self.named = 0  # capitalised words read
        self.tail_from = first  # where those lower-case words begin (valid while `tails`)
        self.placed = False  # a place or a numbered area ended the name's words: nothing more follows
        # where the last noun of the name's field ended ("... phòng cháy", "... tội phạm")
        self.field_end = -1


def name_end(
    tokens: Tokens, i: int, *, persons: bool, commas: bool = False, head: tuple[str, ...] = ()
) -> tuple[int, str]:
    """Index after the last word of the name that starts at tokens[i], and why it ended there.

    Lower-case words after a capitalised one are read as the end of a name ("Kiểm soát bệnh tật") only
    while the name may go on: after a place named by its level ("xã Quang Bình") or when more ordinary
    words follow them, they are what the unit does ("... Sở Xây dựng bồi dưỡng kỹ năng"): "verb".
    Each word is read by one step below; a step returns where the name goes on ("") or ends (why)."""
    name = _Name(i)
    while 0 <= i < tokens.read or tokens.has(i):
        tok = tokens[i]
        on = field_goes_on(tokens, i) if i == name.field_end and not commas else 0
        if on:  # "phòng cháy, chữa cháy và cứu nạn", "tội phạm về ma túy": the field goes on
            i = name.field_end = on
            continue
        if tok.low == "và" or not (tok.text[0].isalnum() or tok.text == "-"):
            i, why = _at_separator(tokens, i, name, persons=persons, commas=commas)
        else:
            i, why = _at_word(tokens, i, name, head)
        if why:
            return i, why
    return i, "end"


def _at_separator(tokens: Tokens, i: int, name: _Name, *, persons: bool, commas: bool) -> tuple[int, str]:
    """At a punctuation mark or "và": a quantified part joined on ("... và các đơn vị trực thuộc") goes on;
    otherwise `at_mark` says whether the mark joins words of one name or ends it, and why."""
    # after a level ("Ủy ban nhân dân tỉnh và các ...") the name is complete
    complete = name.placed or commas or _level_word(tokens, i - 1)
    joined = quantified_part(tokens, i) if tokens[i].low == "và" and not complete else 0
    if joined:
        name.tails = 0
        return joined, ""
    on, why = at_mark(tokens, i, name.tail_from if name.tails else -1, persons=persons, commas=commas)
    if not why:
        name.tails = 0
    return on, why


def _at_word(tokens: Tokens, i: int, name: _Name, head: tuple[str, ...]) -> tuple[int, str]:
    """At a word or a dash: what joins two parts of a name (a dash, a phrase no head opens) goes on, then a
    capitalised word is read by `_capital_word` and a lower-case one by `_lower_word`."""
    tok = tokens[i]
    if tok.text == "-" and tokens.has(i + 1) and tokens[i + 1].capitalised:
        return i + 1, ""
    if tok.text == "-" and tokens.has(i + 1) and field_after_dash(tokens, i):
        # "thi đua - khen thưởng": a second field of the name, a verb's words included
        name.tails = 0
        return i + 1 + match(PREDICATES, tokens, i + 1), ""
    low = tok.low  # a phrase of a table can start here only if the table has this word as a key
    phrase = match(NOT_HEADS, tokens, i) if low in NOT_HEADS else 0
    if phrase and not match(PREDICATES, tokens, i):  # "Ban Chỉ đạo phòng, chống tham nhũng"
        name.tails = 0
        return i + phrase, ""
    if tok.capitalised:
        after, why = _capital_word(tokens, i, name.named)
        if why:
            return after, why
        # "xã Quang Bình", "khu vực XI": after a place or a numbered area nothing more of the name follows
        numbered = tok.text[0] in "IVXL" and ROMAN_NUMERAL.fullmatch(tok.text) is not None
        name.placed = name.placed or numbered or _level_word(tokens, i - 1)
        name.tails, name.after_capital, name.named = 0, True, name.named + 1
        return after, ""
    return _lower_word(tokens, i, name, head)


def _lower_word(tokens: Tokens, i: int, name: _Name, head: tuple[str, ...]) -> tuple[int, str]:
    """At a lower-case word: the first step that knows the word decides, in this order: words of the
    name's tables (`_table_words`), what the unit does (`_predicate`), a number or a code, a level or a
    field the name ends with (`_level_or_field`), and last the plain words after a capital (`_tail`)."""
    low = tokens[i].low
    words = match(NAME_WORDS, tokens, i) if low in NAME_WORDS else 0
    # A step is asked only when the word is a key of its tables: most words are in none of them.
    step = _table_words(tokens, i, name, words) if words > 1 or low in GROUP_QUALIFIERS else None
    if step is None and (low in PORTFOLIO_VERBS or low in PREDICATES):
        step = _predicate(tokens, i, name, head)
    if step:
        return step
    tok = tokens[i]
    by_number = low == "số" and not name.placed and tokens.has(i + 1) and tokens[i + 1].text.isdigit()
    if by_number:  # "Đội Quản lý thị trường số 3", "Trường Tiểu học số 1": a body told apart by number
        name.after_capital = False
        return i + 2, ""
    if words or tok.text.isdigit() or tok.text == "-" or code_word(tok.text):
        name.after_capital = False
        return i + max(words, 1), ""
    if low == "các" and not name.after_capital and _level_at(tokens, i + 1):
        # "Tòa án nhân dân các huyện", "Ban Chỉ huy quân sự các xã": the bodies of each place
        return i + 1, ""
    return _level_or_field(tokens, i, name) or _tail(tokens, i, name)


def _table_words(tokens: Tokens, i: int, name: _Name, words: int) -> tuple[int, str] | None:
    """Several words of the name's table (`words` of them: "các cấp", "địa phương") go on without closing
    it to a verb; a qualifier picking out bodies of a kind ("các xã bị ảnh hưởng") completes the name."""
    if words > 1:  # what follows them in lower case is what the unit does
        name.after_capital = False
        return i + words, ""
    kind_picked = group_qualifier(tokens, i) if tokens[i].low in GROUP_QUALIFIERS else 0
    if kind_picked:  # the bodies of the kind it picks out, a complete name
        name.tails, name.after_capital, name.placed = 0, True, True
        return i + kind_picked, ""
    return None


def _predicate(tokens: Tokens, i: int, name: _Name, head: tuple[str, ...]) -> tuple[int, str] | None:
    """A word of what a unit does: it ends the name ("predicate"), unless it names the work a deputy answers
    for (ended after it) or, after a head that takes one, the complement the body is named by (goes on)."""
    low = tokens[i].low
    portfolio = portfolio_end(tokens, i, head) if low in PORTFOLIO_VERBS else 0
    if portfolio:  # "Phó Giám đốc phụ trách chuyên môn": the deputy by the work they answer for
        return portfolio, "predicate"
    if low in PREDICATES and match(PREDICATES, tokens, i):
        closed = complement_end(tokens, i, head, name.first) if head else 0
        if closed:
            name.tails, name.after_capital, name.placed = 0, False, False
            return closed, ""
        if not second_syllable(tokens, i):
            return i, "predicate"
    return None


def _level_or_field(tokens: Tokens, i: int, name: _Name) -> tuple[int, str] | None:
    """The words up to a level after as many plain words as a name takes ("Ban Quản lý các khu công nghiệp
    thành phố") and the field a named body deals with ("Tổ Tư vấn tâm lý học đường") are the name's."""
    placed = name.placed
    level = level_ahead(tokens, i) if name.after_capital and name.tails == MAX_TAILS and not placed else 0
    if level:
        name.tails, name.placed = 0, True
        return level, ""
    field = field_at(tokens, i) if name.named and not placed and not _level_word(tokens, i - 1) else 0
    if field:  # the field it deals with, not what it does
        name.field_end = i + field
        name.tails = 0
        return i + field, ""
    return None


def _tail(tokens: Tokens, i: int, name: _Name) -> tuple[int, str]:
    """A plain lower-case word: after a capital it may end the name ("Kiểm soát bệnh tật") for up to
    `MAX_TAILS` words; after a place, or past them, the words from the first plain one are a verb's."""
    tok = tokens[i]
    alpha = tok.text.isalpha()
    if name.after_capital and alpha and (name.placed or name.tails == MAX_TAILS):
        return (name.tail_from if name.tails else i), "verb"
    if name.after_capital and alpha:
        # The syllable after a name's first capital is its own ("Xây dựng"): a verb starts after it.
        if not name.tails:
            name.tail_from = i + int(name.named == 1 and tokens[i - 1].capitalised)
        name.tails += 1
        return i + 1, ""
    if not name.placed and _before_proper(tokens, i):
        return i + 1, ""  # "Trường Trung học phổ thông chuyên Lê Quý Đôn": a word that leads to a proper name
    return i, "verb" if name.placed and alpha else "other"


def _before_proper(tokens: Tokens, i: int) -> bool:
    """Whether the lower-case word at tokens[i] sits between name words and a proper name that opens no
    head of its own: a word of the name, not the first of what the unit does."""
    tok = tokens[i]
    if not tok.text.isalpha() or tok.low in QUANT or tok.low in PREDICATES or not tokens.has(i + 1):
        return False
    nxt = tokens[i + 1]
    proper = nxt.capitalised and nxt.text.isalpha()
    return proper and not read_head(tokens, i + 1, persons=True, in_list=True)[0]


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
