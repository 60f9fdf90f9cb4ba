"""A letter's addressees ("Kính gửi"), the lead-in that gives its items to them, and its subject line."""

from __future__ import annotations

from extraction.addressees import names_addressees, read_addressees
from extraction.extract import extract
from tests.factories import assignment_rows

LETTER_HEAD = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 512/UBND-TH
V/v triển khai rà soát thủ tục hành chính
năm 2025
Bình Định, ngày 03 tháng 3 năm 2025

Kính gửi:
- Sở Tư pháp;
- Văn phòng Ủy ban nhân dân tỉnh;
- Ủy ban nhân dân các huyện, thị xã, thành phố.

"""
LETTER_END = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn B
"""


def test_the_addressees_are_read_from_the_dashed_lines_under_kinh_gui() -> None:
    lines = LETTER_HEAD.split("\n")
    assert read_addressees(lines, len(lines)) == (
        "Sở Tư pháp",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "Ủy ban nhân dân các huyện, thị xã, thành phố",
    )


def test_addressees_on_the_line_itself_are_parted_as_a_list_of_units() -> None:
    lines = ["Kính gửi: Sở Y tế, Sở Tài chính và Ủy ban nhân dân các huyện.", "", "Thực hiện Công văn số 1"]
    assert read_addressees(lines, 3) == ("Sở Y tế", "Sở Tài chính", "Ủy ban nhân dân các huyện")


def test_addressees_that_lost_their_dashes_end_at_the_first_line_that_is_not_a_name() -> None:
    lines = ["Kính gửi:", "Sở Y tế;", "Sở Tài chính;", "Ủy ban nhân dân các huyện.", "Thực hiện Công văn 1"]
    assert read_addressees(lines, 5) == ("Sở Y tế", "Sở Tài chính", "Ủy ban nhân dân các huyện")


def test_only_plain_words_for_units_name_the_addressees() -> None:
    assert names_addressees("Các đơn vị")
    assert names_addressees("Các cơ quan, đơn vị, địa phương")
    assert names_addressees("Thủ trưởng các cơ quan, đơn vị nêu trên")
    assert not names_addressees("Các đơn vị liên quan")
    assert not names_addressees("Các sở, ban, ngành")


def test_a_lead_in_before_the_first_item_gives_the_items_that_name_nobody_to_the_addressees() -> None:
    extraction = extract(
        LETTER_HEAD
        + "Thực hiện Công văn số 15/BTP ngày 10/02/2025 của Bộ Tư pháp, Ủy ban nhân dân tỉnh yêu cầu "
        "các đơn vị:\n"
        "1. Rà soát thủ tục hành chính thuộc phạm vi quản lý, báo cáo trước ngày 20/3/2025.\n"
        "2. Sở Tư pháp tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 31/3/2025.\n" + LETTER_END
    )
    plan = extraction.plan
    assert assignment_rows(plan) == [
        ("1", "Các đơn vị", "lead", "2025-03-19"),
        ("2", "Sở Tư pháp", "lead", "2025-03-30"),
    ]
    group = next(u for u in plan.units if u.name == "Các đơn vị")
    assert group.members == plan.document.addressees
    assert len(group.members) == 3
    assert plan.document.title == "triển khai rà soát thủ tục hành chính năm 2025"


def test_a_lead_in_that_addresses_nobody_gives_the_items_no_unit() -> None:
    extraction = extract(
        LETTER_HEAD + "Ủy ban nhân dân tỉnh thông tin như sau:\n"
        "1. Rà soát thủ tục hành chính thuộc phạm vi quản lý, báo cáo trước ngày 20/3/2025.\n"
        "2. Sở Tư pháp tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 31/3/2025.\n" + LETTER_END
    )
    assert assignment_rows(extraction.plan) == [("2", "Sở Tư pháp", "lead", "2025-03-30")]


def test_a_short_letter_without_items_keeps_its_head_out_of_the_body() -> None:
    extraction = extract(
        "BỘ Y TẾ\nSố: 777/BYT-KCB\nV/v tăng cường phòng, chống dịch sốt xuất huyết\n"
        "Hà Nội, ngày 02 tháng 10 năm 2025\nKính gửi: Sở Y tế các tỉnh, thành phố trực thuộc trung ương.\n\n"
        "Bộ Y tế đề nghị Sở Y tế các tỉnh, thành phố khẩn trương rà soát phương án phòng, chống dịch; "
        "báo cáo "
        "kết quả về Bộ Y tế trước ngày 15/10/2025.\nTrân trọng./.\n" + LETTER_END
    )
    document = extraction.plan.document
    assert (document.kind.value, document.number) == ("Công văn", "777/BYT-KCB")
    assert str(document.issued) == "2025-10-02"
    assert document.addressees == ("Sở Y tế các tỉnh, thành phố trực thuộc trung ương",)
    assert document.title == "tăng cường phòng, chống dịch sốt xuất huyết"
    assert [row[1:] for row in assignment_rows(extraction.plan)] == [
        ("Sở Y tế các tỉnh, thành phố", "lead", "2025-10-14")
    ]


def test_a_deputy_minister_signs_as_thu_truong() -> None:
    document = extract(
        "BỘ Y TẾ\nSố: 778/BYT-KCB\nV/v báo cáo\nHà Nội, ngày 02 tháng 10 năm 2025\nKính gửi: Sở Y tế.\n\n"
        "Đề nghị Sở Y tế báo cáo trước ngày 15/10/2025.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrần Văn D\n"
    ).plan.document
    assert document.signer is not None
    assert (document.signer.name, document.signer.title) == ("Trần Văn D", "Thứ trưởng")
