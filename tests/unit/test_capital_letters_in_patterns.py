"""The one capital-letter class the patterns share: Vietnamese capitals only, never a lower-case letter
(the range "À-Ỹ" it replaces runs through both cases)."""

from __future__ import annotations

import re

from extraction.extract import extract
from extraction.tokens import CAPITAL, LOWER

_VIETNAMESE_CAPITALS = (
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
)


def test_every_vietnamese_capital_is_a_capital_and_no_lower_case_letter_is() -> None:
    for letter in _VIETNAMESE_CAPITALS:
        assert re.fullmatch(CAPITAL, letter), letter
        assert not re.fullmatch(CAPITAL, letter.lower()), letter.lower()
        assert re.fullmatch(LOWER, letter.lower()), letter.lower()
        assert not re.fullmatch(LOWER, letter), letter


def test_letters_of_other_scripts_are_neither_case() -> None:
    for letter in "ДдΩω×÷":
        assert not re.fullmatch(CAPITAL, letter) and not re.fullmatch(LOWER, letter)


def test_a_committee_s_place_is_a_capitalised_name_not_the_lower_case_words_after_its_level() -> None:
    # "thành phố đã đạt được ..." twice and "thành phố Hải Phòng" once: only the last names a place.
    document = extract(
        "THÀNH ỦY\n*\nSố 12-KH/TU\nKẾ HOẠCH\nthực hiện chuyển đổi số năm 2025\n"
        "Hải Phòng, ngày 10 tháng 01 năm 2025\n\nI. MỤC ĐÍCH\n"
        "1. Năm 2024, thành phố Hải Phòng đạt nhiều kết quả; thành phố đã đạt được mục tiêu; "
        "thành phố đã đạt được chỉ tiêu.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo Thành ủy chủ trì triển khai trong quý I năm 2025.\n"
    ).plan.document
    assert document.issuer == "Thành ủy Hải Phòng"
