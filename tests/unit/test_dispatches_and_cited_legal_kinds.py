"""A Công điện (an urgent dispatch) read as one, and the kinds of the legal documents a text cites (Luật,
Nghị định, Thông tư, Công điện): what issue 3 of session 10 added."""

from __future__ import annotations

from extraction.addressees import read_addressees
from extraction.extract import extract
from extraction.issuer import proper_case
from extraction.reference_lineage import carried_out
from extraction.references import find_citations
from extraction.units import read_units
from models.documents import DocumentKind
from tests.factories import assignment_rows

DISPATCH = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI

Số: 07/CĐ-UBND

Quảng Ngãi, ngày 02 tháng 11 năm 2025

CÔNG ĐIỆN
Về việc chủ động ứng phó với áp thấp nhiệt đới

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:

- Giám đốc các sở: Nông nghiệp và Môi trường, Xây dựng, Y tế;
- Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu.

Áp thấp nhiệt đới trên Biển Đông có khả năng mạnh lên thành bão. Để chủ động ứng phó, Chủ tịch Ủy ban nhân \
dân tỉnh yêu cầu:

1. Giám đốc Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh kiểm đếm tàu thuyền, \
hoàn thành trước 16 giờ ngày 03 tháng 11 năm 2025.

2. Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu khẩn trương sơ tán người dân khỏi vùng nguy hiểm.

Nơi nhận:
- Như trên;
- Lưu: VT.

CHỦ TỊCH

Lê Văn C
"""


def test_a_cong_dien_is_a_dispatch_with_its_own_number_left_out_of_its_references() -> None:
    document = extract(DISPATCH).document
    assert document.kind is DocumentKind.dispatch
    assert document.number == "07/CĐ-UBND"
    assert [ref.number for ref in document.references] == []


def test_the_bodies_a_dispatch_is_wired_to_are_its_addressees() -> None:
    assert extract(DISPATCH).document.addressees == (
        "Sở Nông nghiệp và Môi trường",
        "Sở Xây dựng",
        "Sở Y tế",
        "Ủy ban nhân dân các xã, phường, đặc khu",
    )


def test_only_a_sender_in_capitals_before_dien_opens_the_addressees() -> None:
    # "điện" in a sentence ("... cấp điện: ...") is electricity, not a dispatch's sending line.
    lines = ["Khôi phục cấp điện:", "- Sở Công Thương;"]
    assert read_addressees(lines, len(lines)) == ()


def test_a_dispatch_gives_each_head_s_body_its_demand_with_the_hour_s_day_as_due() -> None:
    rows = assignment_rows(extract(DISPATCH).plan)
    assert ("1", "Sở Nông nghiệp và Môi trường", "lead", "2025-11-03") in rows
    assert ("1", "Bộ Chỉ huy Quân sự tỉnh", "participant", "2025-11-03") in rows
    assert ("2", "Ủy ban nhân dân các xã, phường, đặc khu", "lead", "") in rows


def test_the_prime_minister_as_issuer_keeps_the_capital_of_chinh_phu() -> None:
    assert proper_case("THỦ TƯỚNG CHÍNH PHỦ") == "Thủ tướng Chính phủ"


def test_decrees_circulars_laws_and_dispatches_are_cited_with_their_kinds() -> None:
    text = (
        "Căn cứ Nghị định số 123/2024/NĐ-CP ngày 01/10/2024 của Chính phủ; Thông tư số 01/2025/TT-BNV; "
        "Luật số 64/2025/QH15; Công điện số 12/CĐ-TTg ngày 03/02/2025 của Thủ tướng Chính phủ."
    )
    kinds = {c.reference.number: c.reference.kind for c in find_citations(text)}
    assert kinds == {
        "123/2024/NĐ-CP": DocumentKind.decree,
        "01/2025/TT-BNV": DocumentKind.circular,
        "64/2025/QH15": DocumentKind.law,
        "12/CĐ-TTg": DocumentKind.dispatch,
    }


def test_a_number_s_code_gives_the_kind_when_no_word_does() -> None:
    text = "theo văn bản 18/2023/NĐ-CP, 05/2015/TTLT-BTP-BNV và 44/CĐ-UBND"
    assert [c.reference.kind for c in find_citations(text)] == [
        DocumentKind.decree,
        DocumentKind.circular,
        DocumentKind.dispatch,
    ]


def test_a_law_cited_by_its_name_before_its_number_is_a_law() -> None:
    text = "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15; Nghị quyết số 43/2022/QH15"
    kinds = [c.reference.kind for c in find_citations(text)]
    assert kinds == [DocumentKind.law, DocumentKind.resolution]


def test_a_decree_joined_to_the_first_document_is_carried_out_too() -> None:
    sentence = (
        "Thực hiện Nghị quyết số 05/NQ-CP ngày 10/01/2025 của Chính phủ và Nghị định số 20/2025/NĐ-CP "
        "ngày 12/02/2025 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch"
    )
    assert carried_out(sentence) == ["05/NQ-CP", "20/2025/NĐ-CP"]


def test_a_head_word_alone_in_a_shared_list_is_one_of_its_bodies() -> None:
    found = read_units("các Bộ: Quốc phòng, Công an, Xây dựng, Y tế", persons=True)
    assert found is not None
    assert found.names == ["Bộ Quốc phòng", "Bộ Công an", "Bộ Xây dựng", "Bộ Y tế"]
    before_a_verb = read_units("các Bộ: Quốc phòng, Công an chỉ đạo lực lượng", persons=True)
    assert before_a_verb is not None and before_a_verb.names == ["Bộ Quốc phòng", "Bộ Công an"]


def test_a_head_word_with_a_place_after_it_still_opens_a_body_of_its_own() -> None:
    found = read_units("các Bộ: Y tế, Công an tỉnh", persons=True)
    assert found is not None and found.names == ["Bộ Y tế", "Công an tỉnh"]


DECISION = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 210/QĐ-UBND
Quảng Ngãi, ngày 05 tháng 3 năm 2025
QUYẾT ĐỊNH
Về việc giao nhiệm vụ sửa chữa trường học
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
QUYẾT ĐỊNH:
Điều 1. Giao Sở Giáo dục và Đào tạo chủ trì sửa chữa phòng học, hoàn thành trước ngày 30/6/2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở: Giáo dục và Đào tạo, Tài chính, Xây dựng; Chủ \
tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
CHỦ TỊCH
Lê Văn C
"""


def test_the_closing_article_of_a_decision_names_who_executes_it_and_gives_no_task_of_its_own() -> None:
    # A choice (gold marks these optional): the work is in the articles (or the plan issued) before it;
    # an undated "thi hành" for every body named would only repeat it in each unit's feed.
    rows = assignment_rows(extract(DECISION).plan)
    assert rows == [("Điều 1", "Sở Giáo dục và Đào tạo", "lead", "2025-06-29")]


GOVERNMENT_DISPATCH = """THỦ TƯỚNG CHÍNH PHỦ
Số: 40/CĐ-TTg
Hà Nội, ngày 10 tháng 7 năm 2025
CÔNG ĐIỆN
Về việc ứng phó với mưa lớn ở các tỉnh ven biển
THỦ TƯỚNG CHÍNH PHỦ điện:
- Bộ trưởng các Bộ: Quốc phòng, Công an, Y tế;
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Ninh, Hải Phòng.
Thủ tướng Chính phủ yêu cầu:
1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên khẩn trương sơ tán người dân ở vùng trũng, hoàn \
thành trước 18 giờ ngày 11 tháng 7 năm 2025.
2. Các Bộ nêu trên bố trí lực lượng sẵn sàng hỗ trợ địa phương.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Trần Văn D
"""


def test_a_ministers_list_and_a_chairmen_list_of_two_levels_are_the_bodies_wired_to() -> None:
    assert extract(GOVERNMENT_DISPATCH).document.addressees == (
        "Bộ Quốc phòng",
        "Bộ Công an",
        "Bộ Y tế",
        "Ủy ban nhân dân Quảng Ninh",  # which is a tỉnh and which a thành phố the list does not say
        "Ủy ban nhân dân Hải Phòng",
    )


def test_the_bodies_named_above_stand_for_the_addressees_of_that_body() -> None:
    plan = extract(GOVERNMENT_DISPATCH).plan
    members = {unit.name: unit.members for unit in plan.units if unit.group}
    committees = "Ủy ban nhân dân các tỉnh, thành phố nêu trên"
    assert members == {
        committees: ("Ủy ban nhân dân Quảng Ninh", "Ủy ban nhân dân Hải Phòng"),
        "Các Bộ nêu trên": ("Bộ Quốc phòng", "Bộ Công an", "Bộ Y tế"),
    }
    assert ("1", committees, "lead", "2025-07-11") in assignment_rows(plan)


def test_a_chairman_of_the_committees_of_places_listed_stands_for_each_committee() -> None:
    found = read_units("Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Ninh, Thái Bình", persons=True)
    assert found is not None
    assert found.names == ["Ủy ban nhân dân tỉnh Quảng Ninh", "Ủy ban nhân dân tỉnh Thái Bình"]


def test_levels_and_a_colon_before_a_task_keep_the_group_whole() -> None:
    found = read_units("Ủy ban nhân dân các huyện, thị xã, thành phố: chỉ đạo cấp xã rà soát", persons=True)
    assert found is not None and found.names == ["Ủy ban nhân dân các huyện, thị xã, thành phố"]
