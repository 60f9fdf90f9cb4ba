"""Deadlines told by the lunar new year ("trước Tết Nguyên đán"), short dates after a preposition that
only a date follows ("trước 30/9"), and a season that names what a task is about ("dịch mùa hè")."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.deadlines import find_deadline
from models.deadlines import DeadlineKind
from models.workdays import lunar_new_year


def test_the_lunar_new_year_comes_from_the_holiday_calendar() -> None:
    assert lunar_new_year(2025) == date(2025, 1, 29)
    assert lunar_new_year(2026) == date(2026, 2, 17)


@pytest.mark.parametrize(
    ("phrase", "issued", "due"),
    [
        ("Hoàn thành trước Tết Nguyên đán Ất Tỵ năm 2025", date(2024, 11, 5), date(2025, 1, 28)),
        ("tặng quà trước Tết Nguyên đán", date(2024, 11, 5), date(2025, 1, 28)),
        # Issued after this year's Tết: the next one.
        ("tặng quà trước Tết Nguyên đán", date(2025, 3, 5), date(2026, 2, 16)),
        ("trước Tết cổ truyền 2026", date(2025, 3, 5), date(2026, 2, 16)),
    ],
)
def test_before_tet_is_the_day_before_the_lunar_new_year(phrase: str, issued: date, due: date) -> None:
    deadline = find_deadline(phrase, year=issued.year, issued=issued)
    assert deadline is not None
    assert (deadline.kind, deadline.due) == (DeadlineKind.before_date, due)


@pytest.mark.parametrize(
    "phrase",
    ["tổ chức thăm hỏi trong dịp Tết Nguyên đán", "nghỉ trước Tết Dương lịch", "vui Tết Trung thu"],
)
def test_tet_as_an_occasion_or_another_festival_is_no_deadline(phrase: str) -> None:
    assert find_deadline(phrase, year=2025, issued=date(2025, 3, 5)) is None


@pytest.mark.parametrize(
    ("phrase", "kind", "due"),
    [
        ("gửi báo cáo về Sở Nội vụ trước 30/9", DeadlineKind.before_date, date(2025, 9, 29)),
        ("chậm nhất 15/10", DeadlineKind.on_date, date(2025, 10, 15)),
        ("hạn chót 5/12", DeadlineKind.on_date, date(2025, 12, 5)),
    ],
)
def test_a_short_date_after_a_dating_preposition_is_a_day(phrase: str, kind: DeadlineKind, due: date) -> None:
    deadline = find_deadline(phrase, year=2025, issued=date(2025, 3, 5))
    assert deadline is not None
    assert (deadline.kind, deadline.due) == (kind, due)


@pytest.mark.parametrize("phrase", ["không quá 1/3 số thành viên", "đạt 2/3 số xã", "đến 30/9 đơn vị"])
def test_a_short_fraction_without_a_dating_preposition_is_no_deadline(phrase: str) -> None:
    assert find_deadline(phrase, year=2025, issued=date(2025, 3, 5)) is None


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Chủ trì phòng, chống dịch bệnh mùa hè.", None),
        ("xây dựng kế hoạch phòng, chống dịch mùa hè, hoàn thành trước ngày 30/4/2025", date(2025, 4, 29)),
        ("Thời gian: mùa hè", date(2025, 8, 31)),
        ("Tổ chức các hoạt động trong mùa hè", date(2025, 8, 31)),
    ],
)
def test_a_season_named_after_a_noun_is_what_the_task_is_about(phrase: str, due: date | None) -> None:
    deadline = find_deadline(phrase, year=2025, issued=date(2025, 3, 5))
    assert (deadline.due if deadline else None) == due
