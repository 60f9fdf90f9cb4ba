"""Reading documents: text files in any encoding, .docx with tracked changes and tables, PDFs."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from extraction.readers import read_document
from models.errors import DocumentError

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
VIETNAMESE = "Ban Tuyên giáo Thành ủy chủ trì, phối hợp. Hoàn thành trước ngày 31/3/2024."
# The same heading and sentence typed in the old font encodings, as their bytes read in cp1252.
TCVN3 = ("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n\n"
         "Hoµn thµnh tr\u00adíc ngµy 31/3/2024.\n")
VNI = ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\n\n"
       "Hoaøn thaønh tröôùc ngaøy 31/3/2024.\n")
UNICODE_LINES = ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc", "",
                 "Hoàn thành trước ngày 31/3/2024.", ""]


def test_utf8_text_is_read_line_for_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(f"KẾ HOẠCH\n\n{VIETNAMESE}\n", encoding="utf-8")
    source = read_document(path)
    assert source.lines == ["KẾ HOẠCH", "", VIETNAMESE, ""]
    assert source.text == "\n".join(source.lines)
    assert source.notices == []
    assert source.path == path


def test_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes(codecs.BOM_UTF8 + "**Thời gian**: quý I".encode())
    assert read_document(path).lines == ["Thời gian: quý I"]


def test_utf16_text_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(VIETNAMESE, encoding="utf-16")
    assert read_document(path).text == VIETNAMESE


def test_windows_line_ends_count_once(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes("một\r\nhai\r\n\r\nbốn".encode())
    assert read_document(path).lines == ["một", "hai", "", "bốn"]


@pytest.mark.parametrize(("legacy", "name"), [(TCVN3, "TCVN3"), (VNI, "VNI")])
def test_legacy_encoded_file_is_converted_with_a_notice(tmp_path: Path, legacy: str, name: str) -> None:
    path = tmp_path / "cu.txt"
    path.write_bytes(legacy.encode("cp1252"))
    source = read_document(path)
    assert source.lines == UNICODE_LINES
    assert len(source.notices) == 1
    assert name in source.notices[0]
    assert str(path) in source.notices[0]


def test_legacy_text_pasted_into_a_utf8_file_is_converted_too(tmp_path: Path) -> None:
    path = tmp_path / "dan.txt"
    path.write_text(TCVN3, encoding="utf-8")
    source = read_document(path)
    assert source.lines == UNICODE_LINES
    assert "TCVN3" in source.notices[0]


def test_unicode_vietnamese_is_never_converted(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(UNICODE_LINES), encoding="utf-8")
    source = read_document(path)
    assert source.lines == UNICODE_LINES
    assert source.notices == []


@pytest.mark.parametrize("data", [
    "Grüße aus München, schöne Straße, Äpfel und Öl. " .encode("latin-1") * 3,
    b"plain \x81\x8d\x8f text that is not Vietnamese at all",
])
def test_undecodable_text_file_raises_naming_the_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "la.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=re.escape("la.txt: not UTF-8")):
        read_document(path)


def test_binary_file_named_txt_raises(tmp_path: Path) -> None:
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DocumentError, match=re.escape("anh.txt: binary data")):
        read_document(path)


@pytest.mark.parametrize(("name", "hint"), [("plan.doc", "save it as .docx"), ("plan.xlsx", "reads .docx"),
                                            ("plan", "without an extension")])
def test_unknown_extension_raises_naming_the_file(tmp_path: Path, name: str, hint: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(DocumentError, match=name) as raised:
        read_document(path)
    assert hint in str(raised.value)


def test_missing_file_raises_naming_it(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=re.escape("khong-co.txt: no such file")):
        read_document(tmp_path / "khong-co.txt")


def _docx(tmp_path: Path) -> tuple[docx.document.Document, Path]:
    return docx.Document(), tmp_path / "plan.docx"


def test_docx_paragraphs_are_lines_in_order(tmp_path: Path) -> None:
    document, path = _docx(tmp_path)
    document.add_heading("KẾ HOẠCH", level=1)
    paragraph = document.add_paragraph("1. Ban Tuyên giáo ")
    paragraph.add_run("chủ trì").bold = True
    paragraph.add_run(", phối hợp.")
    document.save(str(path))
    assert read_document(path).lines == ["KẾ HOẠCH", "1. Ban Tuyên giáo chủ trì, phối hợp."]


def test_docx_tracked_insertions_are_read_and_deletions_are_not(tmp_path: Path) -> None:
    document, path = _docx(tmp_path)
    paragraph = document.add_paragraph("Hoàn thành ")
    paragraph._p.append(parse_xml(
        f'<w:del {W} w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:delText>trong quý I</w:delText></w:r></w:del>"
    ))
    paragraph._p.append(parse_xml(
        f'<w:ins {W} w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:t>trước ngày 31/3/2024</w:t></w:r></w:ins>"
    ))
    document.save(str(path))
    assert read_document(path).lines == ["Hoàn thành trước ngày 31/3/2024"]


def test_docx_line_break_inside_a_paragraph_starts_a_new_line(tmp_path: Path) -> None:
    document, path = _docx(tmp_path)
    run = document.add_paragraph().add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    run.add_break()
    run.add_text("Độc lập - Tự do - Hạnh phúc")
    document.save(str(path))
    assert read_document(path).lines == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def _numbered(document: docx.document.Document, text: str, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
    ))


def test_docx_automatic_numbering_is_written_out_as_the_reader_sees_it(tmp_path: Path) -> None:
    document, path = _docx(tmp_path)
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>'
        "</w:abstractNum>"
    ))
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text, level in [("NHIỆM VỤ", 0), ("Học tập", 1), ("Ban Tuyên giáo", 2), ("Các cấp ủy", 2),
                        ("Báo cáo", 1), ("TỔ CHỨC THỰC HIỆN", 0), ("Văn phòng", 1)]:
        _numbered(document, text, level)
    document.add_paragraph("Nơi nhận:")
    document.save(str(path))
    assert read_document(path).lines == [
        "I. NHIỆM VỤ", "1. Học tập", "1.1. Ban Tuyên giáo", "1.2. Các cấp ủy", "2. Báo cáo",
        "II. TỔ CHỨC THỰC HIỆN", "1. Văn phòng", "Nơi nhận:",
    ]


def test_docx_list_styles_number_and_bullet_their_paragraphs(tmp_path: Path) -> None:
    document, path = _docx(tmp_path)
    for text in ("Xây dựng kế hoạch", "Tổ chức hội nghị"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("một ý", style="List Bullet")
    document.save(str(path))
    assert read_document(path).lines == ["1. Xây dựng kế hoạch", "2. Tổ chức hội nghị", "- một ý"]


def test_docx_table_becomes_pipe_rows_with_merged_cells_once(tmp_path: Path) -> None:
    document, path = _docx(tmp_path)
    document.add_paragraph("Phụ lục")
    table = document.add_table(rows=4, cols=3)
    cells = [["Nhiệm vụ", "Chủ trì", "Thời gian"], ["Xây dựng đề án", "Sở Xây dựng", "Quý IV/2026"],
             ["Thẩm định", "", "Quý I/2027"], ["Tổng kết | đánh giá", "", ""]]
    for row, texts in enumerate(cells):
        for column, text in enumerate(texts):
            table.cell(row, column).text = text
    table.cell(1, 1).merge(table.cell(2, 1))  # one unit leads two rows
    table.cell(3, 1).merge(table.cell(3, 2)).text = "Văn phòng, thường xuyên"
    document.save(str(path))
    assert read_document(path).lines == [
        "Phụ lục",
        "| Nhiệm vụ | Chủ trì | Thời gian |",
        "|---|---|---|",
        "| Xây dựng đề án | Sở Xây dựng | Quý IV/2026 |",
        "| Thẩm định | | Quý I/2027 |",
        "| Tổng kết \\| đánh giá | Văn phòng, thường xuyên | |",
    ]


def test_file_that_is_no_docx_raises_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "hong.docx"
    path.write_bytes(b"not a zip file")
    with pytest.raises(DocumentError, match=re.escape("hong.docx: not a readable .docx")):
        read_document(path)


FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pdf(path: Path, pages: list[list[str]]) -> None:
    """A PDF with a text layer in DejaVu Sans (an empty page list item is a page without text)."""
    canvas_module = pytest.importorskip("reportlab.pdfgen.canvas", reason="reportlab makes the test PDFs")
    fonts = pytest.importorskip("reportlab.pdfbase.pdfmetrics")
    ttfonts = pytest.importorskip("reportlab.pdfbase.ttfonts")
    if not FONT.is_file():
        pytest.skip(f"{FONT} (Debian fonts-dejavu-core) is needed for Vietnamese text in a PDF")
    fonts.registerFont(ttfonts.TTFont("DejaVuSans", str(FONT)))
    canvas = canvas_module.Canvas(str(path))
    for lines in pages:
        canvas.setFont("DejaVuSans", 12)
        if not lines:
            canvas.rect(100, 100, 200, 200)  # a drawing, as on a scanned page: no text
        for number, line in enumerate(lines):
            canvas.drawString(72, 760 - 18 * number, line)
        canvas.showPage()
    canvas.save()


def test_pdf_text_layer_is_read_in_nfc(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    decomposed = unicodedata.normalize("NFD", "Thời gian thực hiện: Dự kiến tháng 9/2024")
    _pdf(path, [["KẾ HOẠCH", "Ban Tuyên giáo Thành ủy chủ trì"], [decomposed]])
    source = read_document(path)
    assert source.lines == [
        "KẾ HOẠCH", "Ban Tuyên giáo Thành ủy chủ trì", "Thời gian thực hiện: Dự kiến tháng 9/2024"
    ]
    assert source.notices == []


def test_pdf_without_a_text_layer_raises_asking_for_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    _pdf(path, [[], []])
    with pytest.raises(DocumentError, match=re.escape("scan.pdf: no text layer — scanned? run OCR first")):
        read_document(path)


def test_pdf_with_a_scanned_page_reads_the_rest_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    _pdf(path, [["Trang một"], [], ["Trang ba"]])
    source = read_document(path)
    assert source.lines == ["Trang một", "", "Trang ba"]
    assert "page(s) 2 have no text layer" in source.notices[0]


def test_file_that_is_no_pdf_raises_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "hong.pdf"
    path.write_text("hello")
    with pytest.raises(DocumentError, match=re.escape("hong.pdf: not a readable PDF")):
        read_document(path)
