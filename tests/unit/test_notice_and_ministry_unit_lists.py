"""Unit names in the genres of tests/fixtures/documents/16-18: a People's Committee Office's notice of
meeting conclusions, a ministry plan's appendix table, a party guidance."""

import pytest

from extraction.extract import extract
from extraction.references import find_citations
from extraction.tables import read_task_tables, unit_names
from extraction.units import read_units


def _names(text: str, **options: bool) -> list[str]:
    found = read_units(text, **options)
    return found.names if found else []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # after a lower-case kind of body and its words ("địa phương"), the next words are what it does
        ("chính quyền địa phương bảo vệ, giữ gìn an ninh trật tự", ["Chính quyền địa phương"]),
        ("các đơn vị phản ánh về Bộ Giáo dục và Đào tạo", ["Các đơn vị"]),
        # after a numbered area the name is complete
        ("Kho bạc Nhà nước khu vực XIII giải ngân kịp thời kinh phí", ["Kho bạc Nhà nước khu vực XIII"]),
        ("Cục Thuế khu vực II hướng dẫn doanh nghiệp", ["Cục Thuế khu vực II"]),
    ],
)
def test_a_name_ends_before_the_words_that_tell_what_the_unit_does(text, names):
    assert _names(text) == names


def test_a_kind_of_bodies_after_a_named_body_is_a_unit_of_its_own():
    assert _names("Vụ Giáo dục Tiểu học, các sở GDĐT phối hợp") == ["Vụ Giáo dục Tiểu học", "Các sở GDĐT"]
    assert _names("Các đơn vị thuộc Bộ, các sở GDĐT phối hợp") == ["Các đơn vị thuộc Bộ", "Các sở GDĐT"]


def test_a_committee_and_its_lower_committees_stay_one_group():
    assert _names("Thành ủy, các cấp ủy tập trung lãnh đạo") == ["Thành ủy, các cấp ủy"]


def test_semicolons_part_the_names_after_a_shared_head_when_a_name_holds_commas():
    text = "Các Sở: Văn hóa, Thể thao và Du lịch; Y tế; Giáo dục và Đào tạo rà soát nhu cầu"
    assert _names(text) == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "Sở Giáo dục và Đào tạo"]
    assert _names("các Bộ: Xây dựng, Nông nghiệp và Môi trường khẩn trương") == [
        "Bộ Xây dựng",
        "Bộ Nông nghiệp và Môi trường",
    ]


def test_a_cell_names_units_only_so_a_name_runs_to_the_next_comma():
    cell = "Vụ Giáo dục Tiểu học, Cục Nhà giáo và Cán bộ quản lý giáo dục, Vụ Pháp chế"
    names, _ = unit_names(cell)
    assert names == ["Vụ Giáo dục Tiểu học", "Cục Nhà giáo và Cán bộ quản lý giáo dục", "Vụ Pháp chế"]


NOTICE = """UBND TỈNH HÀ TĨNH
VĂN PHÒNG
Số: 12/TB-VPUBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Tĩnh, ngày 24 tháng 11 năm 2025
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về trụ sở dôi dư
Chủ tịch UBND tỉnh kết luận như sau:
1. Các Sở: Văn hóa, Thể thao và Du lịch; Y tế rà soát nhu cầu, gửi Sở Tài chính trước ngày 10/12/2025.
2. Chủ tịch UBND tỉnh thống nhất giao Văn phòng UBND tỉnh theo dõi, đôn đốc, báo cáo trong Quý I năm 2026.
Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.
"""


def _leads(text: str) -> dict[str | None, list[str]]:
    return {t.section: t.leads for t in extract(text).tasks}


def test_a_list_after_a_shared_head_is_not_cut_into_sentences_at_its_semicolons():
    assert _leads(NOTICE)["1"] == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"]


def test_the_unit_the_chairman_agrees_to_give_work_to_leads_it():
    assert _leads(NOTICE)["2"] == ["Văn phòng UBND tỉnh"]


@pytest.mark.parametrize(
    ("head", "issuer"),
    [
        (["UBND TỈNH HÀ TĨNH", "VĂN PHÒNG"], "Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh"),
        (["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "VĂN PHÒNG"], "Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh"),
        (["VĂN PHÒNG UBND TỈNH HÀ TĨNH"], "Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh"),
        (["UBND TỈNH HÀ TĨNH", "SỞ Y TẾ"], "Sở Y tế tỉnh Hà Tĩnh"),
        (["BỘ GIÁO DỤC VÀ ĐÀO TẠO"], "Bộ Giáo dục và Đào tạo"),
    ],
)
def test_the_issuer_is_the_office_of_the_committee_above_it_named_in_full(head, issuer):
    text = "\n".join([*head, *NOTICE.splitlines()[2:]])
    assert extract(text).document.issuer == issuer


def test_a_cited_document_s_issuer_ends_before_what_the_document_approves():
    text = "Căn cứ Quyết định số 1471/QĐ-TTg ngày 08/10/2025 của Thủ tướng Chính phủ phê duyệt Đề án;"
    assert [c.reference.issuer for c in find_citations(text)] == ["Thủ tướng Chính phủ"]


def test_a_cell_name_goes_on_after_a_comma_that_lower_case_words_of_no_unit_follow():
    names, _ = unit_names("Vụ Pháp chế, Cục Quản lý Khám, chữa bệnh, các bệnh viện")
    assert names == ["Vụ Pháp chế", "Cục Quản lý Khám, chữa bệnh", "Các bệnh viện"]


def test_bodies_of_one_name_and_a_body_of_another_are_two_units():
    assert _names("Các Sở Y tế, Bộ Công an phối hợp") == ["Các Sở Y tế", "Bộ Công an"]


def test_the_provincial_web_portal_is_a_unit_of_its_own_in_a_list():
    text = "Báo Quảng Ngãi, Đài PT-TH tỉnh, Cổng Thông tin điện tử tỉnh mở chuyên mục"
    assert _names(text) == ["Báo Quảng Ngãi", "Đài PT-TH tỉnh", "Cổng Thông tin điện tử tỉnh"]


GUIDANCE = """TỈNH ỦY NGHỆ AN
BAN TUYÊN GIÁO
Số 61-HD/BTGTU
ĐẢNG CỘNG SẢN VIỆT NAM
Nghệ An, ngày 15 tháng 10 năm 2024
HƯỚNG DẪN
tuyên truyền đại hội đảng bộ các cấp
I. TỔ CHỨC THỰC HIỆN
1. Các cơ quan báo chí của tỉnh
- Báo Nghệ An mở chuyên trang về đại hội.
- Đài Phát thanh và Truyền hình tỉnh xây dựng phóng sự về thành tựu của tỉnh.
- Thời gian: hoàn thành trước ngày 15/01/2025.
"""


def test_a_time_bullet_after_a_section_s_bullets_is_the_time_of_each_of_them():
    dues = {tuple(t.leads): t.deadline.due.isoformat() for t in extract(GUIDANCE).tasks if t.deadline}
    assert dues == {("Báo Nghệ An",): "2025-01-14", ("Đài Phát thanh và Truyền hình tỉnh",): "2025-01-14"}


def test_lower_case_words_before_a_comma_and_another_verb_are_what_the_unit_does():
    assert _names("Sở Tài chính xem xét, tham mưu UBND tỉnh") == ["Sở Tài chính"]
    assert _names("Trung tâm Kiểm soát bệnh tật, Bệnh viện Đa khoa tỉnh tổ chức") == [
        "Trung tâm Kiểm soát bệnh tật",
        "Bệnh viện Đa khoa tỉnh",
    ]


REGARDING = """UBND TỈNH BÌNH ĐỊNH
VĂN PHÒNG
Số: 77/TB-VPUBND
Bình Định, ngày 08 tháng 12 năm 2025
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với UBND xã Cát Tiến
Chủ tịch UBND tỉnh kết luận như sau:
1. Đối với UBND xã Cát Tiến: Tập trung giải phóng mặt bằng dự án khu dân cư, xong trước ngày 31/12/2025.
2. Đối với UBND các xã, phường:
- Cập nhật số liệu nhà, đất dôi dư, gửi Sở Tài chính trước ngày 05/12/2025.
"""


def test_the_units_an_item_is_about_lead_its_tasks():
    leads = {t.section: t.leads for t in extract(REGARDING).tasks}
    assert leads == {"1": ["UBND xã Cát Tiến"], "2": ["UBND các xã, phường"]}


APPENDIX = """| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| I | Xây dựng văn bản | | | | |
| 1 | Xây dựng văn bản quy phạm pháp luật | | | | |
| 1.1 | Nghị định về tuyển dụng công chức | Vụ Công chức - Viên chức | Vụ Pháp chế | Tháng 6/2026 | Tờ trình |
| 1.2 | Thông tư về chế độ báo cáo | Văn phòng Bộ | Các đơn vị thuộc Bộ | Quý III/2026 | Thông tư |
| 2 | Rà soát thủ tục hành chính | Văn phòng Bộ | | Năm 2026 | Quyết định của Bộ trưởng |
"""


def test_a_row_whose_number_the_next_rows_go_on_heads_them_and_is_no_task():
    tasks = read_task_tables(APPENDIX.splitlines(), year=2026)
    assert [(t.section, t.leads) for t in tasks] == [
        ("I.1.1", ["Vụ Công chức - Viên chức"]),
        ("I.1.2", ["Văn phòng Bộ"]),
        ("I.2", ["Văn phòng Bộ"]),
    ]


STUDY = """HUYỆN ỦY NGHI LỘC
BAN TUYÊN GIÁO
Số 15-HD/BTGHU
Nghi Lộc, ngày 20 tháng 3 năm 2025
HƯỚNG DẪN
học tập, quán triệt Nghị quyết
I. ĐỐI TƯỢNG, HÌNH THỨC
1. Đối tượng: Cán bộ, đảng viên trong toàn Đảng bộ huyện.
2. Hình thức: Tổ chức hội nghị trực tiếp kết hợp trực tuyến.
II. TỔ CHỨC THỰC HIỆN
1. Trách nhiệm của các chi bộ, đảng bộ cơ sở
- Báo cáo kết quả về Ban Thường vụ Huyện ủy trước ngày 05/6/2025.
2. Trách nhiệm của Trung tâm Chính trị huyện
Phối hợp với Ban Tuyên giáo Huyện ủy chuẩn bị tài liệu; hoàn thành trước ngày 10/4/2025.
"""


def test_whose_responsibility_a_heading_names_leads_the_tasks_below_it():
    roles = {(t.section, tuple(t.leads), tuple(t.participants)) for t in extract(STUDY).tasks}
    assert roles == {
        ("II.1", ("Các chi bộ, đảng bộ cơ sở",), ()),
        ("II.2", ("Trung tâm Chính trị huyện",), ("Ban Tuyên giáo Huyện ủy",)),
    }


def test_role_words_written_in_a_cell_are_not_part_of_the_names():
    assert unit_names("Sở Y tế chủ trì, Sở Tài chính phối hợp")[0] == ["Sở Y tế", "Sở Tài chính"]
