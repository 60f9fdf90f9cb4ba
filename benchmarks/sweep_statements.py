"""The daily sweep at one size on SQLite, statement by statement: each statement's wall and CPU
time, rows and query plan (EXPLAIN QUERY PLAN, taken before it runs and left out of every figure),
what is left outside the statements (the commit, Python), the CPU time of each step of
services.sweep.run_sweep, and then, apart, the checkpoint that copies the sweep's pages from the
write-ahead log into the database.

Run: `.venv/bin/python -m benchmarks.sweep_statements [--size 1000000] [--repeat 3] [--keep DIR]`.
The store is the sweep benchmark's (benchmarks.sweep_data), swept once (every status new) and
copied; each round starts from that copy: a full re-evaluation the next day, 0.1% reported, then the
daily sweep the day after, which is the one broken down (the round with the median wall time).
--keep reuses a store generated earlier in DIR (generating 1M takes about a minute).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from benchmarks.sweep import AS_OF, HORIZON, NOW, yardstick
from benchmarks.sweep_data import add_reports, generate
from services import sweep as service
from services.sweep import Checkpoint, SweepOutcome, checkpoint_wal, run_sweep
from store import sweep_tables  # noqa: F401  (its tables and the columns it adds to assignments)
from store.database import make_engine, migrate

PLANNED = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")


@dataclass
class Statement:
    sql: str
    seconds: float
    cpu: float
    rows: int
    plan: list[str] = field(default_factory=list)


@dataclass
class Recorder:
    """Times every statement an engine runs while `on`, with its query plan."""

    on: bool = False
    statements: list[Statement] = field(default_factory=list)
    started: float = 0.0
    started_cpu: float = 0.0
    plan: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)
    cpu: float = 0.0
    planning: float = 0.0  # spent on EXPLAIN QUERY PLAN, taken out of every figure
    checkpoint: Checkpoint | None = None

    def attach(self, engine: Engine) -> None:
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, _c: Any, cursor: Any, sql: str, params: Any, _ctx: Any, many: bool) -> None:
        if not self.on:
            return
        self.plan, planning = [], time.perf_counter()
        if not many and sql.lstrip().upper().startswith(PLANNED):
            rows = cursor.connection.execute("EXPLAIN QUERY PLAN " + sql, params or ()).fetchall()
            self.plan = [f"{row[0]:>3} {row[1]:>3} {row[3]}" for row in rows]
        self.planning += time.perf_counter() - planning
        self.started, self.started_cpu = time.perf_counter(), time.process_time()

    def _after(self, _c: Any, cursor: Any, sql: str, _p: Any, _ctx: Any, _many: bool) -> None:
        if self.on:
            seconds, cpu = time.perf_counter() - self.started, time.process_time() - self.started_cpu
            self.statements.append(Statement(" ".join(sql.split()), seconds, cpu, cursor.rowcount, self.plan))


PHASES = ("_last_run", "_open_run", "evaluate_pass", "_views", "_plan_changes", "_close_run")


def _timed(name: str, call: Callable[..., Any], into: dict[str, float]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return call(*args, **kwargs)
        finally:
            into[name] = into.get(name, 0.0) + time.process_time() - started

    return timed


@contextmanager
def _phases(engine: Engine, into: dict[str, float]) -> Iterator[None]:
    """Time the steps of services.sweep.run_sweep and the commit, in CPU seconds."""
    saved = {name: getattr(service, name) for name in PHASES}
    commit = engine.dialect.do_commit
    for name, call in saved.items():
        setattr(service, name, _timed(name, call, into))
    engine.dialect.do_commit = _timed("commit", commit, into)  # type: ignore[method-assign]
    try:
        yield
    finally:
        for name, call in saved.items():
            setattr(service, name, call)
        engine.dialect.do_commit = commit  # type: ignore[method-assign]


def _store(folder: Path, size: int) -> Path:
    path, snapshot = folder / f"statements-{size}.sqlite3", folder / f"statements-{size}.snapshot"
    if not snapshot.exists():
        path.unlink(missing_ok=True)
        engine = make_engine(f"sqlite:///{path}")
        migrate(engine)
        generate(engine, size)
        run_sweep(engine, as_of=AS_OF, now=NOW, horizon=HORIZON)
        with engine.connect() as c:
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        shutil.copyfile(path, snapshot)
    return snapshot


def _round(snapshot: Path, size: int, *, full: bool = False) -> tuple[float, SweepOutcome, Recorder]:
    """One round from the snapshot; `full`: the full re-evaluation is the pass broken down."""
    path = snapshot.with_suffix(".sqlite3")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(snapshot, path)
    engine = make_engine(f"sqlite:///{path}")
    recorder = Recorder()
    recorder.attach(engine)
    day = AS_OF + timedelta(days=1)
    if full:
        recorder.on = True
    else:
        run_sweep(engine, as_of=day, now=NOW, horizon=HORIZON, full=True)
        add_reports(engine, max(1, size // 1000), day)
        recorder.on, day = True, day + timedelta(days=1)
    started, cpu = time.perf_counter(), time.process_time()
    with _phases(engine, recorder.phases):
        outcome = run_sweep(engine, as_of=day, now=NOW, horizon=HORIZON, full=full)
    wall, recorder.cpu = time.perf_counter() - started, time.process_time() - cpu
    wall -= recorder.planning
    recorder.cpu -= recorder.planning  # nearly all of it is CPU
    recorder.on = False
    recorder.checkpoint = checkpoint_wal(engine)
    engine.dispose()
    return wall, outcome, recorder


def _report(wall: float, outcome: SweepOutcome, recorder: Recorder) -> None:
    spent = sum(s.seconds for s in recorder.statements)
    label = "full re-evaluation" if outcome.full else "daily sweep"
    print(
        f"{label} {wall * 1000:.1f} ms: evaluated {outcome.touched:,}, written {outcome.written:,}, "
        f"changed {outcome.transition_count:,}, plans {len(outcome.changed_plans):,}"
    )
    for s in recorder.statements:
        print(f"  {s.seconds * 1000:8.2f} ms cpu {s.cpu * 1000:7.2f}  rows {s.rows:>7}  {s.sql[:150]}")
        for line in s.plan:
            print(f"  {'':36}{line}")
    print(f"  statements {spent * 1000:.1f} ms")
    rest = wall - spent
    print(f"  outside the statements (commit, Python) {rest * 1000:.1f} ms")
    print(f"  the sweep's cpu {recorder.cpu * 1000:.1f} ms (EXPLAIN QUERY PLAN taken out)")
    if recorder.checkpoint is not None:
        done = recorder.checkpoint
        print(
            f"  then the checkpoint (not in the sweep): {done.seconds * 1000:.1f} ms, {done.copied:,} pages"
        )
    steps = ", ".join(f"{name} {seconds * 1000:.1f}" for name, seconds in recorder.phases.items())
    print(f"  steps, cpu ms (EXPLAIN QUERY PLAN in evaluate_pass): {steps}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="A folder to keep the store in.")
    parser.add_argument("--full", action="store_true", help="Break down the full re-evaluation instead.")
    args = parser.parse_args(argv)
    folder = args.keep or Path(__import__("tempfile").mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    snapshot = _store(folder, args.size)
    rounds = [_round(snapshot, args.size, full=args.full) for _ in range(args.repeat)]
    print("every round, ms:", ", ".join(f"{r[0] * 1000:.0f}" for r in rounds))
    print("every round, cpu ms:", ", ".join(f"{r[2].cpu * 1000:.0f}" for r in rounds), "·", yardstick())
    median = statistics.median_low([r[0] for r in rounds])
    _report(*next(r for r in rounds if r[0] == median))
    if args.keep is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
