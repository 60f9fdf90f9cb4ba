"""Words and punctuation marks of a text, read from a place on only as far as they are looked at.

Unit names are read a few words at a time from many places of a sentence or table row; reading every
word of the text for each place made long paragraphs cost the square of their length.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple


def _latin_letters(upper: bool) -> str:
    """The accented Latin letters of one case, Vietnamese's among them, for a character class: the range
    "À-Ỹ" that looks like the capitals runs through both cases (and Greek and Cyrillic) in between."""
    found = (chr(c) for r in ((0xC0, 0x250), (0x1E00, 0x1F00)) for c in range(*r))
    return "".join(ch for ch in found if unicodedata.category(ch) == ("Lu" if upper else "Ll"))


# One capital (or lower-case) letter, accented or not, for patterns: "[A-ZĐÀ-Ỹ]" also takes "đ", "ư", "ả".
CAPITAL = "[A-Z" + _latin_letters(upper=True) + "]"
LOWER = "[a-z" + _latin_letters(upper=False) + "]"

_TOKEN = re.compile(r"\w+(?:[-/.&’']\w+)*%?|[^\w\s]")


class Token(NamedTuple):
    """A word or punctuation mark at text[start:end], its lower case and capital worked out once."""

    text: str
    start: int
    end: int
    low: str
    capitalised: bool


def tokenize(text: str) -> list[Token]:
    return [_token(m.group(0), m.start()) for m in _TOKEN.finditer(text)]


def _token(word: str, start: int) -> Token:
    # tuple.__new__ spares the keyword handling of the generated Token.__new__: tokens are many.
    return _new_token(Token, (word, start, start + len(word), word.lower(), word[:1].isupper()))


_new_token = tuple.__new__
_low = operator.attrgetter("low")


def lows(tokens: list[Token]) -> tuple[str, ...]:
    """The lower case of each of `tokens` (mapped in C: names are read word by word)."""
    return tuple(map(_low, tokens))


class Tokens(list[Token]):
    """The tokens of `text` that start at `start` or later, exactly those `tokenize(text)` finds there,
    read only as far as `has(index)` is asked: index only where `has` said yes.

    `read` is how many are read so far: `i < tokens.read or tokens.has(i)` spares the call in the
    common case, a token read already (the scans look at each token several times)."""

    read: int

    def __init__(self, text: str = "", start: int = 0) -> None:
        self.read = 0
        # No token holds a space, so reading on from just after a space finds what reading from the
        # text's start finds: back up to the start of the word `start` falls in.
        begin = min(max(start, 0), len(text))
        while begin > 0 and not text[begin - 1].isspace():
            begin -= 1
        self._start = start
        self._matches = _TOKEN.finditer(text, begin)
        self._done = False

    @classmethod
    def of(cls, tokens: list[Token]) -> Tokens:
        known = cls()
        known.extend(tokens)
        known.read = len(tokens)
        return known

    def has(self, index: int) -> bool:
        """Whether there is a token at `index`, reading on only as far as that."""
        if index < self.read:  # the common case: asked again about a token read already
            return index >= 0
        if self._done:
            return False
        for m in self._matches:
            start = m.start()
            if start >= self._start:
                word = m.group(0)  # what `_token` does, written out: this loop reads every token
                low, capitalised = word.lower(), word[:1].isupper()
                self.append(_new_token(Token, (word, start, start + len(word), low, capitalised)))
                self.read += 1
                if self.read > index:
                    return True
        self._done = True
        return False

    def __len__(self) -> int:
        while self.has(self.read):
            pass
        return self.read

    def __iter__(self) -> Iterator[Token]:
        len(self)
        return list.__iter__(self)


def first_word(text: str, start: int) -> str | None:
    """The lower case of the first of `Tokens(text, start)`, read without setting up the reading of the
    rest: most places asked about open no list of units."""
    if start > len(text):
        return None
    if start > 0 and not text[start - 1].isspace():  # inside a word: only the lazy reading drops it
        tokens = Tokens(text, start)
        return tokens[0].low if tokens.has(0) else None
    m = _TOKEN.search(text, start)
    return m.group(0).lower() if m else None
