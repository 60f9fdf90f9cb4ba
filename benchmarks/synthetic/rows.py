"""Synthetic plans as the store's rows: plain tuples in the column order of each table, ids given.

What `dondoc plan load` writes for a plan (store/plans.py), without the ORM: the plan, the plan it
implements, its tasks, one assignment per (task, unit, role) with its deadline columns, the first
deadline version of each, and the reports that have arrived by `as_of` (reports.py). Statuses are
left empty for the first sweep to fill in, as after a load.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from benchmarks.synthetic import reports, wording
from benchmarks.synthetic.deadlines import stored
from benchmarks.synthetic.plans import PlanSpec, document_of
from models.plan import plan_key
from models.text import name_key
from models.units import Unit

COLUMNS = {
    "units": "id, name, name_key, parent, is_group, external, aliases, abbreviations, members, emails",
    "plans": "id, key, content_hash, kind, number, issued, issuer, title, source, plan_file, loaded_at",
    "plan_references": "id, plan_id, number, date, issuer, implements",
    "tasks": "id, plan_id, task_key, section, title, text, depends_on",
    "assignments": "id, plan_id, task_id, unit_id, key, role, lifecycle, deadline_version, deadline,"
    " deadline_kind, due, effective_due, tentative, overdue_days",
    "deadline_versions": "id, assignment_id, version, deadline, effective_due, reason, changed_by, channel,"
    " changed_at",
    "reports": "id, assignment_id, reported_on, note, channel, recorded_by, recorded_at",
}
TABLES = tuple(COLUMNS)  # in the order foreign keys need


@cache
def _digest(unit: str) -> str:
    return hashlib.sha1(name_key(unit).encode()).hexdigest()[:10]  # models.plan.assignment_key's


def unit_rows(units: tuple[Unit, ...]) -> list[tuple[Any, ...]]:
    def listed(values: tuple[str, ...]) -> str:
        return json.dumps(list(values), ensure_ascii=False)

    return [
        (
            n,
            u.name,
            name_key(u.name),
            u.parent,
            u.is_group,
            u.external,
            listed(u.aliases),
            listed(u.abbreviations),
            listed(u.members),
            listed(u.emails),
        )
        for n, u in enumerate(units, start=1)
    ]


@dataclass(frozen=True)
class _Task:
    """Where an assignment goes: its plan and task rows, the task's key, year and deadline columns."""

    plan_id: int
    task_id: int
    key: str
    year: int
    deadline: tuple[str, str, date | None, date | None, bool] | None


@dataclass
class Rows:
    """Rows waiting to be written, and the next id of each table."""

    unit_ids: dict[str, int]
    seed: int
    as_of: date
    stamp: Any  # the loaded_at / recorded_at value, as the database takes it
    day: Callable[[date | None], Any]  # a date as the database takes it
    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=lambda: {t: [] for t in TABLES})
    next_id: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 1))
    count: int = 0

    def _id(self, table: str) -> int:
        found = self.next_id[table]
        self.next_id[table] = found + 1
        return found

    def add(self, spec: PlanSpec) -> None:
        plan_id, document = self._id("plans"), document_of(spec)
        # fmt: off
        self.tables["plans"].append((
            plan_id, plan_key(document, ""), f"synthetic-{self.seed}-{spec.index}", "Kế hoạch", spec.number,
            self.day(spec.issued), spec.level.issuer, document.title, "synthetic", "", self.stamp,
        ))
        # fmt: on
        if spec.parent is not None:
            number, issued, issuer = spec.parent
            self.tables["plan_references"].append(
                (self._id("plan_references"), plan_id, number, self.day(issued), issuer, True)
            )
        rng = random.Random(f"reports:{self.seed}:{spec.index}")
        for task in spec.tasks:
            task_id = self._id("tasks")
            title = wording.task_title(task.action)
            self.tables["tasks"].append((task_id, plan_id, task.id, task.section, title, task.action, "[]"))
            deadline = stored(task.deadline, spec.issued) if task.deadline else None
            where = _Task(plan_id, task_id, task.id, spec.year, deadline)
            self._assignment(rng, where, task.lead, "lead")
            for unit in task.participants:
                self._assignment(rng, where, unit, "participant")

    def _assignment(self, rng: random.Random, task: _Task, unit: str, role: str) -> None:
        data, kind, due, effective, tentative = task.deadline or (None, None, None, None, False)
        cancelled = rng.random() < reports.CANCELLED
        assignment_id = self._id("assignments")
        # fmt: off
        self.tables["assignments"].append((
            assignment_id, task.plan_id, task.task_id, self.unit_ids[unit],
            f"{task.key}~{_digest(unit)}~{role}", role, "cancelled" if cancelled else "active", 1, data, kind,
            self.day(due), self.day(effective), tentative, 0,
        ))
        self.tables["deadline_versions"].append((
            self._id("deadline_versions"), assignment_id, 1, data, self.day(effective), "nạp kế hoạch", "",
            "plan file", self.stamp,
        ))
        # fmt: on
        self.count += 1
        on = reports.reported_on(rng, effective, task.year, self.as_of)
        if on is not None and not cancelled:
            self.tables["reports"].append(
                (self._id("reports"), assignment_id, self.day(on), "", "synthetic", "", self.stamp)
            )

    def take(self) -> dict[str, list[tuple[Any, ...]]]:
        """The waiting rows, which are then forgotten."""
        taken, self.tables = self.tables, {t: [] for t in TABLES}
        return taken
