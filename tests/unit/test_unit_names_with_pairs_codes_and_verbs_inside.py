"""Unit names that hold what usually ends one: a comma between a pair of words ("học sinh, sinh viên"), a
verb after "và" or a dash ("Khảo thí và Đảm bảo chất lượng", "thi đua - khen thưởng"), a verb as a noun's
second syllable ("công trình"), a class code ("10A1"), a person's name, a phrase up to the level; and the
lists and sentences where those marks still part names or end them."""

from __future__ import annotations

import pytest

from extraction.extract import extract
from extraction.units import read_units
from tests.factories import assignment_rows


def _names(text: str) -> list[str]:
    found = read_units(text, persons=True)
    return found.names if found else []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Vụ Giáo dục Chính trị và Công tác học sinh, sinh viên chủ trì tổ chức thực hiện",
            "Vụ Giáo dục Chính trị và Công tác học sinh, sinh viên",
        ),
        (
            "Phòng Công tác học sinh, sinh viên chủ trì, phối hợp với Phòng Đào tạo",
            "Phòng Công tác học sinh, sinh viên",
        ),
        ("Cục Quản lý khám, chữa bệnh chủ trì hướng dẫn", "Cục Quản lý khám, chữa bệnh"),
        ("Phòng Công tác học sinh, sinh viên tổ chức kỳ thi", "Phòng Công tác học sinh, sinh viên"),
    ],
)
def test_a_comma_between_a_pair_of_words_that_runs_to_the_work_stays_inside_the_name(
    sentence: str, name: str
) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Sở Y tế, Sở Tài chính, Sở Nội vụ chủ trì", ["Sở Y tế", "Sở Tài chính", "Sở Nội vụ"]),
        ("Sở Xây dựng bồi dưỡng kỹ năng, nghiệp vụ cho cán bộ", ["Sở Xây dựng"]),
        ("Sở Tài chính thẩm định, bố trí kinh phí", ["Sở Tài chính"]),
        ("Sở Tài chính cân đối nguồn vốn, kinh phí thực hiện", ["Sở Tài chính"]),
        ("Các sở, ban, ngành, đoàn thể tỉnh chủ trì", ["Các sở, ban, ngành, đoàn thể tỉnh"]),
    ],
)
def test_a_comma_still_parts_bodies_and_the_work_a_body_does(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Trung tâm Khảo thí và Đảm bảo chất lượng chủ trì tổ chức kỳ thi",
            "Trung tâm Khảo thí và Đảm bảo chất lượng",
        ),
        ("Hội đồng thi đua - khen thưởng tỉnh chủ trì tổng hợp", "Hội đồng thi đua - khen thưởng tỉnh"),
        ("Hội đồng thi đua - khen thưởng chủ trì tổng hợp", "Hội đồng thi đua - khen thưởng"),
        (
            "Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh chủ trì thực hiện",
            "Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh",
        ),
        ("Tổ Quốc phòng - An ninh chủ trì thực hiện", "Tổ Quốc phòng - An ninh"),
    ],
)
def test_a_verb_joined_to_a_name_by_va_a_dash_or_as_a_noun_s_syllable_is_part_of_it(
    sentence: str, name: str
) -> None:
    assert _names(sentence) == [name]


def test_a_dash_before_the_unit_s_role_ends_the_name_there() -> None:
    assert _names("Hội đồng thi đua - chủ trì tổng hợp") == ["Hội đồng thi đua -"]


def test_the_fatherland_is_not_a_team() -> None:
    assert _names("Tổ quốc Việt Nam") == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Chi đoàn 10A1 chủ trì tổ chức", "Chi đoàn 10A1"),
        (
            "Các cơ sở giáo dục nghề nghiệp trên địa bàn tỉnh chủ trì triển khai",
            "Các cơ sở giáo dục nghề nghiệp trên địa bàn tỉnh",
        ),
        (
            "Trường Trung học phổ thông chuyên Lê Quý Đôn chủ trì tổ chức",
            "Trường Trung học phổ thông chuyên Lê Quý Đôn",
        ),
        (
            "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh chủ trì tổ chức",
            "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
        ),
        (
            "Ủy ban Quốc gia về chuyển đổi số chỉ đạo, hướng dẫn các bộ triển khai",
            "Ủy ban Quốc gia về chuyển đổi số",
        ),
        ("Ban Chỉ đạo tỉnh về phòng, chống dịch chỉ đạo các xã", "Ban Chỉ đạo tỉnh về phòng, chống dịch"),
    ],
)
def test_a_class_code_a_person_s_name_a_level_after_a_phrase_and_a_subject_go_on_the_name(
    sentence: str, name: str
) -> None:
    assert _names(sentence) == [name]


def test_a_subject_phrase_that_opens_with_a_verb_stays_out_of_the_name() -> None:
    assert _names("Ban Chỉ đạo tỉnh về dự thảo kế hoạch") == ["Ban Chỉ đạo tỉnh"]


_PLAN = """ỦY BAN NHÂN DÂN
XÃ QUANG BÌNH
Số: 12/KH-UBND
KẾ HOẠCH
Cải cách thủ tục hành chính năm 2025
Quang Bình, ngày 10 tháng 01 năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao hiệu quả.
II. TỔ CHỨC THỰC HIỆN
1. Trung tâm phục vụ hành chính công xã chủ trì tiếp nhận hồ sơ trực tuyến, hoàn thành trước ngày 30/6/2025.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn B
"""


def test_a_commune_s_public_administration_service_centre_leads_its_task() -> None:
    plan = extract(_PLAN).plan
    assert [row[1:3] for row in assignment_rows(plan)] == [("Trung tâm phục vụ hành chính công xã", "lead")]
