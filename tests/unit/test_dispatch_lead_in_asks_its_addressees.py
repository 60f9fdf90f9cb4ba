"""A Công điện wired to its addressees ("X điện: - A; - B.") that asks with nobody named after the verb
("Thủ tướng Chính phủ yêu cầu:") gives the items naming nobody to the addressees, as one group, the way a
letter's "yêu cầu các đơn vị:" does."""

from __future__ import annotations

from extraction.addressees import ADDRESSEES
from extraction.extract import extract
from tests.factories import assignment_rows

WIRED = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 201/CĐ-TTg
Hà Nội, ngày 12 tháng 8 năm 2026

CÔNG ĐIỆN
Về việc khắc phục hậu quả mưa lũ tại các tỉnh miền núi phía Bắc

THỦ TƯỚNG CHÍNH PHỦ điện:

- Chủ tịch Ủy ban nhân dân các tỉnh: Lào Cai, Yên Bái;
- Bộ trưởng các Bộ: Quốc phòng, Y tế.

Mưa lũ mấy ngày qua đã làm nhiều người mất tích. Để sớm ổn định đời sống Nhân dân, Thủ tướng Chính phủ {asks}

1. Khẩn trương tìm kiếm người mất tích, cứu trợ lương thực cho các hộ bị cô lập, xong trước ngày 16/8/2026.
2. Bộ Y tế chỉ đạo xử lý môi trường, phòng dịch bệnh sau lũ.
"""
END = """
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Lê Văn C
"""


def test_items_naming_nobody_after_a_bare_yeu_cau_go_to_the_addressees_as_one_group() -> None:
    plan = extract(WIRED.format(asks="yêu cầu:") + END).plan
    assert assignment_rows(plan) == [
        ("1", ADDRESSEES, "lead", "2026-08-15"),
        ("2", "Bộ Y tế", "lead", ""),
    ]
    group = next(u for u in plan.units if u.name == ADDRESSEES)
    assert group.group
    assert group.members == plan.document.addressees
    assert len(group.members) == 4


def test_a_lead_in_that_asks_nobody_leaves_the_items_as_they_were() -> None:
    plan = extract(WIRED.format(asks="lưu ý:") + END).plan
    assert assignment_rows(plan) == [("2", "Bộ Y tế", "lead", "")]
