"""An assignment's fingerprint as a build takes it, from the parts a plan's and a task's rows share
(calendars.source), is the fingerprint of the Source those rows make."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from calendars.source import _fingerprint, _plan_part, _task_parts, fingerprint
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
