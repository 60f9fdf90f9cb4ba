"""Participants named in a clause of their own, and unit headings that say more of the unit in brackets."""

from __future__ import annotations

from extraction.evaluate import unit_score
from extraction.extract import extract
from tests.factories import PLAN_HEAD

HEAD = PLAN_HEAD + "II. TỔ CHỨC THỰC HIỆN\n"


def _assignments(body: str) -> list[tuple[str, str, str, str]]:
    plan = extract(HEAD + body).plan
    tasks = {task.id: task for task in plan.tasks}
    return [(tasks[a.task].section, a.unit, a.role.value, tasks[a.task].text) for a in plan.assignments]


def test_a_unit_that_joins_after_a_semicolon_takes_part_in_the_task_before_it() -> None:
    found = _assignments(
        "1. Giao Sở Tài chính thẩm định, tham mưu bố trí kinh phí; "
        "Kho bạc Nhà nước tỉnh phối hợp thực hiện.\n"
        "2. Sở Xây dựng chủ trì rà soát quy hoạch. Sở Tài nguyên và Môi trường phối hợp.\n"
    )
    assert [(s, u, r) for s, u, r, _ in found] == [
        ("II.1", "Sở Tài chính", "lead"),
        ("II.1", "Kho bạc Nhà nước tỉnh", "participant"),
        ("II.2", "Sở Xây dựng", "lead"),
        ("II.2", "Sở Tài nguyên và Môi trường", "participant"),
    ]
    assert found[0][3] == found[1][3]  # one task, two units


def test_a_list_of_units_split_by_semicolons_stays_one_list() -> None:
    found = _assignments("1. Giao Sở Y tế; Sở Giáo dục và Đào tạo; Sở Nội vụ chủ trì triển khai.\n")
    assert [(u, r) for _, u, r, _ in found] == [
        ("Sở Y tế", "lead"),
        ("Sở Giáo dục và Đào tạo", "lead"),
        ("Sở Nội vụ", "lead"),
    ]


def test_a_unit_that_joins_after_the_lead_in_the_same_clause_is_a_participant() -> None:
    found = _assignments("1. Sở Công Thương chủ trì, Sở Tài chính phối hợp kiểm tra giá cả thị trường.\n")
    assert [(u, r) for _, u, r, _ in found] == [("Sở Công Thương", "lead"), ("Sở Tài chính", "participant")]


def test_a_unit_heading_with_its_office_or_short_name_in_brackets_owns_the_items_under_it() -> None:
    found = _assignments(
        "1. Sở Nội vụ (Ban Thi đua - Khen thưởng)\n"
        "- Tổng hợp, báo cáo kết quả thực hiện về UBND tỉnh trước ngày 15/12/2025.\n"
        "2. Các sở, ban, ngành cấp tỉnh; UBND các huyện, thị xã (sau đây gọi chung là các cơ quan, đơn vị)\n"
        "- Xây dựng kế hoạch cụ thể, hoàn thành trong tháng 5/2025.\n"
    )
    assert [(s, u, r) for s, u, r, _ in found] == [
        ("II.1", "Sở Nội vụ", "lead"),
        ("II.2", "Các sở, ban, ngành cấp tỉnh", "lead"),
        ("II.2", "UBND các huyện, thị xã", "lead"),
    ]


def test_the_head_of_a_body_told_to_act_gives_the_task_to_the_body() -> None:
    found = _assignments(
        "1. Giám đốc Sở Kế hoạch và Đầu tư rà soát, báo cáo UBND tỉnh trước ngày 15/6/2025.\n"
        "2. Chủ tịch UBND các huyện, thành phố chỉ đạo giải phóng mặt bằng.\n"
        "3. Thủ trưởng các cơ quan, đơn vị báo cáo tình hình giải ngân.\n"
    )
    assert [(u, r) for _, u, r, _ in found] == [
        ("Sở Kế hoạch và Đầu tư", "lead"),
        ("UBND các huyện, thành phố", "lead"),
        ("Các cơ quan, đơn vị", "lead"),
    ]
    groups = {unit.name: unit.group for unit in extract(HEAD + "1. Giám đốc Sở Y tế chỉ đạo.\n").plan.units}
    assert groups == {"Sở Y tế": False}


def test_scoring_takes_a_heads_title_and_its_body_for_the_same_unit() -> None:
    assert unit_score("Giám đốc Sở Y tế", "Sở Y tế") == 2
    assert unit_score("Thủ trưởng các cơ quan, đơn vị nêu trên", "Các cơ quan, đơn vị nêu trên") == 2
    assert unit_score("Giám đốc Sở Y tế", "Sở Tư pháp") == 0


def test_the_party_shorthand_for_cells_and_committees_is_one_group_unit() -> None:
    found = _assignments("1. Các chi, đảng bộ cơ sở tổ chức sinh hoạt chuyên đề trong tháng 02/2025.\n")
    assert [(u, r) for _, u, r, _ in found] == [("Các chi, đảng bộ cơ sở", "lead")]


def test_the_bodies_of_places_listed_after_a_colon_are_one_unit_each() -> None:
    from extraction.units import read_units

    found = read_units("Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng chỉ đạo", persons=True)
    assert found is not None
    assert found.names == ["Ủy ban nhân dân tỉnh Quảng Ninh", "Ủy ban nhân dân tỉnh Hải Phòng"]
    alone = read_units("Ủy ban nhân dân các tỉnh: triển khai ngay", persons=True)
    assert alone is not None and alone.names == ["Ủy ban nhân dân các tỉnh"]


def test_and_after_a_shared_head_parts_the_names_unless_a_field_word_follows() -> None:
    from extraction.units import read_units

    found = read_units("các Bộ: Tư pháp, Xây dựng và Tài chính, Kế hoạch và Đầu tư phối hợp", persons=True)
    assert found is not None
    assert found.names == ["Bộ Tư pháp", "Bộ Xây dựng", "Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"]
