"""Repairs for OCR-damaged text: letters read for digits, and words that lost their diacritics.

- "l5/12/2024", "2O24", "Số l46-KH/HU", "tháng ll/2024": in a token that holds digits, "l" and "I"
  stand for 1 and "O" for 0 (a Roman numeral before "/" — "quý II/2024" — is left alone).
- "Ban Chi huy Quan su huyen chu tri": a phrase that reads, without its diacritics, like a phrase the
  grammar knows (the lexicon's multi-word heads and predicates, the deadline words) or like a name the
  same document spells in full elsewhere ("Ban Chỉ huy Quân sự huyện") takes that spelling. Only
  words written in bare ASCII are changed ("tuyến giao" is never made "tuyên giáo").
Every line stays where it was.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from extraction import lexicon as lx
from extraction.ocr_damage import damaged

# A token of digits and "l", "I", "O" that holds a digit, not inside a word. It opens with a character
# class so that the regex engine can skip ahead to one (the word before is checked looking back).
_DIGITS = re.compile(
    r"[\dlIO](?<!\w.)(?:(?<=\d)|(?=[\dlIO/.\-]*\d))[\dlIO]*(?:[/.\-][\dlIO]+)*(?![^\W\d_])"
)
# The tokens of `_DIGITS` that hold an "l", "I" or "O", the only ones `_digit_token` may change: the
# look-ahead spares a call back for each date and number of a text (every character of a token before its
# first letter is a digit or a separator). Tested against `_DIGITS` in test_extraction_ocr_speed.py.
_CONFUSABLE_DIGITS = re.compile(
    r"[\dlIO](?<!\w.)(?:(?<=[lIO])|(?=[\d/.\-]*[lIO]))"
    r"(?:(?<=\d)|(?=[\dlIO/.\-]*\d))[\dlIO]*(?:[/.\-][\dlIO]+)*(?![^\W\d_])"
)
# A digit next to an "l", "I" or "O": "\d[lIO]|[lIO][/.\-]?\d", written to open with one character class
# so that the engine skips ahead to a candidate (most texts have none and are scanned in full).
_SUSPECT = re.compile(r"[\dlIO](?:(?<=\d)[lIO]|(?<=[lIO])[/.\-]?\d)")
_ROMAN_SLASH = re.compile(r"^[IVX]+[/.\-]")
_ROMAN_L = re.compile(r"^[lI]{1,3}(?=[/.\-])")
_QUARTER_BEFORE = re.compile(r"quý\s$", re.IGNORECASE)
_CONFUSED = str.maketrans({"l": "1", "I": "1", "O": "0"})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_PLAIN_SPAN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
LONGEST = 7  # words in the longest phrase restored
# fmt: off
DEADLINE_WORDS = (
    "trước ngày", "chậm nhất", "hoàn thành", "thời gian", "thời hạn", "thực hiện", "thường xuyên",
    "dự kiến", "định kỳ", "hằng năm", "hằng tháng", "hằng quý", "cuối năm", "trong năm", "trong tháng",
    "trong quý", "ngày làm việc", "trung tuần", "thượng tuần", "hạ tuần", "kỷ niệm", "báo cáo",
)
# fmt: on


def fold(text: str) -> str:
    """Lower case without diacritics: "Chỉ huy" → "chi huy"."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def accents(text: str) -> int:
    return 0 if text.isascii() else sum(1 for ch in text if ord(ch) > 127)


def repair_digits(text: str) -> str:
    return _CONFUSABLE_DIGITS.sub(_digit_token, text) if _SUSPECT.search(text) else text


def _digit_token(match: re.Match[str]) -> str:
    token = match.group(0)
    if not re.search(r"[lIO]", token) or _ROMAN_SLASH.match(token):
        return token
    roman = _ROMAN_L.match(token)  # "quý ll/2025": after "quý", "l" is a Roman one
    if roman and _QUARTER_BEFORE.search(match.string, max(0, match.start() - 5), match.start()):
        return roman.group(0).replace("l", "I") + token[roman.end() :].translate(_CONFUSED)
    return token.translate(_CONFUSED)


@cache
def fold_word(word: str) -> str:
    return fold(word)


@cache
def _lexicon() -> dict[tuple[str, ...], str]:
    heads = (*lx.NAMED_HEADS, *lx.INSTITUTION_HEADS, *lx.GENERIC_HEADS, *lx.PERSON_HEADS)
    phrases = (*heads, *lx.PREDICATES, *lx.NAME_WORDS, *lx.ADDRESSING, *DEADLINE_WORDS)
    return {_key(p.split()): p for p in phrases if " " in p and accents(p)}


def _key(words: list[str]) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in words)


def _names(lines: list[list[str]]) -> dict[tuple[str, ...], str]:
    """Phrases of 2 to LONGEST words that open with a capital and carry accents: the document's names."""
    return _read_names(lines)[0]


Places = dict[tuple[str, ...], dict[int, set[str]]]
Accents = dict[str, dict[int, set[tuple[str, ...]]]]  # `Places` turned about (`_by_accent`)
# found, accented places, longest (as `_read_names` returns them), and the windows read in full
_Read = tuple[
    dict[tuple[str, ...], str], Places, dict[tuple[str, ...], int], set[tuple[str, ...]]
]


def _read_names(
    lines: list[list[str]],
    openings: set[tuple[str, str]] | None = None,
    starters: frozenset[str] = frozenset(),
) -> tuple[dict[tuple[str, ...], str], Places, dict[tuple[str, ...], int]]:
    """`_names`, with what `_accented` and `_longest` tell of them, read in the same pass: the accented
    places are those of every place a name was first read at, as far as the longest one read there (a
    name read first elsewhere has its own), so they hold at least those of `_accented(names)`.
    `openings`: only the phrases that open with these two words (folded) are wanted, when the caller
    knows, and `starters` are the words written that open them (capitalised, folding to a first word)."""
    read: _Read = ({}, {}, {}, set())
    for words in lines:
        if openings is None:
            places = [i for i in range(len(words) - 1) if words[i][0].isupper()]
        elif starters.isdisjoint(words):
            continue  # a line without a starter opens none of `openings`
        else:
            places = [
                i for i, word in enumerate(words[:-1])
                if word in starters and (fold_word(word), fold_word(words[i + 1])) in openings
            ]
        if places:
            _read_places(words, places, read)
    return read[0], read[1], read[2]


def _read_places(words: list[str], places: list[int], into: _Read) -> None:
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
        folded = tuple(map(fold_word, window))
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


def restore_diacritics(text: str) -> str:
    """Spans that lost their diacritics, given back the spelling of a known phrase (see module doc)."""
    if not _damaged(text):
        return text
    lines = text.split("\n")
    split = list(map(_WORD.findall, lines))
    # Each distinct word is looked at once; a word is folded only where a phrase may start or change.
    written = set().union(*split)
    lost = {fold_word(w) for w in written if not w.isascii()} | _lexicon_bare()
    bare_words = frozenset(w for w in written if w.isascii() and w.lower() in lost)
    bare = [_places_of(words, bare_words) if not bare_words.isdisjoint(words) else [] for words in split]
    openings = _name_openings(split, bare)
    first_words = {first for first, _ in openings}
    starters = frozenset(w for w in written if w[0].isupper() and fold_word(w) in first_words)
    names, name_accented, name_longest = _read_names(split, openings, starters)
    known = _Known(
        names, _lexicon(), name_longest, _lexicon_longest(), lost,
        _by_accent(name_accented, {w.lower() for w in bare_words}), _lexicon_accents(),
    )
    return "\n".join(
        _restore_line(line, known, words) if _worth_a_look(words, places, known) else line
        for line, words, places in zip(lines, split, bare, strict=True)
    )


def _places_of(words: list[str], wanted: frozenset[str]) -> list[int]:
    """Where the line's `words` are one of `wanted`, in order: found by the list's own search, as a line
    holds few of them among many words."""
    places: list[int] = []
    for word in wanted.intersection(words):
        at = -1
        for _ in range(words.count(word)):
            at = words.index(word, at + 1)
            places.append(at)
    places.sort()
    return places


def _name_openings(split: list[list[str]], bare: list[list[int]]) -> set[tuple[str, str]]:
    """The first two words (folded) of the names `_restore_line` may look up: it looks only at capitalised
    places at most LONGEST - 1 words before a bare word."""
    pairs: set[tuple[str, str]] = set()
    for words, places in zip(split, bare, strict=True):
        if places:
            for i in range(max(places[0] - LONGEST + 1, 0), min(places[-1] + 1, len(words) - 1)):
                if words[i][0].isupper():
                    pairs.add((words[i], words[i + 1]))
    return {(fold_word(a), fold_word(b)) for a, b in pairs}  # names recur: fold each pair once


@dataclass
class _Known:
    """The phrases a damaged span may be given back, and what makes a place of a line worth a look: a
    phrase starts where its first two words (folded) do, and changes a span only if the span holds a
    bare word that is, without its accents, some accented word of the text or the lexicon (`lost`)."""

    names: dict[tuple[str, ...], str]
    lexicon: dict[tuple[str, ...], str]
    name_longest: dict[tuple[str, ...], int]  # the longest phrase (in words) by its first two words
    lexicon_longest: dict[tuple[str, ...], int]
    lost: set[str]
    # By an accented word of a phrase (folded): its places in phrases (0 for the first word) and the first
    # two words of the phrases with it there; a span changes only where it has such a word bare.
    name_accents: Accents
    lexicon_accents: Accents


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
    count = len(written)
    for j in bare:  # a bare word is ASCII, its own folded form in lower case
        word = written[j].lower()
        for accents, capital in ((known.lexicon_accents, False), (known.name_accents, True)):
            for offset, openings in accents.get(word, _NONE).items():
                i = j - offset  # where the phrase would start
                # Only a capitalised span takes a name of the text.
                if 0 <= i < count - 1 and (fold_word(written[i]), fold_word(written[i + 1])) in openings and (
                    not capital or written[i][0].isupper()
                ):
                    return True
    return False


def _restore_line(line: str, known: _Known, written: list[str]) -> str:
    """`line` with its damaged spans given back their spelling; `written` are its words (`_WORD`)."""
    # A bare word is its own folded form in lower case.
    bare = [j for j, word in enumerate(written) if word.isascii() and word.lower() in known.lost]
    if not bare:
        return line
    words = list(_WORD.finditer(line))
    folded = [fold_word(word) for word in written]
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
            span = line[words[i].start() : words[i + n - 1].end()]
            key = tuple(folded[i : i + n])
            # The lexicon's phrase first: a heading in capitals ("VĂN BẢN CHỈ ĐẠO") names nothing.
            phrase = known.lexicon.get(key) or (known.names.get(key) if capital else None)
            if phrase and phrase != span and _restorable(span, phrase):  # most are a name as written
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
