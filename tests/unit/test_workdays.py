from datetime import date

from models.deadlines import effective_due
from models.workdays import add_working_days, is_working_day, working_days_between


def test_a_due_date_on_a_saturday_moves_to_monday() -> None:
    assert effective_due(date(2024, 4, 6)) == date(2024, 4, 8)


def test_a_due_date_in_tet_moves_past_the_whole_holiday() -> None:
    # Tết Giáp Thìn: 8–14 February 2024, then a weekday.
    assert effective_due(date(2024, 2, 10)) == date(2024, 2, 15)


def test_a_day_off_in_lieu_is_not_a_working_day() -> None:
    assert not is_working_day(date(2023, 1, 2))  # New Year fell on a Sunday
    assert effective_due(date(2023, 1, 1)) == date(2023, 1, 3)


def test_a_saturday_swapped_into_a_working_day_counts() -> None:
    assert is_working_day(date(2024, 5, 4))


def test_a_working_day_due_date_stays() -> None:
    assert effective_due(date(2024, 4, 9)) == date(2024, 4, 9)


def test_working_days_skip_weekends_and_tet() -> None:
    assert add_working_days(date(2024, 2, 7), 1) == date(2024, 2, 15)
    assert add_working_days(date(2024, 4, 5), 10) == date(2024, 4, 22)  # 18/4 is Giỗ Tổ
    assert add_working_days(date(2024, 4, 22), -10) == date(2024, 4, 5)
    assert working_days_between(date(2024, 4, 5), date(2024, 4, 22)) == 10
