"""Where a unit's name ends when it goes on past a few ordinary words: the nouns of the field a body deals
with ("... tâm lý học đường", "... phòng cháy, chữa cháy và cứu nạn, cứu hộ", "... tội phạm về ma túy"),
more places a management board runs ("... và các Khu công nghiệp ..."), what picks out some bodies of a kind
("các xã bị ảnh hưởng"), a deputy's portfolio, a number; and where it stops: verbs of patrol and count,
"cùng cấp"."""

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
        # nouns of a field do not count among the few lower-case words a name may carry
        (
            "Ban Tư vấn sức khỏe dinh dưỡng học đường tổ chức khám cho học sinh",
            "Ban Tư vấn sức khỏe dinh dưỡng học đường",
        ),
        (
            "Trung tâm Chăm sóc sức khỏe người cao tuổi tiếp nhận hồ sơ",
            "Trung tâm Chăm sóc sức khỏe người cao tuổi",
        ),
        (
            "Trung tâm Công tác xã hội trẻ em và gia đình phối hợp với Hội Liên hiệp Phụ nữ",
            "Trung tâm Công tác xã hội trẻ em và gia đình",
        ),
        # after the field, a verb outside the lexicon still ends the name
        ("Tổ Tư vấn tâm lý học đường gặp gỡ học sinh vào thứ Bảy", "Tổ Tư vấn tâm lý học đường"),
        # "về" between two nouns of a field
        (
            "Phòng Cảnh sát điều tra tội phạm về kinh tế chủ trì xác minh nguồn tin",
            "Phòng Cảnh sát điều tra tội phạm về kinh tế",
        ),
        (
            "Đội Cảnh sát điều tra tội phạm về môi trường phối hợp với Chi cục Kiểm lâm",
            "Đội Cảnh sát điều tra tội phạm về môi trường",
        ),
        # commas and "và" between nouns of a field
        (
            "Phòng Cảnh sát kinh tế, môi trường phối hợp với Sở Y tế kiểm tra",
            "Phòng Cảnh sát kinh tế, môi trường",
        ),
        (
            "Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ khu vực Hồng Lĩnh kiểm tra các chợ",
            "Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ khu vực Hồng Lĩnh",
        ),
        (
            "Trung tâm Chăm sóc sức khỏe, dinh dưỡng trẻ em phối hợp thực hiện",
            "Trung tâm Chăm sóc sức khỏe, dinh dưỡng trẻ em",
        ),
    ],
)
def test_the_nouns_of_a_body_s_field_go_on_its_name(sentence: str, name: str) -> None:
    assert _names(sentence) == [name]


def test_a_comma_before_another_body_still_parts_two_names() -> None:
    assert _names("Phòng Cảnh sát hình sự, Phòng Cảnh sát kinh tế phối hợp kiểm tra") == [
        "Phòng Cảnh sát hình sự",
        "Phòng Cảnh sát kinh tế",
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Ban Quản lý Khu kinh tế Vân Phong và các Khu công nghiệp Khánh Hòa chủ trì rà soát",
            "Ban Quản lý Khu kinh tế Vân Phong và các Khu công nghiệp Khánh Hòa",
        ),
        (
            "Ban Quản lý Khu kinh tế cửa khẩu và các Cụm công nghiệp tỉnh tham gia thẩm định",
            "Ban Quản lý Khu kinh tế cửa khẩu và các Cụm công nghiệp tỉnh",
        ),
        (
            "Ban Quản lý Khu Kinh tế Nghi Sơn và các Khu công nghiệp Thanh Hóa phối hợp với Sở Xây dựng",
            "Ban Quản lý Khu Kinh tế Nghi Sơn và các Khu công nghiệp Thanh Hóa",
        ),
    ],
)
def test_more_places_a_board_manages_after_and_are_its_name(sentence: str, name: str) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a body with its level is complete: what follows "và các" is not its name
        ("Ủy ban nhân dân tỉnh và các Khu kinh tế ven biển", ["Ủy ban nhân dân tỉnh"]),
        ("Sở Tài chính và các Sở, ngành liên quan", ["Sở Tài chính", "Các Sở, ngành liên quan"]),
        ("Sở Công Thương và các Tập đoàn kinh tế", ["Sở Công Thương", "Các Tập đoàn kinh tế"]),
    ],
)
def test_and_then_a_quantified_head_is_another_unit(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Ủy ban nhân dân các huyện bị ảnh hưởng bởi bão số 3 rà soát thiệt hại",
            "Ủy ban nhân dân các huyện bị ảnh hưởng",
        ),
        ("Các địa phương bị thiệt hại rà soát, thống kê số hộ", "Các địa phương bị thiệt hại"),
        ("Ủy ban nhân dân các xã có đê chủ động phương án hộ đê", "Ủy ban nhân dân các xã có đê"),
        # no quantifier: one body, and what follows is said of it
        ("Ủy ban nhân dân xã bị ảnh hưởng nặng nề", "Ủy ban nhân dân xã"),
    ],
)
def test_what_picks_out_some_bodies_of_a_kind_goes_on_the_group_s_name(sentence: str, name: str) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Phó Giám đốc phụ trách chuyên môn chủ trì hội đồng chấm thi", "Phó Giám đốc phụ trách chuyên môn"),
        (
            "Phó Chủ tịch Ủy ban nhân dân huyện phụ trách lĩnh vực văn hóa - xã hội chỉ đạo thực hiện",
            "Phó Chủ tịch Ủy ban nhân dân huyện phụ trách lĩnh vực văn hóa - xã hội",
        ),
        ("Hiệu phó phụ trách cơ sở vật chất kiểm tra phòng học", "Hiệu phó phụ trách cơ sở vật chất"),
        # a head's own charge, or a charge that reads as the work, is not a portfolio
        ("Hiệu trưởng phụ trách chung, chỉ đạo các tổ", "Hiệu trưởng"),
        ("Phó Hiệu trưởng phụ trách, theo dõi các lớp", "Phó Hiệu trưởng"),
    ],
)
def test_a_deputy_is_named_with_the_portfolio_they_answer_for(sentence: str, name: str) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Công an các xã, thị trấn tuần tra, kiểm soát địa bàn", "Công an các xã, thị trấn"),
        (
            "Ban Chỉ huy Quân sự các xã, phường truy quét, trấn áp các đối tượng",
            "Ban Chỉ huy Quân sự các xã, phường",
        ),
        ("Đội Quản lý thị trường số 3 kiểm soát hàng hóa nhập lậu", "Đội Quản lý thị trường số 3"),
    ],
)
def test_verbs_of_patrol_and_count_end_a_name(sentence: str, name: str) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Cục Hậu cần chủ trì bảo đảm trang bị", "Cục Hậu cần"),
        ("Phòng Hậu cần - Kỹ thuật Công an tỉnh bố trí phương tiện", "Phòng Hậu cần - Kỹ thuật Công an tỉnh"),
        ("Ban Hậu cần cần chuẩn bị lương thực", "Ban Hậu cần"),
        ("Phòng Quản lý đô thị số 2 chủ trì lập hồ sơ", "Phòng Quản lý đô thị số 2"),
        (
            "Trường Trung học cơ sở số 1 thị trấn tổ chức ngày hội đọc sách",
            "Trường Trung học cơ sở số 1 thị trấn",
        ),
    ],
)
def test_a_verb_s_syllable_inside_a_field_word_and_a_body_s_number_stay_on_the_name(
    sentence: str, name: str
) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    "sentence",
    [
        "Công an cùng cấp trong tuần tra, kiểm soát",
        "Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp vận động hội viên",
        "Hội Liên hiệp Phụ nữ cùng cấp tổ chức",
    ],
)
def test_a_body_of_the_same_level_as_another_is_no_unit_of_its_own(sentence: str) -> None:
    assert _names(sentence) == []


_PLAN = """ỦY BAN NHÂN DÂN
HUYỆN KỲ ANH
Số: 12/KH-UBND
KẾ HOẠCH
Bảo đảm an ninh trật tự dịp cuối năm 2025
Kỳ Anh, ngày 05 tháng 11 năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Giữ vững an ninh.
II. TỔ CHỨC THỰC HIỆN
{body}
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn C
"""


def test_a_unit_followed_by_a_verb_of_count_is_the_subject_of_its_sentence() -> None:
    plan = extract(
        _PLAN.format(
            body="1. Trung tâm Y tế huyện thống kê, báo cáo số ca mắc trước ngày 15/12/2025.\n"
            "2. Các đơn vị trực thuộc tiếp nhận, xử lý phản ánh của người dân trong tháng 12/2025.\n"
        )
    ).plan
    assert assignment_rows(plan) == [
        ("II.1", "Trung tâm Y tế huyện", "lead", "2025-12-14"),
        ("II.2", "Các đơn vị trực thuộc", "lead", "2025-12-31"),
    ]


def test_a_partner_of_the_same_level_is_not_recorded_as_a_participant() -> None:
    plan = extract(
        _PLAN.format(
            body="1. Ban Chỉ huy Quân sự huyện phối hợp với Công an cùng cấp tổ chức diễn tập "
            "trước ngày 20/12/2025.\n"
        )
    ).plan
    assert assignment_rows(plan) == [("II.1", "Ban Chỉ huy Quân sự huyện", "lead", "2025-12-19")]


def test_field_names_after_a_lead_are_whole_participants() -> None:
    plan = extract(
        _PLAN.format(
            body="1. Công an huyện chủ trì, phối hợp với Đội Cảnh sát điều tra tội phạm về ma túy và Công an "
            "các xã, thị trấn truy quét tụ điểm trước ngày 31/12/2025.\n"
        )
    ).plan
    assert assignment_rows(plan) == [
        ("II.1", "Công an huyện", "lead", "2025-12-30"),
        ("II.1", "Đội Cảnh sát điều tra tội phạm về ma túy", "participant", "2025-12-30"),
        ("II.1", "Công an các xã, thị trấn", "participant", "2025-12-30"),
    ]
