"""A bare time heading ("Tháng 3:") in a work programme: no task itself, the deadline of the work under it."""

from __future__ import annotations

from extraction.extract import extract
from extraction.sections import parse_outline

PROGRAMME = """ĐẢNG ỦY XÃ AN BÌNH
Số 03-CTr/ĐU
An Bình, ngày 08 tháng 01 năm 2026
CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026
II. CÔNG VIỆC TỪNG THÁNG
Tháng 2:
- Gặp mặt cán bộ hưu trí nhân dịp Xuân mới (Văn phòng Đảng ủy chủ trì).
Quý III/2026:
- Kiểm tra công tác phát triển đảng viên (Ủy ban Kiểm tra Đảng ủy chủ trì, hoàn thành trước ngày 15/8/2026).
III. TỔ CHỨC THỰC HIỆN
- Theo dõi, đôn đốc thực hiện Chương trình (Văn phòng Đảng ủy chủ trì).
"""


def test_a_bare_time_heading_is_no_paragraph_and_the_items_under_it_carry_its_time() -> None:
    outline = parse_outline(PROGRAMME.split("\n"), 5)
    texts = [(p.text[:12], p.period) for p in outline.paragraphs]
    assert ("Tháng 2", "") not in [(t.rstrip(":"), period) for t, period in texts]
    assert texts[1] == ("Gặp mặt cán ", "Tháng 2")
    assert texts[-1][1] == ""  # a new Roman section ends the heading's reach


def test_work_under_a_month_heading_is_due_that_month_unless_it_names_its_own_date() -> None:
    plan = extract(PROGRAMME).plan
    due = [(a.unit, str(a.deadline.due) if a.deadline else None) for a in plan.assignments]
    assert due == [
        ("Văn phòng Đảng ủy", "2026-02-28"),
        ("Ủy ban Kiểm tra Đảng ủy", "2026-08-14"),
        ("Văn phòng Đảng ủy", None),
    ]
