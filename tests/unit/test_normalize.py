"""Normalising document text: one spelling per character, and every line where it was."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction.normalize import normalize_document, normalize_line, strip_emphasis


def test_decomposed_accents_are_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Ban Tuyên giáo Thành ủy")
    assert normalize_document(decomposed) == "Ban Tuyên giáo Thành ủy"


@pytest.mark.parametrize(("old", "new"), [
    ("Huyện uỷ", "Huyện ủy"),
    ("hoà bình", "hòa bình"),
    ("khoẻ mạnh", "khỏe mạnh"),
    ("THOẢ THUẬN", "THỎA THUẬN"),
])
def test_old_tone_placement_becomes_the_new_one(old: str, new: str) -> None:
    assert normalize_document(old) == new


@pytest.mark.parametrize("word", ["Hoàn thành", "kế hoạch", "Hoàng", "quý", "Quỳnh", "khuỷu tay", "toàn"])
def test_closed_syllables_and_qu_keep_their_tone_mark(word: str) -> None:
    assert normalize_document(word) == word


def test_unusual_spaces_become_one_plain_space() -> None:
    assert normalize_document("Ban\u00a0Tuyên\u2009giáo \t  Thành\u202fủy") == "Ban Tuyên giáo Thành ủy"


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "\u2011", "\u2212"])
def test_dashes_read_as_a_hyphen(dash: str) -> None:
    assert normalize_document(f"2026{dash}2027") == "2026-2027"


def test_zero_width_characters_and_soft_hyphens_are_dropped() -> None:
    assert normalize_document("Kế\u200b hoạch\ufeff số\u00ad 12\u200d") == "Kế hoạch số 12"


@pytest.mark.parametrize(("marked", "plain"), [
    ("**Dự kiến tháng 3/2024.**", "Dự kiến tháng 3/2024."),
    ("3.2.1. *Nội dung:* Đề xuất", "3.2.1. Nội dung: Đề xuất"),
    ("__Thời gian__: quý I", "Thời gian: quý I"),
    ("_nghiêng_ và ***đậm nghiêng***", "nghiêng và đậm nghiêng"),
])
def test_markdown_emphasis_is_removed(marked: str, plain: str) -> None:
    assert strip_emphasis(marked) == plain


@pytest.mark.parametrize("kept", ["* một mục danh sách", "3 * 4", "ho_ten_day_du", "Số: ____/KH-UBND", "***"])
def test_bullets_products_identifiers_and_blanks_keep_their_marks(kept: str) -> None:
    assert strip_emphasis(kept) == kept


def test_line_numbers_stay_aligned_with_the_source() -> None:
    source = "dòng 1\r\n\r\n**dòng 3**\u2028vẫn dòng 3\rdòng 4\n\n\ndòng 7\x0c"
    lines = normalize_document(source).split("\n")
    assert len(lines) == 7
    assert lines[2] == "dòng 3 vẫn dòng 3"
    assert lines[3] == "dòng 4"
    assert lines[6] == "dòng 7"


def test_normalize_line_turns_line_breaks_into_spaces() -> None:
    joined = normalize_line("Thời gian thực hiện:\ntrước ngày 19/5/2024")
    assert joined == "Thời gian thực hiện: trước ngày 19/5/2024"


@given(st.text())
def test_any_text_keeps_its_number_of_lines(text: str) -> None:
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    assert normalize_document(text).count("\n") == unified.count("\n")


@given(st.text())
def test_normalising_twice_changes_nothing_more(text: str) -> None:
    once = normalize_document(text)
    assert normalize_document(once) == once
