"""The shortcuts of the assignment grammar and the deadline finder: work they skip, answers they keep."""

from __future__ import annotations

import copy
import random
from datetime import date

import pytest

from extraction import assignments
from extraction import tasks as tasks_module
from extraction.deadline_cues import DeadlineMatch, accepted
from extraction.deadline_forms import Found, Reading, Strength
from extraction.deadlines import _without_overlaps, find_deadlines
from extraction.sections import parse_outline
from extraction.tasks import FoundTask, finish
from models.deadlines import DeadlineKind


def _tasks(text: str, year: int = 2025) -> list[FoundTask]:
    lines = text.split("\n")
    return assignments.read_tasks(parse_outline(lines, 1, len(lines)), year=year)


def test_numbered_title_naming_nobody_is_not_searched_for_deadlines(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def recorded(text: str, **kwargs: object) -> list[DeadlineMatch]:
        asked.append(text)
        return find_deadlines(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(assignments, "find_deadlines", recorded)
    tasks = _tasks(
        "1. Tổ chức hội nghị sơ kết trong quý III/2025.\n2. Sở Nội vụ chủ trì tổng kết trước ngày 15/12/2025."
    )
    assert [t.leads for t in tasks] == [["Sở Nội vụ"]]
    assert tasks[0].deadline is not None and tasks[0].deadline.due == date(2025, 12, 14)
    assert all("hội nghị sơ kết" not in text for text in asked)


def test_directive_naming_nobody_outside_a_numbered_item_still_gives_a_dated_task() -> None:
    tasks = _tasks("1. Nhiệm vụ\n- Tổ chức hội nghị sơ kết, hoàn thành trước ngày 30/9/2025.")
    assert len(tasks) == 1 and not tasks[0].units
    assert tasks[0].deadline is not None and tasks[0].deadline.due == date(2025, 9, 29)


def _task(text: str, leads: list[str], helped: list[str] = (), line: int = 1) -> FoundTask:  # type: ignore[assignment]
    return FoundTask("I", text, line, line, leads=list(leads), participants=list(helped),
                     coordinating=bool(helped), helped=list(helped))


def test_coordinating_unit_becomes_participant_of_the_task_its_partner_leads() -> None:
    work = "tổ chức hội nghị tập huấn phòng chống dịch"
    mine = _task(f"Phối hợp với Sở Y tế {work}", ["Sở Nội vụ"], ["Sở Y tế"])
    theirs = _task(f"{work} cho cán bộ", ["Sở Y tế"], line=2)
    finish([mine, theirs], {})
    assert (mine.leads, mine.participants) == ([], ["Sở Nội vụ"])
    assert theirs.leads == ["Sở Y tế"]


def test_task_that_gave_up_its_lead_is_no_longer_led_by_it() -> None:
    # The first task gives up its lead (Sở A) to Sở B; the third, helping Sở A with the same work, finds no
    # task led by Sở A any more and keeps its own lead.
    first = _task("phối hợp với Sở B tổ chức hội nghị tập huấn nghiệp vụ", ["Sở A"], ["Sở B"])
    second = _task("tổ chức hội nghị tập huấn nghiệp vụ", ["Sở B"], line=2)
    third = _task("phối hợp với Sở A tổ chức hội nghị tập huấn nghiệp vụ", ["Sở C"], ["Sở A"], line=3)
    finish([first, second, third], {})
    assert first.leads == [] and second.leads == ["Sở B"]
    assert third.leads == ["Sở C"]


def test_one_candidate_is_kept_as_is_and_overlapping_ones_keep_the_longest() -> None:
    short = Found(0, 5, Reading(DeadlineKind.year, date(2025, 12, 31)))
    long = Found(0, 12, Reading(DeadlineKind.year, date(2025, 12, 31), strength=Strength.bare))
    assert _without_overlaps([short]) == [short]
    assert _without_overlaps([short, long]) == [long]


def test_a_lone_season_noun_is_still_dropped_and_a_lone_date_kept() -> None:
    assert find_deadlines("Chủ trì phòng, chống dịch bệnh mùa hè.", year=2025) == []
    [match] = find_deadlines("Hoàn thành trước ngày 30/6/2025.")
    assert match.deadline.kind is DeadlineKind.before_date and match.start == 0


def test_cue_module_accepts_a_cued_phrase_and_refuses_a_bare_one_inside_a_sentence() -> None:
    text = "Báo cáo kết quả quý IV/2025 cho Sở"
    lower = text.lower()
    start = lower.index("quý")
    bare = Found(start, start + len("quý IV/2025"), Reading(DeadlineKind.quarter, date(2025, 12, 31),
                                                              strength=Strength.bare))
    assert accepted(text, lower, bare) is None
    cued = "Hoàn thành quý IV/2025"
    found = Found(cued.index("quý"), len(cued), bare.reading)
    match = accepted(cued, cued.lower(), found)
    assert match is not None and match.deadline.text == cued


def _coordination_compared_with_every_task(tasks: list[FoundTask]) -> None:
    """The plain rule `tasks._resolve_coordination` answers: each coordinating task, in order, gives up
    its leads to the first task led by a unit it helps whose text holds SAME_TASK of its word pairs."""
    for task in tasks:
        if not (task.coordinating and task.helped and task.leads):
            continue
        helped = {tasks_module._key(h) for h in task.helped}
        mine = tasks_module._pairs(task.text)
        for other in tasks:
            if other is task or helped.isdisjoint(tasks_module._key(lead) for lead in other.leads):
                continue
            if mine and len(mine & tasks_module._pairs(other.text)) / len(mine) >= tasks_module.SAME_TASK:
                kept = [p for p in task.participants if tasks_module._key(p) not in helped]
                task.participants = task.leads + kept
                task.leads = []
                task.deadline = task.deadline or other.deadline
                break


@pytest.mark.parametrize("seed", range(60))
def test_coordination_found_through_the_rarest_word_pairs_is_that_of_comparing_every_task(seed: int) -> None:
    chance = random.Random(seed)
    words = ["tổ chức", "hội nghị", "tập huấn", "phòng", "chống", "dịch", "cho", "cán bộ", "kế hoạch"]
    units = ["Sở A", "Sở B", "Sở C", "sở a"]
    made = []
    for line in range(1, chance.randint(2, 30)):
        text = " ".join(chance.choice(words) for _ in range(chance.randint(0, 9)))
        helped = chance.sample(units, chance.randint(0, 2)) if chance.random() < 0.4 else []
        made.append(_task(text, chance.sample(units, chance.randint(0, 2)), helped, line=line))
    plain = copy.deepcopy(made)
    tasks_module._resolve_coordination(made)
    _coordination_compared_with_every_task(plain)
    assert made == plain
