import subprocess
import sys
from datetime import date
from pathlib import Path

import holidays

from models.deadlines import effective_due
from models.workdays import _calendar, add_working_days, is_working_day, working_days_between

ROOT = Path(__file__).resolve().parents[2]


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


def test_the_calendar_is_the_holidays_package_calendar_of_vietnam() -> None:
    for year in range(2000, 2061):
        package = holidays.country_holidays("VN", years=[year - 1, year, year + 1], language="vi")
        assert dict(_calendar(year)) == dict(package)
        assert _calendar(year).weekend_workdays == package.weekend_workdays


def test_a_working_day_is_known_without_loading_the_holidays_package_module_of_every_country() -> None:
    # That import costs a process half the instructions of extracting the five seed plans.
    probe = (
        "import sys; from datetime import date; from models.workdays import is_working_day, lunar_new_year; "
        "print(is_working_day(date(2024, 2, 10)), lunar_new_year(2025), 'holidays.countries' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["False", "2025-01-29", "False"]
