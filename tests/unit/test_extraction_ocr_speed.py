"""The digit repair that calls back only for tokens holding an "l", "I" or "O" changes what the plain
pattern, calling back for every token of digits, changes; and the test for a digit beside such a letter,
opening with one character class, finds what the plain alternation finds: on random text and on documents
whose digits OCR turned into letters. The diacritics repair, with its shortcuts (words folded only where
looked at, a window of words read once, bare words looked up by their accented forms), changes on random
phrases what trying every place changes."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction import ocr
from extraction.readers import read_document
from tests.conftest import ROOT, SHARED
from tests.unit.test_extraction_ocr_damage import damaged_plain
from tests.unit.test_extraction_speedups import _restored_everywhere  # every place, no shortcut

FIXTURES = ROOT / "tests" / "fixtures" / "documents"
TEXTS = sorted(FIXTURES.glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))


_PLAIN_SUSPECT = re.compile(r"\d[lIO]|[lIO][/.\-]?\d")  # as first written


def _plain(text: str) -> str:
    return ocr._DIGITS.sub(ocr._digit_token, text) if _PLAIN_SUSPECT.search(text) else text


def _suspects(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="lIO0129/.-aăV _\nx,", max_size=24))
def test_digits_repaired_from_the_tokens_with_letters_are_those_repaired_from_every_token(text: str) -> None:
    assert ocr.repair_digits(text) == _plain(text)
    assert _suspects(ocr._SUSPECT, text) == _suspects(_PLAIN_SUSPECT, text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_a_document_with_digits_read_as_letters_is_repaired_as_the_plain_pattern_repairs_it(
    path: Path,
) -> None:
    confused = random.Random(path.name)
    swap = {"1": "lI", "0": "O"}
    text = re.sub(r"[10]", lambda m: confused.choice(swap[m[0]]) if confused.random() < 0.3 else m[0],
                  read_document(path).text)
    assert _suspects(ocr._SUSPECT, text) == _suspects(_PLAIN_SUSPECT, text) != []
    assert ocr.repair_digits(text) == _plain(text)
    clean = read_document(path).text
    assert _suspects(ocr._SUSPECT, clean) == _suspects(_PLAIN_SUSPECT, clean)


# Names and deadline phrases, of which random words lose their accents, in random case, for damaged text.
_PHRASES = [
    "Ban Chỉ huy Quân sự huyện", "Ban Chỉ huy Quân sự tỉnh", "Ban Chỉ đạo", "Ủy ban nhân dân huyện",
    "Phòng Nội vụ", "Sở Nội vụ", "Ban Tuyên giáo", "chủ trì", "trước ngày", "hoàn thành", "Bản", "Chỉ",
    "Trung tâm Y tế huyện", "Công an huyện", "và", "giao", "Giao",
]


def _lose_accents(word: str) -> str:
    bare = ocr.fold_word(word)
    return bare.capitalize() if word[:1].isupper() else bare


@st.composite
def _damaged_phrases(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(st.integers(min_value=0, max_value=14))):
        words = draw(st.sampled_from(_PHRASES)).split(" ")
        lost = draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
        words = [_lose_accents(w) if gone else w for w, gone in zip(words, lost, strict=True)]
        case = draw(st.sampled_from([str, str, str.lower, str.upper]))
        pieces.append(case(" ".join(words)) + draw(st.sampled_from([" ", " ", ", ", "\n", ". ", "-"])))
    return "".join(pieces)


@settings(max_examples=700, deadline=None)
@given(_damaged_phrases())
def test_the_diacritics_repair_changes_what_trying_every_place_changes_on_random_phrases(text: str) -> None:
    expected = _restored_everywhere(text) if damaged_plain(text) else text
    assert ocr.restore_diacritics(text) == expected
