"""Comparing Vietnamese names: one accent placement, NFC, folded case and spaces."""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement (hoà, uỷ) and the new one (hòa, ủy) name the same thing.
_OLD_TO_NEW_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# Only an open syllable moves its tone ("hoà" → "hòa"); "hoàn", "hoạch", "khuỷu" and "quý" stay as written.
# It runs over whole documents, so it starts with the toned vowel, a character class: the regex engine
# skips ahead to those, and the "o" or "u" before is checked looking back (it is not part of the match).
_TONED = {vowel: "".join(sorted({k[1] for k in _OLD_TO_NEW_TONE if k[0] == vowel})) for vowel in "ou"}
_O_TONED, _U_TONED = _TONED["o"] + _TONED["o"].upper(), _TONED["u"] + _TONED["u"].upper()
_OLD_TONE = re.compile(
    rf"[{_O_TONED}{_U_TONED}](?:(?<=[oO][{_O_TONED}])|(?<=[uU][{_U_TONED}]))(?<![qQ]..)(?![^\W\d_])"
)
_SPACES = re.compile(r"\s+")


def _new_tone(found: str) -> str:
    replacement = _OLD_TO_NEW_TONE[found.lower()]
    return replacement.upper() if found.isupper() else (
        replacement[0].upper() + replacement[1:] if found[0].isupper() else replacement
    )


def new_tone_placement(text: str) -> str:
    """NFC text with the tone mark of open "oa", "oe", "uy" syllables on the first vowel (hòa, ủy)."""
    text = unicodedata.normalize("NFC", text)
    pieces, done = [], 0
    for match in _OLD_TONE.finditer(text):
        pair = match.start() - 1  # the vowel before the toned one
        pieces += [text[done:pair], _new_tone(text[pair : match.end()])]
        done = match.end()
    return "".join(pieces) + text[done:] if pieces else text


def normalize_text(text: str) -> str:
    """NFC, the new tone placement, single spaces."""
    return _SPACES.sub(" ", new_tone_placement(text)).strip()


def name_key(name: str) -> str:
    """The key under which two spellings of one unit name compare equal."""
    return normalize_text(name).casefold().strip(" .,:;")


def ascii_slug(text: str) -> str:
    """"Ban Tuyên giáo Huyện ủy" → "ban-tuyen-giao-huyen-uy": for keys, file names and UIDs."""
    decomposed = unicodedata.normalize("NFD", normalize_text(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
