"""A unit cell that names the office inside a unit in brackets ("Sở Nội vụ (Ban Thi đua - Khen thưởng)")
gives the unit, as a heading of units does, and the units after the bracket apart from it."""

from __future__ import annotations

from extraction.tables import read_task_tables, unit_names

TABLE = """| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |
|---|---|---|---|---|
| 1 | Tổng hợp hồ sơ khen thưởng | Sở Nội vụ (Ban Thi đua - Khen thưởng) | Sở Tài chính (Phòng Ngân sách); \
Hội Liên hiệp Phụ nữ tỉnh | Tháng 12/2026 |"""


def test_a_bracket_after_a_unit_is_not_joined_to_the_unit_after_it() -> None:
    cell = "Sở Giáo dục và Đào tạo (Phòng Giáo dục Trung học); Tỉnh đoàn"
    assert unit_names(cell)[0] == ["Sở Giáo dục và Đào tạo", "Tỉnh đoàn"]


def test_a_bracket_closing_the_cell_is_no_unit_of_its_own() -> None:
    assert unit_names("Công an tỉnh (Phòng Cảnh sát giao thông)")[0] == ["Công an tỉnh"]


def test_a_bracket_before_a_role_word_and_a_comma() -> None:
    names, _ = unit_names("Sở Y tế (Phòng Nghiệp vụ Y) chủ trì, Bảo hiểm xã hội tỉnh phối hợp")
    assert names == ["Sở Y tế", "Bảo hiểm xã hội tỉnh"]


def test_a_task_table_row_with_bracketed_offices() -> None:
    [task] = read_task_tables(TABLE.split("\n"), year=2026)
    assert task.leads == ["Sở Nội vụ"]
    assert task.participants == ["Sở Tài chính", "Hội Liên hiệp Phụ nữ tỉnh"]
