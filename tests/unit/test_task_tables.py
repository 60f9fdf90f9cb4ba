"""Task tables: Markdown pipe rows, rows split over pages, PDF text, and routing tables that are not."""

from extraction.table_columns import column_kind
from extraction.tables import find_task_tables, read_task_tables

MARKDOWN = """| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Kết quả |
|---|---|---|---|---|---|
| I | NHÓM NHIỆM VỤ VỀ THỂ CHẾ | | | | |
| 1 | Xây dựng quy chế quản lý dữ liệu | Sở Thông tin và Truyền thông | Sở Tư pháp; Sở Nội vụ | \
Quý II/2024 | Quyết định của UBND tỉnh |
| 2 | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | Các sở, ban, ngành | Tháng 9/2024 | Báo cáo |
| | và công bố danh mục | | liên quan | | |
| II | NHÓM NHIỆM VỤ VỀ HẠ TẦNG | | | | |
| 1 | Nâng cấp trung tâm dữ liệu | Sở Thông tin và Truyền thông | | Năm 2025 | |
| 2 | Triển khai mạng truyền số liệu chuyên dùng | | Bưu điện tỉnh | | |"""


def _rows(text: str, year: int = 2024):
    return [
        (t.section, t.leads, t.participants, str(t.deadline.due) if t.deadline else None)
        for t in read_task_tables(text.split("\n"), year=year)
    ]


def test_columns_are_told_apart_by_their_headings():
    assert [
        column_kind(h)
        for h in (
            "TT",
            "Nội dung công việc",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Thời gian hoàn thành",
            "Kinh phí",
            "Sản phẩm",
        )
    ] == ["number", "task", "lead", "participant", "deadline", "cost", "result"]


def test_a_markdown_task_table_gives_one_task_per_row_under_its_group():
    rows = _rows(MARKDOWN)
    assert rows[0] == ("I.1", ["Sở Thông tin và Truyền thông"], ["Sở Tư pháp", "Sở Nội vụ"], "2024-06-30")
    assert rows[2] == ("II.1", ["Sở Thông tin và Truyền thông"], [], "2025-12-31")


def test_a_row_continued_on_the_next_line_is_joined():
    tasks = read_task_tables(MARKDOWN.split("\n"), year=2024)
    assert tasks[1].text.startswith("Rà soát thủ tục hành chính và công bố danh mục")
    assert tasks[1].participants == ["Các sở, ban, ngành liên quan"]
    assert (tasks[1].first_line, tasks[1].last_line) == (5, 6)


def test_a_merged_cell_left_empty_is_taken_from_the_row_above_with_less_confidence():
    last = read_task_tables(MARKDOWN.split("\n"), year=2024)[-1]
    assert last.leads == ["Sở Thông tin và Truyền thông"]
    assert last.participants == ["Bưu điện tỉnh"]
    assert last.confidence < 1


def test_the_result_column_is_kept_with_the_task():
    assert "(Kết quả: Quyết định của UBND tỉnh)" in read_task_tables(MARKDOWN.split("\n"), year=2024)[0].text


def test_a_routing_table_of_a_receiving_office_is_not_a_task_table():
    routing = """| ĐƠN VỊ | CHỦ TRÌ | THAM GIA |
|---|---|---|
| PCT Nguyễn Văn B | X | |
| P. KT | | X |"""
    assert find_task_tables(routing.split("\n")) == []


def test_cells_run_together_and_wrapped_in_pdf_text_are_read_back():
    pdf = """TT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian
1 Xây dựng đề án phát triển du lịch Sở Văn hóa, Thể thao và Du lịch Các sở, ngành, Quý III/2024
cộng đồng gắn với nông thôn mới địa phương liên quan
2 Tổ chức hội chợ thương mại Sở Công Thương Tháng 11/2024"""
    tasks = read_task_tables(pdf.split("\n"), year=2024)
    assert [t.section for t in tasks] == ["1", "2"]
    first, second = tasks
    assert first.text == "Xây dựng đề án phát triển du lịch cộng đồng gắn với nông thôn mới"
    assert first.leads == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert first.participants == ["Các sở, ngành, địa phương liên quan"]
    assert str(first.deadline.due) == "2024-09-30"
    assert second.leads == ["Sở Công Thương"] and str(second.deadline.due) == "2024-11-30"
