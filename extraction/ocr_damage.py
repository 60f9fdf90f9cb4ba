"""Whether a text lost its diacritics: the test that decides if `ocr.restore_diacritics` runs at all.

The restorer only ever changes a span of words separated by single spaces, so the test counts only such
pairs of bare (ASCII) words: "chu tri" yes, "kien-dinh" in a URL slug or "bao_cao.docx" no. A text is
damaged when two of them read, without accents, as the opening of a known phrase: one of the lexicon's or
a capitalised one the text spells with accents elsewhere (a name).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Set

DAMAGED = 2  # bare pairs of words that are a known phrase without its accents: the text lost them

_WORD = re.compile(r"[^\W\d_]+")
# The second word of a bare pair: an ASCII word after one space after an ASCII letter, not run on into a
# URL, an e-mail or a file name ("dinh/", "dinh-", "dinh.vn", "http:"). Opening with the space lets the
# engine skip ahead; the look-backs drop most first words that are the tail of an accented word ("dân" →
# "n"); the first word is then read back from the space (`_first_word`).
_SECOND = re.compile(
    r" (?<=[A-Za-z] )"
    + "".join(f"(?<![^\\W\\d_A-Za-z][A-Za-z]{{{n}}} )" for n in range(1, 7))
    + r"([A-Za-z]+)(?![^\W\d_]|[/\\@_\-]|[.:][\w/\\])"
)
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# What may not come right before the first word: more of a word, or a URL's, e-mail's or path's glue.
_GLUED_BEFORE = re.compile(r"[^\W\d_]|[/\\@_\-]|(?<=\w)[.:]")


def bare_pairs(text: str) -> Iterator[tuple[str, str]]:
    """The pairs of bare words the restorer could change, in lower case (see module doc)."""
    for match in _SECOND.finditer(text):
        first = _first_word(text, match.start())
        if first:
            yield first.lower(), match[1].lower()


def _first_word(text: str, space: int) -> str:
    """The ASCII word that ends at `space`, or "" when it is part of a longer word or glued to one."""
    start = space - 1  # an ASCII letter (`_SECOND` looked)
    while start and text[start - 1] in _ASCII_LETTERS:
        start -= 1
    if start and _GLUED_BEFORE.match(text, start - 1):
        return ""
    return text[start:space]


def damaged(text: str, openings: Set[tuple[str, ...]], fold: Callable[[str], str]) -> bool:
    """Whether `text` lost its diacritics (module doc); `openings` are the lexicon's phrases' first two
    words folded, `fold` folds a word."""
    hits, others = 0, []
    for pair in bare_pairs(text):
        if pair in openings:
            hits += 1
            if hits >= DAMAGED:  # the rest of the text cannot change the answer
                return True
        else:
            others.append(pair)
    if hits + len(others) < DAMAGED:
        return False
    named = _named_openings(text, _lines_maybe_named(text, others), fold)
    return hits + sum(1 for pair in others if pair in named) >= DAMAGED


def _named_openings(text: str, numbers: list[int], fold: Callable[[str], str]) -> set[tuple[str, str]]:
    """Each capitalised word and the next one, folded, where either carries accents, on the lines
    `numbers` of `text`."""
    named: set[tuple[str, str]] = set()
    lines = text.split("\n") if numbers else []
    for words in (_WORD.findall(lines[number]) for number in numbers):
        named.update((a, b) for a, b in itertools.pairwise(words) if a[0].isupper() and not (a + b).isascii())
    return {(fold(a), fold(b)) for a, b in named}  # names recur: fold each once


def skeleton(text: str) -> str:
    """The text's ASCII letters as written, its accented ones as their base letter, without the rest: a
    word that folds to ASCII keeps its letters and the case of each (tested over every code point)."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return decomposed.encode("ascii", "ignore").decode()


def _lines_maybe_named(text: str, pairs: list[tuple[str, str]]) -> list[int]:
    """The lines where a capitalised word that folds to some pair's first word may stand before one that
    folds to some pair's second: a cheap look at the text's skeleton, which holds every such pair (the
    case of a word's first letter kept, separators bare of ASCII letters), before reading words."""
    if not pairs:
        return []
    firsts = "|".join(sorted({f"{a[0].upper()}(?i:{a[1:]})" for a, _ in pairs}))
    seconds = "|".join(sorted({b for _, b in pairs}))
    found = re.finditer(f"(?:{firsts})[^A-Za-z\\n]*(?i:{seconds})", bare := skeleton(text))
    numbers: list[int] = []
    number, done = 0, 0
    for match in found:  # a match holds no line break: it lies on one line
        number, done = number + bare.count("\n", done, match.start()), match.start()
        if not numbers or numbers[-1] != number:
            numbers.append(number)
    return numbers
