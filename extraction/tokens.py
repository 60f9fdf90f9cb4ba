"""Words and punctuation marks of a text, read from a place on only as far as they are looked at.

Unit names are read a few words at a time from many places of a sentence or table row; reading every
word of the text for each place made long paragraphs cost the square of their length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

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


class Tokens(list[Token]):
    """The tokens of `text` that start at `start` or later, exactly those `tokenize(text)` finds there,
    read only as far as `has(index)` is asked: index only where `has` said yes."""

    def __init__(self, text: str = "", start: int = 0) -> None:
        super().__init__()
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
        return known

    def has(self, index: int) -> bool:
        """Whether there is a token at `index`, reading on only as far as that."""
        read = list.__len__(self)
        if index < read:  # the common case: asked again about a token read already
            return index >= 0
        while read <= index and not self._done:
            m = next(self._matches, None)
            if m is None:
                self._done = True
                break
            start = m.start()
            if start >= self._start:
                self.append(_token(m.group(0), start))
                read += 1
        return 0 <= index < read

    def __len__(self) -> int:
        while self.has(list.__len__(self)):
            pass
        return list.__len__(self)

    def __iter__(self) -> Iterator[Token]:
        len(self)
        return list.__iter__(self)
