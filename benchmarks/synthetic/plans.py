"""Synthetic plans: campaigns handed down the levels, sections, tasks and their units.

A campaign is one topic of one year (two in three of 2026, the others of 2025, still tracked): the
city's standing committee issues a plan, every district committee a plan implementing it, every
commune committee a plan implementing its district's (so a world of 22 districts of 22 communes
makes 507 plans a campaign). A plan has 2–6 sections under
"II. NHIỆM VỤ, GIẢI PHÁP" and 10–60 assignments: each task one lead and 0–3 participants, about one
lead in eight a group unit of the plan's level. Plan i depends only on (seed, i): any slice of the
sequence is generated without the rest, in the same bytes.

`specs` are light tuples for bulk loading millions of rows; `to_plan` makes the models.plan.Plan
that `dondoc plan load` and the store accept.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import count, islice

from benchmarks.synthetic import wording
from benchmarks.synthetic.deadlines import deadline_of, phrase
from benchmarks.synthetic.world import CITY_COMMITTEE, DEPARTMENTS_GROUP, DISTRICTS_GROUP, World
from models.documents import Document, DocumentKind, Reference
from models.plan import Assignment, Plan, Role, Task, plan_key

YEAR = 2026  # two campaigns in three are of this year, the third of the year before (still tracked)


@dataclass(frozen=True)
class TaskSpec:
    id: str
    section: str  # "II.3"
    action: str  # what is to be done, without its units or deadline
    lead: str
    participants: tuple[str, ...]
    deadline: str | None  # the phrase as written


@dataclass(frozen=True)
class Level:
    """Who issues a plan and which units it may name."""

    issuer: str
    committee: str  # the issuing committee as a unit ("Huyện ủy X")
    place: str
    suffix: str  # number suffix: TU, HU, ĐU
    units: tuple[str, ...]
    groups: tuple[str, ...]


@dataclass(frozen=True)
class PlanSpec:
    index: int
    number: str
    issued: date
    level: Level
    topic: str
    parent: tuple[str, date, str] | None  # (number, issued, issuer) of the plan this one implements
    sections: tuple[str, ...]  # section titles, "II.1" … in order
    tasks: tuple[TaskSpec, ...]

    @property
    def year(self) -> int:
        return self.issued.year

    @property
    def assignment_count(self) -> int:
        return sum(1 + len(t.participants) for t in self.tasks)


def levels(world: World) -> list[tuple[Level, int]]:
    """Every plan issuer of one campaign, city first, with the index of the level it implements."""
    city = Level(
        CITY_COMMITTEE, CITY_COMMITTEE, world.city, "TU", world.offices, (DISTRICTS_GROUP, DEPARTMENTS_GROUP)
    )
    found: list[tuple[Level, int]] = [(city, -1)]
    for district in world.districts:
        district_level = Level(
            f"Ban Thường vụ Huyện ủy {district.name}",
            district.committee,
            district.name,
            "HU",
            district.offices,
            (district.communes_group, district.departments_group),
        )
        parent = 0
        found.append((district_level, parent))
        district_index = len(found) - 1
        for commune in district.communes:
            found.append(
                (
                    Level(
                        f"Ban Thường vụ {commune.committee}",
                        commune.committee,
                        commune.name,
                        "ĐU",
                        commune.units,
                        (),
                    ),
                    district_index,
                )
            )
    return found


def specs(world: World, seed: int, *, start: int = 0) -> Iterator[PlanSpec]:
    """Plans `start`, `start + 1`, … of the world's campaigns, without end."""
    issuers = levels(world)
    per_campaign = len(issuers)
    for index in count(start):
        campaign, position = divmod(index, per_campaign)
        yield _spec(seed, index, campaign, position, issuers)


def _spec(seed: int, index: int, campaign: int, position: int, issuers: list[tuple[Level, int]]) -> PlanSpec:
    level, parent_position = issuers[position]
    year = YEAR - (campaign % 3 == 2)
    topic = wording.TOPICS[campaign % len(wording.TOPICS)]
    rng = random.Random(f"plan:{seed}:{index}")
    parent = None
    if parent_position >= 0:
        above, _ = issuers[parent_position]
        parent = (_number(campaign, parent_position, above), _issued(year, above), above.issuer)
    sections = tuple(rng.sample(wording.SECTIONS, rng.randint(2, 6)))
    return PlanSpec(
        index=index,
        number=_number(campaign, position, level),
        issued=_issued(year, level),
        level=level,
        topic=topic,
        parent=parent,
        sections=sections,
        tasks=tuple(_tasks(rng, level, len(sections), year)),
    )


def _number(campaign: int, position: int, level: Level) -> str:
    # One campaign a number per issuer: unique keys (number/year@issuer) across any number of plans.
    return f"{campaign + 1}-KH/{level.suffix}"


def _issued(year: int, level: Level) -> date:
    # Lower levels follow a few weeks after the level above (lineage goes down in time too).
    return {"TU": date(year, 1, 5), "HU": date(year, 1, 20)}.get(level.suffix, date(year, 2, 5))


def _tasks(rng: random.Random, level: Level, sections: int, year: int) -> Iterator[TaskSpec]:
    target, made, numbers = rng.randint(10, 60), 0, [0] * sections
    while made < target:
        section = numbers.index(0) if 0 in numbers else rng.randrange(sections)  # no section left empty
        numbers[section] += 1
        lead = rng.choice(level.groups) if level.groups and rng.random() < 0.125 else rng.choice(level.units)
        wanted = min(len(level.units) - 1, rng.choice((0, 0, 1, 1, 2, 3)), target - made - 1)
        helpers = tuple(u for u in rng.sample(level.units, wanted + 1) if u != lead)[:wanted]
        made += 1 + len(helpers)
        yield TaskSpec(
            id=f"II.{section + 1}-{numbers[section]}",
            section=f"II.{section + 1}",
            action=wording.action(rng),
            lead=lead,
            participants=helpers,
            deadline=phrase(rng, year),
        )


def take_assignments(plans: Iterator[PlanSpec], total: int) -> Iterator[PlanSpec]:
    """Plans until `total` assignments, the last one cut short so that the total is exact."""
    left = total
    for spec in plans:
        if left <= 0:
            return
        if spec.assignment_count > left:
            spec = _cut(spec, left)
        left -= spec.assignment_count
        yield spec


def _cut(spec: PlanSpec, keep: int) -> PlanSpec:
    tasks: list[TaskSpec] = []
    for task in spec.tasks:
        if keep <= 0:
            break
        helpers = task.participants[: keep - 1]
        tasks.append(TaskSpec(task.id, task.section, task.action, task.lead, helpers, task.deadline))
        keep -= 1 + len(helpers)
    return PlanSpec(
        spec.index, spec.number, spec.issued, spec.level, spec.topic, spec.parent, spec.sections, tuple(tasks)
    )


def first_plans(world: World, seed: int, n: int) -> list[PlanSpec]:
    return list(islice(specs(world, seed), n))


def document_of(spec: PlanSpec) -> Document:
    references: tuple[Reference, ...] = ()
    if spec.parent is not None:
        number, issued, issuer = spec.parent
        references = (
            Reference(number=number, date=issued, issuer=issuer, kind=DocumentKind.plan, implements=True),
        )
    return Document(
        kind=DocumentKind.plan,
        number=spec.number,
        issued=spec.issued,
        place=spec.level.place,
        issuer=spec.level.issuer,
        title=wording.title(spec.topic, spec.year),
        references=references,
    )


def to_plan(spec: PlanSpec) -> Plan:
    """The plan as dondoc models it (units named as in the world's registry)."""
    document = document_of(spec)
    tasks, assignments = [], []
    for task in spec.tasks:
        deadline = deadline_of(task.deadline, spec.issued) if task.deadline else None
        tasks.append(
            Task(
                id=task.id,
                section=task.section,
                title=wording.task_title(task.action),
                text=task.action,
                deadline=deadline,
            )
        )
        assignments.append(Assignment(task=task.id, unit=task.lead, role=Role.lead, deadline=deadline))
        assignments += [
            Assignment(task=task.id, unit=u, role=Role.participant, deadline=deadline)
            for u in task.participants
        ]
    key = plan_key(document, "")
    return Plan(
        key=key,
        document=document,
        title=document.title or "",
        tasks=tuple(tasks),
        assignments=tuple(assignments),
    )
