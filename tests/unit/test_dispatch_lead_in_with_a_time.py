"""A lead-in closing with the ask ("Để ... trong dịp cuối năm, Thủ tướng Chính phủ yêu cầu:", "..., Ủy ban
nhân dân tỉnh đề nghị các đơn vị:") tells the period of the whole request, not a task: it stays a lead-in,
so the items below that name nobody go to whom it asks; its time is given to none of them."""

from __future__ import annotations

import pytest

from extraction.addressees import ADDRESSEES
from extraction.extract import extract
from tests.factories import assignment_rows

WIRE = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 515/CĐ-TTg
Hà Nội, ngày 9 tháng 11 năm 2026

CÔNG ĐIỆN
Về việc bảo đảm an toàn giao thông đường thủy nội địa

THỦ TƯỚNG CHÍNH PHỦ điện:

- Bộ trưởng các Bộ: Xây dựng, Công an;
- Chủ tịch Ủy ban nhân dân các tỉnh: Cà Mau, Kiên Giang.

Nhiều đò khách không an toàn. Để hạn chế tai nạn trên sông {time}, Thủ tướng Chính phủ yêu cầu:

- Kiểm tra toàn bộ bến khách ngang sông, đình chỉ bến không đủ điều kiện, xong trước ngày 20/11/2026;
- Bộ Công an chỉ đạo tuần tra, xử lý phương tiện chở quá số người quy định;
- Trang bị đủ áo phao cho hành khách trên mọi chuyến đò.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Hoàng Văn K
"""

LETTER = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 880/UBND-KT
Hà Nam, ngày 28 tháng 11 năm 2026

V/v tăng cường thu gom rác thải sinh hoạt

Kính gửi:
- Sở Nông nghiệp và Môi trường;
- Sở Xây dựng;
- Ủy ban nhân dân các huyện, thị xã.

Rác tồn đọng còn nhiều ở các khu dân cư. Để làm sạch các điểm rác tự phát {time}, Ủy ban nhân dân tỉnh {asks}

1. Rà soát, lập danh sách các điểm rác tự phát, gửi Sở Nông nghiệp và Môi trường trước ngày 10/12/2026.
2. Sở Xây dựng hướng dẫn bố trí điểm trung chuyển rác tại các khu dân cư mới.
3. Tổ chức ra quân dọn vệ sinh tại các khu vực công cộng.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đỗ Văn L
"""

TIMES = ["trong dịp cuối năm", "trong tháng 12/2026", "từ nay đến hết năm 2026", "trong dịp Tết"]


@pytest.mark.parametrize("time", TIMES)
def test_a_wire_whose_lead_in_holds_a_time_gives_its_items_to_the_addressees(time: str) -> None:
    plan = extract(WIRE.format(time=time)).plan
    assert [(unit, role, due) for _, unit, role, due in assignment_rows(plan)] == [
        (ADDRESSEES, "lead", "2026-11-19"),
        ("Bộ Công an", "lead", ""),
        (ADDRESSEES, "lead", ""),
    ]
    group = next(u for u in plan.units if u.name == ADDRESSEES)
    assert group.group and len(group.members) == 4


@pytest.mark.parametrize("time", TIMES)
@pytest.mark.parametrize(("asks", "unit"), [("đề nghị:", ADDRESSEES), ("yêu cầu các đơn vị:", "Các đơn vị")])
def test_a_letter_whose_lead_in_holds_a_time_gives_its_items_to_whom_it_asks(
    time: str, asks: str, unit: str
) -> None:
    plan = extract(LETTER.format(time=time, asks=asks)).plan
    assert assignment_rows(plan) == [
        ("1", unit, "lead", "2026-12-09"),
        ("2", "Sở Xây dựng", "lead", ""),
        ("3", unit, "lead", ""),
    ]
    group = next(u for u in plan.units if u.name == unit)
    assert group.group and group.members == plan.document.addressees


def test_a_time_after_the_ask_still_makes_the_lead_in_a_task() -> None:
    # "yêu cầu các đơn vị trong tháng 12/2026 triển khai ...:" asks for work due then, not a period.
    asks = "yêu cầu các đơn vị trong tháng 12/2026 triển khai các nội dung sau:"
    text = LETTER.replace(" {time}", "").format(asks=asks)
    rows = assignment_rows(extract(text).plan)
    assert ("", "Các đơn vị", "lead", "2026-12-31") in rows
