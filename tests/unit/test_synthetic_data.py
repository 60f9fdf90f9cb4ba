"""The synthetic data generator (benchmarks.synthetic): deterministic, valid plans, readable text."""

from __future__ import annotations

from collections import Counter
from itertools import islice

import pytest

from benchmarks.synthetic.deadlines import deadline_of
from benchmarks.synthetic.files import units_yaml
from benchmarks.synthetic.plans import PlanSpec, first_plans, specs, take_assignments, to_plan
from benchmarks.synthetic.text import plan_text
from benchmarks.synthetic.world import build_world
from extraction.extract import extract
from models.plan import Plan
from models.planfile import dump_plan, parse_plan
from models.text import name_key
from models.units import UnitRegistry

SEED = 7


@pytest.fixture(scope="module")
def plans() -> list[PlanSpec]:
    return first_plans(build_world(SEED), SEED, 40)


def _bytes(seed: int, count: int) -> bytes:
    world = build_world(seed)
    chosen = first_plans(world, seed, count)
    parts = [units_yaml(world), *(dump_plan(to_plan(p)) for p in chosen), *(plan_text(p) for p in chosen)]
    return "\n".join(parts).encode()


def test_the_same_seed_gives_the_same_bytes_and_another_seed_others() -> None:
    assert _bytes(SEED, 6) == _bytes(SEED, 6)
    assert _bytes(SEED, 6) != _bytes(SEED + 1, 6)


def test_a_plan_is_the_same_whether_generated_alone_or_in_sequence(plans: list[PlanSpec]) -> None:
    world = build_world(SEED)
    alone = next(specs(world, SEED, start=25))
    assert alone == plans[25]


def test_group_units_have_15_to_30_members_that_the_registry_knows() -> None:
    world = build_world(SEED)
    registry = UnitRegistry(world.units)
    groups = [u for u in world.units if u.is_group]
    assert len(groups) >= 2 + 2 * len(world.districts)
    for group in groups:
        assert 15 <= len(group.members) <= 30, group.name
        assert all(member in registry for member in group.members)


def test_plans_hold_10_to_60_assignments_and_lower_levels_implement_the_level_above(
    plans: list[PlanSpec],
) -> None:
    numbers = {(p.level.issuer, p.number) for p in plans}
    assert all(10 <= p.assignment_count <= 60 for p in plans)
    assert plans[0].parent is None and plans[0].level.suffix == "TU"
    children = [p for p in plans if p.parent is not None]
    assert {p.level.suffix for p in children} == {"HU", "ĐU"}
    assert all((p.parent[2], p.parent[0]) in numbers for p in children if p.parent)


def test_the_deadline_mix_has_every_kind_in_about_the_stated_shares() -> None:
    world = build_world(SEED)
    tasks = [t for p in islice(specs(world, SEED), 300) for t in p.tasks]
    kinds = Counter(
        "none" if t.deadline is None else deadline_of(t.deadline, p.issued).kind.value
        for p in islice(specs(world, SEED), 300)
        for t in p.tasks
    )
    tentative = sum(1 for t in tasks if t.deadline and t.deadline.startswith("Dự kiến"))
    assert abs(kinds["none"] / len(tasks) - 0.20) < 0.03
    assert abs(tentative / len(tasks) - 0.10) < 0.03
    assert abs((kinds["before_date"] + kinds["on_date"]) / len(tasks) - 0.30) < 0.03
    assert {"month", "quarter", "year", "half_year", "year_end", "recurring"} <= set(kinds)


def test_take_assignments_stops_at_the_exact_total() -> None:
    world = build_world(SEED)
    taken = list(take_assignments(specs(world, SEED), 1234))
    assert sum(p.assignment_count for p in taken) == 1234
    assert all(p.tasks for p in taken)


def test_plan_files_round_trip_through_the_plan_file_parser(plans: list[PlanSpec]) -> None:
    registry = UnitRegistry(build_world(SEED).units)
    for spec in plans[:6]:
        plan = to_plan(spec)
        assert parse_plan(dump_plan(plan), f"{spec.index}.yaml", registry=registry) == plan
    assert any(registry.get(a.unit).is_group for s in plans for a in to_plan(s).assignments)


def _found(plan: Plan) -> Counter[tuple[str, str, object]]:
    return Counter(
        (name_key(a.unit), a.role.value, a.deadline.due if a.deadline else None) for a in plan.assignments
    )


def test_extraction_of_the_generated_text_finds_nine_in_ten_generated_assignments(
    plans: list[PlanSpec],
) -> None:
    chosen = [plans[0], plans[1], *plans[2:40:6]]  # the city, a district, communes
    expected = found = 0
    for spec in chosen:
        wanted = _found(to_plan(spec))
        read = _found(extract(plan_text(spec), source_name=f"{spec.index}.txt").plan)
        expected += sum(wanted.values())
        found += sum((wanted & read).values())
    assert found / expected >= 0.9, f"recall {found / expected:.3f} over {expected} assignments"
