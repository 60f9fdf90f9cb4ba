"""The synthetic bulk loader writes what `dondoc plan load` writes, on SQLite and PostgreSQL; the
generator's files are the same bytes in every process."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from benchmarks.synthetic.files import write_plan_files, write_units
from benchmarks.synthetic.load import load
from benchmarks.synthetic.plans import first_plans, specs, take_assignments
from benchmarks.synthetic.world import build_world
from services.plans import load_plan, load_units
from store.database import make_engine, migrate

ROOT = Path(__file__).resolve().parents[2]
SEED = 11
AS_OF = date(2026, 6, 15)
ROWS = """SELECT p.key, t.task_key, t.section, u.name, a.key, a.role, a.deadline_kind, a.due, a.effective_due,
  a.tentative, a.deadline_version, v.version, v.effective_due
  FROM assignments a JOIN plans p ON p.id = a.plan_id JOIN tasks t ON t.id = a.task_id
  JOIN units u ON u.id = a.unit_id JOIN deadline_versions v ON v.assignment_id = a.id"""


def _rows(engine: Engine) -> set[tuple[Any, ...]]:
    with engine.connect() as connection:
        # Raw SQL: SQLite gives booleans as 0/1, PostgreSQL as False/True.
        rows = connection.execute(text(ROWS))
        return {tuple(str(int(v) if isinstance(v, bool) else v) for v in row) for row in rows}


def _deadlines(engine: Engine) -> dict[tuple[str, str], Any]:
    query = "SELECT p.key, a.key, a.deadline FROM assignments a JOIN plans p ON p.id = a.plan_id"
    with engine.connect() as connection:
        found = connection.execute(text(query)).all()
    return {(plan, key): json.loads(value) if isinstance(value, str) else value for plan, key, value in found}


def test_the_bulk_loader_stores_the_rows_that_plan_load_stores(engine: Engine, tmp_path: Path) -> None:
    world = build_world(SEED)
    plans = first_plans(world, SEED, 5)
    total = sum(p.assignment_count for p in plans)
    loaded = load(engine, seed=SEED, assignments=total, as_of=AS_OF)
    assert (loaded.plans, loaded.assignments, loaded.units) == (5, total, len(world.units))

    reference = make_engine(f"sqlite:///{tmp_path / 'reference.sqlite3'}")
    migrate(reference)
    load_units(reference, write_units(world, tmp_path / "units.yaml"))
    for path in write_plan_files(plans, tmp_path / "plans"):
        load_plan(reference, path, now=datetime(2026, 1, 1, tzinfo=UTC))
    assert _rows(engine) == _rows(reference)
    assert _deadlines(engine) == _deadlines(reference)


def test_bulk_loaded_reports_arrive_on_time_late_or_never_and_none_after_as_of(engine: Engine) -> None:
    load(engine, seed=SEED, assignments=3000, as_of=AS_OF)
    query = """SELECT SUM(CASE WHEN r.reported_on <= a.effective_due THEN 1 ELSE 0 END),
      SUM(CASE WHEN r.reported_on > a.effective_due THEN 1 ELSE 0 END), COUNT(r.id), COUNT(a.id),
      MAX(r.reported_on) FROM assignments a LEFT JOIN reports r ON r.assignment_id = a.id"""
    with engine.connect() as connection:
        on_time, late, reported, assignments, last = connection.execute(text(query)).one()
    assert assignments == 3000
    assert 0 < late < on_time < reported < assignments
    assert str(last) <= AS_OF.isoformat()


def test_the_generator_writes_the_same_bytes_in_another_process(tmp_path: Path) -> None:
    def digest(folder: Path, hash_seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        command = [
            sys.executable,
            "-m",
            "benchmarks.synthetic",
            "--seed",
            "3",
            "--plans",
            "4",
            "--out",
            str(folder),
        ]
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        return hashlib.sha256(
            b"".join(p.relative_to(folder).as_posix().encode() + p.read_bytes() for p in files)
        ).hexdigest()

    assert digest(tmp_path / "a", "1") == digest(tmp_path / "b", "2")


def test_take_assignments_cuts_the_last_plan_so_the_store_holds_exactly_the_size(engine: Engine) -> None:
    world = build_world(SEED)
    expected = sum(p.assignment_count for p in take_assignments(specs(world, SEED), 777))
    assert expected == 777
    assert load(engine, seed=SEED, assignments=777, as_of=AS_OF).assignments == 777
    with engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM assignments")).scalar_one() == 777
