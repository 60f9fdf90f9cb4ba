"""Task tables printed without ruling lines, read from PDFs drawn word by word; the text is made up.."""

from __future__ import annotations

from pathlib import Path

import pytest

from extraction.pdf_text import pdf_pages
from tests.fixtures.documents.build import font_path

pytestmark = pytest.mark.skipif(font_path() is None, reason="no DejaVu Sans font for Vietnamese text")

MARGIN = 60  # the page's left margin, where the table's number column starts too
Line = list[tuple[float, str]]  # (x, text) cells


def _pdf(path: Path, pages: list[list[Line]]) -> Path:
    """A PDF whose pages hold lines of (x, text) cells, top down, 14 points apart; (0, text) a paragraph."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(font_path())))
    drawing = canvas.Canvas(str(path), invariant=1)
    for lines in pages:
        drawing.setFont("DejaVuSans", 9)
        for number, line in enumerate(lines):
            for x, text in line:
                drawing.drawString(x or MARGIN, 780 - 14 * number, text)
        drawing.showPage()
    drawing.save()
    return path


def _header() -> Line:
    """Cells start at 60, 90, 250, 360, 470; the header's words sit centred over the wider columns."""
    return [(60, "TT"), (140, "Nhiệm vụ"), (275, "Chủ trì"), (380, "Phối hợp"), (480, "Thời hạn")]


def test_an_unruled_table_is_written_as_pipe_rows_with_wrapped_cells_whole(tmp_path: Path) -> None:
    page: list[Line] = [
        [(0, "Các phòng thực hiện như sau:")],
        _header(),
        [(60, "1"), (90, "Lập sổ theo dõi"), (250, "Phòng Tư"), (360, "Phòng Nội vụ"), (470, "Tháng 4/2026")],
        [(90, "các đề án"), (250, "pháp")],
        [(60, "2"), (90, "Kiểm tra kho"), (250, "Văn phòng"), (470, "Quý II/2026")],
        [(0, "Nơi nhận: các phòng thuộc huyện và lưu văn thư.")],
    ]
    text = pdf_pages(_pdf(tmp_path / "a.pdf", [page]))[0]
    assert text.split("\n") == [
        "Các phòng thực hiện như sau:",
        "| TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn |",
        "|---|---|---|---|---|",
        "| 1 | Lập sổ theo dõi các đề án | Phòng Tư pháp | Phòng Nội vụ | Tháng 4/2026 |",
        "| 2 | Kiểm tra kho | Văn phòng |  | Quý II/2026 |",
        "Nơi nhận: các phòng thuộc huyện và lưu văn thư.",
    ]


def test_after_a_page_break_the_page_number_stays_a_line_and_the_cut_row_has_no_number(
    tmp_path: Path,
) -> None:
    first: list[Line] = [
        _header(),
        [(60, "1"), (90, "Sửa trụ sở và"), (250, "Văn phòng"), (470, "Quý III/2026")],
    ]
    second: list[Line] = [
        [(290, "2")],
        _header(),
        [(90, "nhà kho"), (360, "Phòng Kinh tế")],
        [(60, "2"), (90, "Mua máy tính"), (250, "Phòng Tài chính"), (470, "Tháng 9/2026")],
    ]
    pages = pdf_pages(_pdf(tmp_path / "b.pdf", [first, second]))
    assert pages[1].split("\n")[0] == "2"
    assert "|  | nhà kho |  | Phòng Kinh tế |  |" in pages[1].split("\n")
    assert "| 2 | Mua máy tính | Phòng Tài chính |  | Tháng 9/2026 |" in pages[1].split("\n")


def test_words_in_columns_without_a_task_header_stay_plain_text(tmp_path: Path) -> None:
    page: list[Line] = [[(60, "Họ và tên"), (250, "Chức vụ"), (400, "Ghi chú")]]
    page.append([(60, "Trần Văn A"), (250, "Trưởng phòng")])
    text = pdf_pages(_pdf(tmp_path / "c.pdf", [page]))[0]
    assert "|" not in text


def test_a_table_that_runs_to_the_foot_of_a_page_goes_on_at_the_next_page_top_with_no_header(
    tmp_path: Path,
) -> None:
    first: list[Line] = [
        [(0, "Các phòng thực hiện như sau:")],
        _header(),
        [(60, "1"), (90, "Sửa trụ sở và"), (250, "Văn phòng"), (470, "Quý III/2026")],
    ]
    second: list[Line] = [
        [(290, "2")],
        [(90, "nhà kho"), (360, "Phòng Kinh tế")],
        [(60, "2"), (90, "Mua máy tính"), (250, "Phòng Tài chính"), (470, "Tháng 9/2026")],
        [(0, "Nơi nhận: các phòng thuộc huyện và lưu văn thư.")],
    ]
    pages = pdf_pages(_pdf(tmp_path / "d.pdf", [first, second]))
    assert pages[1].split("\n") == [
        "2",
        "|  | nhà kho |  | Phòng Kinh tế |  |",
        "| 2 | Mua máy tính | Phòng Tài chính |  | Tháng 9/2026 |",
        "Nơi nhận: các phòng thuộc huyện và lưu văn thư.",
    ]


def test_a_table_that_ends_before_the_foot_of_its_page_does_not_go_on_at_the_next(tmp_path: Path) -> None:
    first: list[Line] = [
        _header(),
        [(60, "1"), (90, "Sửa trụ sở"), (250, "Văn phòng"), (470, "Quý III/2026")],
        [(0, "Các phòng báo cáo kết quả về Văn phòng.")],
    ]
    second: list[Line] = [[(60, "3"), (90, "Ghi chép"), (250, "lại")]]
    pages = pdf_pages(_pdf(tmp_path / "e.pdf", [first, second]))
    assert "|" not in pages[1]
