"""A provincial party committee's action programme (tests/fixtures/documents/28_*): grounds listed as items,
"CHƯƠNG TRÌNH HÀNH ĐỘNG" as its kind line, party bodies as headings whose work is to lead state bodies
("Lãnh đạo UBND tỉnh ...", "Chỉ đạo Sở X chủ trì ..."), and appendix cells broken with <br>."""

from __future__ import annotations

from extraction.extract import extract
from extraction.tables import read_task_tables, unit_names
from models.documents import DocumentKind
from tests.factories import assignment_rows

HEAD = """TỈNH ỦY QUẢNG TRỊ
Số 12-CTr/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Trị, ngày 20 tháng 02 năm 2025
CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 18-NQ/TW về tiếp tục đổi mới hệ thống chính trị
"""
GROUNDS = (
    "- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh;\n"
    "- Thực hiện Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương và Kế hoạch số "
    "07-KH/BCĐ, ngày 02/01/2025 của Ban Chỉ đạo Trung ương,\n"
    "Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động như sau:\n"
)
ORDERS = "I. TỔ CHỨC THỰC HIỆN\n"


def _rows(body: str) -> list[tuple[str, str, str, str]]:
    return assignment_rows(extract(HEAD + GROUNDS + ORDERS + body).plan)


def test_an_action_programme_keeps_hanh_dong_in_its_kind_not_in_its_title() -> None:
    document = extract(HEAD + GROUNDS + ORDERS + "1. Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n").document
    assert document.kind == DocumentKind.programme
    assert document.title is not None and document.title.startswith("thực hiện Nghị quyết số 18-NQ/TW")


def test_grounds_listed_as_items_carry_out_every_document_they_join_with_va() -> None:
    document = extract(HEAD + GROUNDS + ORDERS + "1. Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n").document
    assert document.implements == ["18-NQ/TW", "07-KH/BCĐ"]


def test_lanh_dao_a_state_body_under_a_party_body_heading_is_the_party_bodys_work() -> None:
    rows = _rows(
        "1. Ban cán sự đảng UBND tỉnh\n"
        "- Lãnh đạo Ủy ban nhân dân tỉnh xây dựng kế hoạch thực hiện, hoàn thành trong tháng 4/2025.\n"
        "2. Đảng đoàn HĐND tỉnh\n"
        "- Lãnh đạo HĐND tỉnh ban hành nghị quyết về chính sách hỗ trợ.\n"
    )
    assert rows == [
        ("I.1", "Ban cán sự đảng UBND tỉnh", "lead", "2025-04-30"),
        ("I.2", "Đảng đoàn HĐND tỉnh", "lead", ""),
    ]


def test_the_leaders_of_a_body_under_a_heading_that_is_no_party_body_stay_the_unit() -> None:
    rows = _rows("1. Sở Nội vụ\n- Lãnh đạo Ủy ban nhân dân tỉnh chủ trì buổi làm việc với các huyện.\n")
    assert [(unit, role) for _, unit, role, _ in rows] == [("Lãnh đạo Ủy ban nhân dân tỉnh", "lead")]


def test_a_unit_directed_to_lead_leads_beside_the_heading_unit_that_directs_it() -> None:
    rows = _rows(
        "1. Ban cán sự đảng UBND tỉnh\n"
        "- Chỉ đạo Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính tham mưu thành lập quỹ "
        "trước ngày 30/9/2025.\n"
    )
    assert rows == [
        ("I.1", "Ban cán sự đảng UBND tỉnh", "lead", "2025-09-29"),
        ("I.1", "Sở Khoa học và Công nghệ", "lead", "2025-09-29"),
        ("I.1", "Sở Tài chính", "participant", "2025-09-29"),
    ]


def test_a_subject_that_directs_another_to_lead_shares_the_lead_but_not_its_heading_role() -> None:
    rows = _rows(
        "1. Ban cán sự đảng UBND tỉnh chỉ đạo Sở Y tế chủ trì, phối hợp với Sở Nội vụ rà soát mạng lưới "
        "y tế cơ sở trong quý III/2025.\n"
        "- Bố trí kinh phí thực hiện.\n"
        "2. Ban cán sự đảng UBND tỉnh chỉ đạo các sở, ngành tuyên truyền.\n"
    )
    assert [(s, u, r) for s, u, r, _ in rows] == [
        ("I.1", "Ban cán sự đảng UBND tỉnh", "lead"),
        ("I.1", "Sở Y tế", "lead"),
        ("I.1", "Sở Nội vụ", "participant"),
        ("I.1", "Ban cán sự đảng UBND tỉnh", "lead"),  # the item under it: the subject's, not Sở Y tế's
        ("I.2", "Ban cán sự đảng UBND tỉnh", "lead"),  # directed, but not told to lead ("chủ trì")
    ]


def test_a_markdown_cell_broken_with_br_names_one_unit_per_line() -> None:
    lines = [
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian<br>hoàn thành |",
        "|---|---|---|---|---|",
        "| 1 | Xây dựng đề án kinh tế số | Ban cán sự đảng UBND tỉnh<br/>Ban Tổ chức Tỉnh ủy "
        "| Sở Tài chính;<br>UBND các huyện, thị xã, thành phố | Tháng 12/2025 |",
    ]
    (task,) = read_task_tables(lines, year=2025)
    assert task.leads == ["Ban cán sự đảng UBND tỉnh", "Ban Tổ chức Tỉnh ủy"]
    assert task.participants == ["Sở Tài chính", "UBND các huyện, thị xã, thành phố"]
    assert task.deadline is not None and str(task.deadline.due) == "2025-12-31"


def test_targets_numbered_in_brackets_inside_list_items_are_indicators() -> None:
    body = (
        "II. MỤC TIÊU\n"
        "2. Chỉ tiêu cụ thể đến năm 2030\n"
        "- (1) Kinh tế số chiếm tỷ trọng tối thiểu 20% GRDP của tỉnh.\n"
        "- (2) Tỷ lệ dịch vụ công trực tuyến toàn trình đạt trên 80%.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n"
    )
    indicators = extract(HEAD + GROUNDS + "I. MỤC ĐÍCH, YÊU CẦU\nThống nhất nhận thức.\n" + body).indicators
    assert [(i.number, i.value, i.unit, i.comparator) for i in indicators] == [
        (1, 20.0, "%", ">="),
        (2, 80.0, "%", ">"),
    ]


def test_a_cell_that_lists_its_units_as_items_names_each_and_keeps_dashes_inside_names() -> None:
    lines = [
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
        "|---|---|---|---|---|",
        # the cell's lines joined by a space, as a .docx cell's paragraphs are
        "| 1 | Số hóa hồ sơ lưu trữ | Văn phòng Tỉnh ủy | - Sở Nội vụ - Mặt trận Tổ quốc và các tổ chức "
        "chính trị - xã hội tỉnh | 2027 |",
    ]
    (task,) = read_task_tables(lines, year=2025)
    assert task.participants == ["Sở Nội vụ", "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh"]
    assert unit_names("- Ban Thi đua - Khen thưởng tỉnh - Sở Tư pháp")[0] == [
        "Ban Thi đua - Khen thưởng tỉnh",
        "Sở Tư pháp",
    ]


def test_a_bare_year_in_the_time_column_is_that_year() -> None:
    lines = [
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |",
        "|---|---|---|---|",
        "| 1 | Số hóa hồ sơ lưu trữ | Văn phòng Tỉnh ủy | 2027 |",
    ]
    (task,) = read_task_tables(lines, year=2025)
    assert task.deadline is not None
    deadline = task.deadline
    assert (deadline.text, str(deadline.start), str(deadline.due)) == ("2027", "2027-01-01", "2027-12-31")
