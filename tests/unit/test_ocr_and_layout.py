"""OCR and layout repairs: digits read as letters, lost diacritics, page furniture, hard line wraps."""

from extraction.document import read_metadata
from extraction.indicators import measure_unit
from extraction.layout import furniture, wrap_width
from extraction.ocr import repair_digits, restore_diacritics
from extraction.parentheses import parenthesised_units
from extraction.pdf_tables import table_lines


def test_letters_read_for_digits_are_digits_again_but_roman_quarters_stay():
    assert repair_digits("trước ngày l5/12/2O24, Số l46-KH/HU") == "trước ngày 15/12/2024, Số 146-KH/HU"
    assert repair_digits("trong quý II/2024 và tháng ll/2024") == "trong quý II/2024 và tháng 11/2024"


def test_a_name_that_lost_its_diacritics_takes_the_spelling_the_document_uses_elsewhere():
    text = "3. Ban Chỉ huy Quân sự huyện\nGiao Ban Chi huy Quan su huyen chu tri, hoàn thành truoc ngay 5/5."
    repaired = restore_diacritics(text).split("\n")[1]
    assert repaired == "Giao Ban Chỉ huy Quân sự huyện chủ trì, hoàn thành trước ngày 5/5."


def test_correct_text_is_never_changed_by_the_diacritics_repair():
    text = "Hải Phòng đã và đang có nhiều cơ hội; các tuyến giao thông liên tỉnh do Trung ương đầu tư."
    assert restore_diacritics(text) == text


def test_page_numbers_and_running_footers_are_page_furniture():
    lines = [
        "1. Nội dung",
        "                 2",
        "Kế hoạch số 146-KH/HU - Trang 3",
        "Trang 4/5",
        "- 5 -",
        "2. Khác",
    ]
    assert furniture(lines) == frozenset({2, 3, 4, 5})


def test_a_hard_wrapped_text_has_a_right_margin_and_a_text_of_paragraphs_has_none():
    wrapped = ["x" * 70 + " y" for _ in range(12)] + ["ngắn."]
    assert wrap_width(wrapped) is not None
    assert wrap_width(["một đoạn văn " * n for n in range(1, 30)]) is None


def test_a_closing_bracket_that_names_the_lead_and_deadline_assigns_the_sentence():
    bracket = parenthesised_units(
        "Kiểm tra việc thi hành pháp luật (Phòng Tư pháp chủ trì, phối hợp với Công an huyện; quý III/2024).",
        year=2024,
    )
    assert bracket is not None
    assert bracket.clause.units == ["Phòng Tư pháp"] and bracket.clause.participants == ["Công an huyện"]
    assert bracket.deadline is not None and str(bracket.deadline.due) == "2024-09-30"


def test_a_bracket_that_only_cites_a_body_assigns_nothing():
    assert parenthesised_units("Thực hiện theo hướng dẫn (theo Quyết định của UBND tỉnh).") is None
    assert parenthesised_units("Áp dụng quy chế mới (UBND tỉnh ban hành năm 2023).") is None


def test_a_pdf_table_is_written_as_pipe_rows_with_merged_cells_empty():
    lines = table_lines(
        [["STT", "Nhiệm vụ", "Chủ trì"], ["1", "Rà soát\nvăn bản", "Sở Tư pháp"], ["2", "Kiểm tra", None]]
    )
    assert lines == [
        "| STT | Nhiệm vụ | Chủ trì |",
        "|---|---|---|",
        "| 1 | Rà soát văn bản | Sở Tư pháp |",
        "| 2 | Kiểm tra |  |",
    ]


def test_an_indicators_unit_ends_after_a_currency_or_symbol():
    assert measure_unit("tỷ USD vốn đầu tư nước ngoài") == "tỷ USD"
    assert measure_unit("triệu tấn CO2 tương đương") == "triệu tấn CO2"
    assert measure_unit("lượt người lao động") == "lượt người lao động"
    assert measure_unit("xe buýt sử dụng điện") == "xe buýt"


def test_the_issuer_of_a_peoples_committee_reads_its_header_lines_in_order():
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG BÌNH", "Số: 87/KH-UBND", "KẾ HOẠCH", "Về việc", "I. MỤC ĐÍCH"]
    assert read_metadata(lines).document.issuer == "Ủy ban nhân dân tỉnh Quảng Bình"


def test_a_department_under_a_peoples_committee_takes_its_province():
    lines = ["UBND TỈNH THANH HÓA", "SỞ Y TẾ", "Số: 312/KH-SYT", "KẾ HOẠCH", "Tiêm chủng", "I. MỤC TIÊU"]
    assert read_metadata(lines).document.issuer == "Sở Y tế tỉnh Thanh Hóa"


def test_a_committee_named_without_its_place_takes_the_place_the_document_names_most():
    lines = [
        "KẾ HOẠCH",
        "CỦA BAN THƯỜNG VỤ THÀNH ỦY",
        "I. NHIỆM VỤ",
        "1. Tuyên truyền ở thành phố Cần Thơ và thành phố Cần Thơ mới; thành phố Huế.",
    ]
    assert read_metadata(lines).document.issuer == "Ban Thường vụ Thành ủy Cần Thơ"
