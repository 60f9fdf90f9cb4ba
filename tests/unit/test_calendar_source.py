"""An assignment's fingerprint as a build takes it, from the parts a plan's and a task's rows share
(calendars.source), is the fingerprint of the Source those rows make; a draft's deadline fields are
read once per deadline text."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendars import source
from calendars.source import _deadline_fields, _fingerprint, _plan_part, _task_parts, fingerprint
from models.status import Status
from tests.unit.test_calendar_ics import _TEXT
from tests.unit.test_calendar_mapping import make_source

_NAMES = st.lists(_TEXT.filter(bool), max_size=3).map(tuple)
_DEADLINES = st.none() | st.sampled_from([
    json.dumps({"text": "trước ngày 15/7/2026", "kind": "before_date", "due": "2026-07-14"}),
    {"text": "Tháng 9/2026", "kind": "month", "due": "2026-09-30"},  # as PostgreSQL hands JSON back
])
_DAYS = st.none() | st.sampled_from(["2026-07-14", "2026-09-30"])


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.none() | _TEXT, _TEXT, _TEXT, _NAMES, _NAMES, _DEADLINES, st.sampled_from(list(Status)),
       _DAYS, _DAYS, st.sampled_from(["lead", "participant"]))
def test_the_fingerprint_from_shared_parts_is_the_source_s_fingerprint(
    plan_title: str, number: str | None, task: str, section: str, leads: tuple[str, ...],
    participants: tuple[str, ...], deadline: object, status: Status, effective: str | None,
    reported: str | None, role: str,
) -> None:
    source = make_source(plan=("45-KH/TU/2026@x", number, plan_title, "https://dondoc.example/plans/45"),
                         role=role, task=task, section=section, deadline=deadline,
                         units=(leads, participants), status=status.value, effective=effective,
                         reported=reported)
    parts = _task_parts({7: (section, task)}, {7: (leads, participants)})[7]
    assert parts[:3] == (task, section, (leads, participants))
    made = _fingerprint(_plan_part(source.plan), source.key, role, parts[3], deadline, parts[4], status.value,
                        effective, reported)
    assert made == fingerprint(source)


def test_a_deadline_text_met_again_after_others_gives_its_own_fields_from_the_memo() -> None:
    month = json.dumps({"text": "Tháng 9/2026", "kind": "month", "start": "2026-09-01", "due": "2026-09-30",
                        "effective_due": "2026-09-30", "tentative": True})
    day = json.dumps({"text": "trước ngày 15/7/2026", "kind": "before_date", "start": "2026-07-01",
                      "due": "2026-07-14", "effective_due": "2026-07-14"})
    parsed = {"text": "Quý IV/2026", "kind": "quarter", "start": "2026-10-01", "due": "2026-12-31",
              "effective_due": "2026-12-31"}  # as PostgreSQL hands JSON back: not kept
    seen = [_deadline_fields(stored) for stored in (month, day, parsed, None, month, day)]
    assert seen[0] == seen[4] == ("Tháng 9/2026", "2026-09-30", "2026-09-30", "2026-09-01", True)
    assert seen[1] == seen[5] == ("trước ngày 15/7/2026", "2026-07-14", "2026-07-14", None, False)
    assert seen[2] == ("Quý IV/2026", "2026-12-31", "2026-12-31", "2026-10-01", False)
    assert seen[3] == (None, None, None, None, False)


def test_the_deadline_memo_is_emptied_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "_FIELDS", {})
    monkeypatch.setattr(source, "_FIELDS_KEPT", 3)
    texts = [json.dumps({"text": f"trước ngày {n}/7/2026", "kind": "before_date", "due": f"2026-07-{n:02d}"})
             for n in range(1, 8)]
    assert [_deadline_fields(text)[1] for text in texts] == [f"2026-07-{n:02d}" for n in range(1, 8)]
    assert 0 < len(source._FIELDS) <= 3
