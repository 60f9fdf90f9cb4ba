"""A Công điện whose items are "a)" or "-" lines (no "1." to start its body at): its body begins after the
"X điện:" block, so that block is read as its addressees, its title is read, and the items that name nobody
under "... yêu cầu:" go to the addressees as one group, as numbered items already did."""

from __future__ import annotations

import pytest

from extraction.addressees import ADDRESSEES
from extraction.extract import extract
from tests.factories import assignment_rows

GOVERNMENT = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 305/CĐ-TTg
Hà Nội, ngày 4 tháng 10 năm 2026

CÔNG ĐIỆN
Về việc phòng, chống rét đậm, rét hại cho vật nuôi

THỦ TƯỚNG CHÍNH PHỦ điện:

- Bộ trưởng các Bộ: Nông nghiệp và Môi trường, Tài chính;
- Chủ tịch Ủy ban nhân dân các tỉnh: Hà Giang, Cao Bằng, Lạng Sơn.

Đợt không khí lạnh sẽ gây rét đậm kéo dài ở vùng núi. Để bảo vệ đàn gia súc, Thủ tướng Chính phủ yêu cầu:

{first} Hướng dẫn người chăn nuôi che chắn chuồng trại, dự trữ thức ăn, xong trước ngày 10/10/2026;
{second} Rà soát, thống kê thiệt hại về vật nuôi, báo cáo trước ngày 20/10/2026;
{third} Chuẩn bị sẵn sàng vật tư, thuốc thú y để hỗ trợ kịp thời khi có dịch bệnh.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Nguyễn Văn D
"""

PROVINCE = """ỦY BAN NHÂN DÂN
TỈNH NAM ĐỊNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 07/CĐ-UBND
Nam Định, ngày 2 tháng 7 năm 2026

CÔNG ĐIỆN
Về việc chủ động ứng phó với triều cường

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:

- Giám đốc các Sở: Nông nghiệp và Môi trường, Xây dựng;
- Chủ tịch Ủy ban nhân dân các huyện: Giao Thủy, Hải Hậu.

Triều cường kết hợp gió mạnh có thể làm tràn đê biển. Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

- Tổ chức kiểm tra toàn bộ tuyến đê biển, kè biển, hoàn thành trước ngày 5/7/2026;
- Sở Xây dựng chỉ đạo gia cố các công trình đang thi công ven biển;
- Bố trí người trực đê 24/24 giờ trong thời gian triều cường.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn E
"""

# Every item names its own body: those bodies keep their items, and the title (its "dịp cuối năm" reads
# as a deadline) is no task.
OWN_BODIES = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 412/CĐ-TTg
Hà Nội, ngày 20 tháng 11 năm 2026

CÔNG ĐIỆN
Về việc bảo đảm trật tự an toàn giao thông dịp cuối năm

THỦ TƯỚNG CHÍNH PHỦ điện:

- Bộ trưởng các Bộ: Công an, Xây dựng, Y tế;
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.

Số vụ tai nạn giao thông trong tháng qua tăng. Để kiềm chế tai nạn, Thủ tướng Chính phủ yêu cầu:

- Bộ Công an chỉ đạo cảnh sát giao thông tăng cường tuần tra, xử lý vi phạm, tổng kết trước ngày 15/01/2027;
- Bộ Xây dựng rà soát, khắc phục ngay các điểm đen về tai nạn trên quốc lộ;
- Bộ Y tế bảo đảm cấp cứu kịp thời người bị nạn.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Phạm Văn G
"""


@pytest.mark.parametrize("marks", [("a)", "b)", "c)"), ("-", "-", "-"), ("1.", "2.", "3.")])
def test_items_naming_nobody_go_to_the_government_dispatch_addressees(marks: tuple[str, str, str]) -> None:
    first, second, third = marks
    plan = extract(GOVERNMENT.format(first=first, second=second, third=third)).plan
    due = [date for _, unit, _, date in assignment_rows(plan) if unit == ADDRESSEES]
    assert due == ["2026-10-09", "2026-10-19", ""]
    assert len(assignment_rows(plan)) == 3
    assert plan.document.addressees == (
        "Bộ Nông nghiệp và Môi trường",
        "Bộ Tài chính",
        "Ủy ban nhân dân tỉnh Hà Giang",
        "Ủy ban nhân dân tỉnh Cao Bằng",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
    )
    group = next(u for u in plan.units if u.name == ADDRESSEES)
    assert group.group and group.members == plan.document.addressees
    assert plan.document.title == "Về việc phòng, chống rét đậm, rét hại cho vật nuôi"


def test_a_province_dispatch_gives_dashed_items_to_its_addressees_unless_they_name_a_body() -> None:
    plan = extract(PROVINCE).plan
    assert assignment_rows(plan) == [
        ("", ADDRESSEES, "lead", "2026-07-04"),
        ("", "Sở Xây dựng", "lead", ""),
        ("", ADDRESSEES, "lead", ""),
    ]
    assert len(plan.document.addressees) == 4
    assert plan.document.issuer == "Ủy ban nhân dân tỉnh Nam Định"


def test_dashed_items_that_name_their_bodies_keep_them() -> None:
    plan = extract(OWN_BODIES).plan
    assert assignment_rows(plan) == [
        ("", "Bộ Công an", "lead", "2027-01-14"),
        ("", "Bộ Xây dựng", "lead", ""),
        ("", "Bộ Y tế", "lead", ""),
    ]
    assert plan.document.addressees[:3] == ("Bộ Công an", "Bộ Xây dựng", "Bộ Y tế")
    assert plan.document.title == "Về việc bảo đảm trật tự an toàn giao thông dịp cuối năm"
