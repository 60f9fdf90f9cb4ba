"""Windows of several months or quarters, as task tables write them: "Tháng 10-12/2025", "Quý II-III/2025"."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.deadlines import find_deadline
from models.deadlines import DeadlineKind

ISSUED = date(2025, 3, 5)


@pytest.mark.parametrize(
    ("phrase", "kind", "start", "due"),
    [
        ("Tháng 10-12/2025", DeadlineKind.month, date(2025, 10, 1), date(2025, 12, 31)),
        ("trong tháng 10 - 12 năm 2025", DeadlineKind.month, date(2025, 10, 1), date(2025, 12, 31)),
        ("tháng 8/2025 - tháng 9/2025", DeadlineKind.month, date(2025, 8, 1), date(2025, 9, 30)),
        ("tháng 3-4", DeadlineKind.month, date(2025, 3, 1), date(2025, 4, 30)),
        ("Quý II-III/2025", DeadlineKind.quarter, date(2025, 4, 1), date(2025, 9, 30)),
        ("Quý III, IV/2026", DeadlineKind.quarter, date(2026, 7, 1), date(2026, 12, 31)),
        ("trong quý III và quý IV năm 2025", DeadlineKind.quarter, date(2025, 7, 1), date(2025, 12, 31)),
        ("Quý I, II và III/2026", DeadlineKind.quarter, date(2026, 1, 1), date(2026, 9, 30)),
    ],
)
def test_a_range_of_months_or_quarters_is_one_window_from_the_first_start_to_the_last_end(
    phrase: str, kind: DeadlineKind, start: date, due: date
) -> None:
    deadline = find_deadline(phrase, year=2025, issued=ISSUED)
    assert deadline is not None
    assert (deadline.kind, deadline.start, deadline.due, deadline.text) == (kind, start, due, phrase)


def test_an_arabic_number_after_a_quarter_is_not_a_second_quarter() -> None:
    deadline = find_deadline("hoàn thành trong quý I, 2 đơn vị báo cáo", year=2025, issued=ISSUED)
    assert deadline is not None
    assert (deadline.start, deadline.due) == (date(2025, 1, 1), date(2025, 3, 31))


def test_a_month_with_its_year_after_a_dash_stays_one_month() -> None:
    deadline = find_deadline("tháng 5 - 2025", year=2024, issued=ISSUED)
    assert deadline is not None
    window = (deadline.kind, deadline.start, deadline.due)
    assert window == (DeadlineKind.month, date(2025, 5, 1), date(2025, 5, 31))


def test_a_frequency_is_not_read_as_a_range_of_months() -> None:
    deadline = find_deadline("Định kỳ 3 tháng 1 lần báo cáo", year=2025, issued=ISSUED)
    assert deadline is not None and deadline.kind is DeadlineKind.recurring
