"""Task tables read from PDF text whose header and cells wrap, and OCR's "l" for a Roman one in a quarter."""

from __future__ import annotations

from extraction.ocr import repair_ocr
from extraction.tables import read_task_tables

WRAPPED_HEADER = """TT Nội dung công việc Đơn vị chủ Đơn vị phối Thời gian
trì hợp hoàn thành
1 Tập huấn chuyên môn cho thú y viên cơ sở Trung tâm Khuyến nông tỉnh Công an tỉnh Tháng 6/2025
2 Giám sát dịch bệnh tại chợ Chi cục Chăn nuôi UBND các huyện, Quý III/2025
thị xã, thành phố
3 Tổng hợp, báo cáo kết quả phòng, chống Chi cục Thú y Các đơn vị thuộc Trước ngày
dịch năm 2025 Sở 15/12/2025"""


def _rows(text: str) -> list[tuple[str, list[str], list[str], str | None]]:
    return [
        (t.section, t.leads, t.participants, str(t.deadline.due) if t.deadline else None)
        for t in read_task_tables(text.split("\n"), year=2025)
    ]


def test_a_header_wrapped_over_two_lines_still_heads_a_task_table() -> None:
    assert _rows(WRAPPED_HEADER)[0] == ("1", ["Trung tâm Khuyến nông tỉnh"], ["Công an tỉnh"], "2025-06-30")


ONE_LINE_HEADER = """TT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành
1 Giám sát dịch bệnh tại chợ Chi cục Chăn nuôi UBND các huyện, Quý III/2025
thị xã, thành phố"""


def test_a_comma_after_the_lead_cell_does_not_eat_the_participants_first_letter() -> None:
    row = _rows(ONE_LINE_HEADER)[0]
    assert row[1] == ["Chi cục Chăn nuôi"]
    assert row[2] == ["UBND các huyện, thị xã, thành phố"]


def test_a_deadline_cell_whose_date_wrapped_to_the_next_line_is_read_whole() -> None:
    assert _rows(WRAPPED_HEADER)[2][3] == "2025-12-14"


def test_an_l_after_quý_is_a_roman_one_not_a_digit() -> None:
    assert repair_ocr("hoàn thành trong quý ll/2O25") == "hoàn thành trong quý II/2025"
    assert repair_ocr("Quý lll/2025; tháng l2/2024") == "Quý III/2025; tháng 12/2024"
