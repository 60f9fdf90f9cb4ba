"""Who leads, who takes part, and by when: assignments read from hand-written plan snippets."""

from extraction.extract import extract

HEADER = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 45/KH-UBND
Đà Lạt, ngày 15 tháng 3 năm 2024
KẾ HOẠCH
Triển khai chuyển đổi số năm 2024
"""


def _assignments(body: str) -> list[tuple[str, str | None, str, str | None]]:
    found = extract(HEADER + body, source_name="test")
    return [
        (t.section, unit, role, str(t.deadline.due) if t.deadline else None)
        for t in found.tasks
        for unit, role in [(u, "lead") for u in t.leads] + [(u, "participant") for u in t.participants]
        or [(None, "lead")]
    ]


def test_giao_x_chu_tri_phoi_hop_voi_y_va_z_makes_x_lead_and_y_z_participants():
    body = """I. NHIỆM VỤ
1. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Nội vụ và các địa phương xây dựng \
kho dữ liệu dùng chung. Hoàn thành trước ngày 30/6/2024.
"""
    assert _assignments(body) == [
        ("I.1", "Sở Thông tin và Truyền thông", "lead", "2024-06-29"),
        ("I.1", "Sở Nội vụ", "participant", "2024-06-29"),
        ("I.1", "Các địa phương", "participant", "2024-06-29"),
    ]


def test_a_heading_that_names_a_unit_leads_the_tasks_below_it():
    body = """II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính
- Bố trí kinh phí thực hiện kế hoạch.
- Hướng dẫn thanh quyết toán theo quy định.
2. Sở Khoa học và Công nghệ: thẩm định các nhiệm vụ khoa học trong quý III năm 2024.
"""
    assert _assignments(body) == [
        ("II.1", "Sở Tài chính", "lead", None),
        ("II.2", "Sở Khoa học và Công nghệ", "lead", "2024-09-30"),
    ]


def test_de_nghi_addresses_the_units_it_names():
    body = """III. TỔ CHỨC THỰC HIỆN
1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể tuyên truyền, vận động Nhân dân tham gia.
"""
    assert _assignments(body) == [
        ("III.1", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể", "lead", None)
    ]


def test_x_phoi_hop_voi_y_makes_x_lead_unless_y_leads_that_task_elsewhere():
    body = """I. NHIỆM VỤ
1. Sở Y tế chủ trì, phối hợp với các bệnh viện tổ chức hội nghị triển khai bệnh án điện tử toàn tỉnh.
2. Sở Nội vụ phối hợp với Sở Tư pháp rà soát thủ tục hành chính nội bộ.
II. TỔ CHỨC THỰC HIỆN
1. Văn phòng Ủy ban nhân dân tỉnh: Phối hợp với Sở Y tế tổ chức hội nghị triển khai bệnh án điện tử \
toàn tỉnh; Bảo đảm điều kiện làm việc của Tổ giúp việc.
"""
    found = _assignments(body)
    assert ("I.2", "Sở Nội vụ", "lead", None) in found
    assert ("I.2", "Sở Tư pháp", "participant", None) in found
    assert ("II.1", "Văn phòng Ủy ban nhân dân tỉnh", "participant", None) in found
    assert ("II.1", "Văn phòng Ủy ban nhân dân tỉnh", "lead", None) in found
    assert not any(section == "II.1" and unit == "Sở Y tế" for section, unit, _, _ in found)


def test_tham_gia_makes_the_unit_a_participant():
    body = """I. NHIỆM VỤ
1. Công an tỉnh tham gia thẩm định phương án bảo đảm an toàn thông tin.
"""
    assert _assignments(body) == [("I.1", "Công an tỉnh", "participant", None)]


def test_a_numbered_time_line_gives_its_section_a_deadline():
    body = """I. NHIỆM VỤ
1. Tổ chức diễn tập an toàn thông tin
1.1. Phân công: Giao Sở Thông tin và Truyền thông chủ trì tổ chức diễn tập.
1.2. Thời gian thực hiện: Dự kiến tháng 10/2024.
"""
    assert _assignments(body) == [("I.1.1", "Sở Thông tin và Truyền thông", "lead", "2024-10-31")]


def test_labelled_lines_complete_the_task_of_their_section():
    body = """I. NHIỆM VỤ
1. Xây dựng nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh
- Cơ quan chủ trì: Sở Thông tin và Truyền thông.
- Cơ quan phối hợp: Các sở, ban, ngành.
- Thời gian hoàn thành: Quý IV/2024.
"""
    assert _assignments(body) == [
        ("I.1", "Sở Thông tin và Truyền thông", "lead", "2024-12-31"),
        ("I.1", "Các sở, ban, ngành", "participant", "2024-12-31"),
    ]


def test_sections_telling_purposes_or_results_assign_nothing():
    body = """I. MỤC ĐÍCH, YÊU CẦU
1. Các sở, ngành nâng cao nhận thức về chuyển đổi số.
II. KẾT QUẢ NĂM 2023
Sở Thông tin và Truyền thông tiếp tục hoàn thiện hạ tầng.
"""
    assert _assignments(body) == []


def test_anniversary_dates_are_events_not_deadlines():
    body = """I. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch tổ chức kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024).
"""
    found = extract(HEADER + body)
    assert [t.deadline for t in found.tasks] == [None]
    assert found.events and found.events[0].dates[-1].isoformat() == "2024-05-07"


def test_a_list_of_someone_elses_tasks_after_the_signature_assigns_nothing():
    body = """I. NHIỆM VỤ
1. Sở Nội vụ: theo dõi việc thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
ĐỀ CƯƠNG GIỚI THIỆU
I. NHIỆM VỤ CỦA TỈNH
1. Sở Tài chính chủ trì, phối hợp với các sở bố trí vốn trước ngày 30/4/2024.
"""
    assert _assignments(body) == [("I.1", "Sở Nội vụ", "lead", None)]


def test_a_dated_directive_with_no_unit_is_kept_with_no_unit():
    body = """II. NHIỆM VỤ, GIẢI PHÁP
1. Phát triển hạ tầng
- Hoàn thành đường cao tốc nối cảng biển trong năm 2025.
- Nâng cao chất lượng quy hoạch.
"""
    assert _assignments(body) == [("II.1", None, "lead", "2025-12-31")]
