"""Tasks as read from a plan, and the passes that finish them once the whole text has been read.

- a section's "Thời gian thực hiện" reaches the tasks below it that state no deadline of their own;
- "X phối hợp với Y làm Z" makes X a participant when Z is led by Y elsewhere in the plan;
- a unit's tasks in one section with one deadline are one task ("1. Ban Tuyên giáo" with four
  undated items is one assignment, not four), unless each paragraph names the unit itself
  ("- Công an xã X tuyên truyền ..." then "- Công an xã X chủ trì, ... rà soát ..." are two).
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from models.deadlines import Deadline
from models.text import name_key

SAME_TASK = 0.5  # share of a task's word pairs found in another task's text
_key = lru_cache(maxsize=4096)(name_key)  # a plan names the same few units again and again


@dataclass
class FoundTask:
    """A task as read: its section, text, lines, units by role and deadline."""

    section: str
    text: str
    first_line: int
    last_line: int
    leads: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)
    deadline: Deadline | None = None
    coordinating: bool = False
    helped: list[str] = field(default_factory=list)
    section_path: tuple[str, ...] = ()
    confidence: float = 1.0
    source: str = "text"
    named: bool = False  # its own paragraph names its units (not inherited from a heading)

    @property
    def units(self) -> list[str]:
        return self.leads + [p for p in self.participants if p not in self.leads]


def finish(tasks: list[FoundTask], section_deadlines: dict[tuple[str, ...], Deadline]) -> list[FoundTask]:
    _apply_section_deadlines(tasks, section_deadlines)
    _resolve_coordination(tasks)
    return _merge(tasks)


def _apply_section_deadlines(tasks: list[FoundTask], deadlines: dict[tuple[str, ...], Deadline]) -> None:
    for task in tasks:
        if task.deadline is not None or not task.units:
            continue
        for n in range(len(task.section_path), 0, -1):
            if task.section_path[:n] in deadlines:
                task.deadline = deadlines[task.section_path[:n]]
                task.confidence = min(task.confidence, 0.9)
                break


def _pairs(text: str) -> set[tuple[str, str]]:
    words = [w.strip('.,;:()“”"').lower() for w in text.split()]
    return set(itertools.pairwise(words))


def _resolve_coordination(tasks: list[FoundTask]) -> None:
    """ "Văn phòng: Phối hợp với Ban Tuyên giáo tham mưu Hội nghị ..." where Ban Tuyên giáo leads it."""
    # Each task's leads by key, worked out once, and tasks by their leads, so that a long plan is not read
    # once per task; a task that gives up its leads loses them here too.
    lead_keys = [frozenset(_key(lead) for lead in task.leads) for task in tasks]
    led_by: dict[str, list[int]] = {}
    for index, keys in enumerate(lead_keys):
        for key in keys:
            led_by.setdefault(key, []).append(index)
    pairs: dict[int, set[tuple[str, str]]] = {}
    holding: dict[str, dict[tuple[str, str], list[int]]] = {}  # by lead key (`_holding`)
    for position, task in enumerate(tasks):
        if not (task.coordinating and task.helped and task.leads):
            continue
        helped = {_key(h) for h in task.helped}
        mine = _pairs(task.text)
        if not mine:
            continue
        for index in _sharing(mine, [_holding(key, led_by, tasks, pairs, holding) for key in helped]):
            if index == position or helped.isdisjoint(lead_keys[index]):
                continue
            if len(mine & pairs[index]) / len(mine) >= SAME_TASK:
                kept = [p for p in task.participants if _key(p) not in helped]
                task.participants = task.leads + kept
                task.leads, lead_keys[position] = [], frozenset()
                task.deadline = task.deadline or tasks[index].deadline
                break


def _holding(
    key: str,
    led_by: dict[str, list[int]],
    tasks: list[FoundTask],
    pairs: dict[int, set[tuple[str, str]]],
    holding: dict[str, dict[tuple[str, str], list[int]]],
) -> dict[tuple[str, str], list[int]]:
    """By word pair, the tasks led by `key` whose text holds it, in order (worked out once per key, with
    each task's pairs into `pairs`)."""
    if key not in holding:
        found: dict[tuple[str, str], list[int]] = {}
        for index in led_by.get(key, ()):
            if index not in pairs:
                pairs[index] = _pairs(tasks[index].text)
            for pair in pairs[index]:
                found.setdefault(pair, []).append(index)
        holding[key] = found
    return holding[key]


def _sharing(mine: set[tuple[str, str]], holdings: list[dict[tuple[str, str], list[int]]]) -> Iterator[int]:
    """In order, once each, the tasks of `holdings` that may hold SAME_TASK of `mine`'s pairs: a task that
    holds none of any len(mine) - needed + 1 of them holds fewer than the `needed` (the rarest are taken,
    so that a long plan is not compared pair by pair with every task of the units helped)."""
    needed = math.ceil(SAME_TASK * len(mine))
    while needed > 0 and (needed - 1) / len(mine) >= SAME_TASK:  # as the test divides, whatever rounds
        needed -= 1
    lists: list[list[int]] = []
    for found in holdings:
        rarest = sorted((len(found.get(pair, ())), pair) for pair in mine)[: len(mine) - needed + 1]
        lists += [found[pair] for count, pair in rarest if count]
    last = -1
    for index in heapq.merge(*lists):
        if index != last:
            last = index
            yield index


def _deadline_key(deadline: Deadline | None) -> tuple[object, ...]:
    if deadline is None:
        return ()
    return (deadline.kind, deadline.start, deadline.due, deadline.tentative)


def _named_apart(kept: FoundTask, task: FoundTask) -> bool:
    """Two paragraphs that each name their units are two tasks, even with one unit and one deadline."""
    return kept.named and task.named and task.first_line > kept.last_line


def _merge(tasks: list[FoundTask]) -> list[FoundTask]:
    merged: list[FoundTask] = []
    index: dict[tuple[object, ...], FoundTask] = {}
    for task in tasks:
        if not task.units:
            merged.append(task)
            continue
        who = tuple(_key(u) for u in task.leads) or ("~", *(_key(u) for u in task.participants))
        key = (task.section, who, _deadline_key(task.deadline), task.source)
        kept = index.get(key)
        if kept is None or _named_apart(kept, task):
            index[key] = task
            merged.append(task)
            continue
        kept.text = f"{kept.text} {task.text}"
        kept.first_line, kept.last_line = (
            min(kept.first_line, task.first_line),
            max(kept.last_line, task.last_line),
        )
        kept.participants.extend(p for p in task.participants if p not in kept.participants)
        kept.groups |= task.groups
        kept.confidence = min(kept.confidence, task.confidence)
    return merged
