"""A numbered section titled by a time alone ("1. Học kỳ I", "II. QUÝ III/2026"): the deadline of the work
under it that names no date of its own, as a bare "Tháng 3:" heading is."""

from __future__ import annotations

from extraction.extract import extract
from extraction.sections import parse_outline

SCHOOL_PLAN = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH AN GIANG
TRƯỜNG THCS BÌNH AN
Số: 12/KH-THCS
Bình An, ngày 10 tháng 9 năm 2025
KẾ HOẠCH
Hoạt động trải nghiệm năm học 2025-2026
II. NỘI DUNG THỰC HIỆN
1. Học kỳ I
a) Đoàn Thanh niên xã phối hợp với nhà trường tổ chức ngày hội đọc sách.
b) Công an xã tổ chức tuyên truyền an toàn giao thông, hoàn thành trong tháng 10/2025.
1.1. Hoạt động ngoại khóa
Hội Khuyến học xã tổ chức tham quan di tích lịch sử của địa phương.
2. Học kỳ II
a) Trạm Y tế xã tổ chức khám sức khỏe định kỳ cho học sinh.
III. TỔ CHỨC THỰC HIỆN
1. Công an xã phối hợp bảo đảm an ninh, trật tự trong các hoạt động.
"""


def _periods() -> list[tuple[str, str]]:
    outline = parse_outline(SCHOOL_PLAN.split("\n"), 7)
    return [(p.label if p.numbered else p.text[:12], p.period) for p in outline.paragraphs]


def test_the_time_of_a_numbered_time_title_reaches_the_items_and_subsections_under_it() -> None:
    periods = dict(_periods())
    assert periods["Đoàn Thanh n"] == "Học kỳ I"
    assert periods["II.1.1"] == "Học kỳ I"
    assert periods["Hội Khuyến h"] == "Học kỳ I"
    assert periods["Trạm Y tế xã"] == "Học kỳ II"


def test_the_next_section_not_titled_by_a_time_ends_its_reach() -> None:
    periods = dict(_periods())
    assert periods["III"] == "" and periods["III.1"] == ""


def test_work_under_a_numbered_term_is_due_at_the_end_of_that_term_unless_it_names_its_own_date() -> None:
    plan = extract(SCHOOL_PLAN).plan
    due = {(a.unit, str(a.deadline.due) if a.deadline else None) for a in plan.assignments}
    assert ("Đoàn Thanh niên xã", "2026-01-15") in due
    assert ("Công an xã", "2025-10-31") in due
    assert ("Trạm Y tế xã", "2026-05-31") in due
    assert ("Công an xã", None) in due
