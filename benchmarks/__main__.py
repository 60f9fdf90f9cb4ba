"""`make bench`: every figure of issue 8, one line each, also written to bench-results/<UTC time>-<sha>.json.

    .venv/bin/python -m benchmarks [--quick] [--no-postgres] [--results DIR]

Stages, in order: extraction (MB/s: the seeds, then generated plan documents), ingestion (documents/s
into SQLite), calendar feeds (benchmarks.calendar_feeds: full and incremental rebuild, wrk against
`dondoc serve`), email (benchmarks.email_throughput: delivered to a local SMTP sink), the sweep
(benchmarks.sweep at 10k, 100k, 1M on SQLite, then on PostgreSQL one size at a time, against the
naive per-row ORM loop; the Prefect task runs a daily sweep creates), and last the sweep on synthetic
province data (benchmarks.synthetic: bulk load rows/s, sweeps, naive loop). PostgreSQL is a throwaway
cluster (tests/pg.py); without its binaries its figures are skipped with the reason printed.

Time: the full run has a budget of 570 s (under ten minutes with start-up) on a 2-core machine; each
script gets at most what is left of it, so on a busy machine the last figures (PostgreSQL at 1M,
whose first pass is the slowest step) may be skipped, each with its reason, and the run exits 1.
--quick runs every stage at small sizes (about two minutes): a smoke test of the harness, compared
only with earlier --quick runs. Line format and ratios: benchmarks/results.py.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks import parse
from benchmarks.results import Figure, Run, Skipped, previous_figures, size_label, write
from benchmarks.stages_scripts import (
    Output,
    ScriptFailed,
    email_figures,
    feed_figures,
    naive_seconds_per_row,
    run_script,
    sweep_figures,
)
from benchmarks.stages_synthetic import extraction, ingestion, sweep_on_synthetic

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Sizes:
    extraction_bytes: int
    seed_rounds: int
    repeats: int
    ingest_documents: int
    sweep_sizes: tuple[int, ...]
    sweep_repeat: int  # rounds on PostgreSQL (each one refills the database)
    sqlite_repeat: int  # rounds on SQLite (each from a copy): the median of three, not one sample
    naive_max: int
    synthetic_sizes: tuple[int, ...]
    feed_assignments: int
    feed_seconds: int
    email_units: int
    script_timeout: float  # the most one script may take
    budget: float  # seconds for the whole run: later scripts get what is left


FULL = Sizes(
    extraction_bytes=1_000_000, seed_rounds=2, repeats=2, ingest_documents=40,
    sweep_sizes=(10_000, 100_000, 1_000_000), sweep_repeat=1, sqlite_repeat=3, naive_max=10_000,
    synthetic_sizes=(100_000,),
    feed_assignments=10_000, feed_seconds=4, email_units=1000, script_timeout=420, budget=570,
)  # fmt: skip
QUICK = Sizes(
    extraction_bytes=150_000, seed_rounds=1, repeats=1, ingest_documents=6,
    sweep_sizes=(10_000,), sweep_repeat=1, sqlite_repeat=1, naive_max=2_000, synthetic_sizes=(10_000,),
    feed_assignments=2_000, feed_seconds=1, email_units=100, script_timeout=180, budget=170,
)  # fmt: skip


# About what loading and sweeping synthetic data takes on one database (busy machine): kept in reserve.
SYNTHETIC_SECONDS = {10_000: 12, 100_000: 35}


def expected_names(sizes: Sizes, postgres: bool) -> list[str]:
    """Every figure the run is meant to print (a missing one is reported as missing)."""
    names = ["extraction.seeds", "extraction.generated", "ingestion.sqlite"]
    dialects = ("sqlite", "postgresql") if postgres else ("sqlite",)
    for dialect in dialects:
        for size in map(size_label, sizes.sweep_sizes):
            for step in ("daily", "full", "first"):
                names += [f"sweep.{dialect}.{size}.{step}_seconds", f"sweep.{dialect}.{size}.{step}_peak"]
            names.append(f"prefect.{dialect}.{size}.task_runs_per_daily_sweep")
    for dialect in dialects:
        for size in map(size_label, sizes.synthetic_sizes):
            names += [
                f"synthetic.{dialect}.{size}.{f}"
                for f in ("load", "first_sweep", "daily_sweep", "daily_sweep_peak")
            ]
    names += ["feeds.full_rebuild", "feeds.incremental_rebuild", "feeds.server_304", "feeds.server_50kb_feed"]
    return [*names, "emails.delivered", "emails.rendered"]


@contextlib.contextmanager
def postgres(enabled: bool) -> Iterator[tuple[str | None, str]]:
    """(URL of a throwaway PostgreSQL cluster, "") or (None, why there is none)."""
    if not enabled:
        yield None, "--no-postgres given"
        return
    from tests.pg import find_pg_bin, throwaway_cluster

    found = find_pg_bin()
    if found is None:
        yield None, "no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql"
        return
    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(throwaway_cluster(found))
        except subprocess.CalledProcessError as error:
            yield None, f"the throwaway cluster did not start: {error}"
            return
        yield url, ""


def _reset(url: str) -> None:
    from sqlalchemy import text

    from store.database import make_engine

    engine = make_engine(url)
    with engine.begin() as c:
        c.execute(text("DROP SCHEMA public CASCADE"))
        c.execute(text("CREATE SCHEMA public"))
    engine.dispose()


class Report:
    """Prints each figure as it comes (with the previous run's value) and keeps it for the JSON."""

    def __init__(self, run: Run, previous: dict[str, Figure], seconds: float) -> None:
        self.run, self.previous = run, previous
        self.deadline = time.monotonic() + seconds
        self.failed: list[str] = []

    def add(self, figures: list[Figure]) -> None:
        for figure in figures:
            self.run.figures.append(figure)
            print(figure.line(self.previous.get(figure.name)), flush=True)

    def skip(self, name: str, reason: str, *, failure: bool = False) -> None:
        self.run.skipped.append(Skipped(name, reason))
        print(self.run.skipped[-1].line(), flush=True)
        if failure:
            self.failed.append(name)

    def script(self, module: str, args: list[str], timeout: float) -> Output:
        """Run a benchmark script; its raw output goes into the JSON too (notes.outputs)."""
        output = run_script(module, args, timeout)
        self.run.notes.setdefault("outputs", []).append(
            {"script": module, "args": args, "output": output.text}
        )
        return output

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def timeout(self, cap: float, reserve: float = 0.0) -> float:
        """A script's time limit: its cap, or what is left of the run's budget once `reserve` seconds
        are kept for what comes after it (at least half a minute)."""
        return max(30.0, min(cap, self.left() - reserve))


def stages(sizes: Sizes, url: str | None, report: Report) -> list[tuple[str, Callable[[], None]]]:
    def sweep_sqlite() -> None:
        args = ["--sizes", ",".join(map(str, sizes.sweep_sizes)), "--repeat", str(sizes.sqlite_repeat),
                "--naive-max", str(sizes.naive_max)]  # fmt: skip
        output = report.script("sweep", args, report.timeout(sizes.script_timeout))
        report.add(sweep_figures(parse.sweep(output.text), {}))

    def sweep_postgres() -> None:
        # One size at a time, smallest first, so that a size that overruns the budget loses only itself.
        # The script times the naive loop on SQLite only; on PostgreSQL it is timed here, per row, once
        # (on the store the first size left behind), and scaled to each size as the script does.
        assert url is not None
        naive: dict[str, float] = {}
        synthetic_seconds = 2 * sum(SYNTHETIC_SECONDS.get(size, 60) for size in sizes.synthetic_sizes)
        for size in sizes.sweep_sizes:
            args = [
                "--sizes",
                str(size),
                "--repeat",
                str(sizes.sweep_repeat),
                "--no-sqlite",
                "--postgres",
                url,
            ]
            try:
                output = report.script("sweep", args, report.timeout(sizes.script_timeout, synthetic_seconds))
            except ScriptFailed as error:
                report.skip(f"sweep.postgresql.{size_label(size)}", str(error), failure=True)
                break
            if not naive:
                naive["postgresql"] = naive_seconds_per_row(url, min(size, sizes.naive_max // 2))
            report.add(sweep_figures(parse.sweep(output.text), naive))

    def synthetic() -> None:
        from store.database import make_engine

        with tempfile.TemporaryDirectory(prefix="dondoc-bench-synthetic-") as folder:
            for size in sizes.synthetic_sizes:
                for each in [
                    f"sqlite:///{Path(folder) / f'synthetic-{size}.sqlite3'}",
                    *([url] if url else []),
                ]:
                    if report.left() < SYNTHETIC_SECONDS.get(size, 60):
                        name = f"synthetic.{'postgresql' if each == url else 'sqlite'}.{size_label(size)}"
                        report.skip(name, "no time left in the run's budget", failure=True)
                        continue
                    if each == url:
                        _reset(each)
                    engine = make_engine(each)
                    report.add(sweep_on_synthetic(engine, size, sizes.naive_max // 2))
                    engine.dispose()

    def feeds() -> None:
        args = ["--assignments", str(sizes.feed_assignments), "--seconds", str(sizes.feed_seconds)]
        report.add(
            feed_figures(report.script("calendar_feeds", args, report.timeout(sizes.script_timeout)).text)
        )

    def emails() -> None:
        args = ["--units", str(sizes.email_units)]
        report.add(
            email_figures(report.script("email_throughput", args, report.timeout(sizes.script_timeout)).text)
        )

    def extract() -> None:
        report.add(extraction(sizes.extraction_bytes, sizes.seed_rounds, sizes.repeats))

    return [
        ("extraction", extract),
        ("ingestion", lambda: report.add(ingestion(sizes.ingest_documents))),
        ("feeds", feeds),
        ("emails", emails),
        ("sweep.sqlite", sweep_sqlite),
        # On a busy machine the first pass at 1M on PostgreSQL is what may not fit in the budget: it gets
        # what is left, and the sweep on synthetic data (the same figures on other data) comes last.
        *([("sweep.postgresql", sweep_postgres)] if url else []),
        ("synthetic", synthetic),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="Small sizes: a ~2-minute smoke run.")
    parser.add_argument("--no-postgres", action="store_true", help="Skip the PostgreSQL figures.")
    parser.add_argument("--results", type=Path, default=ROOT / "bench-results", help="Where the JSON goes.")
    args = parser.parse_args(argv)
    # Stopped from outside (a CI timeout, kill): unwind, so that the PostgreSQL cluster is stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sizes, run = (QUICK if args.quick else FULL), Run(quick=args.quick)
    earlier, previous = previous_figures(args.results, quick=args.quick, before=run.file_name())
    began = time.perf_counter()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    mode = " --quick" if args.quick else ""
    print(f"# make bench{mode} · commit {run.commit} · {os.cpu_count()} CPUs · load average {load} · "
          f"previous run: {earlier or 'none'}", flush=True)  # fmt: skip
    report = Report(run, previous, sizes.budget)
    with postgres(not args.no_postgres) as (url, reason):
        if url is None:
            for area in ("sweep", "prefect", "synthetic"):
                report.skip(f"{area}.postgresql", reason)
        for name, stage in stages(sizes, url, report):
            started = time.perf_counter()
            try:
                stage()
            except Exception as error:  # one stage failing must not lose the others' figures
                report.skip(name, f"failed: {type(error).__name__}: {error}", failure=True)
            print(f"# {name} took {time.perf_counter() - started:.0f} s", flush=True)
    printed = {f.name for f in run.figures}
    missing = [n for n in expected_names(sizes, url is not None) if n not in printed]
    for name in missing:
        print(f"{name} missing", flush=True)
    run.notes.update(
        seconds=round(time.perf_counter() - began, 1), load_average=os.getloadavg(), missing=missing
    )
    path = write(run, args.results)
    print(
        f"# {len(run.figures)} figures in {time.perf_counter() - began:.0f} s; written to {path}", flush=True
    )
    return 1 if report.failed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
