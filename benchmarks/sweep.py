"""The daily sweep at 10k, 100k and 1M assignments on SQLite, next to a naive per-row ORM loop.

Run: `.venv/bin/python -m benchmarks.sweep [--sizes 10000,100000,1000000] [--naive-max 100000]`.
Prints, for each size: the first full pass (every status new), a full re-evaluation a day later, the
daily sweep (only what crossed a threshold or got a report, found by index) and the naive loop
(measured up to --naive-max, extrapolated linearly above it), each with time and the growth of
peak resident memory;
and the Prefect task runs a sweep would create: 4 of its own plus one per assignment of each
changed plan, so they follow changed plans, never the store's size.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from models.deadlines import Deadline
from models.status import Lifecycle, Tracked, evaluate_one
from services.sweep import run_sweep
from store import sweep_tables  # noqa: F401  (its tables and the columns it adds to assignments)
from store.database import make_engine, migrate
from store.tables import AssignmentRow, ReportRow

PER_PLAN = 100  # assignments per plan
AS_OF = date(2026, 6, 15)
NOW = datetime(2026, 6, 15, 0, 0, tzinfo=UTC)
HORIZON = 5
SWEEP_TASKS = 4  # the sweep flow's own task runs: evaluate, events, escalation, feeds


def _generate(engine: Engine, n: int) -> None:
    """n assignments over n/100 plans and 200 units, due dates over two years, 30% reported,
    1% cancelled, 2% extended, 10% without deadline, 0.1% recurring: bulk INSERT … SELECT."""
    plans, units, tasks = max(1, n // PER_PLAN), 200, max(1, n // 2)
    with engine.begin() as c:
        # Secondary indexes are built once after the rows are in: far faster than row by row.
        indexes = c.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN ('assignments', 'reports')"
            )
        ).all()
        c.execute(text("PRAGMA foreign_keys=OFF"))
        c.execute(text("PRAGMA cache_size=-262144"))
        for name, _ in indexes:
            c.execute(text(f"DROP INDEX {name}"))
        seq = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < :n) "
        c.execute(
            text(
                seq + "INSERT INTO units (id, name, name_key, is_group, external, aliases, abbreviations,"
                " members, emails) SELECT i, 'Đơn vị ' || i, 'đơn vị ' || i, 0, 0, '[]', '[]', '[]', '[]'"
                " FROM s"
            ),
            {"n": units},
        )
        c.execute(
            text(
                seq + "INSERT INTO plans (id, key, content_hash, kind, number, title, source, plan_file,"
                " loaded_at) SELECT i, 'plan-' || i, 'h' || i, 'Kế hoạch', i || '-KH/TU', 'Kế hoạch ' || i,"
                " 'bench', '', '2026-01-01 00:00:00' FROM s"
            ),
            {"n": plans},
        )
        c.execute(
            text(
                seq + "INSERT INTO tasks (id, plan_id, task_key, section, title, text, depends_on)"
                f" SELECT i, 1 + (i - 1) / {PER_PLAN // 2}, 'T' || i, 'II.' || (i % 9 + 1),"
                " 'Nhiệm vụ ' || i, '', '[]' FROM s"
            ),
            {"n": tasks},
        )
        c.execute(
            text(
                seq
                + """
            INSERT INTO assignments (id, plan_id, task_id, unit_id, key, role, lifecycle, deadline_version,
              deadline, deadline_kind, due, effective_due, tentative, overdue_days)
            SELECT i, 1 + (i - 1) / :per, 1 + (i - 1) / 2, 1 + i % 200, 'T' || i || '~' || i,
              CASE WHEN i % 2 = 0 THEN 'lead' ELSE 'participant' END,
              CASE WHEN i % 100 = 7 THEN 'cancelled' ELSE 'active' END,
              CASE WHEN i % 50 = 3 THEN 2 ELSE 1 END,
              CASE WHEN i % 10 = 9 THEN NULL WHEN i % 1000 = 5 THEN
                '{"text":"định kỳ hằng tháng","kind":"recurring","start":"2025-01-01","due":"2025-01-31",'
                || '"effective_due":"2025-02-03","recurrence":{"frequency":"monthly"}}'
              ELSE '{"text":"ngày","kind":"on_date","due":"' || d || '","effective_due":"' || d || '"}' END,
              CASE WHEN i % 10 = 9 THEN NULL WHEN i % 1000 = 5 THEN 'recurring' ELSE 'on_date' END,
              CASE WHEN i % 10 = 9 THEN NULL WHEN i % 1000 = 5 THEN '2025-01-31' ELSE d END,
              CASE WHEN i % 10 = 9 THEN NULL WHEN i % 1000 = 5 THEN '2025-02-03' ELSE d END,
              0, 0
            FROM (SELECT i, date('2025-09-01', '+' || ((i * 7919) % 640) || ' days') AS d FROM s)"""
            ),
            {"n": n, "per": PER_PLAN},
        )
        c.execute(
            text("""
            INSERT INTO reports (assignment_id, reported_on, note, channel, recorded_by, recorded_at)
            SELECT id, date(COALESCE(effective_due, '2026-03-01'), printf('%+d days', (id * 31) % 21 - 12)),
              '', 'bench', '', '2026-01-01 00:00:00'
            FROM assignments WHERE id % 10 < 3""")
        )
        for _, sql in indexes:
            c.execute(text(sql))
        c.execute(text("PRAGMA foreign_keys=ON"))
        c.execute(text("ANALYZE"))


def _add_reports(engine: Engine, count: int, on: date) -> None:
    with engine.begin() as c:
        c.execute(
            text("""
            INSERT INTO reports (assignment_id, reported_on, note, channel, recorded_by, recorded_at)
            SELECT id, :on, '', 'bench', '', '2026-06-16 00:00:00' FROM assignments
            WHERE id % 10 >= 3 AND status = 'Quá hạn' ORDER BY id LIMIT :count"""),
            {"on": on.isoformat(), "count": count},
        )


def _peak_rss_mib() -> float:
    """The process's peak resident memory since the last reset (Linux), SQLite's cache included."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _measure(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall time and the growth of peak resident memory (MiB) over the baseline before the call."""
    _reset_peak()
    baseline = _peak_rss_mib()
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    return seconds, _peak_rss_mib() - baseline, result


def naive_loop(engine: Engine, as_of: date) -> int:
    """The obvious way: every assignment as an ORM object, its reports, evaluate_one, assign, commit."""
    with Session(engine) as session:
        reports: dict[int, list[date]] = {}
        for assignment_id, on in session.execute(select(ReportRow.assignment_id, ReportRow.reported_on)):
            reports.setdefault(assignment_id, []).append(on)
        count = 0
        for row in session.scalars(select(AssignmentRow)):
            deadline = Deadline.model_validate(row.deadline) if row.deadline else None
            item = Tracked(
                key=row.key,
                deadline=deadline,
                lifecycle=Lifecycle(row.lifecycle),
                extended=row.deadline_version > 1,
            )
            found = evaluate_one(item, reports.get(row.id, []), as_of, HORIZON)
            row.status, row.overdue_days = found.status.value, found.overdue_days
            row.reported_on, row.changes_on, row.status_as_of = found.reported_on, found.changes_on, as_of
            count += 1
        session.commit()
    return count


def _plan_task_runs(engine: Engine, plans: list[str]) -> int:
    if not plans:
        return SWEEP_TASKS
    with engine.connect() as c:
        counted = c.execute(
            text(
                "SELECT COUNT(*) FROM assignments a JOIN plans p ON p.id = a.plan_id WHERE p.key IN "
                "(SELECT value FROM json_each(:keys))"
            ),
            {"keys": _json(plans)},
        ).scalar_one()
    return SWEEP_TASKS + int(counted)


def _json(items: list[str]) -> str:
    import json

    return json.dumps(items)


def bench(n: int, naive_max: int, folder: Path) -> None:
    engine = make_engine(f"sqlite:///{folder / f'bench-{n}.sqlite3'}")
    migrate(engine)
    gen_seconds, _, _ = _measure(lambda: _generate(engine, n))
    print(f"\n== {n:,} assignments ({n // PER_PLAN:,} plans), generated in {gen_seconds:.1f} s")

    def sweep(as_of: date, full: bool = False) -> Any:
        return run_sweep(engine, as_of=as_of, now=NOW, horizon=HORIZON, full=full, listed=1000)

    rows = [("first full pass (all new)", *_measure(lambda: sweep(AS_OF)))]
    rows.append(("full re-evaluation, next day", *_measure(lambda: sweep(date(2026, 6, 16), full=True))))
    _add_reports(engine, max(1, n // 1000), date(2026, 6, 16))
    rows.append(("daily sweep, next day", *_measure(lambda: sweep(date(2026, 6, 17)))))
    for label, seconds, peak, outcome in rows:
        found = "stale" if outcome.full else "touched"
        print(
            f"  {label:30} {seconds * 1000:9.1f} ms  peak {peak:7.1f} MiB  {found} {outcome.touched:>9,}  "
            f"changed {outcome.transition_count:>9,}  plans {len(outcome.changed_plans):>6,}"
        )
    daily = rows[-1]
    print(
        f"  Prefect task runs for the daily sweep: {_plan_task_runs(engine, daily[3].changed_plans):,} "
        f"({SWEEP_TASKS} + one per assignment of {len(daily[3].changed_plans):,} changed plans; "
        f"the store holds {n:,})"
    )
    _naive(engine, n, naive_max, daily[1])
    engine.dispose()


def _naive(engine: Engine, n: int, naive_max: int, daily_seconds: float) -> None:
    if n <= naive_max:
        seconds, peak, _ = _measure(lambda: naive_loop(engine, date(2026, 6, 17)))
        how = "measured"
    else:
        seconds, peak, how = _naive_per_row * n, float("nan"), f"extrapolated from {naive_max:,}"
    print(
        f"  {'naive ORM loop':30} {seconds * 1000:9.1f} ms  peak {peak:7.1f} MiB  ({how}); "
        f"daily sweep is {seconds / daily_seconds:,.0f}× faster"
    )
    _remember(seconds / n)


_naive_per_row = 0.0


def _remember(per_row: float) -> None:
    global _naive_per_row
    _naive_per_row = per_row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--naive-max", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=None, help="Where the benchmark databases go.")
    args = parser.parse_args(argv)
    print(f"sweep benchmark — SQLite {__import__('sqlite3').sqlite_version}, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        for n in (int(s) for s in args.sizes.split(",")):
            bench(n, args.naive_max, Path(folder))


if __name__ == "__main__":
    main()
