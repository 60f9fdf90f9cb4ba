"""Layouts of real documents beyond the seeds: labelled lines run together, a decision's issued plan,
shared-head lists of ministries, office holders, letters' closing formulas."""

from __future__ import annotations

from extraction.attached import issued_attachment
from extraction.clauses import read_clause
from extraction.extract import extract
from extraction.units import read_units

HEAD = """BCH ĐOÀN TỈNH ĐỒNG THÁP
Số: 99-KH/TĐTN
Đồng Tháp, ngày 03 tháng 3 năm 2025
KẾ HOẠCH
Tổ chức hoạt động hè năm 2025
I. MỤC ĐÍCH, YÊU CẦU
Phát huy vai trò xung kích của thanh niên.
II. NỘI DUNG
"""


def _assignments(text: str) -> list[tuple[str, str, str, str | None]]:
    plan = extract(text).plan
    tasks = {task.id: task for task in plan.tasks}
    return [
        (tasks[a.task].section or "", a.unit, a.role.value, str(a.deadline.due) if a.deadline else None)
        for a in plan.assignments
    ]


def _names(text: str) -> list[str]:
    found = read_units(text, persons=True)
    return found.names if found is not None else []


def test_labels_run_together_on_one_line_name_the_lead_the_participants_and_the_time() -> None:
    body = (
        "1. Chương trình Thắp sáng đường quê\n"
        "Lắp đặt đèn chiếu sáng nông thôn.\n"
        "Đơn vị thực hiện: Huyện đoàn Tháp Mười; Đơn vị phối hợp: Công ty Điện lực Đồng Tháp; "
        "Thời gian: trong tháng 7/2025.\n"
    )
    assert sorted(_assignments(HEAD + body)) == [
        ("II.1", "Công ty Điện lực Đồng Tháp", "participant", "2025-07-31"),
        ("II.1", "Huyện đoàn Tháp Mười", "lead", "2025-07-31"),
    ]


def test_an_implementing_unit_label_on_its_own_line_names_the_lead() -> None:
    body = "1. Lễ ra quân\n- Thời gian: ngày 25/5/2025.\n- Đơn vị thực hiện: Ban Phong trào Tỉnh đoàn.\n"
    assert _assignments(HEAD + body) == [("II.1", "Ban Phong trào Tỉnh đoàn", "lead", "2025-05-25")]


def test_a_union_of_a_university_is_one_unit() -> None:
    assert _names("Đoàn Trường Đại học Đồng Tháp chủ trì") == ["Đoàn Trường Đại học Đồng Tháp"]
    assert _names("Phòng Nội vụ Văn phòng HĐND và UBND huyện") == [
        "Phòng Nội vụ",
        "Văn phòng HĐND và UBND huyện",
    ]


def test_a_shared_head_before_a_colon_names_each_body_of_the_list() -> None:
    assert _names("các Bộ: Tư pháp, Xây dựng và các cơ quan liên quan nghiên cứu") == [
        "Bộ Tư pháp",
        "Bộ Xây dựng",
        "Các cơ quan liên quan",
    ]
    assert _names("Các Bộ: Xây dựng, Nông nghiệp và Môi trường khẩn trương hướng dẫn") == [
        "Bộ Xây dựng",
        "Bộ Nông nghiệp và Môi trường",
    ]


def test_a_kind_of_body_before_a_colon_without_names_is_still_a_group() -> None:
    assert _names("Các sở, ngành: thực hiện") == ["Các sở, ngành"]


def test_a_peoples_committee_with_its_own_level_after_và_is_a_unit_of_its_own() -> None:
    assert _names("Các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố căn cứ nhiệm vụ") == [
        "Các sở, ban, ngành",
        "Ủy ban nhân dân các huyện, thành phố",
    ]


def test_office_holders_listed_with_commas_stand_for_their_bodies_one_each() -> None:
    assert _names("Giám đốc Sở Y tế, Giám đốc Sở Tài chính chịu trách nhiệm") == ["Sở Y tế", "Sở Tài chính"]
    assert _names("Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố nghiêm túc thực hiện") == [
        "Ủy ban nhân dân các huyện, thị xã, thành phố"
    ]


def test_the_heads_of_listed_bodies_stand_for_each_body_of_the_list() -> None:
    text = (
        "Giám đốc các Sở: Tài chính, Công Thương; Chủ tịch Ủy ban nhân dân các huyện và "
        "Thủ trưởng các cơ quan có liên quan chịu trách nhiệm thi hành"
    )
    assert _names(text) == [
        "Sở Tài chính",
        "Sở Công Thương",
        "Ủy ban nhân dân các huyện",
        "Các cơ quan có liên quan",
    ]


def test_a_group_with_its_heads_after_và_stays_one_group() -> None:
    text = "các cấp ủy đảng, chính quyền và người đứng đầu các cơ quan, đơn vị phát huy"
    assert _names(text) == ["Các cấp ủy đảng, chính quyền và người đứng đầu các cơ quan, đơn vị"]


def test_a_state_group_is_a_unit() -> None:
    found = _names("Tập đoàn Điện lực Việt Nam hoàn thành giải phóng mặt bằng")
    assert found == ["Tập đoàn Điện lực Việt Nam"]


def test_a_letters_closing_formula_gives_nobody_work() -> None:
    closing = "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./."
    assert read_clause(closing, persons=True).narrative
    assert not read_clause("Sở Y tế thông báo lịch tiêm chủng cho các xã.", persons=True).narrative
    informing = "Ủy ban nhân dân các xã thông báo để Nhân dân biết, chủ động phòng tránh."
    assert not read_clause(informing, persons=True).narrative


DECISION = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 1234/QĐ-UBND
Lâm Đồng, ngày 18 tháng 6 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch phát triển nông nghiệp năm 2025
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển nông nghiệp năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
KẾ HOẠCH
Phát triển nông nghiệp năm 2025
(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 18/6/2025 của Ủy ban nhân dân tỉnh)
I. NHIỆM VỤ
1. Sở Tài chính chủ trì bố trí kinh phí; hoàn thành trong quý IV năm 2025.
PHỤ LỤC
1. Sở Y tế chủ trì một việc của phụ lục; hoàn thành trong năm 2025.
"""


def test_the_plan_a_decision_issues_is_read_as_the_decisions_work() -> None:
    assert _assignments(DECISION) == [("I.1", "Sở Tài chính", "lead", "2025-12-31")]


def test_an_outline_attached_to_a_guidance_is_not_an_issued_plan() -> None:
    lines = DECISION.replace("Ban hành kèm theo Quyết định", "Kèm theo Hướng dẫn").split("\n")
    assert issued_attachment(lines, 10) is None


def test_rules_a_decision_issues_are_not_a_plan() -> None:
    lines = DECISION.replace("KẾ HOẠCH\nPhát triển", "QUY CHẾ\nPhát triển").split("\n")
    assert issued_attachment(lines, 10) is None
    assert issued_attachment(DECISION.split("\n"), 10) is not None
