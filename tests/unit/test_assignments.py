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


def test_a_verb_after_the_participants_is_not_read_into_the_last_participant():
    body = """I. NHIỆM VỤ
1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Xây dựng bồi dưỡng kỹ năng cho cán bộ làm công tác \
quy hoạch trong quý III năm 2024.
"""
    assert _assignments(body) == [
        ("I.1", "Sở Nội vụ", "lead", "2024-09-30"),
        ("I.1", "Sở Tài chính", "participant", "2024-09-30"),
        ("I.1", "Sở Xây dựng", "participant", "2024-09-30"),
    ]


def test_two_named_bodies_joined_by_va_are_two_participants():
    body = """I. NHIỆM VỤ
1. Ủy ban nhân dân xã Tà Nung chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam xã Tà Nung và Hội \
Liên hiệp Phụ nữ xã Tà Nung vận động hộ dân hiến đất làm đường.
"""
    assert _assignments(body) == [
        ("I.1", "Ủy ban nhân dân xã Tà Nung", "lead", None),
        ("I.1", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tà Nung", "participant", None),
        ("I.1", "Hội Liên hiệp Phụ nữ xã Tà Nung", "participant", None),
    ]


def test_a_unit_opening_a_task_sentence_leads_it_without_chu_tri():
    body = """I. NHIỆM VỤ
1. Công tác thanh niên
- Đoàn Thanh niên xã Tà Nung bồi dưỡng kỹ năng cho đoàn viên làm công tác xung kích. Thời gian: \
Tháng 8/2024.
- Công an xã Tà Nung soạn bộ câu hỏi về an toàn giao thông cho học sinh. Thời gian: Quý IV/2024.
- Ban Tổ chức Huyện ủy Lạc Dương bồi dưỡng kỹ năng cho cán bộ làm công tác đảng. Thời gian: \
Tháng 9/2024.
"""
    assert _assignments(body) == [
        ("I.1", "Đoàn Thanh niên xã Tà Nung", "lead", "2024-08-31"),
        ("I.1", "Công an xã Tà Nung", "lead", "2024-12-31"),
        ("I.1", "Ban Tổ chức Huyện ủy Lạc Dương", "lead", "2024-09-30"),
    ]


def test_paragraphs_that_each_name_the_same_lead_are_separate_tasks():
    body = """I. NHIỆM VỤ
1. Công tác tuyên truyền
- Công an xã Tà Nung tuyên truyền về phòng, chống ma túy trong trường học.
- Công an xã Tà Nung chủ trì, phối hợp với Đoàn Thanh niên xã Tà Nung rà soát các điểm nóng về trật tự.
"""
    found = extract(HEADER + body, source_name="test")
    assert [(t.section, t.leads) for t in found.tasks] == [
        ("I.1", ["Công an xã Tà Nung"]),
        ("I.1", ["Công an xã Tà Nung"]),
    ]
    assert found.tasks[1].participants == ["Đoàn Thanh niên xã Tà Nung"]


def test_labelled_lines_under_lettered_items_make_one_task_per_item():
    body = """I. NHIỆM VỤ
1. Kiểm tra, giám sát
a) Kiểm tra việc thu phí chợ trên địa bàn.
- Cơ quan chủ trì: Công an xã Tà Nung.
- Cơ quan phối hợp: Đoàn Thanh niên xã Tà Nung.
b) Giám sát việc chi trả trợ cấp.
- Cơ quan chủ trì: Công an xã Tà Nung.
- Thời gian hoàn thành: Quý IV/2024.
"""
    found = extract(HEADER + body, source_name="test")
    assert [(t.text, t.leads, t.participants) for t in found.tasks] == [
        ("Kiểm tra việc thu phí chợ trên địa bàn.", ["Công an xã Tà Nung"], ["Đoàn Thanh niên xã Tà Nung"]),
        ("Giám sát việc chi trả trợ cấp.", ["Công an xã Tà Nung"], []),
    ]
    assert [t.deadline.due.isoformat() if t.deadline else None for t in found.tasks] == [None, "2024-12-31"]


def test_a_unit_and_its_term_followed_by_the_past_assigns_nothing():
    body = """I. NHIỆM VỤ
1. Đảng bộ xã Tà Nung nhiệm kỳ 2020 - 2025 đã lãnh đạo hoàn thành các chỉ tiêu.
2. Công an xã Tà Nung bồi dưỡng nghiệp vụ cho lực lượng đã qua đào tạo.
"""
    assert _assignments(body) == [("I.2", "Công an xã Tà Nung", "lead", None)]
