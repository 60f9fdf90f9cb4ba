"""Weekly deadlines on a named weekday ("thứ Sáu hằng tuần"), two months of each year six months apart
("tháng 6 và tháng 12 hằng năm": each half-year's), the text of a phrase cued by a verb after its subject,
and times of day before a date ("trước 17 giờ 00 ngày 20/5/2024")."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.deadlines import find_deadline
from models.deadlines import Deadline, DeadlineKind, Frequency, Recurrence, occurrences

ISSUED = date(2024, 1, 10)  # a Wednesday
K = DeadlineKind


def _find(phrase: str) -> Deadline:
    deadline = find_deadline(phrase, year=2024, issued=ISSUED)
    assert deadline is not None, phrase
    return deadline


@pytest.mark.parametrize(
    ("phrase", "text", "weekday", "before", "first"),
    [
        ("Báo cáo thứ Sáu hằng tuần", "thứ Sáu hằng tuần", 5, False, date(2024, 1, 12)),
        ("gửi trước 16 giờ thứ Năm hằng tuần về Sở", "trước 16 giờ thứ Năm hằng tuần", 4, False,
         date(2024, 1, 11)),
        ("Báo cáo định kỳ hằng tuần (chiều thứ Sáu)", "định kỳ hằng tuần (chiều thứ Sáu)", 5, False,
         date(2024, 1, 12)),
        ("báo cáo hằng tuần, vào thứ Hai", "hằng tuần, vào thứ Hai", 1, False, date(2024, 1, 15)),
        ("vào sáng thứ 2 hằng tuần", "vào sáng thứ 2 hằng tuần", 1, False, date(2024, 1, 15)),
        ("trước thứ Năm hằng tuần", "trước thứ Năm hằng tuần", 4, True, date(2024, 1, 10)),
        ("Chủ nhật hằng tuần", "Chủ nhật hằng tuần", 7, False, date(2024, 1, 14)),
    ],
)
def test_a_weekly_deadline_on_a_named_weekday_is_due_on_that_day_of_each_week(
    phrase: str, text: str, weekday: int, before: bool, first: date
) -> None:
    deadline = _find(phrase)
    assert (deadline.kind, deadline.text, deadline.due) == (K.recurring, text, first)
    assert deadline.recurrence == Recurrence(frequency=Frequency.weekly, day=weekday, strictly_before=before)
    assert occurrences(deadline, first.replace(day=first.day + 14))[1:] == [
        date.fromordinal(first.toordinal() + 7), date.fromordinal(first.toordinal() + 14)
    ]


def test_a_weekly_deadline_without_a_weekday_stays_due_on_friday() -> None:
    deadline = _find("báo cáo hằng tuần")
    assert (deadline.due, deadline.recurrence) == (date(2024, 1, 12), Recurrence(frequency=Frequency.weekly))


def test_a_week_has_no_eighth_day() -> None:
    with pytest.raises(ValueError, match="no day 8"):
        Recurrence(frequency=Frequency.weekly, day=8)


@pytest.mark.parametrize(
    ("phrase", "month", "first"),
    [
        ("tháng 6 và tháng 12 hằng năm", 6, date(2024, 6, 30)),
        ("quý II và quý IV hằng năm", 6, date(2024, 6, 30)),
        ("tháng 6, tháng 12 hằng năm", 6, date(2024, 6, 30)),
        ("quý I và quý III hằng năm", 3, date(2024, 3, 31)),
    ],
)
def test_two_months_of_each_year_six_months_apart_recur_each_half_year(
    phrase: str, month: int, first: date
) -> None:
    deadline = _find(phrase)
    assert (deadline.kind, deadline.text, deadline.due) == (K.recurring, phrase, first)
    assert deadline.recurrence == Recurrence(frequency=Frequency.half_yearly, month=month)


def test_two_months_not_six_apart_recur_yearly_in_both() -> None:
    deadline = _find("tháng 3 và tháng 12 hằng năm")
    assert deadline.text == "tháng 3 và tháng 12 hằng năm"
    assert deadline.recurrence == Recurrence(frequency=Frequency.yearly, month=3, also_months=(12,))


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("3. Phòng Văn hóa - Xã hội phối hợp với Công an xã hoàn thành số hóa hồ sơ hộ tịch chậm nhất "
         "ngày 31/10/2025.", "chậm nhất ngày 31/10/2025"),
        ("Hoàn thành việc xây dựng kế hoạch trong quý I năm 2025", "Hoàn thành việc xây dựng kế hoạch trong "
         "quý I năm 2025"),
        ("Sở Tư pháp hoàn thành trước ngày 30/4/2025", "hoàn thành trước ngày 30/4/2025"),
    ],
)
def test_a_verb_after_its_subject_cues_the_phrase_but_its_object_is_no_part_of_it(
    phrase: str, text: str
) -> None:
    assert _find(phrase).text == text


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("trước 17 giờ 00 ngày 20/5/2024", date(2024, 5, 20)),
        ("trước 10h ngày 15/3/2024", date(2024, 3, 15)),
        ("trước 16h00, ngày 25/4/2024", date(2024, 4, 25)),
    ],
)
def test_a_time_of_day_before_a_date_leaves_that_date_the_deadline(phrase: str, due: date) -> None:
    deadline = _find(phrase)
    assert (deadline.kind, deadline.due) == (K.on_date, due)
