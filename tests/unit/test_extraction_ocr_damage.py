"""The damage check that decides whether the diacritics repair runs: it counts only pairs of bare words
the repair could change (one space apart, not inside a URL, an e-mail or a file name), and its fast path
(pairs found from the space, lines with names found on the text's skeleton) counts what the plain rule,
written out here over every pair of words, counts."""

from __future__ import annotations

import itertools
import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction import ocr, ocr_damage
from extraction.ocr import _WORD, fold_word, restore_diacritics

_GLUE = "/\\@_-"


def _glued_before(line: str, start: int) -> bool:
    before = line[start - 1] if start else ""
    return (before != "" and before in _GLUE) or (
        before in (".", ":") and start >= 2 and re.match(r"\w", line[start - 2]) is not None
    )


def _glued_after(line: str, end: int) -> bool:
    after = line[end] if end < len(line) else ""
    return (after != "" and after in _GLUE) or (
        after in (".", ":") and end + 1 < len(line) and re.match(r"[\w/\\]", line[end + 1]) is not None
    )


def bare_pairs_plain(text: str) -> list[tuple[str, str]]:
    """Every two words in a row of a line, both ASCII, with one space between and no glue outside."""
    pairs = []
    for line in text.split("\n"):
        for a, b in itertools.pairwise(_WORD.finditer(line)):
            if a[0].isascii() and b[0].isascii() and line[a.end() : b.start()] == " " and not (
                _glued_before(line, a.start()) or _glued_after(line, b.end())
            ):
                pairs.append((a[0].lower(), b[0].lower()))
    return pairs


def damaged_plain(text: str) -> bool:
    """The damage check over every pair of words: the bare pairs that open a lexicon phrase or a name the
    text spells with accents (a capitalised word and the next, either accented, folded)."""
    openings = {key[:2] for key in ocr._lexicon()}
    for words in (_WORD.findall(line) for line in text.split("\n")):
        for a, b in itertools.pairwise(words):
            if a[0].isupper() and not (a.isascii() and b.isascii()):
                openings.add((fold_word(a), fold_word(b)))
    return sum(1 for pair in bare_pairs_plain(text) if pair in openings) >= ocr_damage.DAMAGED


def _damaged_by_any_separator(text: str) -> bool:
    """The check before URL slugs were told apart: any two ASCII words in a row of a line."""
    openings = {key[:2] for key in ocr._lexicon()}
    bare = []
    for words in (_WORD.findall(line) for line in text.split("\n")):
        for a, b in itertools.pairwise(words):
            if a.isascii() and b.isascii():
                bare.append((a.lower(), b.lower()))
            elif a[0].isupper():
                openings.add((fold_word(a), fold_word(b)))
    return sum(1 for pair in bare if pair in openings) >= ocr_damage.DAMAGED


# Words and names (a capitalised word and the next, one accented), whole or without their accents.
_PIECES = [
    "ban", "Ban", "BAN", "chi", "Chi", "Chỉ", "chỉ", "huy", "quan", "Quân", "su", "sự", "chu", "tri", "trì",
    "Minh", "nam", "Nam", "đạo", "dao", "Đạo", "http", "vn", "docx", "ủy", "Ủy", "x", "ı", "İ", "ǅ", "ß",
    "Quân sự", "quan su", "QUAN SU", "Quảng Minh", "quang minh", "Quang minh", "Minh Đạo", "minh dao",
    "QUẢNG MINH", "Quang Mính",
]
_SEPARATORS = [
    " ", " ", " ", "  ", "-", "/", ".", ". ", ":", "://", "@", "_", "\n", ", ", "2", " (", "\\", "–",
]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=12))
def test_the_damage_check_counts_what_the_plain_rule_over_every_pair_counts(pieces):
    text = "".join(word + separator for word, separator in pieces)
    assert list(ocr_damage.bare_pairs(text)) == bare_pairs_plain(text)
    assert ocr._damaged(text) == damaged_plain(text)
    # Fewer pairs count than before, never more: a text found damaged was found so before too.
    assert not ocr._damaged(text) or _damaged_by_any_separator(text)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="baBAnN cCh-/.:@_\n\\1ỉâĐđ", max_size=30))
def test_bare_pairs_read_from_the_space_are_those_of_the_plain_rule_on_random_text(text):
    assert list(ocr_damage.bare_pairs(text)) == bare_pairs_plain(text)


def test_the_skeleton_keeps_each_letter_of_a_word_that_folds_to_ascii_and_no_letter_of_a_separator():
    """The fast path reads names only on the lines whose skeleton may hold one; that is sound when every
    letter that folds to ASCII keeps its letters (an upper case one its capital) and nothing else does."""
    chars = [chr(code) for code in range(1, sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF]
    joined = "\x00".join(chars)  # NFD reorders marks only between starters: each character stays apart
    skeletons = ocr_damage.skeleton(joined).split("\x00")
    letters = set(re.findall(r"[^\W\d_]", joined))
    wrong = []
    for char, skeleton in zip(chars, skeletons, strict=True):
        if char in letters:
            folded = ocr.fold(char)
            if folded.isascii() and (
                skeleton.lower() != folded or (char.isupper() and not skeleton[:1].isupper())
            ):
                wrong.append(char)
        elif skeleton and char != "\n" and re.search(r"[A-Za-z\n]", skeleton):
            wrong.append(char)
    assert wrong == []
    assert ocr_damage.skeleton("Ban Chỉ huy – Đoàn") == "Ban Chi huy  Doan"


def test_a_url_slug_does_not_tip_a_clean_document_into_the_repair():
    # One bare phrase ("chu tri") is no sign of OCR damage, and the word pairs of a URL, an e-mail address
    # or a file name ("ban-chi", "chu-tri", "ban_chi") are none: the repair leaves the text alone.
    text = (
        "3. Ban Chỉ huy Quân sự huyện chủ trì.\n"
        "Xem tại https://example.vn/tin-tuc/ban-chi-huy-quan-su-huyen-chu-tri-ke-hoach.html và\n"
        "thư gửi ban_chi_huy@example.vn (tệp ke-hoach-ban-chi-huy.docx); Phòng Nội vụ chu tri."
    )
    assert list(ocr_damage.bare_pairs(text)) == [("chu", "tri")]
    assert not ocr._damaged(text)
    assert restore_diacritics(text) == text


def test_bare_words_after_a_url_still_mark_a_damaged_document():
    text = (
        "Ban Chỉ huy Quân sự huyện (https://example.vn/ban-chi-huy).\n"
        "Giao Ban Chi huy Quan su huyen chu tri, hoàn thành truoc ngay 5/5."
    )
    assert ocr._damaged(text)
    assert restore_diacritics(text).split("\n")[1] == (
        "Giao Ban Chỉ huy Quân sự huyện chủ trì, hoàn thành trước ngày 5/5."
    )


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("giao ban chi huy", [("giao", "ban"), ("ban", "chi"), ("chi", "huy")]),
        ("xem http://a.vn/ban chi huy", [("chi", "huy")]),  # "ban" ends the URL
        ("tệp ban.docx chi huy, ban chi-huy", [("chi", "huy")]),
        ("Nhân dan chi", [("dan", "chi")]),  # "dân" lost nothing: its tail "n" is no word
        ("Nhân dân chi huy\nban  chi", [("chi", "huy")]),
    ],
)
def test_bare_pairs_are_words_one_space_apart_outside_urls_and_file_names(text, pairs):
    assert list(ocr_damage.bare_pairs(text)) == pairs == bare_pairs_plain(text)


def test_the_skeleton_of_a_decomposed_text_is_that_of_the_composed_one():
    text = "Ủy ban Chỉ huy"
    decomposed = unicodedata.normalize("NFD", text)
    assert ocr_damage.skeleton(decomposed) == ocr_damage.skeleton(text) == "Uy ban Chi huy"


@pytest.mark.parametrize(
    "name",
    ["Quảng Minh", "QUẢNG MINH", "Quảng minh", "Quang Mính"],
)
def test_a_name_the_text_spells_with_accents_makes_its_bare_pairs_count(name):
    text = f"Đồng chí {name} phát biểu.\nGiao quang minh, ông quang minh."
    assert ("quang", "minh") not in ocr._lexicon_openings()
    assert ocr._damaged(text) and damaged_plain(text)
    alone = "Giao quang minh, ông quang minh.\nĐồng chí Quang Minh phát biểu."  # no accents: no name
    assert not ocr._damaged(alone) and not damaged_plain(alone)


def test_a_span_that_keeps_some_accents_lost_none_and_a_heading_in_capitals_names_nothing() -> None:
    text = (
        "VĂN BẢN CHỈ ĐẠO\nBan Chỉ đạo 35 các cấp tăng cường\nBan Chi dao 35 cac cap tang cuong\n"
        "BAN CHI DAO HUYEN\nSo Tai chinh chu tri, phoi hop\nSở Tài chính chủ trì"
    )
    lines = ocr.repair_ocr(text).split("\n")
    assert lines[1] == "Ban Chỉ đạo 35 các cấp tăng cường"  # "Ban" is a word: nothing was lost
    assert lines[2].startswith("Ban Chỉ đạo 35")  # the lexicon's body, not the heading's "Bản chỉ đạo"
    assert lines[3].startswith("BAN CHỈ ĐẠO")  # in the written case
    assert lines[4] == "Sở Tài chính chủ trì, phối hợp"
