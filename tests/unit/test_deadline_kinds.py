"""Every deadline kind of DOMAIN.md's table, with the windows and due dates it names."""

from datetime import date

import pytest

from models.deadlines import (
    Deadline,
    DeadlineKind,
    Frequency,
    Recurrence,
    half_year_window,
    month_window,
    occurrences,
    quarter_window,
    working_days_due,
    year_window,
)

K = DeadlineKind


@pytest.mark.parametrize(
    ("text", "kind", "start", "due", "in_force"),
    [
        ("trước ngày 10/4/2024", K.before_date, None, date(2024, 4, 9), date(2024, 4, 9)),
        ("chậm nhất ngày 10/4/2024", K.on_date, None, date(2024, 4, 10), date(2024, 4, 10)),
        ("Tháng 01/2024", K.month, *month_window(2024, 1), date(2024, 1, 31)),
        ("Dự kiến tháng 9/2024", K.month, *month_window(2024, 9), date(2024, 9, 30)),
        ("trong quý I năm 2023", K.quarter, *quarter_window(2023, 1), date(2023, 3, 31)),
        ("6 tháng đầu năm 2024", K.half_year, *half_year_window(2024, 1), date(2024, 7, 1)),
        ("trong năm 2025", K.year, *year_window(2025), date(2025, 12, 31)),
        ("cuối năm 2023", K.year_end, date(2023, 12, 1), date(2023, 12, 31), date(2024, 1, 2)),
        ("đợt sinh hoạt chính trị hè", K.season, date(2023, 6, 1), date(2023, 8, 31), date(2023, 8, 31)),
        ("trước năm 2030", K.before_year, None, date(2029, 12, 31), date(2029, 12, 31)),
        # 31/12/2028 is a Sunday and 1/1 a holiday.
        ("đến năm 2028", K.by_year, None, date(2028, 12, 31), date(2029, 1, 2)),
        (
            "trong 10 ngày làm việc kể từ 05/4/2024",
            K.working_days,
            date(2024, 4, 5),
            working_days_due(date(2024, 4, 5), 10),
            date(2024, 4, 22),
        ),
    ],
)
def test_each_kind_keeps_its_written_due_and_the_day_in_force(
    text: str, kind: DeadlineKind, start: date | None, due: date, in_force: date
) -> None:
    deadline = Deadline(text=text, kind=kind, start=start, due=due, tentative=text.startswith("Dự kiến"))
    assert (deadline.due, deadline.effective_due) == (due, in_force)
    assert Deadline.model_validate(deadline.model_dump(mode="json")) == deadline


def test_an_ongoing_deadline_has_no_due_date() -> None:
    assert Deadline(text="Thường xuyên", kind=K.ongoing).effective_due is None
    with pytest.raises(ValueError, match="no due date"):
        Deadline(text="Thường xuyên", kind=K.ongoing, due=date(2024, 1, 1))


def test_a_dated_kind_without_a_due_date_is_refused() -> None:
    with pytest.raises(ValueError, match="needs a due date"):
        Deadline(text="Tháng 01/2024", kind=K.month)


def test_a_window_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="starts"):
        Deadline(text="x", kind=K.month, start=date(2024, 2, 1), due=date(2024, 1, 31))


def test_a_monthly_report_before_the_20th_recurs_on_the_19th() -> None:
    deadline = Deadline(
        text="trước ngày 20 hằng tháng",
        kind=K.recurring,
        start=date(2024, 1, 1),
        due=date(2024, 1, 19),
        recurrence=Recurrence(frequency=Frequency.monthly, day=20, strictly_before=True),
    )
    assert occurrences(deadline, date(2024, 3, 31)) == [
        date(2024, 1, 19),
        date(2024, 2, 19),
        date(2024, 3, 19),
    ]


def test_a_half_yearly_report_recurs_at_the_end_of_each_half() -> None:
    deadline = Deadline(
        text="định kỳ 6 tháng",
        kind=K.recurring,
        start=date(2024, 1, 1),
        due=date(2024, 6, 30),
        recurrence=Recurrence(frequency=Frequency.half_yearly),
    )
    assert occurrences(deadline, date(2025, 6, 30)) == [
        date(2024, 6, 30),
        date(2024, 12, 31),
        date(2025, 6, 30),
    ]


def test_a_yearly_deadline_recurs_on_the_last_day_of_each_year() -> None:
    deadline = Deadline(
        text="hằng năm",
        kind=K.recurring,
        start=date(2024, 1, 1),
        due=date(2024, 12, 31),
        recurrence=Recurrence(frequency=Frequency.yearly),
    )
    assert occurrences(deadline, date(2026, 12, 31)) == [
        date(2024, 12, 31),
        date(2025, 12, 31),
        date(2026, 12, 31),
    ]


def test_quarters_and_halves_out_of_range_are_refused() -> None:
    with pytest.raises(ValueError):
        quarter_window(2024, 5)
    with pytest.raises(ValueError):
        half_year_window(2024, 3)
