"""Text typed in pre-Unicode Vietnamese fonts (TCVN3/ABC, VNI-Windows, VISCII) turned back into Unicode.

Such text reaches us as Latin-1/cp1252 look-alikes ("Céng hoµ x· héi", "Coäng hoøa xaõ hoäi"). The
conversion tables and the detection that tells the encodings apart come from viparse; this module
decides when to ask, and converts character by character so that lines stay where they were.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

import viparse
from viparse.normalize.encodings import get_charmap
from viparse.normalize.tables import convert

ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows", "viscii": "VISCII", "vps": "VPS"}


class Repaired(NamedTuple):
    text: str
    encoding: str | None  # the legacy encoding the text was converted from, None if left alone


# Counted in the UTF-8 bytes, where each character is a fixed byte pattern: a few fast scans of the
# text rather than a look at every character. U+00A0-U+00FF are C2 A0-BF and C3 80-BF; U+1EA0-U+1EF9
# (the toned Vietnamese vowels) are E1 BA A0-BF and E1 BB 80-B9.
_LATIN1_C2 = re.compile(rb"\xc2[\xa0-\xbf]")
_OUTSIDE_1EA0_1EF9 = re.compile(rb"\xe1(?:\xba[\x80-\x9f]|\xbb[\xba-\xbf])")
_VIETNAMESE_LETTERS = re.compile(b"|".join(re.escape(ch.encode()) for ch in "ăĂđĐĩĨũŨơƠưƯ"))


def looks_like_unicode_vietnamese(text: str) -> bool:
    """True when letters only Unicode Vietnamese has outnumber the Latin-1 letters legacy text is made of."""
    data = text.encode("utf-8", "surrogatepass")
    latin1 = data.count(b"\xc3") + len(_LATIN1_C2.findall(data))
    if latin1 == 0:
        return True
    toned = data.count(b"\xe1\xba") + data.count(b"\xe1\xbb") - len(_OUTSIDE_1EA0_1EF9.findall(data))
    # Unicode text has more toned vowels alone than Latin-1 letters: the other letters need no count.
    return toned > latin1 or toned + len(_VIETNAMESE_LETTERS.findall(data)) > latin1


def repair_legacy(text: str) -> Repaired:
    """`text` converted to Unicode when it reads as legacy-encoded Vietnamese, else unchanged."""
    if looks_like_unicode_vietnamese(text):
        return Repaired(text, None)
    encoding = viparse.detect_text_encoding(text)
    charmap = get_charmap(encoding) if encoding else None
    if charmap is None:
        return Repaired(text, None)
    return Repaired(convert(text, charmap, "NFC"), encoding)


def decode_legacy_bytes(data: bytes) -> str:
    """Bytes of a single-byte legacy file as the cp1252 characters the conversion tables expect.

    cp1252 leaves five bytes undefined; those read as Latin-1 so that no byte is lost.
    """
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start:error.end].decode("latin-1"), error.end


_LATIN1_FALLBACK = "dondoc-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1_for_undefined)
