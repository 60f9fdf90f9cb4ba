"""A clause after a semicolon that opens in lower case with units of its own: "X làm A; các Y làm B"."""

from __future__ import annotations

from extraction.clauses import sentences
from extraction.extract import extract
from models.plan import Plan
from tests.factories import PLAN_HEAD, assignment_rows


def _plan(item: str) -> Plan:
    return extract(PLAN_HEAD + "II. TỔ CHỨC THỰC HIỆN\n1. " + item + "\n").plan


def test_units_in_lower_case_that_act_after_a_semicolon_open_a_sentence() -> None:
    text = "Sở A chủ trì xây dựng kế hoạch; các sở, ngành liên quan phối hợp thực hiện."
    assert [piece for _, piece in sentences(text)] == [
        "Sở A chủ trì xây dựng kế hoạch;",
        "các sở, ngành liên quan phối hợp thực hiện.",
    ]


def test_units_after_a_semicolon_get_their_own_task_and_its_deadline() -> None:
    plan = _plan(
        "Ban Tuyên giáo Huyện ủy chủ trì tổ chức hội nghị; các chi bộ, đảng bộ cơ sở hoàn thành việc "
        "quán triệt trước ngày 30/4/2025."
    )
    assert assignment_rows(plan) == [
        ("II.1", "Ban Tuyên giáo Huyện ủy", "lead", ""),
        ("II.1", "Các chi bộ, đảng bộ cơ sở", "lead", "2025-04-29"),
    ]


def test_units_in_lower_case_that_only_join_take_part_in_the_task_before() -> None:
    plan = _plan("Sở Y tế chủ trì xây dựng kế hoạch; các sở, ngành liên quan phối hợp thực hiện.")
    assert assignment_rows(plan) == [
        ("II.1", "Sở Y tế", "lead", ""),
        ("II.1", "Các sở, ngành liên quan", "participant", ""),
    ]
    assert len(plan.tasks) == 1


def test_a_verb_or_a_connective_after_a_semicolon_names_no_new_unit() -> None:
    for rest in ("đồng thời tổ chức kiểm tra", "tổ chức kiểm tra", "báo cáo kết quả"):
        plan = _plan(f"Sở Y tế chủ trì xây dựng kế hoạch; {rest} trước ngày 30/6/2025.")
        assert assignment_rows(plan) == [("II.1", "Sở Y tế", "lead", "2025-06-29")], rest


def test_units_after_a_semicolon_that_only_belong_to_the_words_before_open_no_sentence() -> None:
    for text in (
        "Tuyên truyền đến cán bộ, đảng viên; các đơn vị trong tỉnh hưởng ứng phong trào.",
        "Nhân rộng mô hình tại các xã; các sở, ngành có mô hình tiêu biểu.",
        "Giao Sở A; các sở, ngành phối hợp thực hiện.",
    ):
        assert len(sentences(text)) == 1, text
