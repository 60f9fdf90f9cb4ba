"""A task table whose header takes two rows: "Đơn vị thực hiện" spanning "Chủ trì | Phối hợp" below it, the
other header cells merged down (left empty in the second row), as .docx and PDF tables are written."""

from __future__ import annotations

from extraction.tables import read_task_tables

TABLE = """| STT | Nhiệm vụ | Đơn vị thực hiện | | Thời hạn hoàn thành |
|---|---|---|---|---|
| | | Chủ trì | Phối hợp | |
| 1 | Rà soát các điểm sạt lở | Sở Xây dựng | Công an tỉnh; Sở Tài chính | Tháng 9/2025 |
| 2 | Cắm biển cảnh báo | Ủy ban nhân dân các xã | Đoàn Thanh niên xã | Quý IV/2025 |"""


def _tasks():  # type: ignore[no-untyped-def]
    return read_task_tables(TABLE.split("\n"), year=2025)


def test_the_columns_under_a_spanning_header_take_the_roles_the_second_row_names() -> None:
    roles = [(t.section, t.leads, t.participants) for t in _tasks()]
    assert roles == [
        ("1", ["Sở Xây dựng"], ["Công an tỉnh", "Sở Tài chính"]),
        ("2", ["Ủy ban nhân dân các xã"], ["Đoàn Thanh niên xã"]),
    ]


def test_the_second_header_row_is_no_task_and_the_deadline_column_is_kept() -> None:
    tasks = _tasks()
    assert len(tasks) == 2
    assert [str(t.deadline.due) if t.deadline else None for t in tasks] == ["2025-09-30", "2025-12-31"]


def test_a_first_row_of_long_cells_is_a_task_not_a_second_header() -> None:
    lines = TABLE.split("\n")
    lines[2] = "| | Phối hợp với các xã rà soát danh mục hộ dân cần di dời | Sở Xây dựng | | Tháng 9/2025 |"
    tasks = read_task_tables(lines, year=2025)
    assert any(t.text.startswith("Phối hợp với các xã") for t in tasks)
