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
# Other control characters carry nothing readable (form feeds from PDFs, stray NULs).
_CONTROL = "".join(chr(code) for code in [*range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0x85),
                                          *range(0x86, 0xA0)])
_REPLACEMENTS = {
    **dict.fromkeys(_SPACE_LIKE, " "),
    **dict.fromkeys(_DASH_LIKE, "-"),
    **dict.fromkeys(_INVISIBLE + _CONTROL, ""),
    # Old fonts and keyboards type Icelandic eth for Đ; after legacy conversion it is never eth.
    "\u00d0": "Đ",
    "\u00f0": "đ",
}
# A character class finds these rare characters much faster than str.translate reads every character.
_ODD_CHARACTER = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")

# Markdown emphasis: "**bold**", "*italic*", "__bold__", "_italic_". A "*" that opens a list item
# ("* item") is followed by a space and stays; so does a row of underscores left for filling in.
_STARS = re.compile(r"\*+")
_UNDERSCORES = re.compile(r"_+")
_OPENS_AFTER = frozenset(" \t\n([“\"'")
_RUNS_OF_SPACES = re.compile(r"  +")


def unify_newlines(text: str) -> str:
    """"\r\n" and a lone "\r" end a line as "\n" does."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def strip_emphasis(text: str) -> str:
    """Text without markdown emphasis markers, list bullets and line structure kept."""
    if "*" in text:
        text = _STARS.sub(_emphasis_or_kept, text)
    if "_" in text:
        text = _UNDERSCORES.sub(_emphasis_or_kept, text)
    return text


def _emphasis_or_kept(match: re.Match[str]) -> str:
    """A marker run goes when it opens emphasis before a word or closes it after one."""
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if match.group(0)[0] == "_":
        # "snake_case" and "____" blanks stay: emphasis touches a word on one side only.
        opens = before in _OPENS_AFTER and (after.isalnum())
        closes = before.isalnum() and not (after.isalnum() or after == "_")
        return "" if opens or closes else match.group(0)
    opens = before in _OPENS_AFTER and not after.isspace()
    closes = not before.isspace()
    return "" if opens or closes else match.group(0)


def normalize_document(text: str) -> str:
    """NFC, the new tone placement, plain spaces and hyphens, no emphasis or invisible characters.

    The result has exactly as many lines as `text` (after "\r\n" is read as "\n").
    """
    text = _ODD_CHARACTER.sub(lambda match: _REPLACEMENTS[match.group(0)], unify_newlines(text))
    text = strip_emphasis(new_tone_placement(text))
    # The tests for a substring spare whole passes over a text normalised already (read, then extracted).
    if "  " in text:
        text = _RUNS_OF_SPACES.sub(" ", text)
    if text.startswith(" ") or text.endswith(" ") or " \n" in text or "\n " in text:
        text = "\n".join(line.strip(" ") for line in text.split("\n"))
    return text


def normalize_line(line: str) -> str:
    """One line normalised as `normalize_document` would; a line break inside becomes a space."""
    return normalize_document(line.replace("\r", " ").replace("\n", " "))
