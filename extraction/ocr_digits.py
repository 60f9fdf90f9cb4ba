"""OCR repair of digits: "l5/12/2024", "2O24", "Số l46-KH/HU", "tháng ll/2024" — in a token that holds
digits, "l" and "I" stand for 1 and "O" for 0 (a Roman numeral before "/" — "quý II/2024" — is left alone).
"""

from __future__ import annotations

import re

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
