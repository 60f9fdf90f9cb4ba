"""Matching report documents to assignments: written reports in the style of real ones, and the rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.documents import DocumentKind, Reference
from models.plan import Plan
from models.planfile import parse_plan
from models.units import UnitRegistry
from reports.document import ReportDocument
from reports.matching import Candidate, MatchResult, match_report, number_key
from reports.reading import read_report
from services.plans import read_units_file
from tests.conftest import EXAMPLES

DATA = Path(__file__).resolve().parents[1] / "data" / "reports"


@pytest.fixture(scope="module")
def registry() -> UnitRegistry:
    return UnitRegistry(read_units_file(EXAMPLES / "units.yaml"))


@pytest.fixture(scope="module")
def candidates(registry: UnitRegistry) -> list[Candidate]:
    """The demo plans and the test city plan 52-KH/TU, as matching sees them (no database)."""
    paths = [*sorted((EXAMPLES / "plans").glob("*.yaml")), DATA / "52-KH-TU-2026.yaml"]
    plans = [parse_plan(path.read_text(), str(path), registry=registry) for path in paths]
    return [candidate for plan in plans for candidate in _candidates(plan, start=1000 * plans.index(plan))]


def _candidates(plan: Plan, start: int) -> list[Candidate]:
    return [
        Candidate(
            assignment_id=start + n,
            plan_key=plan.key,
            plan_number=plan.document.number,
            plan_issued=plan.document.issued,
            unit=a.unit,
            role=a.role.value,
            section=plan.task(a.task).section,
            task=plan.task(a.task).title,
        )
        for n, a in enumerate(plan.assignments)
    ]


def _chosen(result: MatchResult, candidates: list[Candidate]) -> set[tuple[str | None, str, str]]:
    by_id = {c.assignment_id: c for c in candidates}
    return {
        (by_id[m.assignment_id].plan_number, by_id[m.assignment_id].section, by_id[m.assignment_id].unit)
        for m in result.matches
    }


def test_a_district_report_on_a_city_plan_matches_the_district_reporting_task(
    registry: UnitRegistry, candidates: list[Candidate]
) -> None:
    report = read_report(DATA / "18-BC-HU-an-lac.txt")
    assert (report.number, report.issued) == ("18-BC/HU", date(2026, 11, 25))
    assert [ref.number for ref in report.answers] == ["52-KH/TU"]  # not its own 31-KH/HU, only mentioned
    result = match_report(report, candidates, registry)
    assert result.unit == "Huyện ủy An Lạc"
    assert _chosen(result, candidates) == {("52-KH/TU", "II.1", "Huyện ủy An Lạc")}
    assert not result.questions and all(m.confidence >= 0.75 for m in result.matches)


def test_a_report_citing_two_plans_matches_one_assignment_in_each(
    registry: UnitRegistry, candidates: list[Candidate]
) -> None:
    report = read_report(DATA / "09-BC-BTGHU-hai-ke-hoach.txt")
    result = match_report(report, candidates, registry)
    assert result.unit == "Ban Tuyên giáo Huyện ủy An Lạc"
    assert _chosen(result, candidates) == {
        ("52-KH/TU", "I.3", "Ban Tuyên giáo Huyện ủy An Lạc"),
        ("12-KH/HU", "II.4", "Ban Tuyên giáo Huyện ủy An Lạc"),
    }
    assert not result.questions


def test_a_report_with_no_plan_number_goes_to_review_with_the_likely_task_first(
    registry: UnitRegistry, candidates: list[Candidate]
) -> None:
    report = read_report(DATA / "05-BC-VPHU-khong-so-ke-hoach.txt")
    result = match_report(report, candidates, registry)
    assert result.unit == "Văn phòng Huyện ủy An Lạc" and not result.matches
    (question,) = result.questions
    assert "cites no plan" in question.reason
    first = next(c for c in candidates if c.assignment_id == question.suggestions[0].assignment_id)
    assert (first.plan_number, first.section) == ("12-KH/HU", "II.1")


def test_a_member_answering_for_a_group_assignment_goes_to_review(
    registry: UnitRegistry, candidates: list[Candidate]
) -> None:
    result = match_report(read_report(DATA / "21-BC-QU-dong-hai.txt"), candidates, registry)
    assert result.unit == "Quận ủy Đông Hải" and not result.matches
    (question,) = result.questions
    assert "group assignment" in question.reason and question.plan_number == "45-KH/TU"
    first = next(c for c in candidates if c.assignment_id == question.suggestions[0].assignment_id)
    assert first.section == "II.1.2"  # "xây dựng kế hoạch": what the report is about


def _report(**fields: object) -> ReportDocument:
    base: dict[str, object] = {
        "source": "test",
        "number": "3-BC/QU",
        "issued": date(2026, 5, 4),
        "header": ("QUẬN ỦY ĐÔNG HẢI",),
        "kind": DocumentKind.report,
        "answers": (Reference(number="52-KH/TU", date=date(2026, 3, 2)),),
    }
    base.update(fields)
    return ReportDocument.model_validate(base)


def test_an_issuer_missing_from_the_registry_goes_to_review(
    registry: UnitRegistry, candidates: list[Candidate]
) -> None:
    result = match_report(
        _report(header=("HUYỆN ỦY BÌNH MINH",), issuer="Huyện ủy Bình Minh"), candidates, registry
    )
    assert result.unit is None and not result.matches
    assert "not in the unit registry" in result.questions[0].reason


def test_wording_picks_the_task_a_report_is_about_when_it_is_clear(
    registry: UnitRegistry, candidates: list[Candidate]
) -> None:
    # Not a report kind: Đông Hải's tasks in 52-KH/TU are told apart by their wording alone.
    text = "Kết quả thí điểm số hóa hồ sơ đảng viên tại các chi bộ trực thuộc quận"
    result = match_report(_report(kind=DocumentKind.letter, text=text), candidates, registry)
    assert _chosen(result, candidates) == {("52-KH/TU", "I.2", "Quận ủy Đông Hải")}


def test_wording_that_does_not_tell_tasks_apart_is_a_question(
    registry: UnitRegistry, candidates: list[Candidate]
) -> None:
    result = match_report(
        _report(kind=DocumentKind.letter, text="Tình hình chung của quận"), candidates, registry
    )
    assert not result.matches
    assert "does not tell them apart" in result.questions[0].reason
    assert len(result.questions[0].suggestions) == 3


def test_a_cited_plan_of_another_year_is_not_this_plan(
    registry: UnitRegistry, candidates: list[Candidate]
) -> None:
    answers = (Reference(number="52-KH/TU", date=date(2025, 3, 2)),)
    result = match_report(_report(answers=answers), candidates, registry)
    assert not result.matches and "no stored plan" in result.questions[0].reason


def test_plan_numbers_compare_across_the_ways_separators_are_typed() -> None:
    assert number_key("45-KH/TU") == number_key("45 - KH/TU") == number_key("45/KH-TU")
    assert number_key("45-KH/TU") != number_key("46-KH/TU")
