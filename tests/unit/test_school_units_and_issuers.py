"""The units of schools, colleges and universities (subject teams, the school's Youth Union, its staff, the
parents' board, faculties), words that only look like a body's head ("phòng, chống", "tổ chức", "khoa
học"), and the issuer of a school's document."""

from __future__ import annotations

import pytest

from extraction.extract import extract
from extraction.units import read_units
from tests.factories import assignment_rows


def _names(text: str, *, persons: bool = True) -> list[str]:
    found = read_units(text, persons=persons)
    return found.names if found else []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Tổ Ngữ văn chủ trì, phối hợp với Đoàn trường tổ chức cuộc thi", "Tổ Ngữ văn"),
        (
            "Tổ Sinh - Hóa - Công nghệ phối hợp với Trạm Y tế xã Nam Đàn tổ chức",
            "Tổ Sinh - Hóa - Công nghệ",
        ),
        ("Đoàn trường tổ chức hội trại", "Đoàn trường"),
        ("Công đoàn trường phối hợp tổ chức", "Công đoàn trường"),
        ("Liên đội chủ trì tổ chức", "Liên đội"),
        ("Ban giám hiệu chỉ đạo các tổ", "Ban giám hiệu"),
        ("Các tổ chuyên môn xây dựng kế hoạch", "Các tổ chuyên môn"),
        (
            "Ban đại diện cha mẹ học sinh trường phối hợp với nhà trường",
            "Ban đại diện cha mẹ học sinh trường",
        ),
        ("Khoa Công nghệ thông tin chủ trì tổ chức", "Khoa Công nghệ thông tin"),
        ("Bộ môn Toán chủ trì biên soạn", "Bộ môn Toán"),
        ("Ký túc xá phối hợp thực hiện", "Ký túc xá"),
    ],
)
def test_a_school_s_own_bodies_are_read_as_units(sentence: str, name: str) -> None:
    assert _names(sentence, persons=False) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Giáo viên chủ nhiệm các lớp tổ chức đối thoại với học sinh", "Giáo viên chủ nhiệm các lớp"),
        # a deputy named with the work they answer for, as the corpus gold writes it
        (
            "Phó Hiệu trưởng phụ trách cơ sở vật chất chịu trách nhiệm kiểm tra",
            "Phó Hiệu trưởng phụ trách cơ sở vật chất",
        ),
        ("Phó Giám đốc Sở Y tế chủ trì kiểm tra", "Phó Giám đốc Sở Y tế"),
    ],
)
def test_a_school_s_staff_and_deputies_are_read_where_a_paragraph_opens(sentence: str, name: str) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    "sentence", ["Tổ chức hội nghị sơ kết", "Khoa học công nghệ là động lực", "Phòng, chống dịch bệnh"]
)
def test_words_that_only_look_like_a_head_open_no_unit(sentence: str) -> None:
    assert _names(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Cục Quản lý đê điều và Phòng, chống thiên tai chủ trì rà soát",
            "Cục Quản lý đê điều và Phòng, chống thiên tai",
        ),
        (
            "Ban Chỉ đạo phòng, chống tham nhũng tỉnh chủ trì kiểm tra",
            "Ban Chỉ đạo phòng, chống tham nhũng tỉnh",
        ),
    ],
)
def test_prevent_and_fight_is_part_of_a_name_never_an_office_named_phong(sentence: str, name: str) -> None:
    assert _names(sentence) == [name]


def test_the_units_of_a_school_plan_are_its_teams_its_youth_union_and_its_form_teachers() -> None:
    text = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ TĨNH\nTRƯỜNG THCS KỲ ANH\n\nSố: 12/KH-THCS\n\n"
        "Kỳ Anh, ngày 5 tháng 9 năm 2025\n\nKẾ HOẠCH\nTổ chức các hoạt động trải nghiệm năm học 2025-2026\n\n"
        "I. NỘI DUNG\n"
        "1. Tổ Toán - Tin chủ trì, phối hợp với Liên đội tổ chức ngày hội toán học trước ngày 20/11/2025.\n"
        "2. Giáo viên chủ nhiệm các lớp tổ chức sinh hoạt lớp trong tháng 10/2025.\n"
    )
    plan = extract(text).plan
    assert plan.document.issuer == "Trường THCS Kỳ Anh"
    assert assignment_rows(plan) == [
        ("I.1", "Tổ Toán - Tin", "lead", "2025-11-19"),
        ("I.1", "Liên đội", "participant", "2025-11-19"),
        ("I.2", "Giáo viên chủ nhiệm các lớp", "lead", "2025-10-31"),
    ]


_BODY = (
    "Vinh, ngày 5 tháng 9 năm 2025\n\nKẾ HOẠCH\nGiáo dục kỹ năng sống\n\n"
    "I. NHIỆM VỤ\n1. Đoàn trường tổ chức.\n"
)


@pytest.mark.parametrize(
    ("head", "issuer"),
    [
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN\nTRƯỜNG THPT SÔNG LAM\n", "Trường THPT Sông Lam"),
        ("UBND HUYỆN NAM ĐÀN\nTRƯỜNG TRUNG HỌC CƠ SỞ NAM HƯNG\n", "Trường Trung học cơ sở Nam Hưng"),
        ("PHÒNG GD&ĐT NAM ĐÀN\nTRƯỜNG MẦM NON HOA SEN\n", "Trường Mầm non Hoa Sen"),
        (
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN\nTRƯỜNG THPT CHUYÊN PHAN BỘI CHÂU\n",
            "Trường THPT chuyên Phan Bội Châu",
        ),
        ("BỘ GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG ĐẠI HỌC VINH\n", "Trường Đại học Vinh"),
    ],
)
def test_a_school_issues_its_document_under_its_own_name(head: str, issuer: str) -> None:
    assert extract(head + "\nSố: 45/KH-TRG\n\n" + _BODY).document.issuer == issuer


def test_a_committee_named_down_to_its_level_in_the_title_is_the_body_of_the_head() -> None:
    head = "ĐẢNG BỘ TỈNH BẮC NINH\nĐẢNG ỦY PHƯỜNG ĐÔNG NGÀN\n*\nSố 08-CTr/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
    body = (
        "Đông Ngàn, ngày 12 tháng 01 năm 2026\n\nCHƯƠNG TRÌNH CÔNG TÁC\n"
        "của Ban Chấp hành Đảng bộ phường năm 2026\n\nI. NHIỆM VỤ\n1. Văn phòng Đảng ủy tổ chức hội nghị.\n"
    )
    assert extract(head + body).document.issuer == "Đảng ủy phường Đông Ngàn"
