"""Writing iCalendar content lines: escaping, folding, the calendar's own properties."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from calendars import ics
from calendars.entry import CalendarEntry, CalendarHeader, FeedKind
from calendars.ics import LIMIT, escape_text, fold, render_block, render_calendar, render_component
from calendars.mapping import Component, Property, calendar_properties, component, components, layouts
from models.plan import Role
from models.status import Status
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


# What an assignment's text may hold: Vietnamese letters (one to three UTF-8 octets each), the
# characters TEXT escaping changes, backslash runs, control characters from OCR.
_TEXT = st.text(
    alphabet=st.sampled_from("aăâđêôơưyệỗữỷẫ Ủ;,\\\r\n\"\t:\x0b") | st.characters(exclude_categories=["Cs"]),
    max_size=300,
)
_DAYS = st.none() | st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))


LOCAL_STAMP = datetime(2026, 11, 23, 7, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@st.composite
def entries(draw: st.DrawFn) -> CalendarEntry:
    due = draw(_DAYS)
    return make_entry(
        uid=draw(st.sampled_from(["abc@dondoc", "0123456789abcdef0123456789abcdef@dondoc"])),
        role=draw(st.sampled_from(list(Role))),
        task=draw(_TEXT), section=draw(st.sampled_from(["", "II.2", "III.4.a"])),
        plan_title=draw(_TEXT), plan_number=draw(st.none() | _TEXT),
        url=draw(st.none() | st.sampled_from(["https://dondoc.example/plans/45", "https://x.example/a,b;c\\d"
                                             + "/đường-dẫn" * 8])),
        deadline_text=draw(st.none() | _TEXT), due=due, effective_due=draw(st.sampled_from([due, None]))
        if due is None else draw(st.sampled_from([due, due + timedelta(days=2)])),
        window_start=draw(_DAYS), window_end=draw(_DAYS), tentative=draw(st.booleans()),
        leads=tuple(draw(st.lists(_TEXT, max_size=3))), participants=tuple(draw(st.lists(_TEXT, max_size=3))),
        status=draw(st.sampled_from(list(Status))), reported_on=draw(_DAYS),
        sequence=draw(st.integers(0, 12)),
        last_modified=draw(st.sampled_from([datetime(2026, 11, 23, tzinfo=UTC), LOCAL_STAMP])),
    )


def unmemoised(component: Component) -> bytes:
    """A component written the plain way: every property formatted and folded anew, no memo."""
    lines = [f"BEGIN:{component.name}".encode(), *(ics._content_line(prop) for prop in component.properties)]
    children = b"".join(unmemoised(child) for child in component.components)
    return b"\r\n".join(lines) + b"\r\n" + children + f"END:{component.name}\r\n".encode()


@settings(max_examples=400, deadline=None)
@given(st.lists(entries(), min_size=1, max_size=4))
def test_an_entry_written_run_by_run_is_byte_for_byte_its_plain_components(
    batch: list[CalendarEntry],
) -> None:
    for entry in batch:  # several entries: the memos must never hand one entry's line to another
        for layout, made in zip(layouts(entry), components(entry), strict=True):
            if layout is None:
                assert made is None and entry.effective_due is None
                continue
            assert made is not None
            assert ics.render_layout(layout) == render_block(made) == unmemoised(made)


def test_memos_emptied_midway_still_write_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    batch = [make_entry(uid=f"{n}@dondoc", task=f"Nhiệm vụ {n % 3}; tổng hợp, báo cáo " * (n % 4))
             for n in range(40)]
    expected = [unmemoised(c) for entry in batch for c in components(entry) if c is not None]
    monkeypatch.setattr(ics, "_KEPT", 3)
    written = [ics.render_layout(made) for entry in batch for made in layouts(entry) if made is not None]
    assert written == expected


# The folding rule as a regular expression (how it was first written): a line takes the rest if it
# fits, else as many octets as fit, cut neither before a UTF-8 continuation octet nor after a backslash.
_FIRST_RULE = re.compile(rb"(?s).{1,75}\Z|.{1,75}(?<!\\)(?![\x80-\xbf])")
_NEXT_RULE = re.compile(rb"(?s).{1,74}\Z|.{1,74}(?<!\\)(?![\x80-\xbf])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aăđệỗ𝄞 \\;,"), min_size=60, max_size=400))  # 1-4 octets
def test_folding_cuts_where_the_rule_says(text: str) -> None:
    data = ("DESCRIPTION:" + text).encode()
    first = _FIRST_RULE.match(data)
    assert first is not None
    parts = [first.group(), *_NEXT_RULE.findall(data, first.end())]
    if sum(map(len, parts)) == len(data):  # else a run of backslashes longer than a line
        assert ics.fold_octets(data) == b"\r\n ".join(parts)
    assert ics.fold_octets(data).replace(b"\r\n ", b"") == data
