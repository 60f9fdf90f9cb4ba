"""The names a document spells in full (capitalised phrases with accents), read for `ocr.restore_diacritics`:
a span of the same words without diacritics elsewhere in the text takes their spelling."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from functools import cache

LONGEST = 7  # words in the longest phrase restored

Places = dict[tuple[str, ...], dict[int, set[str]]]
# found, accented places, longest (as `_read_names` returns them), and the windows read in full
_Read = tuple[
    dict[tuple[str, ...], str], Places, dict[tuple[str, ...], int], set[tuple[str, ...]]
]


def fold(text: str) -> str:
    """Lower case without diacritics: "Chỉ huy" → "chi huy"."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def fold_word(word: str) -> str:
    return fold(word)


def folded_words(written: set[str]) -> dict[str, str]:
    """Each word of a text folded, looked up by its hot loops: a document has a few thousand distinct
    words among hundreds of thousands, and a dict look-up costs half a call of the cached `fold_word`."""
    return {word: fold_word(word) for word in written}


def _names(lines: list[list[str]]) -> dict[tuple[str, ...], str]:
    """Phrases of 2 to LONGEST words that open with a capital and carry accents: the document's names."""
    return _read_names(lines)[0]


def _read_names(
    lines: list[list[str]],
    openings: set[tuple[str, str]] | None = None,
    starters: frozenset[str] = frozenset(),
    folds: Mapping[str, str] | None = None,
) -> tuple[dict[tuple[str, ...], str], Places, dict[tuple[str, ...], int]]:
    """`_names`, with what `_accented` and `_longest` tell of them, read in the same pass: the accented
    places are those of every place a name was first read at, as far as the longest one read there (a
    name read first elsewhere has its own), so they hold at least those of `_accented(names)`.
    `openings`: only the phrases that open with these two words (folded) are wanted, when the caller
    knows, and `starters` are the words written that open them (capitalised, folding to a first word);
    `folds` the words of `lines` folded (`folded_words`), when the caller has them."""
    folding = fold_word if folds is None else folds.__getitem__
    read: _Read = ({}, {}, {}, set())
    seconds = _seconds(openings or set(), starters, folding)
    for words in lines:
        if openings is None:
            places = [i for i in range(len(words) - 1) if words[i][0].isupper()]
        elif starters.isdisjoint(words):
            continue  # a line without a starter opens none of `openings`
        else:
            places = [
                i for i, word in enumerate(words[:-1])
                if word in starters and folding(words[i + 1]) in seconds[word]
            ]
        if places:
            _read_places(words, places, read, folding)
    return read[0], read[1], read[2]


def _seconds(
    openings: set[tuple[str, str]], starters: frozenset[str], folding: Callable[[str], str]
) -> dict[str, set[str]]:
    """By starter (as written), the folded second words of the openings its folded form begins."""
    by_first: dict[str, set[str]] = {}
    for first, second in openings:
        by_first.setdefault(first, set()).add(second)
    return {word: by_first.get(folding(word), set()) for word in starters}


def _read_places(words: list[str], places: list[int], into: _Read, folding: Callable[[str], str]) -> None:
    """`_read_names` at the places of one line: each reads the phrases of the next LONGEST words."""
    found, accented, longest, complete = into
    for i in places:
        if (window := tuple(words[i : i + LONGEST])) in complete:
            continue  # read at an earlier place: every phrase it holds is found (names recur)
        complete.add(window)
        # Shorter phrases than the first one that reaches an accented word carry no accents.
        first, reach = 0, len(window)
        while first < reach and window[first].isascii():
            first += 1
        if first == reach:
            continue  # no accented word within reach: no phrase to read
        folded = tuple(map(folding, window))
        read = 0
        for n in range(max(2, first + 1), reach + 1):
            if (key := folded[:n]) not in found:
                found[key] = " ".join(window[:n])
                read = n
        if read:
            opening = folded[:2]
            longest[opening] = max(longest.get(opening, 0), read)
            at = accented.setdefault(opening, {})
            for k in range(first, read):
                if not window[k].isascii():
                    at.setdefault(k, set()).add(folded[k])


def _name_openings(
    split: list[list[str]], bare: list[list[int]], folds: Mapping[str, str]
) -> set[tuple[str, str]]:
    """The first two words (folded) of the names `_restore_line` may look up: it looks only at capitalised
    places at most LONGEST - 1 words before a bare word."""
    pairs: set[tuple[str, str]] = set()
    for words, places in zip(split, bare, strict=True):
        if places:
            for i in range(max(places[0] - LONGEST + 1, 0), min(places[-1] + 1, len(words) - 1)):
                if words[i][0].isupper():
                    pairs.add((words[i], words[i + 1]))
    return {(folds[a], folds[b]) for a, b in pairs}
