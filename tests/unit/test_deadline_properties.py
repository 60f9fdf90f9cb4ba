"""Properties of the deadline grammar over random and damaged text, and over the seed documents."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extraction.deadlines import DeadlineMatch, find_deadline, find_deadlines, find_events, parse_deadline
from extraction.normalize import normalize_document
from extraction.readers import read_document
from models.deadlines import Deadline
from models.errors import DondocError

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []

# Sentences in the shape of real plans, used when the seeds are not beside the repository and mixed
# with the seeds' own sentences when they are.
SENTENCES = [
    "Thời gian: Hoàn thành trước ngày 31/3/2023.",
    "3.1.3. Thời gian thực hiện: Dự kiến tháng 9/2024.",
    "Các cấp ủy báo cáo kết quả trước ngày 20 hằng tháng; định kỳ 6 tháng tổng hợp.",
    "Thực hiện Kế hoạch số 96-KH/TU, ngày 30/11/2021 của Ban Thường vụ Thành ủy.",
    "kỷ niệm 133 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2023)",
    "Khởi công chậm nhất năm 2026; hoàn thành trong quý IV/2025 và giai đoạn 2026-2030.",
    "trong 10 ngày làm việc kể từ ngày 05/3/2024, các đơn vị gửi báo cáo. Thời gian: thường xuyên.",
    "| Xây dựng đề án | Sở Xây dựng | Quý IV/2026 |",
    "Hoàn thành vào đợt sinh hoạt chính trị hè; vào dịp cuối năm 2023; 6 tháng đầu năm 2024.",
    "Báo cáo trước ngày 15/01 hằng năm; hằng quý (trước ngày 10 của tháng đầu quý sau); ngày 05 tháng sau.",
    "Hoàn thành trong tuần thứ 2 tháng 5/2025, năm học 2025-2026; từ năm 2026 và các năm tiếp theo.",
    "Quý I hằng năm; trước ngày 15/6 và 15/12 hằng năm; xong trước Tết Dương lịch; trong tháng 01 năm sau.",
]
# Characters a damaged text is made of: digits and separators of dates, Vietnamese letters, breaks.
DAMAGE = st.text(alphabet="0123456789/.-–:;,() \n|*IVXquýtháng năm ngàyđếntrướchoànthànhdựkiếnhằngđịnhkỳтоп",
                 max_size=12)
DATE_PHRASES = ["trước ngày {d}/{m}/{y}", "ngày {d} tháng {m} năm {y}", "hạn chót {d}-{m}-{y}"]
YEAR = st.one_of(st.none(), st.integers(min_value=1, max_value=9999))
ISSUED = st.one_of(st.none(), st.dates())


def _sentences() -> list[str]:
    found = list(SENTENCES)
    for path in SEED_FILES:
        found.extend(line for line in path.read_text(encoding="utf-8").split("\n") if len(line) > 20)
    return found


ALL_SENTENCES = _sentences()


@st.composite
def damaged_sentences(draw: st.DrawFn) -> str:
    """A plan sentence with pieces cut out, doubled or replaced, as OCR and copy-paste leave them."""
    text = draw(st.sampled_from(ALL_SENTENCES))
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        until = draw(st.integers(min_value=at, max_value=min(len(text), at + 8)))
        text = text[:at] + draw(DAMAGE) + text[until:]
    return text


def _public_calls(text: str, year: int | None, issued: date | None) -> list[DeadlineMatch]:
    matches = find_deadlines(text, year=year, issued=issued)
    find_deadline(text, year=year, issued=issued)
    find_events(text)
    with contextlib.suppress(DondocError):  # what it cannot read is a DeadlineParseError, nothing else
        parse_deadline(text, year=year, issued=issued)
    return matches


def _check(text: str, matches: list[DeadlineMatch]) -> None:
    for match in matches:
        deadline = match.deadline
        assert text[match.start:match.end] == deadline.text
        assert Deadline.model_validate(deadline.model_dump(mode="json")) == deadline
        assert deadline.start is None or deadline.due is None or deadline.start <= deadline.due
        if deadline.due is not None:
            assert deadline.effective_due is not None
            assert deadline.effective_due >= deadline.due


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), year=YEAR, issued=ISSUED)
def test_random_text_raises_nothing_but_dondoc_errors(text: str, year: int | None,
                                                      issued: date | None) -> None:
    _check(text, _public_calls(text, year, issued))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=damaged_sentences(), year=YEAR, issued=ISSUED)
def test_damaged_plan_sentences_raise_nothing_but_dondoc_errors(text: str, year: int | None,
                                                                issued: date | None) -> None:
    _check(text, _public_calls(text, year, issued))


@settings(max_examples=200, deadline=None)
@given(text=damaged_sentences(), year=st.integers(min_value=2000, max_value=2100))
def test_every_found_deadline_round_trips_through_json(text: str, year: int) -> None:
    matches = find_deadlines(normalize_document(text), year=year)
    for match in matches:
        dumped = match.deadline.model_dump(mode="json")
        assert Deadline.model_validate(dumped) == match.deadline
        assert DeadlineMatch.model_validate(match.model_dump(mode="json")) == match


@settings(max_examples=200, deadline=None)
@given(phrase=st.sampled_from(DATE_PHRASES),
       day=st.integers(min_value=1, max_value=31), month=st.integers(min_value=1, max_value=12),
       year=st.integers(min_value=1900, max_value=2299))
def test_a_date_is_read_exactly_when_it_exists(phrase: str, day: int, month: int, year: int) -> None:
    text = phrase.format(d=day, m=month, y=year)
    try:
        written = date(year, month, day)
    except ValueError:
        assert find_deadline(text, year=None) is None
        with pytest.raises(DondocError, match="is not a date"):
            parse_deadline(text)
        return
    deadline = parse_deadline(text)
    assert deadline.due in (written, date.fromordinal(written.toordinal() - 1))


@pytest.mark.parametrize(("text", "year", "issued"), [
    ("trước ngày 01/01", 1, None),
    ("trước ngày 1/1/0001", None, None),
    ("hằng tháng", None, date.max),
    ("trong 10 ngày làm việc kể từ ngày 31/12/9999", None, None),
    ("trước ngày 20 hằng tháng", 9999, None),
    ("6 tháng cuối năm", 9999, date.min),
])
def test_years_at_the_ends_of_the_calendar_are_refused_not_overflowed(text: str, year: int | None,
                                                                     issued: date | None) -> None:
    assert find_deadlines(text, year=year, issued=issued) == []
    with pytest.raises(DondocError):
        parse_deadline(text, year=year, issued=issued)


@pytest.mark.skipif(not SEED_FILES, reason="../shared/seeds is not beside the repository")
@pytest.mark.parametrize("path", SEED_FILES, ids=[path.name for path in SEED_FILES])
def test_no_anniversary_date_in_a_seed_is_returned_as_a_deadline(path: Path) -> None:
    text = read_document(path).text
    events = find_events(text)
    matches = find_deadlines(text, year=2024)
    for event in events:
        for match in matches:
            assert match.end <= event.start or event.end <= match.start, (event.text, match.deadline.text)
        event_dates = {f"{day.day}/{day.month}/{day.year}" for day in event.dates}
        assert not any(written in match.deadline.text for match in matches for written in event_dates)


@pytest.mark.skipif(not SEED_FILES, reason="../shared/seeds is not beside the repository")
def test_seed_anniversaries_are_found_as_events() -> None:
    texts = {path.name[:3]: read_document(path).text for path in SEED_FILES}
    births = [event for event in find_events(texts["002"]) if date(1890, 5, 19) in event.dates]
    assert births and births[0].name == "133 năm Ngày sinh Chủ tịch Hồ Chí Minh"
    assert len(find_events(texts["001"])) >= 5
