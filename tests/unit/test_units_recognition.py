"""Recognising unit names: named bodies, lists with a shared modifier, groups, abbreviations."""

import pytest

from extraction.units import read_units, unit_heading


def _names(text: str, **options: bool) -> list[str]:
    found = read_units(text, **options)
    return found.names if found else []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Sở Giáo dục và Đào tạo chủ trì tổ chức", ["Sở Giáo dục và Đào tạo"]),
        ("Phòng Tài nguyên và môi trường huyện rà soát", ["Phòng Tài nguyên và môi trường huyện"]),
        ("Sở Văn hóa, Thể thao và Du lịch phối hợp", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("UBND các huyện, thị xã, thành phố chỉ đạo", ["UBND các huyện, thị xã, thành phố"]),
        ("Ban Chỉ đạo 138 tỉnh: tăng cường", ["Ban Chỉ đạo 138 tỉnh"]),
    ],
)
def test_a_name_runs_until_the_predicate(text, names):
    assert _names(text) == names


def test_a_shared_modifier_keeps_a_list_of_committees_as_one_group():
    found = read_units("Các huyện ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy: lãnh đạo, chỉ đạo")
    assert found is not None
    assert found.names == ["Các huyện ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy"]
    assert found.groups == [True]
    assert found.stop == "colon"


def test_named_bodies_separated_by_commas_are_separate_units():
    assert _names("Báo Lâm Đồng, Đài Phát thanh - Truyền hình tỉnh: mở chuyên mục") == [
        "Báo Lâm Đồng",
        "Đài Phát thanh - Truyền hình tỉnh",
    ]


def test_a_group_closed_by_its_modifier_is_split_from_the_named_body_after_it():
    text = "Các huyện ủy, thị ủy trực thuộc Tỉnh ủy, Mặt trận Tổ quốc và các đoàn thể tỉnh: tuyên truyền"
    assert _names(text) == [
        "Các huyện ủy, thị ủy trực thuộc Tỉnh ủy",
        "Mặt trận Tổ quốc và các đoàn thể tỉnh",
    ]


def test_the_political_system_enumeration_is_one_group():
    text = "Cấp ủy, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp có trách nhiệm"
    found = read_units(text)
    assert found is not None and found.groups == [True] and len(found.names) == 1


def test_a_named_body_and_the_other_bodies_concerned_are_two_units():
    assert _names("Sở Tài chính và các cơ quan, đơn vị liên quan thẩm định") == [
        "Sở Tài chính",
        "Các cơ quan, đơn vị liên quan",
    ]


def test_semicolons_always_separate_units():
    text = "Các sở, ban, ngành; đảng đoàn, ban cán sự đảng; Liên đoàn Lao động tỉnh: thực hiện"
    assert _names(text) == ["Các sở, ban, ngành", "Đảng đoàn, ban cán sự đảng", "Liên đoàn Lao động tỉnh"]


@pytest.mark.parametrize(
    "text",
    ["Ban hành quy chế làm việc", "Báo cáo kết quả về Sở", "Phòng, chống dịch bệnh", "Hội nghị sơ kết"],
)
def test_ordinary_words_that_begin_like_unit_heads_are_not_units(text):
    assert read_units(text) is None


def test_people_are_units_only_where_asked_for():
    text = "Cán bộ, công chức, viên chức đăng ký làm theo"
    assert read_units(text) is None
    assert _names(text, persons=True) == ["Cán bộ, công chức, viên chức"]


def test_a_heading_that_is_only_units():
    assert unit_heading("Ủy ban nhân dân các huyện:") is not None
    assert unit_heading("Ủy ban nhân dân các huyện triển khai kế hoạch") is None
