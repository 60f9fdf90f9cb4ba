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
# It starts with a character class so that the regex engine can skip ahead: it runs over whole documents.
_TONED = {vowel: "".join(sorted({k[1] for k in _OLD_TO_NEW_TONE if k[0] == vowel})) for vowel in "ou"}
_OLD_TONE = re.compile(
    rf"(?:[oO][{_TONED['o']}{_TONED['o'].upper()}]|[uU][{_TONED['u']}{_TONED['u'].upper()}])"
    r"(?<![qQ]..)(?![^\W\d_])"
)
_SPACES = re.compile(r"\s+")


def _new_tone(match: re.Match[str]) -> str:
    found = match.group(0)
    replacement = _OLD_TO_NEW_TONE[found.lower()]
    return replacement.upper() if found.isupper() else (
        replacement[0].upper() + replacement[1:] if found[0].isupper() else replacement
    )


def new_tone_placement(text: str) -> str:
    """NFC text with the tone mark of open "oa", "oe", "uy" syllables on the first vowel (hòa, ủy)."""
    return _OLD_TONE.sub(_new_tone, unicodedata.normalize("NFC", text))


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
