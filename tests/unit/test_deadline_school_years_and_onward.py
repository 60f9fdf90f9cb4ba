"""School years ("Năm học 2025-2026"), years with no end ("Năm 2025 và các năm tiếp theo"), the solar new
year as a deadline ("xong trước Tết Dương lịch") and a month that lost its accent ("thang 12/2025")."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.deadlines import find_deadline, parse_deadline
from models.deadlines import DeadlineKind
from models.planfile import dump_plan, parse_plan
from tests.factories import make_plan

ISSUED = date(2025, 9, 15)
K = DeadlineKind


@pytest.mark.parametrize(
    "phrase", ["Năm học 2025-2026", "năm học 2025 - 2026", "Thời gian: trong năm học 2025–2026"]
)
def test_a_school_year_runs_from_the_first_of_september_to_the_end_of_may(phrase: str) -> None:
    deadline = find_deadline(phrase, year=2025, issued=ISSUED)
    assert deadline is not None
    assert (deadline.kind, deadline.start, deadline.due) == (K.year, date(2025, 9, 1), date(2026, 5, 31))


@pytest.mark.parametrize("phrase", ["Thời gian: học kỳ I năm học 2025-2026", "năm học 2025-2027"])
def test_a_term_or_a_school_year_of_two_years_is_not_read_as_a_school_year(phrase: str) -> None:
    deadline = find_deadline(phrase, year=2025, issued=ISSUED)
    assert deadline is None or deadline.due != date(2026, 5, 31)


def test_a_stage_of_years_still_runs_over_whole_years() -> None:
    deadline = find_deadline("năm 2025-2026", year=2025, issued=ISSUED)
    assert deadline is not None
    assert (deadline.start, deadline.due) == (date(2025, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    "phrase",
    ["Năm 2025 và các năm tiếp theo", "từ năm 2025 và những năm tiếp theo", "Từ năm 2025 trở đi",
     "Thời gian: năm 2025, và các năm sau"],
)
def test_a_year_and_the_years_after_it_is_ongoing_from_that_year(phrase: str) -> None:
    deadline = find_deadline(phrase, year=2025, issued=ISSUED)
    assert deadline is not None
    assert (deadline.kind, deadline.start, deadline.due) == (K.ongoing, date(2025, 1, 1), None)
    assert deadline.text.lower().endswith(("theo", "đi", "sau"))


def test_a_title_ending_in_a_year_and_the_years_after_it_is_no_deadline() -> None:
    title = "Kế hoạch phát triển du lịch năm 2025 và các năm tiếp theo"
    assert find_deadline(title, year=2025, issued=ISSUED) is None


def test_an_ongoing_deadline_from_a_year_round_trips_through_the_plan_file() -> None:
    deadline = parse_deadline("Năm 2025 và các năm tiếp theo", year=2025)
    assert (deadline.kind, deadline.start) == (K.ongoing, date(2025, 1, 1))
    plan = make_plan(deadline=deadline)
    assert parse_plan(dump_plan(plan), "again.yaml") == plan


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Xong trước Tết Dương lịch", date(2025, 12, 31)),
        ("Hoàn thành trước Tết Dương lịch 2027", date(2026, 12, 31)),
        ("trước Tết dương lịch năm 2026", date(2025, 12, 31)),
    ],
)
def test_completing_before_the_solar_new_year_is_due_on_the_31st_of_december(phrase: str, due: date) -> None:
    deadline = find_deadline(phrase, year=2025, issued=ISSUED)
    assert deadline is not None
    assert (deadline.kind, deadline.due, deadline.text) == (K.before_date, due, phrase)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [("Hoàn thành trong thang 12/2025", date(2025, 12, 31)), ("thang 02 năm 2026", date(2026, 2, 28))],
)
def test_a_month_that_lost_its_accent_is_read_with_its_year(phrase: str, due: date) -> None:
    deadline = find_deadline(phrase, year=2025, issued=ISSUED)
    assert deadline is not None
    assert (deadline.kind, deadline.due, deadline.text) == (K.month, due, phrase)


def test_a_month_that_lost_its_accent_without_a_year_may_be_a_scale() -> None:
    assert find_deadline("Hoàn thành chấm điểm theo thang 10", year=2025, issued=ISSUED) is None
