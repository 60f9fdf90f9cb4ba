"""Rendering an assignment straight from its draft (calendars.blocks) writes exactly the bytes of the
plain path: the mapping's layouts written by calendars.ics."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from calendars import ics
from calendars.blocks import render_draft
from calendars.drafts import Draft, to_entry
from calendars.entry import CalendarEntry
from calendars.mapping import Property, components, layouts
from calendars.source import make_draft, moment
from models.status import Status
from tests.unit.test_calendar_ics import _TEXT, entries, unmemoised
from tests.unit.test_calendar_mapping import make_source


def draft_of(entry: CalendarEntry, uid: str | None = None) -> Draft:
    return Draft(
        uid or entry.uid, entry.role.value, entry.task, entry.section, entry.plan_title, entry.plan_number,
        entry.url, entry.deadline_text, _iso(entry.due), _iso(entry.effective_due), _iso(entry.window_start),
        _iso(entry.window_end), entry.tentative, entry.leads, entry.participants, entry.status.value,
        _iso(entry.reported_on),
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def plain(draft: Draft, sequence: int, last_modified: datetime | str) -> tuple[bytes, bytes]:
    """The plain path, each property formatted anew (no memo of the writer's)."""
    event, todo = components(to_entry(draft, sequence, moment(last_modified)))
    return (unmemoised(event) if event else b""), unmemoised(todo)


# A stamp as PostgreSQL hands it back (aware) and as SQLite does (text without a zone, UTC).
_STAMPS: st.SearchStrategy[datetime | str] = st.sampled_from([
    datetime(2026, 11, 23, tzinfo=UTC), "2026-11-23 00:00:00.000000", "2026-11-24 03:04:05.123456",
    datetime(2026, 11, 24, 3, 4, 5, tzinfo=UTC),
])
# UIDs as dondoc makes them, and ones that need escaping or folding (the slow way must agree).
_UIDS = st.none() | st.sampled_from(["0123456789abcdef0123456789abcdef@dondoc", "a;b,c\\d@x", "x" * 80,
                                     "đ@dondoc"]) | _TEXT.filter(bool)


@st.composite
def drafts(draw: st.DrawFn) -> tuple[Draft, int, datetime | str]:
    return draft_of(draw(entries()), draw(_UIDS)), draw(st.integers(0, 12)), draw(_STAMPS)


@settings(max_examples=400, deadline=None)
@given(st.lists(drafts(), min_size=1, max_size=5))
def test_a_draft_rendered_directly_is_byte_for_byte_the_plain_path(
    batch: list[tuple[Draft, int, datetime | str]],
) -> None:
    for draft, sequence, stamp in batch:  # several: no memo may hand one draft's lines to the next
        assert render_draft(draft, sequence, stamp) == plain(draft, sequence, stamp)


@settings(max_examples=200, deadline=None)
@given(drafts(), st.sampled_from(list(Status)), _TEXT)
def test_a_task_s_assignments_share_their_text_only_while_it_is_the_same(
    first: tuple[Draft, int, datetime | str], status: Status, participant: str,
) -> None:
    """A task's lead and participants follow one another; what tells them apart must show."""
    draft, sequence, stamp = first
    others = [
        draft._replace(uid="p1@dondoc", role="participant"),
        draft._replace(uid="p2@dondoc", status=status.value),
        draft._replace(uid="p3@dondoc", participants=(*draft.participants, participant)),
        draft._replace(uid="p4@dondoc", reported_on="2026-02-03"),
        draft,
    ]
    for one in (draft, *others):
        assert render_draft(one, sequence, stamp) == plain(one, sequence, stamp)


def test_the_direct_path_agrees_with_the_memoised_layout_writer() -> None:
    draft = make_draft(make_source())
    stamp = datetime(2026, 11, 23, tzinfo=UTC)
    event, todo = layouts(to_entry(draft, 3, stamp))
    assert render_draft(draft, 3, stamp) == (ics.render_layout(event), ics.render_layout(todo))


@settings(max_examples=500, deadline=None)
@given(_TEXT | st.text(alphabet=st.characters(exclude_categories=["Cs"])))
def test_escaping_octets_is_escaping_the_text(text: str) -> None:
    assert ics.escape_octets(text.encode()) == ics.escape_text(text).encode()
    assert ics.text_line(b"SUMMARY:", text) == ics._content_line(Property("SUMMARY", text))


def test_drafts_read_one_after_another_each_keep_their_own_deadline() -> None:
    month = {"text": "Tháng 9/2026", "kind": "month", "start": "2026-09-01", "due": "2026-09-30",
             "effective_due": "2026-09-30", "tentative": True}
    day = {"text": "trước ngày 15/7/2026", "kind": "before_date", "due": "2026-07-14",
           "effective_due": "2026-07-14"}
    texts = [json.dumps(month), json.dumps(month), json.dumps(day), None, json.dumps(month)]
    made = [make_draft(make_source(deadline=text)) for text in texts]
    assert [d.effective_due for d in made] == ["2026-09-30", "2026-09-30", "2026-07-14", None, "2026-09-30"]
    assert [d.window_start for d in made] == ["2026-09-01", "2026-09-01", None, None, "2026-09-01"]
