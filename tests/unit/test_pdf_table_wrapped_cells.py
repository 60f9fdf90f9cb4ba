"""PDF text tables whose unit cells wrap: the wrapped line is shared among the cells it goes on with."""

from __future__ import annotations

from extraction.tables import read_task_tables

HEADER = """TT Nội dung Đơn vị chủ trì Đơn vị phối hợp Thời hạn"""

# Cells cut by their width: "Chi cục Trồng trọt | và Bảo vệ thực vật", "UBND các xã, | phường, thị trấn".
ROWS = """1 Điều tra sinh vật gây hại trên lúa tại Chi cục Trồng trọt UBND các xã, Quý II/2025
các cánh đồng lớn và Bảo vệ thực vật phường, thị trấn
2 Kiểm tra kinh doanh thuốc bảo vệ thực vật Chi cục Trồng trọt Công an tỉnh Thường xuyên
trên địa bàn tỉnh và Bảo vệ thực vật
3 Tổng hợp kết quả thực hiện kế hoạch năm Chi cục Trồng trọt Các phòng thuộc Tháng 12/2025
2025 và Bảo vệ thực vật Sở"""

BODY = """I. NHIỆM VỤ
1. Chi cục Trồng trọt và Bảo vệ thực vật chủ trì, phối hợp với Trạm Khuyến nông huyện thực hiện.
2. Trạm Khuyến nông huyện hướng dẫn nông dân.

PHỤ LỤC"""

TRAINING = """TT Nội dung Đơn vị chủ trì Đơn vị phối hợp Thời hạn
1 Tập huấn kỹ thuật cho nông dân các xã Trạm Khuyến Chi cục Trồng trọt Tháng 6/2025
nông huyện và Bảo vệ thực vật"""


def _units(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(t.text, t.leads, t.participants) for t in read_task_tables(text.split("\n"), year=2025)]


def test_a_wrapped_line_gives_the_task_its_words_and_each_unit_cell_the_rest_of_its_name() -> None:
    first, second, third = _units(f"{HEADER}\n{ROWS}")
    assert first == (
        "Điều tra sinh vật gây hại trên lúa tại các cánh đồng lớn",
        ["Chi cục Trồng trọt và Bảo vệ thực vật"],
        ["UBND các xã, phường, thị trấn"],
    )
    assert second[1:] == (["Chi cục Trồng trọt và Bảo vệ thực vật"], ["Công an tỉnh"])
    assert third == (
        "Tổng hợp kết quả thực hiện kế hoạch năm 2025",
        ["Chi cục Trồng trọt và Bảo vệ thực vật"],
        ["Các phòng thuộc Sở"],
    )


def test_a_lead_cell_run_into_a_body_that_stands_alone_is_parted_from_it() -> None:
    second = _units(f"{HEADER}\n{ROWS}")[1]
    assert second[0] == "Kiểm tra kinh doanh thuốc bảo vệ thực vật trên địa bàn tỉnh"
    assert "Chi cục Trồng trọt Công an tỉnh" not in second[1] + second[2]


def test_a_name_cut_in_the_middle_goes_on_as_the_document_writes_it_elsewhere() -> None:
    (task, leads, participants) = _units(f"{BODY}\n{TRAINING}")[0]
    assert task == "Tập huấn kỹ thuật cho nông dân các xã"
    assert leads == ["Trạm Khuyến nông huyện"]
    assert participants == ["Chi cục Trồng trọt và Bảo vệ thực vật"]


def test_lower_case_words_after_a_whole_unit_cell_stay_with_the_task() -> None:
    table = """TT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành
1 Rà soát quy trình nội bộ giải quyết hồ sơ Phòng Nội vụ Phòng Tư pháp Quý III/2025
thuộc thẩm quyền của cấp huyện
2 Đánh giá sự hài lòng đối với sự phục vụ Phòng Nội vụ Văn phòng HĐND và Quý IV/2025
của cơ quan hành chính UBND huyện"""
    first, second = _units(table)
    assert first == (
        "Rà soát quy trình nội bộ giải quyết hồ sơ thuộc thẩm quyền của cấp huyện",
        ["Phòng Nội vụ"],
        ["Phòng Tư pháp"],
    )
    assert second == (
        "Đánh giá sự hài lòng đối với sự phục vụ của cơ quan hành chính",
        ["Phòng Nội vụ"],
        ["Văn phòng HĐND và UBND huyện"],
    )
