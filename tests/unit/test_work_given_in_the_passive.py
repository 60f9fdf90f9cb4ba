"""A unit given work in the passive: "X được giao chủ trì ...", "Các đơn vị được giao nhiệm vụ ..."."""

from __future__ import annotations

from extraction.clauses import read_clause
from extraction.extract import extract
from tests.factories import PLAN_HEAD, assignment_rows


def test_a_unit_given_the_lead_in_the_passive_leads_the_task() -> None:
    clause = read_clause("Sở Y tế được giao chủ trì, phối hợp với Sở Tài chính xây dựng đề án.", persons=True)
    assert (clause.units, clause.role, clause.participants, clause.narrative) == (
        ["Sở Y tế"], "lead", ["Sở Tài chính"], False
    )


def test_what_a_unit_given_work_has_done_is_still_told_not_assigned() -> None:
    clause = read_clause("Sở Tài chính được giao chủ trì và đã hoàn thành việc thẩm định.", persons=True)
    assert clause.narrative
    assert read_clause("Sở Tài chính được khen thưởng.", persons=True).narrative


def test_the_units_given_tasks_by_the_plan_are_given_its_closing_duty() -> None:
    plan = extract(
        PLAN_HEAD + "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Các đơn vị được giao nhiệm vụ tại Kế hoạch này có trách nhiệm triển khai thực hiện, báo cáo "
        "kết quả về Sở Nội vụ trước ngày 15/12/2025.\n"
    ).plan
    assert assignment_rows(plan) == [("II.1", "Các đơn vị", "lead", "2025-12-14")]
