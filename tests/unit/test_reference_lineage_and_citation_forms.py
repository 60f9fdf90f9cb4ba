"""Which cited documents a plan carries out, and how a citation's number, date and issuer are read."""

from datetime import date

from extraction.extract import extract
from extraction.reference_lineage import carried_out
from extraction.references import find_citations

HEAD = """ỦY BAN NHÂN DÂN
XÃ AN PHÚ
Số: 30/KH-UBND
An Phú, ngày 10 tháng 02 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
"""
BODY = """I. NHIỆM VỤ
1. Công chức Văn phòng - Thống kê chủ trì cập nhật dữ liệu; hoàn thành trước ngày 30/6/2025.
"""


def _implements(opening: str) -> list[str]:
    return extract(HEAD + opening + BODY).document.implements


def _cited(sentence: str):  # type: ignore[no-untyped-def]
    return [citation.reference for citation in find_citations(sentence)]


def test_a_basis_that_goes_on_to_make_the_plan_is_carried_out():
    opening = "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2025 của Ủy ban nhân dân huyện về chuyển đổi số, \
Ủy ban nhân dân xã xây dựng Kế hoạch như sau:\n"
    assert _implements(opening) == ["12/KH-UBND"]


def test_a_basis_in_its_own_sentence_is_only_cited():
    opening = "Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ;\n\
Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n"
    document = extract(HEAD + opening + BODY).document
    assert document.implements == []
    assert [reference.number for reference in document.references] == ["45/2020/NĐ-CP"]


def test_a_wrapped_opening_paragraph_is_read_as_one_sentence():
    opening = "Căn cứ Kế hoạch số 48/KH-SYT ngày 20/01/2025 của Sở Y tế về nâng cao chất\n\
lượng khám bệnh, chữa bệnh năm 2025, Bệnh viện xây dựng Kế\nhoạch như sau:\n"
    assert _implements(opening) == ["48/KH-SYT"]


def test_a_second_document_joined_by_va_is_carried_out_as_well():
    opening = "Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp \
và Kế hoạch số 288-KH/TU ngày 02/8/2024 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân xã ban hành Kế hoạch:\n"
    assert _implements(opening) == ["35-CT/TW", "288-KH/TU"]


def test_documents_named_in_what_a_cited_plan_carries_out_are_only_cited():
    sentence = "Thực hiện Kế hoạch số 92-KH/HU ngày 12/01/2023 của Ban Thường vụ Huyện ủy về thực hiện \
Nghị quyết số 05-NQ/TW ngày 01/6/2022 của Bộ Chính trị và Kết luận số 01-KL/TW ngày 18/5/2021"
    assert carried_out(sentence) == ["92-KH/HU"]


def test_to_make_concrete_and_to_deploy_open_a_carried_out_document():
    assert _implements(
        "Để cụ thể hóa Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, \
Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n"
    ) == ["57-NQ/TW"]
    assert _implements(
        "Triển khai Chỉ thị số 24/CT-TTg ngày 28/5/2024 của Thủ tướng Chính phủ, \
Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n"
    ) == ["24/CT-TTg"]


def test_a_letters_opening_paragraph_after_its_addressees_is_read():
    letter = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 4512/BNNMT-KHTC
V/v đôn đốc phòng, chống sạt lở
Hà Nội, ngày 08 tháng 8 năm 2025
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố ven biển.
Thực hiện Nghị quyết số 112/NQ-CP ngày 20/6/2025 của Chính phủ, Bộ đề nghị các địa phương thực hiện:
| STT | Nhiệm vụ | Đơn vị thực hiện | Thời hạn hoàn thành |
| 1 | Rà soát khu vực sạt lở | Ủy ban nhân dân các tỉnh | Trước ngày 30/9/2025 |
"""
    assert extract(letter).document.implements == ["112/NQ-CP"]


def test_a_date_written_in_words_and_its_issuer_are_read():
    (reference,) = _cited("Căn cứ Quyết định 1234/QĐ-TTg ngày 05 tháng 3 năm 2024 của Thủ tướng Chính phủ về")
    assert (reference.date, reference.issuer) == (date(2024, 3, 5), "Thủ tướng Chính phủ")


def test_a_law_numbered_by_the_national_assemblys_term_is_cited():
    (reference,) = _cited("Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18/01/2024 của Quốc hội;")
    assert (reference.number, reference.date) == ("31/2024/QH15", date(2024, 1, 18))
    assert reference.issuer == "Quốc hội"


def test_an_issuer_stops_before_a_second_cited_document():
    first, second = _cited(
        "Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ và Kế hoạch số \
20/KH-UBND ngày 20/01/2024 của UBND tỉnh"
    )
    assert (first.issuer, second.issuer) == ("Chính phủ", "UBND tỉnh")


def test_an_issuer_in_a_table_cell_stops_at_the_cell_border_and_the_row_end():
    table = "| 1 | Rà soát quy trình | Khoa Khám bệnh | Quý I/2025 | Theo Quyết định số 1313/QĐ-BYT ngày \
22/4/2013 của Bộ Y tế |\n| 2 | Đặt lịch khám trực tuyến | Phòng Công nghệ thông tin | Trước ngày 30/6/2025 |"
    (reference,) = _cited(table)
    assert reference.issuer == "Bộ Y tế"
    (reference,) = _cited("Theo Quyết định số 1313/QĐ-BYT ngày 22/4/2013 của Bộ Y tế\n- Rà soát quy trình")
    assert reference.issuer == "Bộ Y tế"


def test_an_issuer_wrapped_onto_the_next_line_is_joined_with_a_space():
    (reference,) = _cited(
        "Thực hiện Chỉ thị số 08/CT-UBND ngày 12/5/2024 của Ủy ban nhân dân tỉnh Quảng\n\
Nam về công tác phòng, chống thiên tai năm 2024"
    )
    assert reference.issuer == "Ủy ban nhân dân tỉnh Quảng Nam"


def test_a_decision_issuing_a_plan_that_carries_out_a_resolution_carries_it_out():
    decision = """ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
Số: 215/QĐ-UBND
Ninh Bình, ngày 10 tháng 3 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch chuyển đổi số năm 2025
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 \
của Bộ Chính trị trên địa bàn tỉnh.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""
    assert extract(decision).document.implements == ["57-NQ/TW"]
