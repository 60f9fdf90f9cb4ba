"""Unit names of shapes other provinces, ministries, schools, courts and police use: bodies named by their
subject ("Ban Chỉ đạo ... về ...") or seat ("... tại ..."), words whose second syllable is a verb ("Bộ
Ngoại giao"), kinds of schools, and a letter's polite "Quý cơ quan" for its addressees."""

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
            "Ban Chỉ đạo về phòng, chống tham nhũng, tiêu cực tỉnh chủ trì kiểm tra",
            "Ban Chỉ đạo về phòng, chống tham nhũng, tiêu cực tỉnh",
        ),
        (
            "Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số chủ trì, "
            "phối hợp với Sở Nội vụ",
            "Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        ),
        (
            "Tổ công tác về cải cách thủ tục hành chính tỉnh chủ trì rà soát",
            "Tổ công tác về cải cách thủ tục hành chính tỉnh",
        ),
        (
            "Hội đồng tư vấn về thi đua, khen thưởng huyện tổng hợp",
            "Hội đồng tư vấn về thi đua, khen thưởng huyện",
        ),
        (
            "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp chủ trì, phối hợp với Bộ Tài chính",
            "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp",
        ),
        (
            "Văn phòng đại diện Bộ Ngoại giao tại Thành phố Hồ Chí Minh chủ trì tổ chức",
            "Văn phòng đại diện Bộ Ngoại giao tại Thành phố Hồ Chí Minh",
        ),
        (
            "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh chủ trì thi công",
            "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh",
        ),
        # a subject that holds no verb closes at the first verb after it, as a subject does
        (
            "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, lãng phí, tiêu cực chỉ đạo các địa phương.",
            "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, lãng phí, tiêu cực",
        ),
        (
            "Ban Chỉ đạo tỉnh về chuyển đổi số triển khai các nhiệm vụ, phối hợp với Sở Nội vụ",
            "Ban Chỉ đạo tỉnh về chuyển đổi số",
        ),
    ],
)
def test_a_body_named_by_its_subject_or_seat_keeps_that_phrase_when_it_closes_as_a_subject(
    sentence: str, name: str
) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã chủ trì",
            "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã",
        ),
        (
            "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh chủ trì kiểm tra",
            "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh",
        ),
        (
            "Ban Quản lý dự án đầu tư xây dựng khu vực huyện triển khai thi công",
            "Ban Quản lý dự án đầu tư xây dựng khu vực huyện",
        ),
        # the work after a complete name, not more of it
        ("Ban Chỉ đạo tỉnh chỉ đạo các huyện thực hiện, phối hợp với Sở Y tế", "Ban Chỉ đạo tỉnh"),
        ("Ban Chỉ đạo chỉ đạo các xã triển khai", "Ban Chỉ đạo"),
        ("Ban Quản lý dự án triển khai thi công.", "Ban Quản lý dự án"),
    ],
)
def test_a_steering_committee_or_project_board_is_named_by_its_work_up_to_its_level(
    sentence: str, name: str
) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Sở Tài chính tại Tờ trình số 12/TTr-STC đề nghị bổ sung kinh phí", "Sở Tài chính"),
        ("Ban Chỉ đạo 35 tỉnh chủ trì triển khai tại các xã", "Ban Chỉ đạo 35 tỉnh"),
        ("Văn phòng đại diện tại các tỉnh chủ trì tổ chức", "Văn phòng đại diện"),
        ("Ban Chỉ đạo tỉnh về kết quả thực hiện chủ trì", "Ban Chỉ đạo tỉnh"),
    ],
)
def test_a_tai_or_ve_phrase_of_the_sentence_stays_out_of_the_name(sentence: str, name: str) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Bộ Ngoại giao chủ trì, phối hợp với Bộ Công an", "Bộ Ngoại giao"),
        ("Văn phòng Đăng ký đất đai tỉnh chủ trì cấp giấy chứng nhận", "Văn phòng Đăng ký đất đai tỉnh"),
        ("Ủy ban Bầu cử huyện chủ trì", "Ủy ban Bầu cử huyện"),
        ("Phòng Cảnh sát giao thông Công an tỉnh chủ trì kiểm tra", "Phòng Cảnh sát giao thông Công an tỉnh"),
        (
            "Cục Nhà giáo và Cán bộ quản lý giáo dục chủ trì, phối hợp với Vụ Giáo dục Tiểu học",
            "Cục Nhà giáo và Cán bộ quản lý giáo dục",
        ),
    ],
)
def test_a_word_of_a_name_whose_second_syllable_is_a_verb_stays_whole(sentence: str, name: str) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Quỹ Bảo vệ môi trường tỉnh chủ trì", "Quỹ Bảo vệ môi trường tỉnh"),
        ("Tòa án nhân dân tỉnh chủ trì tổ chức phiên tòa", "Tòa án nhân dân tỉnh"),
        ("Tòa án nhân dân các huyện phối hợp tuyên truyền", "Tòa án nhân dân các huyện"),
        (
            "Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn huyện thực hiện",
            "Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn huyện",
        ),
        ("Hiệu trưởng các trường học chịu trách nhiệm tổ chức", "Các trường học"),
    ],
)
def test_a_fund_a_court_schools_by_level_and_their_principals_name_units(sentence: str, name: str) -> None:
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Cục Công nghệ thông tin chủ trì xây dựng cơ sở dữ liệu", ["Cục Công nghệ thông tin"]),
        ("Đồn Biên phòng Cửa khẩu Lao Bảo phối hợp kiểm soát", ["Đồn Biên phòng Cửa khẩu Lao Bảo"]),
        (
            "Ngân hàng Chính sách xã hội chi nhánh tỉnh phối hợp giải ngân",
            ["Ngân hàng Chính sách xã hội chi nhánh tỉnh"],
        ),
        (
            "Trưởng ban công tác Mặt trận khu dân cư tuyên truyền đến từng hộ",
            ["Ban công tác Mặt trận khu dân cư"],
        ),
        (
            "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh phối hợp tổ chức tiếp xúc cử tri",
            ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"],
        ),
    ],
)
def test_border_posts_banks_residential_areas_and_joint_offices_are_read_whole(
    sentence: str, names: list[str]
) -> None:
    assert _names(sentence) == names


def test_members_in_charge_of_an_area_end_their_name_at_phu_trach_what_they_do() -> None:
    found = read_units("Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy phụ trách địa bàn theo dõi", persons=True)
    assert found is not None
    assert (found.names, found.stop) == (["Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy"], "predicate")


def test_quy_alone_opens_no_unit() -> None:
    assert read_units("Quý I năm 2025 hoàn thành") is None
    assert read_units("quý báu của Nhân dân") is None


_LETTER = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 512/UBND-KT
V/v góp ý dự thảo Kế hoạch chuyển đổi số
Bình Định, ngày 03 tháng 3 năm 2025

Kính gửi:
- Sở Tư pháp;
- Sở Tài chính;
- Ủy ban nhân dân các huyện, thị xã, thành phố.

{body}
Trân trọng./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn B
"""


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        (
            "Ủy ban nhân dân tỉnh đề nghị Quý cơ quan, đơn vị nghiên cứu, góp ý và gửi văn bản về "
            "Sở Khoa học và Công nghệ trước ngày 15/3/2025.",
            "Quý cơ quan, đơn vị",
        ),
        ("Rất mong Quý cơ quan quan tâm, phối hợp, gửi ý kiến trước ngày 15/3/2025.", "Quý cơ quan"),
    ],
)
def test_quy_co_quan_in_a_letter_is_its_addressees(body: str, unit: str) -> None:
    plan = extract(_LETTER.format(body=body)).plan
    assert [row[1:] for row in assignment_rows(plan)] == [(unit, "lead", "2025-03-14")]
    group = next(u for u in plan.units if u.name == unit)
    assert group.members == plan.document.addressees
    assert len(group.members) == 3


_PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 45/KH-UBND
KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2025
Quảng Trị, ngày 10 tháng 01 năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao hiệu quả.
II. TỔ CHỨC THỰC HIỆN
{body}
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn B
"""


def test_a_heading_that_names_a_body_by_its_subject_is_a_heading_of_units_not_a_task() -> None:
    plan = extract(
        _PLAN.format(
            body="1. Ban Chỉ đạo tỉnh về chuyển đổi số\n"
            "- Chỉ đạo triển khai các nhiệm vụ chuyển đổi số trong năm 2025.\n"
        )
    ).plan
    assert assignment_rows(plan) == [("II.1", "Ban Chỉ đạo tỉnh về chuyển đổi số", "lead", "2025-12-31")]


def test_labels_after_the_task_s_sentence_in_one_paragraph_give_its_units_and_time() -> None:
    plan = extract(
        _PLAN.format(
            body="1. Rà soát thủ tục hành chính. Đơn vị chủ trì: Văn phòng Ủy ban nhân dân tỉnh; đơn vị phối "
            "hợp: các sở, ban, ngành. Thời gian: trước ngày 30/6/2025.\n"
            "2. Số hóa hồ sơ. Cơ quan chủ trì: Sở Nội vụ. Cơ quan phối hợp: Ủy ban nhân dân các xã. "
            "Thời gian hoàn thành: Quý III/2025.\n"
        )
    ).plan
    assert assignment_rows(plan) == [
        ("II.1", "Văn phòng Ủy ban nhân dân tỉnh", "lead", "2025-06-29"),
        ("II.1", "Các sở, ban, ngành", "participant", "2025-06-29"),
        ("II.2", "Sở Nội vụ", "lead", "2025-09-30"),
        ("II.2", "Ủy ban nhân dân các xã", "participant", "2025-09-30"),
    ]
    assert [task.title for task in plan.tasks] == ["Rà soát thủ tục hành chính.", "Số hóa hồ sơ."]
