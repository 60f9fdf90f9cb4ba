"""A document's head and signature block laid out in two columns: as a .docx layout table, and as the
text of a PDF that runs both columns into one line."""

from pathlib import Path

from docx import Document as DocxDocument

from extraction.extract import extract
from extraction.readers import read_document

BODY = [
    "KẾ HOẠCH",
    "Triển khai chuyển đổi số năm 2025",
    "I. NHIỆM VỤ",
    "1. Giao Sở Nội vụ chủ trì rà soát thủ tục hành chính nội bộ, hoàn thành trong quý III/2025.",
]

MERGED = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÂM ĐỒNG Độc lập - Tự do - Hạnh phúc
Số: 88/KH-UBND Lâm Đồng, ngày 05 tháng 3 năm 2025
{body}
Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Bộ Nội vụ; KT. CHỦ TỊCH
- Lưu: VT. PHÓ CHỦ TỊCH
Trần Thị Bình
""".format(body="\n".join(BODY))


def _two_column_docx(path: Path) -> Path:
    document = DocxDocument()
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"
    left.add_paragraph("Số: 88/KH-UBND")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    right.add_paragraph("Lâm Đồng, ngày 05 tháng 3 năm 2025")
    for line in BODY:
        document.add_paragraph(line)
    recipients, signer = document.add_table(rows=1, cols=2).rows[0].cells
    recipients.text = "Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT."
    signer.text = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Thị Bình"
    document.save(str(path))
    return path


def _assert_head_read(text: str) -> None:
    document = extract(text).document
    assert document.number == "88/KH-UBND"
    assert document.issuer == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert document.place == "Lâm Đồng"
    assert all(reference.number != "88/KH-UBND" for reference in document.references)
    assert document.recipients == ("Bộ Nội vụ",)
    assert document.signer is not None
    assert (document.signer.name, document.signer.title) == ("Trần Thị Bình", "Phó Chủ tịch")


def test_a_docx_head_and_signature_laid_out_as_tables_are_read_as_their_lines(tmp_path: Path) -> None:
    source = read_document(_two_column_docx(tmp_path / "plan.docx"))
    assert source.lines[:3] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 88/KH-UBND"]
    assert not any(line.startswith("|") for line in source.lines)
    _assert_head_read(source.text)


def test_a_pdf_text_running_both_head_columns_into_one_line_gives_the_left_ones_issuer() -> None:
    _assert_head_read(MERGED)


def test_a_small_docx_task_table_without_head_or_signature_stays_a_table(tmp_path: Path) -> None:
    document = DocxDocument()
    header, row = document.add_table(rows=2, cols=2).rows
    header.cells[0].text, header.cells[1].text = "Nhiệm vụ", "Cơ quan chủ trì"
    row.cells[0].text, row.cells[1].text = "Rà soát thủ tục", "Sở Nội vụ"
    document.save(str(tmp_path / "table.docx"))
    lines = read_document(tmp_path / "table.docx").lines
    assert lines[0] == "| Nhiệm vụ | Cơ quan chủ trì |"


def test_a_signing_title_of_one_column_keeps_its_deputy() -> None:
    text = MERGED.replace("- Lưu: VT. PHÓ CHỦ TỊCH", "- Lưu: VT.\nPHÓ CHỦ TỊCH")
    signer = extract(text).document.signer
    assert signer is not None and signer.title == "Phó Chủ tịch"


PROGRAMME = """TỈNH ỦY HÀ TĨNH
*
Số 45-CTr/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Tĩnh, ngày 06 tháng 01 năm 2025
CHƯƠNG TRÌNH CÔNG TÁC
của Ban Thường vụ Tỉnh ủy năm 2025
I. NHỮNG NHIỆM VỤ TRỌNG TÂM
Lãnh đạo thực hiện thắng lợi nhiệm vụ năm 2025.
II. NỘI DUNG CỤ THỂ
| TT | Nội dung | Cơ quan chuẩn bị | Thời điểm trình |
|---|---|---|---|
| 1 | Kế hoạch tổ chức đại hội đảng bộ các cấp | Ban Tổ chức Tỉnh ủy | Tháng 01 |
| 2 | Đề án phát triển du lịch | Ban cán sự đảng UBND tỉnh | Quý III |
"""


def test_words_that_go_on_with_the_kind_are_no_issuer_and_the_body_after_cua_is() -> None:
    extraction = extract(PROGRAMME)
    assert extraction.document.issuer == "Ban Thường vụ Tỉnh ủy Hà Tĩnh"  # the place from the head
    tasks = {task.id: task for task in extraction.plan.tasks}
    found = [
        (tasks[a.task].section, a.unit, str(tasks[a.task].deadline.due)) for a in extraction.plan.assignments
    ]
    # "Lãnh đạo thực hiện ..." is the verb, not a unit; "Thời điểm trình" is the deadline column.
    assert found == [
        ("1", "Ban Tổ chức Tỉnh ủy", "2025-01-31"),
        ("2", "Ban cán sự đảng UBND tỉnh", "2025-09-30"),
    ]
