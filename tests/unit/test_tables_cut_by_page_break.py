"""A task table that a page break cuts in two goes on as one table: groups, the split row, its line span."""

from extraction.tables import find_task_tables, read_task_tables

HEADER = (
    "| TT | Nội dung công việc | Khoa, phòng chủ trì | Khoa, phòng phối hợp | Thời gian thực hiện | Ghi chú |"
)
SEPARATOR = "|---|---|---|---|---|---|"
FIRST_PAGE = [
    HEADER,
    SEPARATOR,
    "| I | AN TOÀN NGƯỜI BỆNH |  |  |  |  |",
    "| 1 | Giám sát vệ sinh tay tại các khoa | Khoa Kiểm soát nhiễm khuẩn | Phòng Điều dưỡng | "
    "Tháng 4/2025 |  |",
    "| 2 | Xây dựng bảng kiểm an toàn phẫu thuật; | Khoa Gây mê hồi sức | Phòng Quản lý chất lượng; | "
    "Tháng 5/2025 | Theo mẫu |",
]
SPLIT_ROW = "|  | tập huấn cho điều dưỡng các khoa ngoại |  | Phòng Điều dưỡng |  | của Bộ Y tế |"
NEXT_ROWS = [
    "| 3 | Báo cáo sự cố y khoa | Phòng Quản lý chất lượng | Các khoa lâm sàng | Tháng 6/2025 |  |",
    "| II | NHÂN LỰC |  |  |  |  |",
    "| 4 | Cử bác sĩ đi đào tạo | Phòng Tổ chức cán bộ |  | Tháng 9/2025 |  |",
]


def _rows(lines: list[str]) -> list[tuple[str, list[str], list[str], str | None]]:
    return [
        (t.section, t.leads, t.participants, str(t.deadline.due) if t.deadline else None)
        for t in read_task_tables(lines, year=2025)
    ]


EXPECTED = [
    ("I.1", ["Khoa Kiểm soát nhiễm khuẩn"], ["Phòng Điều dưỡng"], "2025-04-30"),
    ("I.2", ["Khoa Gây mê hồi sức"], ["Phòng Quản lý chất lượng", "Phòng Điều dưỡng"], "2025-05-31"),
    ("I.3", ["Phòng Quản lý chất lượng"], ["Các khoa lâm sàng"], "2025-06-30"),
    ("II.4", ["Phòng Tổ chức cán bộ"], [], "2025-09-30"),
]


def test_rows_under_the_header_repeated_after_a_page_number_stay_in_the_group_above():
    lines = [*FIRST_PAGE, "", "2", HEADER, SEPARATOR, SPLIT_ROW, *NEXT_ROWS]
    assert _rows(lines) == EXPECTED


def test_a_row_cut_by_the_page_break_takes_its_rest_from_the_next_page():
    lines = [*FIRST_PAGE, "2", HEADER, SEPARATOR, SPLIT_ROW, *NEXT_ROWS]
    split = read_task_tables(lines, year=2025)[1]
    assert split.text == "Xây dựng bảng kiểm an toàn phẫu thuật; tập huấn cho điều dưỡng các khoa ngoại"


def test_a_next_page_without_the_header_is_read_under_the_header_above():
    # pdfplumber writes a table's first row as a header line with a separator under it.
    lines = [*FIRST_PAGE, "- 2 -", SPLIT_ROW, SEPARATOR, *NEXT_ROWS]
    assert _rows(lines) == EXPECTED


def test_the_table_cut_by_a_page_break_spans_both_pages():
    lines = [*FIRST_PAGE, "", "2", HEADER, SEPARATOR, SPLIT_ROW, *NEXT_ROWS]
    tables = find_task_tables(lines)
    assert [(t.first_line, t.last_line) for t in tables] == [(1, len(lines))]


def test_a_table_after_a_heading_is_another_table():
    lines = [*FIRST_PAGE, "PHỤ LỤC II", HEADER, SEPARATOR, *NEXT_ROWS]
    assert [t.section for t in read_task_tables(lines, year=2025)] == ["I.1", "I.2", "3", "II.4"]


def test_another_table_with_its_own_header_after_a_page_break_is_not_joined():
    other = "| STT | Nhiệm vụ | Đơn vị chủ trì | Thời hạn |"
    row = "| 1 | Kiểm tra hồ sơ | Phòng Điều dưỡng | Tháng 7/2025 |"
    lines = [*FIRST_PAGE, "2", other, "|---|---|---|---|", row]
    assert [t.section for t in read_task_tables(lines, year=2025)] == ["I.1", "I.2", "1"]
