"""Normalising document text for reading: one spelling of each character, the lines kept as they were.

Every change here keeps the number and order of lines, so that a line number found in the normalised
text is the line number in the source file.
"""

from __future__ import annotations

import re

from models.text import new_tone_placement

_NEWLINES = re.compile(r"\r\n?")

# Characters that stand for a plain space, a plain hyphen, or nothing at all. Line and paragraph
# separators become spaces: only "\n" ends a line, as in the source file.
_SPACE_LIKE = "\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006" \
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_DASH_LIKE = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"
_TRANSLATION = {
    **{ord(ch): " " for ch in _SPACE_LIKE},
    **{ord(ch): "-" for ch in _DASH_LIKE},
    **{ord(ch): None for ch in _INVISIBLE},
    # Old fonts and keyboards type Icelandic eth for Đ; after legacy conversion it is never eth.
    0x00D0: "Đ",
    0x00F0: "đ",
}
# Other control characters carry nothing readable (form feeds from PDFs, stray NULs).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")

# Markdown emphasis: "**bold**", "*italic*", "__bold__", "_italic_". A "*" or "-" that opens a list
# item ("* item") is followed by a space and stays; so does a row of underscores left for filling in.
_STARS = re.compile(r"(?<![^\s(\[“\"'])\*+(?=[^\s*])|(?<=[^\s*])\*+")
_UNDERSCORES = re.compile(r"(?<![^\s(\[“\"'])_+(?=[^\W_])|(?<=[^\W_])_+(?![^\W_])")
_RUNS_OF_SPACES = re.compile(r" {2,}")
_EDGE_SPACES = re.compile(r"^ +| +$", re.MULTILINE)


def unify_newlines(text: str) -> str:
    """"\r\n" and a lone "\r" end a line as "\n" does."""
    return _NEWLINES.sub("\n", text)


def strip_emphasis(text: str) -> str:
    """Text without markdown emphasis markers, list bullets and line structure kept."""
    if "*" in text:
        text = _STARS.sub("", text)
    if "_" in text:
        text = _UNDERSCORES.sub("", text)
    return text


def normalize_document(text: str) -> str:
    """NFC, the new tone placement, plain spaces and hyphens, no emphasis or invisible characters.

    The result has exactly as many lines as `text` (after "\r\n" is read as "\n").
    """
    text = unify_newlines(text).translate(_TRANSLATION)
    text = _CONTROL.sub("", text)
    text = new_tone_placement(text)
    text = strip_emphasis(text)
    text = _RUNS_OF_SPACES.sub(" ", text)
    return _EDGE_SPACES.sub("", text)


def normalize_line(line: str) -> str:
    """One line normalised as `normalize_document` would; a line break inside becomes a space."""
    return normalize_document(line.replace("\r", " ").replace("\n", " "))
