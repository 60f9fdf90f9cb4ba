"""What a document says about itself: number, place and date, issuer, signer, references, targets."""

from datetime import date

from extraction.extract import extract
from extraction.indicators import read_indicator, to_number
from models.documents import DocumentKind

PLAN = """TỈNH ỦY NINH BÌNH
BAN DÂN VẬN
*
Số 12-KH/BDVTU
ĐẢNG CỘNG SẢN VIỆT NAM
Ninh Bình, ngày 05 tháng 02 năm 2024
KẾ HOẠCH
tổ chức tháng dân vận năm 2024
-----
Thực hiện Chỉ thị số 07-CT/TU, ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy về công tác dân vận; \
Kế hoạch số 30-KH/TU, ngày 15/01/2024 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 25-NQ/TW;
Căn cứ Quy định số 23-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương;
Ban Dân vận Tỉnh ủy xây dựng kế hoạch như sau:
I. NHIỆM VỤ
1. Các huyện ủy, thành ủy: tổ chức hội nghị. Có vướng mắc, đề nghị liên hệ đồng chí Trần Thị Hoa, \
Chuyên viên, SĐT 0912345678.
Nơi nhận:
- Thường trực Tỉnh ủy (để báo cáo),
- Các huyện ủy, thành ủy,
- Lưu VP.
T/M BAN DÂN VẬN
PHÓ TRƯỞNG BAN
Lê Văn Minh
"""


def _document():
    return extract(PLAN).document


def test_number_kind_place_and_date_are_read_from_the_header():
    document = _document()
    assert document.kind is DocumentKind.plan
    assert document.number == "12-KH/BDVTU"
    assert (document.place, document.issued) == ("Ninh Bình", date(2024, 2, 5))
    assert document.issuer == "Ban Dân vận Tỉnh ủy Ninh Bình"


def test_the_documents_it_implements_are_told_from_those_it_merely_cites():
    document = _document()
    assert document.implements == ["07-CT/TU", "30-KH/TU"]
    cited = {r.number: r for r in document.references}
    assert set(cited) == {"07-CT/TU", "30-KH/TU", "25-NQ/TW", "23-QĐ/TW"}
    assert cited["07-CT/TU"].date == date(2024, 1, 10)
    assert cited["07-CT/TU"].issuer == "Ban Thường vụ Tỉnh ủy"
    assert not cited["23-QĐ/TW"].implements


def test_signer_contact_and_recipients():
    document = _document()
    assert document.signer is not None
    assert (document.signer.name, document.signer.title) == ("Lê Văn Minh", "Phó trưởng ban")
    assert document.contact is not None
    assert (document.contact.name, document.contact.phone) == ("Trần Thị Hoa", "0912345678")
    assert document.recipients == ("Thường trực Tỉnh ủy", "Các huyện ủy, thành ủy")


def test_a_receiving_offices_stamp_is_not_the_plans_own_number():
    text = (
        "KẾ HOẠCH\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nSố: 5521\nNgày: 03/01/2024\n"
        "I. NHIỆM VỤ\n1. Sở Nội vụ: theo dõi."
    )
    document = extract(text).document
    assert document.number is None
    assert document.received is not None
    assert (document.received.number, document.received.date) == ("5521", date(2024, 1, 3))
    assert document.issuer == "Ban Thường vụ Tỉnh ủy"


def test_a_plan_key_comes_from_the_number_and_the_issuer():
    assert extract(PLAN).plan.key == "12-KH/BDVTU/2024@ban-dan-van-tinh-uy-ninh-binh"


def test_vietnamese_numbers_use_dots_for_thousands_and_commas_for_decimals():
    assert (to_number("12.350"), to_number("4,75"), to_number("1.024,5")) == (12350, 4.75, 1024.5)


def test_a_target_reads_its_value_unit_and_comparator():
    target = read_indicator(3, "Tỷ lệ hộ nghèo giảm xuống dưới 1,5% (theo chuẩn giai đoạn 2022 - 2025);")
    assert (target.value, target.unit, target.comparator) == (1.5, "%", "<")
    ranged = read_indicator(7, "Kết nạp từ 1.200 - 1.300 đoàn viên mới;")
    assert (ranged.min, ranged.max, ranged.unit) == (1200, 1300, "đoàn viên mới")
    money = read_indicator(1, "Tổng thu ngân sách trên địa bàn đạt 15.200 tỷ đồng;")
    assert (money.metric, money.value, money.unit) == ("Tổng thu ngân sách trên địa bàn", 15200, "tỷ đồng")
