"""The Vietnamese deadline grammar: each phrase form read to its kind, window and due date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from extraction.deadlines import find_deadline, find_deadlines, parse_deadline
from extraction.normalize import normalize_line
from extraction.readers import read_document
from models.deadlines import DeadlineKind, Frequency
from models.errors import DeadlineParseError

K = DeadlineKind
D = date
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

# phrase, kind, start, due — read with the plan's year 2024.
PHRASES = [
    # exact dates in every spelling
    ("ngày 31 tháng 01 năm 2023", K.on_date, None, D(2023, 1, 31)),
    ("31/3/2023", K.on_date, None, D(2023, 3, 31)),
    ("31-3-2023", K.on_date, None, D(2023, 3, 31)),
    ("31.3.2023", K.on_date, None, D(2023, 3, 31)),
    ("14 giờ, ngày 05/12/2017", K.on_date, None, D(2017, 12, 5)),
    ("ngày 10/4", K.on_date, None, D(2024, 4, 10)),
    ("ngày 10 tháng 4", K.on_date, None, D(2024, 4, 10)),
    ("trước ngày 10/4/2024", K.before_date, None, D(2024, 4, 9)),
    ("Hoàn thành trước ngày 31/3/2023", K.before_date, None, D(2023, 3, 30)),
    ("trước 17 giờ ngày 20/3/2024", K.on_date, None, D(2024, 3, 20)),
    ("chậm nhất ngày 10/4/2024", K.on_date, None, D(2024, 4, 10)),
    ("trước hoặc trong ngày 10/4/2024", K.on_date, None, D(2024, 4, 10)),
    ("đến ngày 10/4/2024", K.on_date, None, D(2024, 4, 10)),
    ("hạn chót: ngày 10/4/2024", K.on_date, None, D(2024, 4, 10)),
    ("từ ngày 10/4 đến ngày 20/5/2024", K.on_date, D(2024, 4, 10), D(2024, 5, 20)),
    # months
    ("Tháng 01/2024", K.month, D(2024, 1, 1), D(2024, 1, 31)),
    ("Thời gian hoàn thành: Tháng 01/2024", K.month, D(2024, 1, 1), D(2024, 1, 31)),
    ("trong tháng 1/2024", K.month, D(2024, 1, 1), D(2024, 1, 31)),
    ("tháng 9 năm 2024", K.month, D(2024, 9, 1), D(2024, 9, 30)),
    ("tháng 2", K.month, D(2024, 2, 1), D(2024, 2, 29)),
    ("từ tháng 3 đến tháng 5/2024", K.month, D(2024, 3, 1), D(2024, 5, 31)),
    ("trước tháng 6/2024", K.before_date, None, D(2024, 5, 31)),
    ("cuối tháng 6", K.on_date, None, D(2024, 6, 30)),
    # quarters, Roman or Arabic
    ("Quý IV/2026", K.quarter, D(2026, 10, 1), D(2026, 12, 31)),
    ("quý 2 năm 2020", K.quarter, D(2020, 4, 1), D(2020, 6, 30)),
    ("trong quý I năm 2023", K.quarter, D(2023, 1, 1), D(2023, 3, 31)),
    ("Hoàn thành việc xây dựng kế hoạch trong quý I năm 2023", K.quarter, D(2023, 1, 1), D(2023, 3, 31)),
    ("quý III", K.quarter, D(2024, 7, 1), D(2024, 9, 30)),
    ("trước quý III/2024", K.before_date, None, D(2024, 6, 30)),
    # half-years
    ("6 tháng đầu năm 2024", K.half_year, D(2024, 1, 1), D(2024, 6, 30)),
    ("6 tháng cuối năm", K.half_year, D(2024, 7, 1), D(2024, 12, 31)),
    ("nửa đầu năm", K.half_year, D(2024, 1, 1), D(2024, 6, 30)),
    # years and their ends
    ("trong năm 2025", K.year, D(2025, 1, 1), D(2025, 12, 31)),
    ("năm 2025", K.year, D(2025, 1, 1), D(2025, 12, 31)),
    ("hoàn thành năm 2025", K.year, D(2025, 1, 1), D(2025, 12, 31)),
    ("2026–2027", K.year, D(2026, 1, 1), D(2027, 12, 31)),
    ("giai đoạn 2026-2030", K.year, D(2026, 1, 1), D(2030, 12, 31)),
    ("cuối năm 2023", K.year_end, D(2023, 12, 1), D(2023, 12, 31)),
    ("vào dịp cuối năm 2023", K.year_end, D(2023, 12, 1), D(2023, 12, 31)),
    ("dịp cuối năm", K.year_end, D(2024, 12, 1), D(2024, 12, 31)),
    ("trước năm 2030", K.before_year, None, D(2029, 12, 31)),
    ("chậm nhất năm 2026", K.by_year, None, D(2026, 12, 31)),
    ("đến năm 2028", K.by_year, None, D(2028, 12, 31)),
    ("đến hết năm 2025", K.by_year, None, D(2025, 12, 31)),
    # seasons
    ("Hoàn thành vào đợt sinh hoạt chính trị hè", K.season, D(2024, 6, 1), D(2024, 8, 31)),
    ("dịp hè năm 2025", K.season, D(2025, 6, 1), D(2025, 8, 31)),
]


@pytest.mark.parametrize(("phrase", "kind", "start", "due"), PHRASES, ids=[row[0] for row in PHRASES])
def test_phrase_reads_as_its_kind_window_and_due(phrase: str, kind: DeadlineKind, start: date | None,
                                                 due: date) -> None:
    deadline = parse_deadline(phrase, year=2024)
    assert (deadline.kind, deadline.start, deadline.due) == (kind, start, due)
    assert deadline.text == normalize_line(phrase)
    assert not deadline.tentative


# Low-confidence readings: the words are vague, the reading is kept but marked.
VAGUE = [
    ("đầu năm", K.quarter, D(2024, 1, 1), D(2024, 3, 31)),
    ("đầu quý II", K.month, D(2024, 4, 1), D(2024, 4, 30)),
    ("đợt sinh hoạt chính trị hè", K.season, D(2024, 6, 1), D(2024, 8, 31)),
    ("trong 10 ngày làm việc", K.working_days, None, None),
]


@pytest.mark.parametrize(("phrase", "kind", "start", "due"), VAGUE, ids=[row[0] for row in VAGUE])
def test_vague_phrase_is_read_with_low_confidence(phrase: str, kind: DeadlineKind, start: date | None,
                                                  due: date | None) -> None:
    deadline = parse_deadline(phrase, year=2024)
    assert (deadline.kind, deadline.start, deadline.due) == (kind, start, due)
    assert deadline.confidence <= 0.6


@pytest.mark.parametrize(("phrase", "due"), [
    ("Dự kiến tháng 9/2024", D(2024, 9, 30)),
    ("Dự kiến quý III/2024", D(2024, 9, 30)),
    ("Quý III/2024 (dự kiến)", D(2024, 9, 30)),
    ("Thời gian dự kiến: tháng 12/2024", D(2024, 12, 31)),
])
def test_du_kien_marks_the_deadline_tentative(phrase: str, due: date) -> None:
    deadline = parse_deadline(phrase, year=2024)
    assert deadline.tentative
    assert deadline.due == due


@pytest.mark.parametrize(("phrase", "frequency", "day", "strictly_before", "due"), [
    ("định kỳ 6 tháng", Frequency.half_yearly, None, False, D(2024, 6, 30)),
    ("hằng tháng", Frequency.monthly, None, False, D(2024, 1, 31)),
    ("trước ngày 20 hằng tháng", Frequency.monthly, 20, True, D(2024, 1, 19)),
    ("hằng quý", Frequency.quarterly, None, False, D(2024, 3, 31)),
    ("hằng năm", Frequency.yearly, None, False, D(2024, 12, 31)),
    ("định kỳ hằng năm", Frequency.yearly, None, False, D(2024, 12, 31)),
])
def test_recurring_phrase_has_its_rule_and_first_due(phrase: str, frequency: Frequency, day: int | None,
                                                     strictly_before: bool, due: date) -> None:
    deadline = parse_deadline(phrase, year=2024)
    assert deadline.kind is K.recurring
    assert deadline.recurrence is not None
    assert (deadline.recurrence.frequency, deadline.recurrence.day) == (frequency, day)
    assert deadline.recurrence.strictly_before is strictly_before
    assert deadline.due == due


def test_recurring_deadline_runs_from_the_issue_date() -> None:
    deadline = parse_deadline("trước ngày 20 hằng tháng", year=2024, issued=D(2024, 3, 25))
    assert deadline.start == D(2024, 3, 25)
    assert deadline.due == D(2024, 4, 19)


def test_working_days_are_counted_from_a_written_start() -> None:
    deadline = parse_deadline("trong 10 ngày làm việc kể từ ngày 05/3/2024", year=2024)
    assert deadline.kind is K.working_days
    assert (deadline.start, deadline.due, deadline.working_days) == (D(2024, 3, 5), D(2024, 3, 19), 10)


def test_working_days_from_signing_count_from_the_issue_date() -> None:
    deadline = parse_deadline("trong 05 ngày làm việc kể từ ngày ký", year=2024, issued=D(2024, 3, 1))
    # Signed on a Friday: the weekend does not count, days 1-5 are 4-8 March.
    assert (deadline.start, deadline.due) == (D(2024, 3, 1), D(2024, 3, 8))


def test_working_days_skip_public_holidays() -> None:
    deadline = parse_deadline("trong 3 ngày làm việc kể từ ngày 28/8/2024", year=2024)
    # 31/8 and 1/9 are a weekend, 2/9 and 3/9 the National Day holiday: days 1-3 are 29, 30 Aug, 4 Sep.
    assert deadline.due == D(2024, 9, 4)


def test_working_days_without_a_start_keep_the_count_and_no_due() -> None:
    deadline = parse_deadline("trong 10 ngày làm việc kể từ ngày nhận được văn bản", year=2024)
    assert (deadline.kind, deadline.due, deadline.working_days) == (K.working_days, None, 10)
    assert deadline.confidence < 1


@pytest.mark.parametrize("phrase", ["Thường xuyên", "thường xuyên", "Thường xuyên, liên tục"])
def test_thuong_xuyen_is_ongoing_with_no_due(phrase: str) -> None:
    deadline = parse_deadline(phrase, year=2024)
    assert (deadline.kind, deadline.due) == (K.ongoing, None)


def test_phrase_without_a_year_takes_the_issue_year_when_no_plan_year_is_given() -> None:
    assert parse_deadline("trong quý III", year=None, issued=D(2023, 5, 2)).due == D(2023, 9, 30)


def test_phrase_with_its_own_year_ignores_the_context_year() -> None:
    assert parse_deadline("Tháng 01/2024", year=2030).due == D(2024, 1, 31)


def test_day_before_the_issue_date_without_a_year_means_next_year() -> None:
    deadline = parse_deadline("trước ngày 15/01", year=None, issued=D(2023, 12, 28))
    assert deadline.due == D(2024, 1, 14)


@pytest.mark.parametrize(("phrase", "problem"), [
    ("31/2/2024", "31/2/2024 is not a date"),
    ("trước ngày 31/2/2024", "31/2/2024 is not a date"),
    ("tháng 13/2024", "no month 13"),
    ("lorem ipsum", "no date, month, quarter"),
    ("Quý V/2024", "no date, month, quarter"),
])
def test_unreadable_phrase_raises_with_the_phrase_and_the_problem(phrase: str, problem: str) -> None:
    with pytest.raises(DeadlineParseError) as raised:
        parse_deadline(phrase, year=2024)
    assert phrase in str(raised.value)
    assert problem in str(raised.value)


def test_phrase_without_any_year_raises_asking_for_one() -> None:
    with pytest.raises(DeadlineParseError, match="year"):
        parse_deadline("tháng 9", year=None)


# A text, and the deadline phrase find_deadline returns from it (None: there is none).
FOUND = [
    ("Thời gian: Hoàn thành trước ngày 31/3/2023.", "Hoàn thành trước ngày 31/3/2023"),
    ("2.3. Thời gian thực hiện: trước ngày 19/5/2024.", "Thời gian thực hiện: trước ngày 19/5/2024"),
    ("3.1.3. Thời gian thực hiện: Dự kiến tháng 9/2024.", "Dự kiến tháng 9/2024"),
    ("Xây dựng báo cáo gửi Ban Thường vụ (qua Ban Tuyên giáo) trước ngày 10/4/2024.", "trước ngày 10/4/2024"),
    ("Khẩn trương khởi công xây dựng, chậm nhất năm 2026, một số công trình", "chậm nhất năm 2026"),
    ("Cải cách hành chính; trong năm 2025, phải có đột phá về chuyển đổi số.", "trong năm 2025"),
    ("với mục tiêu đến năm 2028 việc xử lý công việc thực hiện trên môi trường mạng.", "đến năm 2028"),
    ("đăng ký thực hiện, cuối năm báo cáo kết quả với chi bộ.", "cuối năm"),
    ("| Xây dựng đề án | Sở Xây dựng | Quý IV/2026 |", "Quý IV/2026"),
    ("Thời hạn: Quý IV/2026", "Quý IV/2026"),
    ("Thời gian: thường xuyên.", "thường xuyên"),
    ("dự kiến tổ chức vào tháng 9/2024 tại Hội trường", "dự kiến tổ chức vào tháng 9/2024"),
    # a cued phrase wins over a bare one in the same text
    ("Báo cáo ngày 05/3/2024 về tiến độ. Thời gian thực hiện: Quý II/2024.",
     "Thời gian thực hiện: Quý II/2024"),
    ("báo cáo UBND tỉnh trước ngày 15/4/2024. Thời gian hoàn thành: tháng 6/2024",
     "Thời gian hoàn thành: tháng 6/2024"),
    # dates of documents, anniversaries, titles and history are no deadlines
    ("Thực hiện Kế hoạch số 96-KH/TU, ngày 30/11/2021 của Ban Thường vụ Thành ủy", None),
    ("Kế hoạch số 215-KH/Tày 11/01/2023 của Ban Thường vụ", None),
    ("Nghị quyết số 35/2021/QH15 ngày 13/11/2021 của Quốc hội", None),
    ("Hải Phòng, ngày 28 tháng 12 năm 2023", None),
    ("Số: 48343\nNgày: 28/12/2023", None),
    ("kỷ niệm 133 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2023)", None),
    ("kỷ niệm 65 năm Ngày truyền thống ngành Thủy sản (01/4/2024)", None),
    ("tổ chức học tập và quán triệt Chuyên đề năm 2024 bằng các hình thức phù hợp", None),
    ("phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045", None),
    ("Quy hoạch chung thành phố đến năm 2040, tầm nhìn đến năm 2050", None),
    ("Ngày 19/7, Thành ủy Hải Phòng sơ kết giữa nhiệm kỳ", None),
    ("Cuối năm 2023 đến nay, thành phố đã thu hút nhiều dự án", None),
    ("tuyên truyền kỷ niệm các ngày lễ lớn trong năm 2023; các phong trào thi đua", None),
    ("Ban Tuyên giáo thường xuyên kiểm tra, đôn đốc.", None),
    ("bố trí kinh phí thực hiện hằng năm của các đơn vị", None),
    ("sửa chữa vỉa hè, lòng đường", None),
    ("Có 5/20 chỉ tiêu đạt; kết nạp 3.900 - 4.000 đảng viên", None),
    ("ngày 31/2/2024", None),
]


@pytest.mark.parametrize(("text", "phrase"), FOUND, ids=[row[0][:60] for row in FOUND])
def test_find_deadline_returns_the_stated_phrase_or_nothing(text: str, phrase: str | None) -> None:
    found = find_deadline(text, year=2024)
    assert (found.text if found else None) == phrase


def test_found_phrase_is_exactly_the_text_at_its_span() -> None:
    text = "Các sở báo cáo trước ngày 15/4/2024; Thời gian thực hiện: Quý II/2024."
    for match in find_deadlines(text, year=2024):
        assert text[match.start:match.end] == match.deadline.text


def _gold_deadlines() -> list[tuple[str, int | None, date | None, dict[str, object]]]:
    gold = SHARED / "gold" / "seeds.yaml"
    if not gold.is_file():
        return []
    rows = []
    for document in yaml.safe_load(gold.read_text(encoding="utf-8"))["documents"]:
        issued = document.get("issued") or document.get("published")
        for assignment in document["assignments"]:
            if assignment.get("deadline"):
                rows.append((document["file"], document.get("plan_year"), issued, assignment["deadline"]))
    return rows


GOLD = _gold_deadlines()


@pytest.mark.skipif(not GOLD, reason="../shared/gold/seeds.yaml is not beside the repository")
@pytest.mark.parametrize(("file", "year", "issued", "expected"), GOLD,
                         ids=[f"{row[0][:3]}:{row[3]['text']}" for row in GOLD])
def test_seed_deadline_is_found_as_the_gold_file_writes_it(file: str, year: int | None, issued: date | None,
                                                           expected: dict[str, object]) -> None:
    text = read_document(SHARED / "seeds" / file).text
    found = {m.deadline.text: m.deadline for m in find_deadlines(text, year=year, issued=issued)}
    deadline = found.get(str(expected["text"]))
    assert deadline is not None, f"{expected['text']!r} not among {sorted(found)}"
    assert deadline.kind.value == expected["kind"]
    assert deadline.start == expected.get("start")
    assert deadline.due == expected["due"]
    assert deadline.tentative is bool(expected.get("tentative", False))
