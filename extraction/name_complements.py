"""The phrase some bodies take after their name ("Ban Chỉ đạo tỉnh về chuyển đổi số", "Văn phòng đại diện
... tại ..."), told from a "về"/"tại" phrase of the sentence the name is the subject of."""

from __future__ import annotations

from extraction import lexicon as lx
from extraction.tokens import Tokens, lows
from extraction.unit_tables import (
    GENERIC,
    INSTITUTION,
    LEVEL_ENDS,
    NAME_WORDS,
    NAMED,
    PREDICATES,
    QUANT,
    match,
    phrases,
)

_COMPLEMENTED = {opener: tuple(words) for opener, words in lx.NAME_COMPLEMENTS.items()}
_ROLES = phrases(lx.ROLE_WORDS)
_NOT_COMPLEMENT = phrases(lx.NOT_NAME_COMPLEMENTS)
# The heads of the names that any word may go on ("Ban Quản lý" of "ban quản lý dự án").
_FREE_HEADS = frozenset(
    head
    for head in (tuple(h.split()) for h in lx.INSTITUTION_HEADS)
    if any(f"{name} ".startswith(" ".join(head) + " ") for name in lx.NAME_COMPLEMENTS[""])
)
_MAX_COMPLEMENT = 24  # tokens: a steering committee's subject runs to twenty ("phòng, chống tham nhũng, ...")


def complement_end(tokens: Tokens, i: int, head: tuple[str, ...], first: int) -> int:
    """Where the phrase at tokens[i] ends when it goes on the name of a body that takes one (the head and
    tokens[first:i]; see `lx.NAME_COMPLEMENTS`), 0 when it does not: it must close as a subject does, at a
    role ("... chủ trì"), a colon, a level before the work ("... tỉnh triển khai") or the end of a heading."""
    opener = tokens[i].low if tokens[i].low in ("về", "tại") else ""
    if opener == "" and (head not in _FREE_HEADS or match(_ROLES, tokens, i)):
        return 0  # most names end at their first verb: only these heads are asked further
    words = lows(tokens[first:i])
    if opener == "" and any(word in LEVEL_ENDS for word in words):
        return 0  # "Ban Chỉ đạo tỉnh chỉ đạo ...": a name with its level is complete
    name = " ".join((*head, *words))
    if not any(word in name for word in _COMPLEMENTED[opener]):
        return 0
    j = i + 1 if opener else i
    if not tokens.has(j) or match(QUANT, tokens, j) or match(_NOT_COMPLEMENT, tokens, j):
        return 0
    return _phrase_end(tokens, j, free=not opener)


def _phrase_end(tokens: Tokens, j: int, *, free: bool) -> int:
    """Where the phrase from tokens[j] closes as a subject's name does; 0 if it does not. A `free` phrase
    (no "về"/"tại" opens it) must close before a level or a role, and names no bodies after "các"."""
    acts = False  # a verb in the phrase: at the text's end it was a sentence, not a heading
    for k in range(j, j + _MAX_COMPLEMENT):
        if not tokens.has(k) or (tokens[k].text == "." and not tokens.has(k + 1)):
            return k if k > j and not (free or acts) else 0  # "1. Ban Chỉ đạo tỉnh về chuyển đổi số"
        tok = tokens[k]
        verb = tok.low in PREDICATES and match(PREDICATES, tokens, k) > 0
        if verb and not (free or acts) and k > j + 1 and tokens[k - 1].text.isalnum():
            return k  # "Ủy ban Quốc gia về chuyển đổi số chỉ đạo ...": the subject's first verb
        acts = acts or verb
        if k > j and (tok.text == ":" or match(_ROLES, tokens, k)):
            return k if tokens[k - 1].text != "," else 0  # ", phối hợp ...": a second verb of the sentence
        if tok.text in (",", "-") or tok.low == "và":
            nxt = k + 1
            next_unit = tokens.has(nxt) and tokens[nxt].capitalised
            if next_unit and (match(NAMED, tokens, nxt) or match(INSTITUTION, tokens, nxt)):
                return 0  # the next unit of a list
            continue
        if k > j and _closing_level(tokens, k):
            return k
        if k > j and free and _area_closes(tokens, k):
            return k + 2  # "Ban Quản lý dự án đầu tư xây dựng khu vực đôn đốc ...": the name ends at its area
        if not tok.text[0].isalnum() or (free and tok.low in QUANT and _bodies_at(tokens, k + 1)):
            return 0  # "Ban Chỉ đạo chỉ đạo các xã ...": what the body does to others
    return 0


def _bodies_at(tokens: Tokens, k: int) -> bool:
    """Whether a kind of bodies is named at tokens[k] ("xã", "đơn vị", "sở"), not things ("công trình")."""
    return tokens.has(k) and any(match(table, tokens, k) for table in (GENERIC, NAMED, INSTITUTION))


def _closing_level(tokens: Tokens, k: int) -> bool:
    """ "... tiêu cực tỉnh chủ trì", "... cấp xã Quang Bình": a level after which the name is complete."""
    n = match(NAME_WORDS, tokens, k)
    return bool(n) and tokens[k + n - 1].low in LEVEL_ENDS and _name_closed_at(tokens, k + n)


def _area_closes(tokens: Tokens, k: int) -> bool:
    """ "... khu vực đôn đốc", "... khu vực Nam Đàn": "khu vực" followed by a verb, a name or the sentence's
    end is the area a body serves, closing its name as a level does ("khu vực biên giới" goes on)."""
    area = tokens[k].low == "khu" and tokens.has(k + 1) and tokens[k + 1].low == "vực"
    return area and _name_closed_at(tokens, k + 2)


def _name_closed_at(tokens: Tokens, after: int) -> bool:
    """Whether a name is complete before tokens[after]: the end, a place's name, a stop or a verb follows."""
    if not tokens.has(after):
        return True
    nxt = tokens[after]
    return nxt.capitalised or nxt.text in (",", ";", ".", ":") or bool(match(PREDICATES, tokens, after))
