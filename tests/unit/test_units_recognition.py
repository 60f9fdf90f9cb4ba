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


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Sở Tài chính, Sở Xây dựng bồi dưỡng kỹ năng cho cán bộ", ["Sở Tài chính", "Sở Xây dựng"]),
        (
            "Phòng Văn hóa huyện Tân Phú, Công an xã Bình Lợi bồi dưỡng nghiệp vụ",
            ["Phòng Văn hóa huyện Tân Phú", "Công an xã Bình Lợi"],
        ),
        ("Ban Dân vận Tỉnh ủy Hòa Bình soạn bộ câu hỏi cho hội thi", ["Ban Dân vận Tỉnh ủy Hòa Bình"]),
    ],
)
def test_a_verb_after_a_list_of_units_is_not_read_into_the_last_name(text, names):
    found = read_units(text)
    assert found is not None and found.names == names
    assert found.stop == "verb"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Trung tâm Kiểm soát bệnh tật tỉnh chủ trì", ["Trung tâm Kiểm soát bệnh tật tỉnh"]),
        ("Ban Quản lý dự án, Sở Y tế thực hiện", ["Ban Quản lý dự án", "Sở Y tế"]),
    ],
)
def test_lower_case_words_that_end_a_name_stay_in_it(text, names):
    assert _names(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Ủy ban Mặt trận Tổ quốc Việt Nam xã Phước An và Hội Nông dân xã Phước An vận động",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam xã Phước An", "Hội Nông dân xã Phước An"],
        ),
        (
            "Ủy ban MTTQ Việt Nam xã Phước An và Hội Cựu chiến binh xã Phước An vận động",
            ["Ủy ban MTTQ Việt Nam xã Phước An", "Hội Cựu chiến binh xã Phước An"],
        ),
        (
            "Ủy ban Mặt trận Tổ quốc Việt Nam phường 3 và Đoàn Thanh niên phường 3 ra quân",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam phường 3", "Đoàn Thanh niên phường 3"],
        ),
        ("Đài Phát thanh và Truyền hình tỉnh mở chuyên mục", ["Đài Phát thanh và Truyền hình tỉnh"]),
        ("Sở Giáo dục và Đào tạo, Sở Y tế phối hợp", ["Sở Giáo dục và Đào tạo", "Sở Y tế"]),
        (
            "Sở Văn hóa, Thể thao và Du lịch và Sở Tài chính hướng dẫn",
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính"],
        ),
    ],
)
def test_va_joins_two_named_bodies_but_not_the_fields_of_one_name(text, names):
    assert _names(text) == names


def test_the_front_and_the_kinds_of_bodies_after_it_stay_one_group():
    found = read_units("Ủy ban MTTQ Việt Nam xã Phước An và các hội, đoàn thể vận động")
    assert found is not None
    assert found.names == ["Ủy ban MTTQ Việt Nam xã Phước An và các hội, đoàn thể"]
    assert found.groups == [True]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Thanh tra huyện Đức Trọng chủ trì", ["Thanh tra huyện Đức Trọng"]),
        ("Thanh tra tỉnh chủ trì thanh tra công vụ", ["Thanh tra tỉnh"]),
        ("Sở Tư pháp, Thanh tra tỉnh phối hợp", ["Sở Tư pháp", "Thanh tra tỉnh"]),
        ("Thanh tra thành phố, Sở Nội vụ.", ["Thanh tra thành phố", "Sở Nội vụ"]),
    ],
)
def test_a_head_followed_by_its_level_names_a_body(text, names):
    assert _names(text) == names


def test_a_head_followed_by_an_ordinary_word_is_no_body():
    assert read_units("Thanh tra việc thực hiện chế độ") is None


def test_lower_case_words_that_reach_a_level_belong_to_the_name_before_it():
    text = "Sở Tư pháp, Ban Quản lý các khu công nghiệp thành phố, Bộ Chỉ huy Quân sự thành phố."
    assert _names(text) == [
        "Sở Tư pháp",
        "Ban Quản lý các khu công nghiệp thành phố",
        "Bộ Chỉ huy Quân sự thành phố",
    ]
    found = read_units("Ban Quản lý các khu công nghiệp tỉnh bồi dưỡng kỹ năng cho cán bộ")
    assert found is not None
    assert found.names == ["Ban Quản lý các khu công nghiệp tỉnh"] and found.stop == "verb"
