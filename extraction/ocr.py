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
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from extraction import lexicon as lx

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
    return token.translate(_CONFUSED)


@cache
def fold_word(word: str) -> str:
    return fold(word)


@cache
def _lexicon() -> dict[tuple[str, ...], str]:
    heads = (*lx.NAMED_HEADS, *lx.INSTITUTION_HEADS, *lx.GENERIC_HEADS, *lx.PERSON_HEADS)
    phrases = (*heads, *lx.PREDICATES, *lx.NAME_WORDS, *lx.ADDRESSING, *DEADLINE_WORDS)
    return {_key(p.split()): p for p in phrases if " " in p and accents(p)}


DAMAGED = 2  # bare pairs of words that are a known phrase without its accents: the text lost them


def _key(words: list[str]) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in words)


def _names(
    lines: list[list[str]],
    folded_lines: list[list[str]] | None = None,
    openings: set[tuple[str, str]] | None = None,
) -> dict[tuple[str, ...], str]:
    """Phrases of 2 to LONGEST words that open with a capital and carry accents: the document's names.
    `folded_lines`: each line's words folded, when the caller has them; `openings`: only the phrases that
    open with these two words (folded) are wanted, when the caller knows."""
    return _read_names(lines, folded_lines, openings)[0]


Places = dict[tuple[str, ...], dict[int, set[str]]]


def _read_names(
    lines: list[list[str]],
    folded_lines: list[list[str]] | None = None,
    openings: set[tuple[str, str]] | None = None,
) -> tuple[dict[tuple[str, ...], str], Places, dict[tuple[str, ...], int]]:
    """`_names`, with what `_accented` and `_longest` tell of them, read in the same pass: the accented
    places are those of every place a name was first read at, as far as the longest one read there (a
    name read first elsewhere has its own), so they hold at least those of `_accented(names)`."""
    found: dict[tuple[str, ...], str] = {}
    accented: Places = {}
    longest: dict[tuple[str, ...], int] = {}
    firsts = {first for first, _ in openings or ()}
    for number, words in enumerate(lines):
        count = len(words)
        folded = folded_lines[number] if folded_lines is not None else [fold_word(w) for w in words]
        if openings is None:
            places = [i for i in range(count - 1) if words[i][0].isupper()]
        else:  # a word that opens no phrase spares making the pair
            places = [
                i for i in range(len(folded) - 1)
                if folded[i] in firsts and (folded[i], folded[i + 1]) in openings and words[i][0].isupper()
            ]
        if places:
            _read_places(words, tuple(folded), places, (found, accented, longest))
    return found, accented, longest


def _read_places(
    words: list[str],
    folded: tuple[str, ...],
    places: list[int],
    into: tuple[dict[tuple[str, ...], str], Places, dict[tuple[str, ...], int]],
) -> None:
    """`_read_names` at the places of one line (`folded` its words folded)."""
    found, accented, longest = into
    count = len(words)
    for i in places:
        # Shorter phrases than the first one that reaches an accented word carry no accents.
        first, stop = i, min(i + LONGEST, count)
        while first < stop and words[first].isascii():
            first += 1
        if first == stop:
            continue  # no accented word within reach: no phrase to read
        read = 0
        for n in range(max(2, first - i + 1), min(LONGEST, count - i) + 1):
            if (key := folded[i : i + n]) not in found:
                found[key] = " ".join(words[i : i + n])
                read = n
        if read:
            opening = folded[i : i + 2]
            longest[opening] = max(longest.get(opening, 0), read)
            at = accented.setdefault(opening, {})
            for k in range(first, i + read):
                if not words[k].isascii():
                    at.setdefault(k - i, set()).add(folded[k])


def restore_diacritics(text: str) -> str:
    """Spans that lost their diacritics, given back the spelling of a known phrase (see module doc)."""
    lines = text.split("\n")
    split = list(map(_WORD.findall, lines))
    if not _damaged(split):
        return text
    # Each distinct word is looked at once; a line is folded only where a phrase may start or change.
    written = set().union(*split)
    lost = {fold_word(w) for w in written if not w.isascii()} | _lexicon_bare()
    bare_words = frozenset(w for w in written if w.isascii() and w.lower() in lost)
    bare = [_bare_places(words, bare_words) if not bare_words.isdisjoint(words) else [] for words in split]
    folded_lines = [
        list(map(fold_word, words)) if places else [] for words, places in zip(split, bare, strict=True)
    ]
    openings = _name_openings(split, folded_lines, bare)
    first_words = {first for first, _ in openings}
    starters = frozenset(w for w in written if w[0].isupper() and fold_word(w) in first_words)
    for number, words in enumerate(split):
        if not folded_lines[number] and not starters.isdisjoint(words):
            folded_lines[number] = list(map(fold_word, words))
    # A line left unfolded opens none of `openings`.
    names, name_accented, name_longest = _read_names(split, folded_lines, openings)
    lexicon_accented = _lexicon_accented()
    known = _Known(
        names, _lexicon(), name_longest, _longest(_lexicon()), lost,
        name_accented, lexicon_accented, frozenset(name_accented.keys() | lexicon_accented.keys()),
    )
    return "\n".join(
        _restore_line(line, known, words) if _worth_a_look(words, folded, places, known) else line
        for line, words, folded, places in zip(lines, split, folded_lines, bare, strict=True)
    )


def _bare_places(words: list[str], bare_words: frozenset[str]) -> list[int]:
    """Where the line has a bare word that is some accented word without its accents (`bare_words`)."""
    return [j for j, word in enumerate(words) if word in bare_words]


def _name_openings(
    split: list[list[str]], folded_lines: list[list[str]], bare: list[list[int]]
) -> set[tuple[str, str]]:
    """The first two words (folded) of the names `_restore_line` may look up: it looks only at capitalised
    places at most LONGEST - 1 words before a bare word."""
    openings: set[tuple[str, str]] = set()
    for words, folded, places in zip(split, folded_lines, bare, strict=True):
        if places:
            for i in range(max(places[0] - LONGEST + 1, 0), min(places[-1] + 1, len(words) - 1)):
                if words[i][0].isupper():
                    openings.add((folded[i], folded[i + 1]))
    return openings


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
    # By a phrase's first two words: the places (0 for the first word) where one of the phrases opening
    # so has an accented word, and those words folded; a span changes only where it has one bare.
    name_accented: dict[tuple[str, ...], dict[int, set[str]]]
    lexicon_accented: dict[tuple[str, ...], dict[int, set[str]]]
    openings: frozenset[tuple[str, ...]]  # the keys of both


def _accented(phrases: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], dict[int, set[str]]]:
    found: dict[tuple[str, ...], dict[int, set[str]]] = {}
    for key, phrase in phrases.items():
        places = found.setdefault(key[:2], {})
        for offset, word in enumerate(phrase.split(" ")):
            if not word.isascii():
                places.setdefault(offset, set()).add(key[offset])
    return found


@cache
def _lexicon_accented() -> dict[tuple[str, ...], dict[int, set[str]]]:
    return _accented(_lexicon())


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


def _damaged(split: list[list[str]]) -> bool:
    """Whether two bare words in a row read, without accents, as the opening of a known phrase: one of the
    lexicon's or a capitalised one the text spells with accents elsewhere."""
    bare: list[tuple[str, str]] = []  # folded, which for ASCII words is lower case
    named: list[tuple[str, str]] = []
    openings = _lexicon_openings()
    hits = 0
    for words in split:
        for a, b in itertools.pairwise(words):
            if a.isascii() and b.isascii():
                pair = (a.lower(), b.lower())
                bare.append(pair)
                if pair in openings:
                    hits += 1
                    if hits >= DAMAGED:  # the rest of the text cannot change the answer
                        return True
            elif a[0].isupper():
                named.append((a, b))
    if len(bare) < DAMAGED:
        return False
    openings = openings | {(fold_word(a), fold_word(b)) for a, b in set(named)}  # names recur: fold each once
    return sum(1 for pair in bare if pair in openings) >= DAMAGED


def _worth_a_look(written: list[str], folded: list[str], bare: list[int], known: _Known) -> bool:
    """Whether `_restore_line` may change the line (`written` its words, `folded` theirs folded, `bare` the
    places of its bare words): a phrase changes a span only where the span has a bare word and the
    phrase, at that word, an accented one that folds to it. Most lines of a damaged document have no
    such place, and looking for one costs a few look-ups per word where the walk costs many."""
    if not bare:
        return False
    openings, count = known.openings, len(written)
    # A phrase's accented words lie within LONGEST words of its start (the `_accented` tables' offsets).
    for i in range(max(bare[0] - LONGEST + 1, 0), min(bare[-1] + 1, count - 1)):
        opening = (folded[i], folded[i + 1])
        if opening not in openings:
            continue
        for table in (known.lexicon_accented, known.name_accented if written[i][0].isupper() else None):
            places = table.get(opening) if table else None
            for offset, accented in (places or {}).items():
                j = i + offset
                if j < count and written[j].isascii() and written[j].lower() in accented:
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
            phrase = (known.names.get(key) if capital else None) or known.lexicon.get(key)
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
    """Each word either as known or bare ASCII, and at least one bare where the known one has accents."""
    pairs = list(zip(written.split(" "), known.split(" "), strict=True))
    if any(w.lower() != k.lower() and accents(w) for w, k in pairs):
        return False
    return any(w.lower() != k.lower() for w, k in pairs)


def _same_case(written: str, known: str) -> str:
    return " ".join(
        k[:1].upper() + k[1:] if w[:1].isupper() else k[:1].lower() + k[1:]
        for w, k in zip(written.split(" "), known.split(" "), strict=True)
    )


def repair_ocr(text: str) -> str:
    return restore_diacritics(repair_digits(text))
