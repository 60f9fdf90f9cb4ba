"""Weeks of a month ("tuần thứ 2 tháng 5/2025") and days that recur in a named month of their period
("trước ngày 15/01 hằng năm", "trước ngày 15 của tháng cuối quý", "trước ngày 05 tháng sau")."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.deadlines import find_deadline, find_deadlines, parse_deadline
from models.deadlines import Deadline, DeadlineKind, Frequency, Recurrence, occurrences
from models.planfile import dump_plan, parse_plan
from tests.factories import make_plan

ISSUED = date(2025, 9, 15)
K = DeadlineKind


def _find(phrase: str) -> Deadline:
    deadline = find_deadline(phrase, year=2025, issued=ISSUED)
    assert deadline is not None, phrase
    return deadline


@pytest.mark.parametrize(
    ("phrase", "start", "due", "text"),
    [
        ("Hoàn thành trong tuần thứ 2 tháng 5/2025", date(2025, 5, 8), date(2025, 5, 14),
         "Hoàn thành trong tuần thứ 2 tháng 5/2025"),
        ("Tuần đầu tháng 1/2026", date(2026, 1, 1), date(2026, 1, 7), "Tuần đầu tháng 1/2026"),
        ("tuần cuối tháng 12/2025", date(2025, 12, 25), date(2025, 12, 31), "tuần cuối tháng 12/2025"),
        ("tuần cuối cùng của tháng 2/2026", date(2026, 2, 22), date(2026, 2, 28),
         "tuần cuối cùng của tháng 2/2026"),
        ("Các đơn vị gửi báo cáo trong tuần thứ 3 của tháng 10.", date(2025, 10, 15), date(2025, 10, 21),
         "trong tuần thứ 3 của tháng 10"),
        ("tuần thứ nhất tháng 11/2025", date(2025, 11, 1), date(2025, 11, 7), "tuần thứ nhất tháng 11/2025"),
        ("vào tuần thứ tư tháng 5 năm 2025", date(2025, 5, 22), date(2025, 5, 28),
         "vào tuần thứ tư tháng 5 năm 2025"),
        ("tuần thứ 5 tháng 3/2026", date(2026, 3, 29), date(2026, 3, 31), "tuần thứ 5 tháng 3/2026"),
    ],
)
def test_a_week_of_a_month_is_its_seven_days_counted_from_the_first_and_due_on_the_last(
    phrase: str, start: date, due: date, text: str
) -> None:
    deadline = _find(phrase)
    assert (deadline.kind, deadline.start, deadline.due, deadline.text) == (K.month, start, due, text)


def test_a_fifth_week_that_a_month_does_not_have_is_no_deadline() -> None:
    assert find_deadline("tuần thứ 5 tháng 2/2026", year=2025, issued=ISSUED) is None


@pytest.mark.parametrize(
    ("phrase", "month", "day", "before", "first", "second"),
    [
        ("Trước ngày 15/01 hằng năm", 1, 15, True, date(2026, 1, 14), date(2027, 1, 14)),
        ("trước ngày 31/3 hàng năm", 3, 31, True, date(2026, 3, 30), date(2027, 3, 30)),
        ("Báo cáo ngày 20/12 hằng năm", 12, 20, False, date(2025, 12, 20), date(2026, 12, 20)),
        ("trước ngày 15 tháng 6 hằng năm", 6, 15, True, date(2026, 6, 14), date(2027, 6, 14)),
    ],
)
def test_a_day_of_a_named_month_every_year_recurs_yearly_on_that_day(
    phrase: str, month: int, day: int, before: bool, first: date, second: date
) -> None:
    deadline = _find(phrase)
    rule = Recurrence(frequency=Frequency.yearly, day=day, strictly_before=before, month=month)
    assert (deadline.kind, deadline.recurrence, deadline.due) == (K.recurring, rule, first)
    assert occurrences(deadline, second) == [first, second]


@pytest.mark.parametrize(
    ("phrase", "text", "month", "day", "before", "due"),
    [
        ("Hằng quý, trước ngày 15 của tháng cuối quý", "Hằng quý, trước ngày 15 của tháng cuối quý", 3, 15,
         True, date(2025, 12, 14)),
        ("Định kỳ hàng quý (trước ngày 20 của tháng cuối quý)",
         "Định kỳ hàng quý (trước ngày 20 của tháng cuối quý)",
         3, 20, True, date(2025, 9, 19)),
        ("báo cáo trước ngày 20 tháng cuối quý", "trước ngày 20 tháng cuối quý", 3, 20, True,
         date(2025, 9, 19)),
        ("ngày 25 của tháng cuối mỗi quý", "ngày 25 của tháng cuối mỗi quý", 3, 25, False,
         date(2025, 9, 25)),
        ("Báo cáo quý trước ngày 10 của tháng đầu quý sau", "trước ngày 10 của tháng đầu quý sau", 1, 10,
         True, date(2025, 10, 9)),
    ],
)
def test_a_day_of_a_month_of_every_quarter_recurs_quarterly_in_that_month(
    phrase: str, text: str, month: int, day: int, before: bool, due: date
) -> None:
    deadline = _find(phrase)
    rule = Recurrence(frequency=Frequency.quarterly, day=day, strictly_before=before, month=month)
    assert (deadline.kind, deadline.recurrence, deadline.due, deadline.text) == (K.recurring, rule, due, text)


def test_the_quarterly_day_of_the_first_month_recurs_in_january_april_july_and_october() -> None:
    deadline = _find("trước ngày 10 của tháng đầu quý sau")
    assert occurrences(deadline, date(2026, 7, 31)) == [
        date(2025, 10, 9), date(2026, 1, 9), date(2026, 4, 9), date(2026, 7, 9)
    ]


@pytest.mark.parametrize(
    "phrase", ["Báo cáo tháng trước ngày 05 tháng sau", "trước ngày 05 của tháng tiếp theo"]
)
def test_a_day_of_the_next_month_recurs_monthly(phrase: str) -> None:
    deadline = _find(phrase)
    rule = Recurrence(frequency=Frequency.monthly, day=5, strictly_before=True)
    assert (deadline.kind, deadline.recurrence, deadline.due) == (K.recurring, rule, date(2025, 10, 4))


@pytest.mark.parametrize(
    ("phrase", "frequency", "day", "before", "month", "due"),
    [
        ("Định kỳ hằng tháng trước ngày 25", Frequency.monthly, 25, True, None, date(2025, 9, 24)),
        ("định kỳ hằng quý, vào ngày 20", Frequency.quarterly, 20, False, None, date(2025, 9, 20)),
        ("Hằng tháng (trước ngày 25)", Frequency.monthly, 25, True, None, date(2025, 9, 24)),
        ("Định kỳ hằng năm (trước ngày 15/12)", Frequency.yearly, 15, True, 12, date(2025, 12, 14)),
        ("Hằng năm, trước ngày 15/01", Frequency.yearly, 15, True, 1, date(2026, 1, 14)),
        ("định kỳ 6 tháng, trước ngày 15/6", Frequency.half_yearly, 15, True, 6, date(2025, 12, 14)),
        ("Định kỳ hằng tháng (trước ngày 20 hằng tháng)", Frequency.monthly, 20, True, None,
         date(2025, 9, 19)),
    ],
)
def test_a_day_after_a_frequency_is_the_day_of_each_period(
    phrase: str, frequency: Frequency, day: int, before: bool, month: int | None, due: date
) -> None:
    deadline = _find(phrase)
    rule = Recurrence(frequency=frequency, day=day, strictly_before=before, month=month)
    assert (deadline.kind, deadline.recurrence, deadline.due) == (K.recurring, rule, due)
    assert deadline.text == phrase


def test_a_day_with_its_month_after_a_frequency_stays_a_date_of_its_own() -> None:
    matches = find_deadlines("định kỳ 6 tháng, trước ngày 15/6/2026", year=2025, issued=ISSUED)
    found = [(m.deadline.text, m.deadline.recurrence) for m in matches]
    assert found == [("định kỳ 6 tháng", Recurrence(frequency=Frequency.half_yearly)),
                     ("trước ngày 15/6/2026", None)]


def test_a_month_of_the_period_that_the_period_does_not_have_is_refused() -> None:
    with pytest.raises(ValueError, match="no month 4"):
        Recurrence(frequency=Frequency.quarterly, day=10, month=4)
    with pytest.raises(ValueError, match="no month 1"):
        Recurrence(frequency=Frequency.weekly, month=1)


def test_a_yearly_day_of_a_named_month_round_trips_through_the_plan_file() -> None:
    deadline = parse_deadline("Trước ngày 15/01 hằng năm", year=2025, issued=ISSUED)
    assert deadline.recurrence is not None and deadline.recurrence.month == 1
    plan = make_plan(deadline=deadline)
    assert parse_plan(dump_plan(plan), "again.yaml") == plan


@pytest.mark.parametrize(
    ("phrase", "month", "due"),
    [
        ("tháng 12 hằng năm", 12, date(2025, 12, 31)),
        ("Tổ chức vào tháng 12 hằng năm.", 12, date(2025, 12, 31)),
        ("Quý I hằng năm", 3, date(2026, 3, 31)),
    ],
)
def test_a_month_or_quarter_every_year_recurs_yearly_at_its_end(phrase: str, month: int, due: date) -> None:
    deadline = _find(phrase)
    rule = Recurrence(frequency=Frequency.yearly, month=month)
    assert (deadline.kind, deadline.recurrence, deadline.due) == (K.recurring, rule, due)
    assert phrase.startswith(deadline.text) or deadline.text in phrase


@pytest.mark.parametrize(
    ("phrase", "rule", "due"),
    [
        ("Trước ngày 15/6 và 15/12 hằng năm",
         Recurrence(frequency=Frequency.half_yearly, day=15, strictly_before=True, month=6),
         date(2025, 12, 14)),
        ("Trước ngày 30/6 và 31/12 hàng năm",
         Recurrence(frequency=Frequency.half_yearly, day=31, strictly_before=True, month=6),
         date(2025, 12, 30)),
        ("trước ngày 15/3 và 15/10 hằng năm",
         Recurrence(frequency=Frequency.yearly, day=15, strictly_before=True, month=3), date(2026, 3, 14)),
    ],
)
def test_two_days_of_every_year_six_months_apart_recur_every_half_year(
    phrase: str, rule: Recurrence, due: date
) -> None:
    deadline = _find(phrase)
    assert (deadline.kind, deadline.recurrence, deadline.due) == (K.recurring, rule, due)
    assert deadline.text == phrase


def test_the_last_days_of_june_and_december_recur_on_each_half_years_last_day() -> None:
    deadline = _find("ngày 30/6 và 31/12 hằng năm")
    halves = [date(2025, 12, 31), date(2026, 6, 30), date(2026, 12, 31)]
    assert occurrences(deadline, date(2026, 12, 31)) == halves


@pytest.mark.parametrize(
    ("phrase", "kind", "due"),
    [
        ("Báo cáo năm trước ngày 15/01 năm sau", K.before_date, date(2026, 1, 14)),
        ("gửi trước ngày 15 tháng 01 của năm sau", K.before_date, date(2026, 1, 14)),
        ("Hoàn thành trong tháng 01 năm tới", K.month, date(2026, 1, 31)),
        ("Hoàn thành trong quý I năm sau", K.quarter, date(2026, 3, 31)),
    ],
)
def test_a_day_or_month_of_next_year_is_in_the_year_after_the_plans(phrase: str, kind: K, due: date) -> None:
    deadline = _find(phrase)
    assert (deadline.kind, deadline.due) == (kind, due)
    assert deadline.text.endswith(("sau", "tới"))
