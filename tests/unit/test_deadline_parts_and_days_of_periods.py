"""A day of each period said later in its clause ("báo cáo hằng tháng về Sở trước ngày 20"), weekdays and
working days counted in their period ("thứ Sáu cuối cùng của tháng"), two months of every year, parts of a
month ("nửa đầu tháng 6", "giữa tháng 7", "vào đầu tháng 8") and "ngay trong ngày"."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.deadlines import find_deadline, parse_deadline
from models.deadlines import Deadline, DeadlineKind, Frequency, Recurrence, occurrences
from models.planfile import dump_plan, parse_plan
from tests.factories import make_plan

ISSUED = date(2025, 11, 20)
K = DeadlineKind


def _find(phrase: str) -> Deadline:
    deadline = find_deadline(phrase, year=2025, issued=ISSUED)
    assert deadline is not None, phrase
    return deadline


@pytest.mark.parametrize(
    ("phrase", "frequency", "day", "before", "due", "text"),
    [
        ("Các phòng gửi báo cáo hằng tháng về Văn phòng Sở trước ngày 18.", Frequency.monthly, 18, True,
         date(2025, 12, 17), "hằng tháng về Văn phòng Sở trước ngày 18"),
        ("Báo cáo kết quả hàng tháng về Ủy ban (qua Phòng Nội vụ) chậm nhất là ngày 6.", Frequency.monthly, 6,
         False, date(2025, 12, 6), "hàng tháng về Ủy ban (qua Phòng Nội vụ) chậm nhất là ngày 6"),
        ("Tổng hợp số liệu hằng quý gửi Sở Tài chính, trước ngày 12.", Frequency.quarterly, 12, True,
         date(2025, 12, 11), "hằng quý gửi Sở Tài chính, trước ngày 12"),
        # A day ending its sentence: the full stop is no part of a date.
        ("Gửi báo cáo định kỳ hằng tháng, chậm nhất ngày 27.", Frequency.monthly, 27, False,
         date(2025, 11, 27), "định kỳ hằng tháng, chậm nhất ngày 27"),
    ],
)
def test_a_day_said_later_in_the_clause_is_the_day_of_each_period(
    phrase: str, frequency: Frequency, day: int, before: bool, due: date, text: str
) -> None:
    deadline = _find(phrase)
    rule = Recurrence(frequency=frequency, day=day, strictly_before=before)
    assert (deadline.kind, deadline.recurrence, deadline.due, deadline.text) == (K.recurring, rule, due, text)


@pytest.mark.parametrize(
    "phrase",
    [
        "Báo cáo hằng tháng về Sở; kế hoạch năm gửi trước ngày 18.",  # another clause
        "Báo cáo hằng tháng về Sở trước ngày 18/12/2025.",  # a date of its own
        "Báo cáo hằng tháng về Sở. Hội nghị tổ chức trước ngày 18.",  # another sentence
    ],
)
def test_a_day_beyond_the_clause_or_of_a_date_is_not_the_periods(phrase: str) -> None:
    deadline = find_deadline(phrase, year=2025, issued=ISSUED)
    assert deadline is None or deadline.recurrence is None or deadline.recurrence.day is None


@pytest.mark.parametrize(
    ("phrase", "frequency", "nth", "weekday", "due"),
    [
        ("Tổ chức giao ban vào thứ Sáu cuối cùng của tháng.", Frequency.monthly, -1, 5, date(2025, 11, 28)),
        ("Họp thứ Hai tuần đầu tiên của tháng.", Frequency.monthly, 1, 1, date(2025, 12, 1)),
        ("Giao ban chủ nhật cuối cùng của tháng.", Frequency.monthly, -1, 7, date(2025, 11, 30)),
        ("Sinh hoạt vào thứ 4 đầu tiên hằng tháng.", Frequency.monthly, 1, 3, date(2025, 12, 3)),
        ("Giao ban vào thứ Năm cuối tháng.", Frequency.monthly, -1, 4, date(2025, 11, 27)),
        ("Nộp báo cáo trong ngày làm việc cuối cùng của quý.", Frequency.quarterly, -1, None,
         date(2025, 12, 31)),
        ("Nộp vào ngày làm việc thứ hai của mỗi tháng.", Frequency.monthly, 2, None, date(2025, 12, 2)),
    ],
)
def test_a_weekday_or_working_day_counted_in_each_period_recurs(
    phrase: str, frequency: Frequency, nth: int, weekday: int | None, due: date
) -> None:
    deadline = _find(phrase)
    rule = Recurrence(frequency=frequency, nth=nth, weekday=weekday)
    assert (deadline.kind, deadline.recurrence, deadline.due) == (K.recurring, rule, due)


def test_the_last_working_day_of_a_month_skips_weekends_and_holidays() -> None:
    rule = Recurrence(frequency=Frequency.monthly, nth=-1)
    deadline = Deadline(text="ngày làm việc cuối cùng của tháng", kind=K.recurring, start=date(2026, 1, 1),
                        due=date(2026, 1, 30), recurrence=rule)
    # 31/1/2026 is a Saturday; 30/4 and 1/5 are holidays, so April's last working day is the 29th.
    assert occurrences(deadline, date(2026, 5, 31))[:5] == [
        date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 31), date(2026, 4, 29), date(2026, 5, 29)]


@pytest.mark.parametrize(
    ("phrase", "kind", "due"),
    [
        ("Tổ chức vào thứ Sáu cuối cùng của tháng 12/2025.", K.on_date, date(2025, 12, 26)),
        ("Khai mạc vào thứ Hai đầu tiên của tháng 3 năm 2026.", K.on_date, date(2026, 3, 2)),
        ("Nộp trước ngày làm việc cuối cùng của quý IV/2025.", K.before_date, date(2025, 12, 30)),
        ("Nộp vào ngày làm việc đầu tiên của năm 2026.", K.on_date, date(2026, 1, 2)),
    ],
)
def test_a_weekday_or_working_day_of_a_named_period_is_one_day(phrase: str, kind: K, due: date) -> None:
    deadline = _find(phrase)
    assert (deadline.kind, deadline.due, deadline.recurrence) == (kind, due, None)


@pytest.mark.parametrize(
    "phrase",
    ["Tổ chức Hội nghị lần thứ hai cuối năm 2025.", "Kỳ họp thứ ba cuối tháng 12/2025 bàn về ngân sách."],
)
def test_an_ordinal_after_its_noun_is_no_weekday(phrase: str) -> None:
    deadline = find_deadline(phrase, year=2025, issued=ISSUED)
    assert deadline is None or (deadline.kind in (K.year_end, K.on_date) and deadline.due is not None)
    assert deadline is None or deadline.due.day == 31


def test_two_months_of_every_year_recur_in_each() -> None:
    deadline = _find("Tổ chức kiểm tra vào tháng 4 và tháng 11 hằng năm.")
    assert deadline.recurrence == Recurrence(frequency=Frequency.yearly, month=4, also_months=(11,))
    assert deadline.text == "vào tháng 4 và tháng 11 hằng năm"
    assert occurrences(deadline, date(2026, 12, 31)) == [date(2025, 11, 30), date(2026, 4, 30),
                                                          date(2026, 11, 30)]


@pytest.mark.parametrize(
    "rule",
    [
        Recurrence(frequency=Frequency.yearly, month=4, also_months=(11,)),
        Recurrence(frequency=Frequency.monthly, nth=-1, weekday=5),
        Recurrence(frequency=Frequency.quarterly, nth=1),
    ],
)
def test_the_new_rules_round_trip_through_the_plan_file(rule: Recurrence) -> None:
    deadline = Deadline(text="x", kind=K.recurring, start=ISSUED, due=date(2025, 12, 31), recurrence=rule)
    plan = make_plan(deadline=deadline)
    assert parse_plan(dump_plan(plan), "again.yaml") == plan


@pytest.mark.parametrize(
    "fields",
    [
        {"frequency": Frequency.monthly, "weekday": 5},  # a weekday with no place
        {"frequency": Frequency.weekly, "nth": 1},  # no nth day of a week
        {"frequency": Frequency.monthly, "nth": 1, "day": 5},  # a day and an nth day
        {"frequency": Frequency.monthly, "also_months": (3,)},  # further months of a month
        {"frequency": Frequency.yearly, "also_months": (13,)},
    ],
)
def test_rules_that_say_two_things_or_nothing_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Recurrence.model_validate(fields)


@pytest.mark.parametrize(
    ("phrase", "start", "due", "text"),
    [
        ("Hoàn thành trong nửa đầu tháng 6/2026.", date(2026, 6, 1), date(2026, 6, 15),
         "Hoàn thành trong nửa đầu tháng 6/2026"),
        ("Triển khai trong nửa cuối tháng 2/2026.", date(2026, 2, 16), date(2026, 2, 28),
         "trong nửa cuối tháng 2/2026"),
        ("Tổ chức hội nghị vào giữa tháng 7/2026.", date(2026, 7, 11), date(2026, 7, 20),
         "vào giữa tháng 7/2026"),
        ("Tổ chức hội nghị vào đầu tháng 8/2026.", date(2026, 8, 1), date(2026, 8, 10),
         "vào đầu tháng 8/2026"),
        ("Ra quân vào đầu quý I/2026.", date(2026, 1, 1), date(2026, 1, 31), "vào đầu quý I/2026"),
        ("Hoàn thành vào giữa quý II/2026.", date(2026, 5, 1), date(2026, 5, 31),
         "Hoàn thành vào giữa quý II/2026"),
    ],
)
def test_a_part_of_a_month_is_a_window_of_its_days(phrase: str, start: date, due: date, text: str) -> None:
    deadline = _find(phrase)
    assert (deadline.kind, deadline.start, deadline.due, deadline.text) == (K.month, start, due, text)


def test_a_part_of_a_month_without_a_preposition_or_cue_tells_no_deadline() -> None:
    assert find_deadline("Số liệu giữa tháng 7/2026 cho thấy giá tăng, cần theo dõi thêm", year=2026) is None


def test_a_half_of_a_quarter_is_not_read() -> None:
    assert find_deadline("Tổ chức trong nửa đầu quý II/2026.", year=2026) is None


@pytest.mark.parametrize(
    ("phrase", "kind", "due", "count"),
    [
        ("Các xã báo cáo ngay trong ngày.", K.working_days, None, 0),
        ("Báo cáo ngay trong ngày khi có sự cố, gửi về Văn phòng.", K.working_days, None, 0),
        ("Triển khai ngay trong ngày kể từ ngày ký.", K.on_date, ISSUED, None),
    ],
)
def test_the_same_day_is_due_that_day(phrase: str, kind: K, due: date | None, count: int | None) -> None:
    deadline = _find(phrase)
    assert (deadline.kind, deadline.due, deadline.working_days) == (kind, due, count)
    assert deadline.text.startswith("ngay trong ngày")


def test_the_same_day_of_a_named_date_is_that_date() -> None:
    deadline = _find("Báo cáo ngay trong ngày 24/11/2025.")
    assert (deadline.kind, deadline.due) == (K.on_date, date(2025, 11, 24))


def test_a_count_of_working_days_from_an_unknown_day_round_trips_through_the_plan_file() -> None:
    deadline = parse_deadline("trong 05 ngày làm việc kể từ ngày nhận được văn bản", year=2025)
    assert (deadline.kind, deadline.due, deadline.working_days) == (K.working_days, None, 5)
    plan = make_plan(deadline=deadline)
    assert parse_plan(dump_plan(plan), "again.yaml") == plan
