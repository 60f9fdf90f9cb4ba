"""Table cells of a provincial police plan's appendix (tests/fixtures/documents/26_*): long names of
departments whose commas part the fields they handle, beside a column of targets (chỉ tiêu)."""

from extraction.tables import read_task_tables, unit_names

_FIRE = "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"


def test_a_cell_name_goes_on_past_every_comma_that_lower_case_words_of_no_unit_follow():
    assert unit_names(_FIRE)[0] == [_FIRE]


def test_a_long_name_in_a_cell_still_parts_from_the_next_unit_after_a_semicolon():
    names, _ = unit_names(f"{_FIRE}; Công an các xã, phường")
    assert names == [_FIRE, "Công an các xã, phường"]


def test_a_target_column_names_neither_a_unit_nor_a_deadline():
    lines = [
        "| STT | Nội dung | Chỉ tiêu | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |",
        "|---|---|---|---|---|---|",
        f"| 1 | Xây dựng mô hình | Ít nhất 01 mô hình | {_FIRE} | Công an các xã | Tháng 9/2026 |",
    ]
    (task,) = read_task_tables(lines, year=2026)
    assert (task.leads, task.participants) == ([_FIRE], ["Công an các xã"])
    assert task.deadline is not None and str(task.deadline.due) == "2026-09-30"
