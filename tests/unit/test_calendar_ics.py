"""Writing iCalendar content lines: escaping, folding, the calendar's own properties."""

from __future__ import annotations

from datetime import date

import icalendar
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from calendars.entry import CalendarHeader, FeedKind
from calendars.ics import LIMIT, escape_text, fold, render_calendar, render_component
from calendars.mapping import Component, Property, calendar_properties, component
from tests.unit.test_calendar_mapping import make_entry

HEADER = CalendarHeader(name="Hạn nhiệm vụ — Ban Tuyên giáo Thành ủy", description="Các nhiệm vụ")
TRICKY = "Tổ chức hội nghị; sơ kết, tổng kết\r\nnăm 2026\nđợt 2\rvà \\ dấu \"ngoặc\": xong"


def calendar_of(*components: Component) -> bytes:
    return render_calendar(calendar_properties(HEADER), [render_component(c) for c in components])


def test_vietnamese_text_and_line_breaks_semicolons_commas_in_titles_are_escaped() -> None:
    made = component(make_entry(task=TRICKY), FeedKind.event)
    assert made is not None
    data = calendar_of(made)
    raw = data.decode()
    assert "hội nghị\\; sơ kết\\, tổng kết\\nnăm 2026\\nđợt 2\\nvà \\\\ dấu" in raw.replace("\r\n ", "")
    assert all(line.endswith("\r") or not line for line in raw.split("\n")[:-1])  # CRLF only
    expected = "[Chủ trì] Tổ chức hội nghị; sơ kết, tổng kết\nnăm 2026\nđợt 2\nvà \\ dấu \"ngoặc\": xong"
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == expected
    assert vobject.readOne(data.decode()).vevent.summary.value == expected


def test_folded_lines_stay_within_75_octets_and_never_split_a_character() -> None:
    line = "DESCRIPTION:" + escape_text("Ủy ban Kiểm tra Thành ủy, Đảng đoàn Hội đồng nhân dân; " * 9)
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= LIMIT for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join(piece.removeprefix(" ") for piece in pieces) == line


def test_a_fold_never_leaves_an_escaping_backslash_at_a_line_end() -> None:
    for width in range(60, 80):
        folded = fold("SUMMARY:" + "a" * width + escape_text(";,\\" * 10))
        for piece in folded.split("\r\n")[:-1]:
            trailing = len(piece) - len(piece.rstrip("\\"))
            assert trailing % 2 == 0


def test_the_calendar_has_a_vietnamese_name_and_refreshes_hourly() -> None:
    calendar = icalendar.Calendar.from_ical(calendar_of())
    assert str(calendar["X-WR-CALNAME"]) == "Hạn nhiệm vụ — Ban Tuyên giáo Thành ủy"
    assert str(calendar["NAME"]) == "Hạn nhiệm vụ — Ban Tuyên giáo Thành ủy"
    assert calendar["REFRESH-INTERVAL"].to_ical() == b"PT1H"
    assert calendar_of().decode().count("X-PUBLISHED-TTL:PT1H") == 1


def test_dates_are_written_as_date_values() -> None:
    made = Component("VEVENT", (Property("UID", "x"), Property("DTSTART", date(2026, 3, 2))))
    assert "DTSTART;VALUE=DATE:20260302\r\n" in render_component(made)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]) | st.sampled_from("\r\n;,\\:\""),
               min_size=1, max_size=200))
def test_any_title_reads_back_in_icalendar_with_only_control_characters_dropped(title: str) -> None:
    made = component(make_entry(task=title), FeedKind.event)
    assert made is not None
    event = icalendar.Calendar.from_ical(calendar_of(made)).walk("VEVENT")[0]
    kept = "".join(ch for ch in title if ch in "\t\r\n" or not (ord(ch) < 0x20 or ord(ch) == 0x7F))
    normalised = kept.replace("\r\n", "\n").replace("\r", "\n")
    assert str(event["SUMMARY"]) == f"[Chủ trì] {normalised}"
