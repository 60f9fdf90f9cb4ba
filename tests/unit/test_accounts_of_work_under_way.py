"""An item naming no unit of its own is dropped as an account of past or ongoing work when it says "đã" or
"đang"; but "đang" after the object of the verb the item opens with describes that object, and the item
stays an order ("Hướng dẫn tàu thuyền đang hoạt động trên biển về nơi tránh trú")."""

from __future__ import annotations

import pytest

from extraction.accounts import tells_of_the_past
from extraction.extract import extract
from tests.factories import assignment_rows

HEAD = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 31/KH-UBND
Vinh, ngày 05 tháng 11 năm 2026
KẾ HOẠCH
Phòng, chống thiên tai mùa mưa lũ năm 2026
II. NHIỆM VỤ
"""
UNDER_A_UNIT = "1. Ủy ban nhân dân các huyện, thị xã\n"
UNDER_A_TOPIC = "1. Công tác ứng phó\n"

ORDERS = [
    "Kêu gọi, hướng dẫn ghe thuyền đang đánh bắt xa bờ về nơi neo đậu, xong trước 16 giờ ngày 20/11/2026.",
    "Rà soát các hộ gia đình đang ở ven sông, suối, hoàn thành trước ngày 25/11/2026.",
    "Kiểm tra những hồ đập đang tích nước vượt thiết kế, báo cáo kết quả trước ngày 02/12/2026.",
    "Thống kê số học sinh đang nghỉ học do ngập lụt, gửi Sở Giáo dục và Đào tạo trong tháng 12/2026.",
    "Di dời các hộ đang sống trong vùng có nguy cơ lũ quét đến nơi an toàn trước ngày 22/11/2026.",
    "Tổng hợp các công trình đang thi công dở dang trên địa bàn, gửi trước ngày 10/12/2026.",
    "Hỗ trợ ngư dân đang gặp khó khăn sửa chữa tàu cá, hoàn thành trong quý I năm 2027.",
]
ACCOUNTS = [
    "Tình hình sạt lở đang diễn biến phức tạp, dự báo kéo dài đến ngày 30/11/2026.",
    "Mực nước hạ du đang lên nhanh, có thể vượt báo động 3 vào ngày 21/11/2026.",
    "Công tác khắc phục hậu quả đang được triển khai, dự kiến xong trước ngày 28/11/2026.",
    "Nhiều xã vùng cao đang bị cô lập, dự kiến thông đường trong tháng 12/2026.",
    "Việc sơ tán dân đã hoàn thành trước 17 giờ ngày 19/11/2026.",
    "Đến nay, toàn bộ ghe thuyền đã về nơi neo đậu từ ngày 18/11/2026.",
    "Thực hiện Công điện số 5, lực lượng xung kích đang túc trực tại các điểm xung yếu đến ngày 25/11/2026.",
]


@pytest.mark.parametrize("heading", [UNDER_A_UNIT, UNDER_A_TOPIC])
@pytest.mark.parametrize("item", ORDERS)
def test_dang_describing_the_object_of_an_order_keeps_the_order(heading: str, item: str) -> None:
    rows = assignment_rows(extract(HEAD + heading + "- " + item + "\n").plan)
    assert len(rows) == 1


@pytest.mark.parametrize("heading", [UNDER_A_UNIT, UNDER_A_TOPIC])
@pytest.mark.parametrize("item", ACCOUNTS)
def test_dang_or_da_after_what_the_sentence_is_about_is_an_account(heading: str, item: str) -> None:
    assert assignment_rows(extract(HEAD + heading + "- " + item + "\n").plan) == []


def test_dang_right_after_the_opening_verb_is_no_description() -> None:
    assert tells_of_the_past("Tổ chức đang chậm so với kế hoạch")
    assert not tells_of_the_past("Tổ chức đón các đoàn đang trên đường về")


def test_an_item_under_a_unit_with_dang_after_its_object_and_no_deadline_stays_an_account() -> None:
    # "Cải cách hành chính đang ..." opens with a verb that is a noun too: the deadline tells an order.
    item = "Cải cách thủ tục hành chính đang được các xã quan tâm thực hiện.\n"
    assert assignment_rows(extract(HEAD + UNDER_A_UNIT + "- " + item).plan) == []


def test_giao_opening_a_noun_is_no_order() -> None:
    assert tells_of_the_past("Giao thông nông thôn đang xuống cấp")
