"""Deadline phrases of school plans and of periods written in shorter ways: terms ("Học kỳ II năm học
2025 - 2026"), the ends and starts of school years, a batch's number before its month ("Đợt 1: tháng
4/2024"), lists of months, weeks of a quarter, periods counted from the document's date ("trong tháng
này") and text typed without accents."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.deadlines import find_deadline
from models.deadlines import DeadlineKind

K = DeadlineKind
ISSUED = date(2024, 1, 10)


def _read(phrase: str, *, year: int | None = 2024, issued: date | None = ISSUED) -> tuple[object, ...] | None:
    deadline = find_deadline(phrase, year=year, issued=issued)
    return None if deadline is None else (deadline.kind, deadline.start, deadline.due)


@pytest.mark.parametrize(
    ("phrase", "reading"),
    [
        ("Học kỳ II năm học 2025 - 2026", (K.half_year, date(2026, 1, 16), date(2026, 5, 31))),
        ("học kỳ I năm học 2024-2025", (K.half_year, date(2024, 9, 1), date(2025, 1, 15))),
        ("học kỳ 1 (năm học 2024-2025)", (K.half_year, date(2024, 9, 1), date(2025, 1, 15))),
        ("Hoàn thành trong học kì 2, năm học 2023 - 2024",
         (K.half_year, date(2024, 1, 16), date(2024, 5, 31))),
    ],
)
def test_a_term_of_a_written_school_year_runs_to_mid_january_or_to_the_end_of_may(phrase, reading) -> None:
    assert _read(phrase) == reading


@pytest.mark.parametrize(
    ("phrase", "reading"),
    [
        ("cuối năm học 2024-2025", (K.on_date, None, date(2025, 5, 31))),
        ("Hoàn thành trước học kỳ II năm học 2024-2025", (K.before_date, None, date(2025, 1, 15))),
        ("đầu năm học 2024-2025", (K.month, date(2024, 9, 1), date(2024, 9, 30))),
    ],
)
def test_the_end_start_or_eve_of_a_school_period_reads_as_a_months_would(phrase, reading) -> None:
    assert _read(phrase) == reading


@pytest.mark.parametrize(
    ("phrase", "issued", "due"),
    [
        ("hết học kỳ 2", date(2024, 1, 10), date(2024, 5, 31)),
        ("cuối học kỳ I", date(2024, 1, 10), date(2024, 1, 15)),
        ("cuối học kỳ I", date(2024, 8, 20), date(2025, 1, 15)),
        ("hết năm học", date(2024, 1, 10), date(2024, 5, 31)),
        ("hết năm học", date(2024, 6, 15), date(2025, 5, 31)),
    ],
)
def test_a_school_period_without_its_years_is_the_first_not_over_at_the_issue(phrase, issued, due) -> None:
    deadline = find_deadline(phrase, year=issued.year, issued=issued)
    assert deadline is not None
    assert deadline.due == due
    assert deadline.confidence < 0.8


@pytest.mark.parametrize(
    "phrase",
    [
        "Các hoạt động trong năm học được tổ chức tốt",
        "Tổng kết năm học 2023-2024",
        "Kết quả học kỳ I năm học 2024-2025 được báo cáo",
        "Tổ chức dạy học trong học kỳ II cho học sinh",
    ],
)
def test_a_school_period_naming_what_happens_rather_than_when_it_is_due_is_no_deadline(phrase) -> None:
    assert find_deadline(phrase, year=2024, issued=ISSUED) is None


def test_a_school_period_without_its_years_is_not_read_without_an_issue_date() -> None:
    assert find_deadline("hết học kỳ 2", year=2024, issued=None) is None


@pytest.mark.parametrize(
    "phrase",
    ["Đợt 1: tháng 4/2024", "Đợt 1 tháng 4/2024", "- Đợt 1: tháng 4/2024", "Lần 1: tháng 4/2024",
     "Giai đoạn 1: tháng 4/2024", "Đợt cuối (tháng 4/2024)", "Tập huấn lần 2: tháng 4/2024."],
)
def test_a_batchs_number_before_a_month_leaves_the_month_its_deadline(phrase) -> None:
    assert _read(phrase) == (K.month, date(2024, 4, 1), date(2024, 4, 30))


def test_the_first_of_several_batches_is_the_deadline_found_first() -> None:
    reading = _read("Đợt 1: tháng 4/2024; đợt 2: tháng 10/2024")
    assert reading == (K.month, date(2024, 4, 1), date(2024, 4, 30))


@pytest.mark.parametrize(
    "phrase", ["Đợt 1 tháng 4/2024 đã tổ chức cho 200 học viên", "Tổ chức lần 1 tháng 4/2024 cho cán bộ"]
)
def test_a_batch_told_of_in_a_sentence_running_on_is_no_deadline(phrase) -> None:
    assert _read(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("tháng 9, 10/2024", date(2024, 9, 1), date(2024, 10, 31)),
        ("tháng 9 và tháng 10 năm 2024", date(2024, 9, 1), date(2024, 10, 31)),
        ("Hoàn thành trong tháng 3, 6, 9/2024", date(2024, 3, 1), date(2024, 9, 30)),
        ("Thời gian: tháng 12/2024, 01/2025", date(2024, 12, 1), date(2025, 1, 31)),
    ],
)
def test_a_list_of_months_runs_from_the_first_to_the_end_of_the_last(phrase, start, due) -> None:
    assert _read(phrase) == (K.month, start, due)


@pytest.mark.parametrize(
    "phrase",
    ["Tổng hợp số liệu tháng 9 và tháng 10 năm 2024 của các đơn vị"],
)
def test_a_list_of_months_that_a_task_is_about_is_no_deadline(phrase) -> None:
    assert _read(phrase) is None


def test_a_month_then_a_count_of_units_is_no_list_of_months() -> None:
    assert _read("trong tháng 9, 10 đơn vị hoàn thành") == (K.month, date(2024, 9, 1), date(2024, 9, 30))


@pytest.mark.parametrize(
    ("phrase", "start", "due", "month"),
    [
        ("Quý I năm 2024 và các năm tiếp theo", date(2024, 1, 1), date(2024, 3, 31), 3),
        ("Thời gian: trong quý I năm 2025 và các năm tiếp theo", date(2025, 1, 1), date(2025, 3, 31), 3),
        ("tháng 12 năm 2024 và những năm sau", date(2024, 1, 1), date(2024, 12, 31), 12),
    ],
)
def test_a_quarter_or_month_of_a_year_and_the_years_after_recurs_yearly_from_it(phrase, start, due, month):
    deadline = find_deadline(phrase, year=2024, issued=ISSUED)
    assert deadline is not None and deadline.recurrence is not None
    assert (deadline.kind, deadline.start, deadline.due) == (K.recurring, start, due)
    assert (deadline.recurrence.frequency.value, deadline.recurrence.month) == ("yearly", month)


@pytest.mark.parametrize(
    "phrase",
    ["trước ngày 15/6 và trước ngày 15/12 hằng năm", "trước ngày 15/6 và 15/12 hằng năm",
     "Báo cáo trước ngày 15/6 và trước ngày 15/12 hàng năm"],
)
def test_two_days_of_the_year_with_or_without_their_own_preposition_recur_each_half_year(phrase) -> None:
    deadline = find_deadline(phrase, year=2024, issued=ISSUED)
    assert deadline is not None and deadline.recurrence is not None
    assert (deadline.kind, deadline.due) == (K.recurring, date(2024, 6, 14))
    assert (deadline.recurrence.frequency.value, deadline.recurrence.day) == ("half_yearly", 15)
    assert deadline.recurrence.strictly_before


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("tuần đầu quý IV", date(2024, 10, 1), date(2024, 10, 7)),
        ("trong tuần cuối quý II/2024", date(2024, 6, 24), date(2024, 6, 30)),
        ("trong tuần đầu tiên của tháng 5", date(2024, 5, 1), date(2024, 5, 7)),
        ("vào tuần lễ đầu tiên của tháng 5/2024", date(2024, 5, 1), date(2024, 5, 7)),
    ],
)
def test_a_week_of_a_quarter_or_the_first_week_of_a_month_is_counted_from_its_first_day(phrase, start, due):
    assert _read(phrase) == (K.month, start, due)


def test_a_quarter_has_no_ten_day_thirds() -> None:
    assert _read("trung tuần quý IV") is None


@pytest.mark.parametrize(
    ("phrase", "reading"),
    [
        ("Hoàn thành trong tháng này", (K.month, date(2024, 1, 1), date(2024, 1, 31))),
        ("trong quý này", (K.quarter, date(2024, 1, 1), date(2024, 3, 31))),
        ("Hoàn thành chậm nhất trong tuần này", (K.month, date(2024, 1, 8), date(2024, 1, 12))),
        ("chậm nhất cuối tháng này", (K.on_date, None, date(2024, 1, 31))),
    ],
)
def test_this_month_quarter_or_week_is_the_one_holding_the_documents_date(phrase, reading) -> None:
    deadline = find_deadline(phrase, year=2024, issued=ISSUED)
    assert deadline is not None
    assert (deadline.kind, deadline.start, deadline.due) == reading
    assert deadline.confidence < 0.8


@pytest.mark.parametrize(
    "phrase", ["Trong tháng này, đơn vị đã tổ chức 3 hội nghị", "cuối tuần này"]
)
def test_this_month_told_of_as_news_or_a_weekend_is_no_deadline(phrase) -> None:
    assert _read(phrase) is None


def test_this_month_is_not_read_without_the_documents_date() -> None:
    assert _read("Hoàn thành trong tháng này", issued=None) is None


@pytest.mark.parametrize(
    ("phrase", "reading"),
    [
        ("quý đầu năm", (K.quarter, date(2024, 1, 1), date(2024, 3, 31))),
        ("trong quý đầu năm 2025", (K.quarter, date(2025, 1, 1), date(2025, 3, 31))),
        ("tháng cuối năm", (K.month, date(2024, 12, 1), date(2024, 12, 31))),
        ("3 tháng đầu năm 2024", (K.quarter, date(2024, 1, 1), date(2024, 3, 31))),
        ("Hoàn thành trong 9 tháng đầu năm", (K.month, date(2024, 1, 1), date(2024, 9, 30))),
        ("6 tháng đầu năm", (K.half_year, date(2024, 1, 1), date(2024, 6, 30))),
        ("trước quý cuối năm", (K.before_date, None, date(2024, 9, 30))),
    ],
)
def test_the_first_or_last_quarter_or_months_of_the_year_are_read_from_the_plans_year(phrase, reading):
    assert _read(phrase) == reading


@pytest.mark.parametrize(
    ("phrase", "reading"),
    [
        ("truoc ngay 15/3/2024", (K.before_date, None, date(2024, 3, 14))),
        ("han chot 30/6/2024", (K.on_date, None, date(2024, 6, 30))),
        ("thang 5/2024", (K.month, date(2024, 5, 1), date(2024, 5, 31))),
        ("quy II/2024", (K.quarter, date(2024, 4, 1), date(2024, 6, 30))),
        ("Thoi gian thuc hien: Quy III/2024", (K.quarter, date(2024, 7, 1), date(2024, 9, 30))),
        ("Hoàn thành truoc ngay 15/3/2024", (K.before_date, None, date(2024, 3, 14))),
        ("trong 10 ngay lam viec ke tu ngay 1/3/2024", (K.working_days, date(2024, 3, 1), date(2024, 3, 15))),
    ],
)
def test_deadline_words_typed_without_accents_read_as_with_them(phrase, reading) -> None:
    deadline = find_deadline(phrase, year=2024, issued=ISSUED)
    assert deadline is not None
    assert (deadline.kind, deadline.start, deadline.due) == reading
    assert deadline.text in phrase  # cut from the text as written, not from its accented copy


def test_a_recurring_rule_typed_without_accents_recurs() -> None:
    deadline = find_deadline("Dinh ky hang thang, truoc ngay 25", year=2024, issued=ISSUED)
    assert deadline is not None and deadline.recurrence is not None
    assert (deadline.kind, deadline.due, deadline.recurrence.frequency.value) == (
        K.recurring, date(2024, 1, 24), "monthly")


@pytest.mark.parametrize("phrase", ["Hội nghị tại Viet Nam 2024 thành công", "Ban hành quy dinh 2/2024"])
def test_bare_words_that_are_words_of_their_own_are_not_given_a_deadlines_accents(phrase) -> None:
    assert _read(phrase) is None


def test_two_months_of_every_year_are_no_list_of_one_years_months() -> None:
    deadline = find_deadline("Tháng 6 và tháng 12 hằng năm", year=2024, issued=ISSUED)
    assert deadline is not None and deadline.kind is K.recurring


@pytest.mark.parametrize(
    ("phrase", "reading"),
    [
        ("Thời hạn: 15 ngày kể từ ngày ký", (K.on_date, date(2024, 1, 10), date(2024, 1, 25))),
        ("Thời hạn hoàn thành: 10 ngày làm việc kể từ ngày ban hành Kế hoạch",
         (K.working_days, date(2024, 1, 10), date(2024, 1, 24))),
    ],
)
def test_a_count_of_days_after_a_time_limit_label_is_counted_from_the_signing(phrase, reading) -> None:
    assert _read(phrase) == reading


@pytest.mark.parametrize(
    "phrase", ["Từ tháng 7/2024 trở đi", "Thực hiện từ tháng 7/2024 và các tháng tiếp theo"]
)
def test_from_a_month_onward_is_ongoing_from_its_first_day(phrase) -> None:
    assert _read(phrase) == (K.ongoing, date(2024, 7, 1), None)
