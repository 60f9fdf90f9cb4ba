"""Synthetic data on disk: the unit registry, plan files for `dondoc plan load`, plan documents as text.

    python -m benchmarks.synthetic --seed 7 --plans 20 --out /tmp/synthetic

writes units.yaml, plans/<n>.yaml and documents/<n>.txt (the same plans, as plan files and as
text for `dondoc ingest`). Load them with `dondoc units load units.yaml`, then `dondoc plan load`
on each plan file.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import yaml

from benchmarks.synthetic.plans import PlanSpec, first_plans, to_plan
from benchmarks.synthetic.text import plan_text
from benchmarks.synthetic.world import World, build_world
from models.planfile import dump_plan

REGISTRY_HEADER = (
    "# dondoc unit registry of a synthetic province (benchmarks.synthetic): every name is invented.\n"
)


def units_yaml(world: World) -> str:
    entries = [unit.model_dump(mode="json", exclude_defaults=True) for unit in world.units]
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when built with it: thousands of units
    text = yaml.dump({"units": entries}, Dumper=dumper, allow_unicode=True, sort_keys=False, width=110)
    return REGISTRY_HEADER + text


def file_name(spec: PlanSpec) -> str:
    return f"{spec.index:06d}"


def write_units(world: World, path: Path) -> Path:
    path.write_text(units_yaml(world), encoding="utf-8")
    return path


def write_plan_files(plans: list[PlanSpec], folder: Path) -> list[Path]:
    return _write_each(plans, folder, ".yaml", lambda spec: dump_plan(to_plan(spec)))


def write_documents(plans: list[PlanSpec], folder: Path) -> list[Path]:
    return _write_each(plans, folder, ".txt", plan_text)


def _write_each(
    plans: list[PlanSpec], folder: Path, suffix: str, render: Callable[[PlanSpec], str]
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in plans:
        path = folder / f"{file_name(spec)}{suffix}"
        path.write_text(render(spec), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--plans", type=int, default=20)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    world = build_world(args.seed)
    plans = first_plans(world, args.seed, args.plans)
    args.out.mkdir(parents=True, exist_ok=True)
    write_units(world, args.out / "units.yaml")
    write_plan_files(plans, args.out / "plans")
    write_documents(plans, args.out / "documents")
    count = sum(p.assignment_count for p in plans)
    print(f"{len(world.units):,} units, {len(plans):,} plans, {count:,} assignments in {args.out}")
