"""`make bench` stages on synthetic data (benchmarks.synthetic): extraction, ingestion, bulk load and
the sweep on a store that looks like a province's.

Each stage returns its figures; nothing is printed here.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, text

from benchmarks.results import Baseline, Figure, size_label
from benchmarks.synthetic.files import write_documents
from benchmarks.synthetic.load import load
from benchmarks.synthetic.plans import PlanSpec, specs
from benchmarks.synthetic.world import build_world

SEED = 7
AS_OF = date(2026, 6, 15)
NOW = datetime(2026, 6, 15, 1, 0, tzinfo=UTC)
HORIZON = 5
EXTRACTION_TARGET = Baseline(1.0, "MB/s", "target of issue 3: ≥ 1 MB/s on one core")


def plans_of_size(size: int, seed: int = SEED) -> list[PlanSpec]:
    """The first plans of the seed's world whose text adds up to about `size` bytes."""
    from benchmarks.synthetic.text import plan_text

    chosen, written = [], 0
    for spec in specs(build_world(seed), seed):
        if written >= size:
            break
        chosen.append(spec)
        written += len(plan_text(spec).encode())
    return chosen


def extraction(generated_bytes: int, seed_rounds: int, repeats: int) -> list[Figure]:
    """MB of text per CPU second, the best of `repeats`: the seeds, then generated plan documents."""
    from benchmarks.extraction_throughput import SEEDS, timed

    figures = []
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if seeds:
        size, cpu, _, found = timed(seeds, seed_rounds, repeats)
        figures.append(
            Figure(
                "extraction.seeds",
                size / cpu,
                "MB/s",
                baseline=EXTRACTION_TARGET,
                note=f"{len(seeds)} seeds x{seed_rounds}, {found} assignments, best of {repeats}",
            )
        )
    with tempfile.TemporaryDirectory(prefix="dondoc-bench-text-") as folder:
        paths = write_documents(plans_of_size(generated_bytes), Path(folder))
        size, cpu, _, found = timed(paths, 1, repeats)
        figures.append(
            Figure(
                "extraction.generated",
                size / cpu,
                "MB/s",
                baseline=EXTRACTION_TARGET,
                note=f"{len(paths)} generated plans, {size:.2f} MB, {found} assignments, best of {repeats}",
            )
        )
    return figures


def ingestion(documents: int) -> list[Figure]:
    """services.ingest over a folder of generated plan documents, into a new SQLite store."""
    from services.ingest import ingest_paths
    from services.settings import Settings
    from store.database import make_engine, migrate

    with tempfile.TemporaryDirectory(prefix="dondoc-bench-ingest-") as folder:
        root = Path(folder)
        plans = [s for s, _ in zip(specs(build_world(SEED), SEED), range(documents), strict=False)]
        write_documents(plans, root / "in")
        engine = make_engine(f"sqlite:///{root / 'dondoc.sqlite3'}")
        migrate(engine)
        settings = Settings(_env_file=None, data_dir=root / "data", database_url=str(engine.url))
        wall, cpu = time.perf_counter(), time.process_time()
        result = ingest_paths(engine, settings, [root / "in"], now=NOW)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        engine.dispose()
    stored = sum(item.assignments for item in result.ingested)
    return [
        Figure(
            "ingestion.sqlite",
            len(result.ingested) / wall,
            "documents/s",
            note=f"{len(result.ingested)} documents ({stored} assignments), {len(result.failures)} failures, "
            f"{cpu / max(1, len(result.ingested)) * 1000:.0f} ms CPU each",
        ),
    ]


def sweep_on_synthetic(engine: Engine, size: int, naive_rows: int) -> list[Figure]:
    """Bulk-load `size` assignments, sweep them (first pass, then the next day), and time the naive loop."""
    from benchmarks.sweep import Run, naive_loop
    from benchmarks.sweep_data import add_reports
    from services.sweep import run_sweep
    from store import sweep_tables  # noqa: F401  (the sweep's columns on assignments)
    from store.database import migrate

    migrate(engine)
    loaded = load(engine, seed=SEED, assignments=size, as_of=AS_OF)
    first = Run(lambda: run_sweep(engine, as_of=AS_OF, now=NOW, horizon=HORIZON))
    if engine.dialect.name == "postgresql":  # as benchmarks.sweep does: clear the first pass's dead rows
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE assignments"))
    add_reports(engine, max(1, size // 1000), AS_OF + timedelta(days=1))  # 0.1% report overnight
    daily = Run(lambda: run_sweep(engine, as_of=AS_OF + timedelta(days=1), now=NOW, horizon=HORIZON))
    rows = min(size, naive_rows)
    naive = Run(lambda: naive_loop(engine, AS_OF + timedelta(days=2), rows))
    naive_seconds = naive.wall * size / rows
    how = "measured" if rows == size else f"timed on {rows:,} rows, scaled"
    prefix = f"synthetic.{engine.dialect.name}.{size_label(size)}"
    return [
        Figure(
            f"{prefix}.load",
            loaded.rows_per_second,
            "rows/s",
            note=f"{loaded.rows:,} rows ({loaded.plans:,} plans, {loaded.assignments:,} assignments, "
            f"{loaded.reports:,} reports) in {loaded.seconds:.1f} s",
        ),
        Figure(
            f"{prefix}.first_sweep",
            first.wall,
            "s",
            "lower",
            note=f"every status new, {first.result.written:,} written, cpu {first.cpu:.2f} s",
        ),
        Figure(
            f"{prefix}.daily_sweep",
            daily.wall,
            "s",
            "lower",
            Baseline(naive_seconds, "s", f"naive ORM loop, {how}"),
            note=f"{daily.result.touched:,} evaluated, {daily.result.transition_count:,} changed, "
            f"cpu {daily.cpu:.3f} s",
        ),
        Figure(
            f"{prefix}.daily_sweep_peak", daily.peak, "MiB", "lower", note="growth of peak resident memory"
        ),
    ]
