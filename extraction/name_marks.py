"""Where a unit's name goes on or ends at a punctuation mark or "và" (see `extraction.unit_words`)."""

from __future__ import annotations

from extraction.tokens import Tokens
from extraction.unit_heads import read_head
from extraction.unit_tables import FIELD, NAME_WORDS, PREDICATES, QUANT, SCHOOL_LEVELS, STAFF, match

__all__ = ["at_mark", "inside_name"]


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


def at_mark(tokens: Tokens, i: int, tail_from: int, *, persons: bool, commas: bool) -> tuple[int, str]:
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
