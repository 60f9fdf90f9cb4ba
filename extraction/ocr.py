"""Repairs for OCR-damaged text: letters read for digits (`ocr_digits`), and words that lost their diacritics.

- "Ban Chi huy Quan su huyen chu tri": a phrase that reads, without its diacritics, like a phrase the
  grammar knows (the lexicon's multi-word heads and predicates, the deadline words) or like a name the
  same document spells in full elsewhere ("Ban Chỉ huy Quân sự huyện", `ocr_names`) takes that spelling.
  Only words written in bare ASCII are changed ("tuyến giao" is never made "tuyên giáo").
Every line stays where it was.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from extraction import lexicon as lx
from extraction.ocr_damage import damaged
from extraction.ocr_digits import _DIGITS, _SUSPECT, _digit_token, repair_digits
from extraction.ocr_names import (
    LONGEST,
    Places,
    _name_openings,
    _names,
    _read_names,
    fold,
    fold_word,
    folded_words,
)

__all__ = ["LONGEST", "_DIGITS", "_SUSPECT", "_digit_token", "_names", "fold", "repair_digits", "repair_ocr"]

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_PLAIN_SPAN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
# fmt: off
DEADLINE_WORDS = (
    "trước ngày", "chậm nhất", "hoàn thành", "thời gian", "thời hạn", "thực hiện", "thường xuyên",
    "dự kiến", "định kỳ", "hằng năm", "hằng tháng", "hằng quý", "cuối năm", "trong năm", "trong tháng",
    "trong quý", "ngày làm việc", "trung tuần", "thượng tuần", "hạ tuần", "kỷ niệm", "báo cáo",
)
# fmt: on
Accents = dict[str, dict[int, set[tuple[str, ...]]]]  # `Places` turned about (`_by_accent`)
# A place where a phrase may change a bare word: its offset in the phrase, the phrases' first two words
# (folded), and whether only a capitalised span takes them (a name of the text).
Trigger = tuple[int, set[tuple[str, ...]], bool]


def accents(text: str) -> int:
    return 0 if text.isascii() else sum(1 for ch in text if ord(ch) > 127)


@cache
def _lexicon() -> dict[tuple[str, ...], str]:
    heads = (*lx.NAMED_HEADS, *lx.INSTITUTION_HEADS, *lx.GENERIC_HEADS, *lx.PERSON_HEADS)
    phrases = (*heads, *lx.PREDICATES, *lx.NAME_WORDS, *lx.ADDRESSING, *DEADLINE_WORDS)
    return {_key(p.split()): p for p in phrases if " " in p and accents(p)}


def _key(words: list[str]) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in words)


def restore_diacritics(text: str) -> str:
    """Spans that lost their diacritics, given back the spelling of a known phrase (see module doc)."""
    if not _damaged(text):
        return text
    lines = text.split("\n")
    split = list(map(_WORD.findall, lines))
    # Each distinct word is looked at once; a word is folded only where a phrase may start or change.
    written = set().union(*split)
    folds = folded_words(written)
    lost = {folds[w] for w in written if not w.isascii()} | _lexicon_bare()
    bare_words = frozenset(w for w in written if w.isascii() and w.lower() in lost)
    bare = [_bare_places(words, bare_words) for words in split]
    openings = _name_openings(split, bare, folds)
    first_words = {first for first, _ in openings}
    starters = frozenset(w for w in written if w[0].isupper() and folds[w] in first_words)
    names, name_accented, name_longest = _read_names(split, openings, starters, folds)
    known = _Known(
        names, _lexicon(), name_longest, _lexicon_longest(), folds,
        _triggers(bare_words, _lexicon_accents(), _by_accent(name_accented, {w.lower() for w in bare_words})),
    )
    return "\n".join(
        _restore_line(line, known, words, places) if places and _worth_a_look(words, places, known) else line
        for line, words, places in zip(lines, split, bare, strict=True)
    )


def _bare_places(words: list[str], bare: frozenset[str]) -> list[int]:
    """Where the line's `words` are bare (one of `bare`), in order; most lines of a damaged text hold
    some, the others are passed over by one set operation."""
    return [] if bare.isdisjoint(words) else [i for i, word in enumerate(words) if word in bare]


def _triggers(bare: frozenset[str], lexicon: Accents, names: Accents) -> dict[str, list[Trigger]]:
    """By bare word as written, the places (`Trigger`) of the phrases with it accented: the look-ups of
    `_worth_a_look` done once per distinct word rather than at each of its many places."""
    found: dict[str, list[Trigger]] = {}
    for word in bare:
        folded = word.lower()  # a bare word is its own folded form in lower case
        triggers = [
            (offset, openings, capital)
            for accents, capital in ((lexicon, False), (names, True))
            for offset, openings in accents.get(folded, _NONE).items()
        ]
        if triggers:
            found[word] = triggers
    return found


@dataclass
class _Known:
    """The phrases a damaged span may be given back, and what makes a place of a line worth a look: a
    phrase starts where its first two words (folded) do, and changes a span only if the span holds a
    bare word that is, without its accents, some accented word of the phrase (`triggers`)."""

    names: dict[tuple[str, ...], str]
    lexicon: dict[tuple[str, ...], str]
    name_longest: dict[tuple[str, ...], int]  # the longest phrase (in words) by its first two words
    lexicon_longest: dict[tuple[str, ...], int]
    folds: Mapping[str, str]  # every word of the text, folded
    triggers: dict[str, list[Trigger]]  # by bare word of the text (`_triggers`)


def _accented(phrases: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], dict[int, set[str]]]:
    found: dict[tuple[str, ...], dict[int, set[str]]] = {}
    for key, phrase in phrases.items():
        places = found.setdefault(key[:2], {})
        for offset, word in enumerate(phrase.split(" ")):
            if not word.isascii():
                places.setdefault(offset, set()).add(key[offset])
    return found


def _by_accent(accented: Places, only: set[str] | None = None) -> Accents:
    """The `_accented` table turned about: by accented word, its places and the openings there; `only`
    those words (folded), when the caller knows the others are never written bare."""
    found: Accents = {}
    for opening, places in accented.items():
        for offset, words in places.items():
            for word in words if only is None else words & only:
                found.setdefault(word, {}).setdefault(offset, set()).add(opening)
    return found


@cache
def _lexicon_accents() -> Accents:
    return _by_accent(_accented(_lexicon()))


@cache
def _lexicon_longest() -> dict[tuple[str, ...], int]:
    return _longest(_lexicon())


def _longest(phrases: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], int]:
    found: dict[tuple[str, ...], int] = {}
    for key in phrases:
        found[key[:2]] = max(found.get(key[:2], 0), len(key))
    return found


@cache
def _lexicon_openings() -> frozenset[tuple[str, ...]]:
    return frozenset(key[:2] for key in _lexicon())


@cache
def _lexicon_bare() -> frozenset[str]:
    words = (w for phrase in _lexicon().values() for w in phrase.split())
    return frozenset(fold_word(w) for w in words if not w.isascii())


def _damaged(text: str) -> bool:
    """Whether the text lost its diacritics (`ocr_damage.damaged`)."""
    return damaged(text, _lexicon_openings(), fold_word)


_NONE: dict[int, set[tuple[str, ...]]] = {}


def _worth_a_look(written: list[str], bare: list[int], known: _Known) -> bool:
    """Whether `_restore_line` may change the line (`written` its words, `bare` the places of its bare
    words): a phrase changes a span only where the span has a bare word and the phrase, at that word, an
    accented one that folds to it. Most lines of a damaged document have no such place, and looking for
    one costs a few look-ups per bare word where the walk costs many."""
    count, folds = len(written), known.folds
    for j in bare:
        for offset, openings, capital in known.triggers.get(written[j], ()):
            i = j - offset  # where the phrase would start
            # Only a capitalised span takes a name of the text.
            if 0 <= i < count - 1 and (folds[written[i]], folds[written[i + 1]]) in openings and (
                not capital or written[i][0].isupper()
            ):
                return True
    return False


def _restore_line(line: str, known: _Known, written: list[str], bare: list[int]) -> str:
    """`line` with its damaged spans given back their spelling; `written` are its words (`_WORD`), `bare`
    the places of its bare words."""
    words = list(_WORD.finditer(line))
    folded = [known.folds[word] for word in written]
    pieces: list[str] = []
    done, i = 0, 0
    while i < len(words):
        ahead = bisect.bisect_left(bare, i)
        if ahead == len(bare):
            break
        if bare[ahead] - i >= LONGEST:
            i = bare[ahead] - LONGEST + 1
            continue
        opening = (folded[i], folded[i + 1] if i + 1 < len(words) else "")
        capital = written[i][0].isupper()  # only a capitalised span takes a name of the text
        longest = known.lexicon_longest.get(opening, 0)
        if capital:
            longest = max(longest, known.name_longest.get(opening, 0))
        for n in range(min(longest, len(words) - i), max(bare[ahead] - i + 1, 2) - 1, -1):
            key = tuple(folded[i : i + n])
            # The lexicon's phrase first: a heading in capitals ("VĂN BẢN CHỈ ĐẠO") names nothing.
            phrase = known.lexicon.get(key) or (known.names.get(key) if capital else None)
            if not phrase:
                continue  # most keys are no phrase: the span is cut out only for one that is
            span = line[words[i].start() : words[i + n - 1].end()]
            if phrase != span and _restorable(span, phrase):  # most are a name as written
                pieces += [line[done : words[i].start()], _same_case(span, phrase)]
                done, i = words[i + n - 1].end(), i + n
                break
        else:
            i += 1
    pieces.append(line[done:])
    return "".join(pieces)


def _restorable(span: str, known: str) -> bool:
    # Most phrases found are written as known (a name read from this very text): nothing was lost.
    return known.lower() != span.lower() and bool(_PLAIN_SPAN.fullmatch(span)) and _lost_accents(span, known)


def _lost_accents(written: str, known: str) -> bool:
    """Every word the known phrase accents is written bare, at least one of them differently: a span that
    keeps some of its accents ("Ban Chỉ đạo" beside a known "BẢN CHỈ ĐẠO") lost none; "Ban" is a word."""
    pairs = list(zip(written.split(" "), known.split(" "), strict=True))
    if any(accents(k) and accents(w) for w, k in pairs):
        return False
    return any(w.lower() != k.lower() for w, k in pairs)


def _same_case(written: str, known: str) -> str:
    """The known spelling in the case of each written word: upper, capitalised or lower."""
    return " ".join(_cased(w, k) for w, k in zip(written.split(" "), known.split(" "), strict=True))


def _cased(written: str, known: str) -> str:
    if written.isupper() and len(written) > 1:
        return known.upper()
    return known[:1].upper() + known[1:].lower() if written[:1].isupper() else known.lower()


def repair_ocr(text: str) -> str:
    return restore_diacritics(repair_digits(text))
