"""The shortcuts of the stages around the grammar (OCR repair, metadata, sections, the Plan) read what the
plain code read: each helper against the rule it stands for."""

from __future__ import annotations

import re

from extraction import ocr, sections
from extraction.document import _place_date_in
from extraction.extract import build_plan
from extraction.issuer import _with_place
from extraction.ocr_names import fold_word, folded_words
from extraction.references import find_citations
from extraction.signature import read_contact
from extraction.table_columns import column_kind
from extraction.tasks import FoundTask
from models.documents import Document, DocumentKind
from models.plan import Role, SourceSpan, _key


def test_each_word_of_a_text_is_folded_as_the_cached_fold_folds_it() -> None:
    words = {"Chỉ", "huy", "ĐẠO", "Quân", "sự", "đồng"}
    assert folded_words(words) == {word: fold_word(word) for word in words}
    assert folded_words(words)["ĐẠO"] == "dao"


def test_bare_places_are_the_places_of_bare_words_in_order_and_none_when_the_line_has_none() -> None:
    bare = frozenset({"chu", "tri", "Ban"})
    assert ocr._bare_places(["Ban", "Chỉ", "huy", "chu", "tri", "chu"], bare) == [0, 3, 4, 5]
    assert ocr._bare_places(["chủ", "trì"], bare) == []


def test_a_bare_word_of_a_lexicon_phrase_triggers_a_look_at_its_place_in_the_phrase() -> None:
    triggers = ocr._triggers(frozenset({"tri", "xyzzy"}), ocr._lexicon_accents(), {})
    assert "xyzzy" not in triggers  # no phrase accents it: never worth a look
    places = {(offset, capital) for offset, starts, capital in triggers["tri"] if ("chu", "tri") in starts}
    assert places == {(1, False)}  # "chủ trì": "trì" is its second word, any case


def test_a_citation_late_in_a_long_text_has_its_date_and_issuer_read_where_its_number_ends() -> None:
    cited = "Thực hiện Kế hoạch số 92-KH/HU, ngày 12/01/2023 của Ban Thường vụ Huyện ủy về việc"
    text = "Mở đầu. " * 500 + cited
    (citation,) = find_citations(text)
    assert citation.reference.number == "92-KH/HU"
    assert str(citation.reference.date) == "2023-01-12"
    assert citation.reference.issuer == "Ban Thường vụ Huyện ủy"
    assert text[citation.end :].startswith(" về việc")


def test_a_date_further_on_is_not_the_date_of_a_citation() -> None:
    (citation,) = find_citations("Kế hoạch số 92-KH/HU triển khai\nngày 12/01/2023 của Ban")
    assert citation.reference.date is None and citation.reference.issuer is None


def test_the_contact_is_read_in_any_case_and_not_read_without_its_words() -> None:
    line = "Giao ĐỒNG CHÍ Nguyễn Văn An, Chánh Văn phòng, SĐT: 0912 345 678 theo dõi."
    contact = read_contact([line])
    assert contact is not None and contact.name == "Nguyễn Văn An" and contact.phone == "0912345678"
    assert read_contact(["Giao Nguyễn Văn An, Chánh Văn phòng, SĐT: 0912 345 678 theo dõi."]) is None


def test_a_place_and_date_is_found_only_on_a_line_with_its_day() -> None:
    found = _place_date_in("Quảng Nam, ngày 05 tháng 3 năm 2025")
    assert found is not None and found["place"] == "Quảng Nam"
    assert _place_date_in("Quảng Nam, tháng 3 năm 2025") is None


def test_a_committee_takes_the_place_named_after_its_level_as_a_word_not_inside_one() -> None:
    lines = ["chuyện Khác Lạ", "chuyện Khác Lạ", "Các xã của huyện Tân Phú"]
    assert _with_place("Ban Thường vụ Huyện ủy", lines) == "Ban Thường vụ Huyện ủy Tân Phú"


def test_a_line_that_opens_with_a_marker_opens_a_paragraph_even_in_lower_case() -> None:
    lines = ["I. NHIỆM VỤ", "1. Tổ chức tuyên truyền", "a) tổ chức hội nghị", "tiếp theo dòng trên"]
    outline = sections.parse_outline(lines)
    assert [(p.kind, p.marker, p.text) for p in outline.paragraphs] == [
        ("roman", "I", "NHIỆM VỤ"),
        ("decimal", "1", "Tổ chức tuyên truyền"),
        ("letter", "a", "tổ chức hội nghị tiếp theo dòng trên"),
    ]


def test_an_assignment_key_is_the_same_for_a_role_and_its_name() -> None:
    assert _key("I-1", "abc", Role.lead) == _key("I-1", "abc", "lead") == "I-1~abc~lead"


def test_a_built_task_keeps_its_lines_as_a_source_span() -> None:
    document = Document(kind=DocumentKind.plan, issuer="UBND huyện")
    found = FoundTask(section="I", text="Tổ chức hội nghị", first_line=3, last_line=4, leads=["Phòng Nội vụ"])
    plan = build_plan(document, [found], "0" * 64)
    assert plan.tasks[0].span == SourceSpan(first_line=3, last_line=4)
    assert re.fullmatch(r"I-1~\w{10}~lead", plan.assignments[0].key)


def test_the_first_characters_of_a_table_header_are_those_that_lower_case_to_its_initials() -> None:
    from extraction.text_tables import _HEADER_FIRSTS, _HEADER_INITIALS

    lowered = {chr(code) for code in range(0x110000) if chr(code).lower()[:1] in _HEADER_INITIALS}
    assert lowered == _HEADER_FIRSTS


def test_a_column_is_named_by_a_word_at_the_start_of_its_header_or_after_another_word() -> None:
    assert column_kind("TT") == "number"
    assert column_kind("Đơn vị  chủ trì") == "lead"
    assert column_kind("Thời gian hoàn thành") == "deadline"
    assert column_kind("Nội dung công việc") == "task"
    assert column_kind("Ghi chép") is None  # "ghi chú" is not "ghi chép"
    assert column_kind("chủ trìx") == "lead"  # a word's start names it, as before (no end is asked for)
