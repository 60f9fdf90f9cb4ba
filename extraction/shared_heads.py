"""Lists under a shared head: "các Bộ: Tư pháp, Xây dựng", "Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng",
"Giám đốc các sở: Tài chính, Y tế": each name after the colon is a body of the head before it."""

from __future__ import annotations

from dataclasses import dataclass

from extraction.tokens import Tokens
from extraction.unit_tables import PREDICATES, match
from extraction.unit_words import name_end, read_head


@dataclass
class Part:
    first: int  # token index
    last: int  # token index, inclusive
    kind: str  # specific | generic | person
    separator: str | None  # what came before it: "," ";" "và" or None
    head: tuple[str, ...] = ()
    prefix: str = ""  # the shared head of "các Bộ: Tư pháp, Xây dựng", written before this part's name


def shared_head(
    tokens: Tokens, head_at: int, i: int, *, persons: bool, prefix: str = ""
) -> tuple[list[Part], int, str]:
    """ "các Bộ: Tư pháp, Xây dựng và ...": each name after the colon is a body of the head before it
    ("Bộ Tư pháp", "Bộ Xây dựng"), or of `prefix`; commas part them, unless semicolons do ("các Sở: Văn
    hóa, Thể thao và Du lịch; Y tế"). ([], i - 1, "colon") when none follows."""
    prefix = prefix or " ".join(t.text for t in tokens[head_at : i - 1]) + " "
    by_semicolons = _shared_names(tokens, i, persons=persons, prefix=prefix, semicolons=True)
    if len(by_semicolons[0]) > 1:
        return by_semicolons
    return _shared_names(tokens, i, persons=persons, prefix=prefix, semicolons=False)


def _shared_names(
    tokens: Tokens, i: int, *, persons: bool, prefix: str, semicolons: bool
) -> tuple[list[Part], int, str]:
    parts: list[Part] = []
    while tokens.has(i) and _named_on(tokens, i, persons=persons):
        end, why = name_end(tokens, i, persons=persons, commas=not semicolons)
        if end == i:
            break
        parts.append(Part(i, end - 1, "specific", ";" if parts else None, prefix=prefix))
        if why != "separator" or (tokens[end].text == ";") != semicolons:
            return parts, end, why
        i = end + 1
    return (parts, i - 1, "separator") if parts else ([], i - 1, "colon")


_PLACE_LEVELS = frozenset({"tỉnh", "huyện", "quận", "xã", "phường"})
_TWO_WORD_LEVELS = (("thành", "phố"), ("thị", "xã"), ("thị", "trấn"), ("đặc", "khu"))
_LEVEL_WORDS = (*_TWO_WORD_LEVELS, *((word,) for word in sorted(_PLACE_LEVELS)))


def of_places(tokens: Tokens, first: int, colon: int) -> bool:
    """Whether the words between a head and its colon are "các" and a level: "các tỉnh", "các huyện"."""
    return colon == first + 2 and tokens[first].low == "các" and tokens[first + 1].low in _PLACE_LEVELS


def levels_colon(tokens: Tokens, first: int) -> int:
    """Where the colon after "các" and levels parted by commas ("các tỉnh, thành phố:", "các huyện, thị xã,
    thành phố:") is; 0 if the words at `first` are not these."""
    if not tokens.has(first + 2) or tokens[first].low != "các" or tokens[first + 1].low not in _PLACE_LEVELS:
        return 0
    i = first + 2
    while tokens.has(i + 1) and tokens[i].text == ",":
        level = next((n for n in _LEVEL_WORDS if _words_at(tokens, i + 1, n)), ())
        if not level:
            return 0
        i += 1 + len(level)
    return i if i > first + 2 and tokens.has(i) and tokens[i].text == ":" else 0


def _words_at(tokens: Tokens, i: int, words: tuple[str, ...]) -> bool:
    return all(tokens.has(i + k) and tokens[i + k].low == word for k, word in enumerate(words))


def _named_on(tokens: Tokens, i: int, *, persons: bool) -> bool:
    """A capitalised word that opens no head of its own: the next name after a shared head. A head with
    no name after it is a name here too: the "Công an" of "các Bộ: Quốc phòng, Công an, Xây dựng" (or
    "..., Công an chỉ đạo")."""
    if not tokens[i].capitalised:
        return False
    taken = read_head(tokens, i, persons=persons, in_list=True)[0]
    after = i + taken
    if not taken or not tokens.has(after):
        return True
    return tokens[after].text in ",;." or bool(match(PREDICATES, tokens, after))
