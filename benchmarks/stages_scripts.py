"""`make bench` stages that run the area benchmark scripts (each in its own process, so one's memory
peak does not colour the next one's) and read their figures from what they print (parse.py).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks import parse
from benchmarks.results import Baseline, Figure, size_label

ROOT = Path(__file__).resolve().parents[1]
SWEEP_DAILY_TARGET_1M = 0.2  # issue 4: the daily sweep ≤ 0.2 s at 1M
SWEEP_FULL_TARGET_1M = 1.0  # issue 4: a full re-evaluation of 1M ≤ 1 s


PEAK = "growth of the sweeping process's peak resident memory in the step, less the database pages it maps"


class ScriptFailed(Exception):
    """A benchmark script exited non-zero or ran out of time; the message says which and why."""


@dataclass(frozen=True)
class Output:
    text: str
    seconds: float


def run_script(module: str, args: list[str], timeout: float) -> Output:
    """`python -m benchmarks.<module> <args>`, its printed output; over `timeout` it is interrupted
    (SIGINT to its process group, so that its `finally:` stops the servers it started), then killed."""
    started = time.perf_counter()
    command = [sys.executable, "-m", f"benchmarks.{module}", *args]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True) as process:  # fmt: skip
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise ScriptFailed(f"benchmarks.{module} {' '.join(args)} took over {timeout:.0f} s") from None
    if process.returncode != 0:
        tail = " | ".join(stderr.strip().splitlines()[-3:])
        raise ScriptFailed(f"benchmarks.{module} exited {process.returncode}: {tail}")
    return Output(stdout, time.perf_counter() - started)


def _stop(process: subprocess.Popen[str]) -> None:
    for signal_number, grace in ((signal.SIGINT, 30), (signal.SIGKILL, 30)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal_number)
        try:
            process.communicate(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


def sweep_figures(blocks: list[parse.SweepSize], naive_per_row: dict[str, float]) -> list[Figure]:
    """Figures for each database and size benchmarks.sweep ran; the naive loop is the baseline (the
    script times it on SQLite; on PostgreSQL the harness times it per row, `naive_per_row`)."""
    figures = []
    for block in blocks:
        name = f"sweep.{block.dialect}.{size_label(block.size)}"
        naive_ms = block.naive_ms
        if naive_ms is None and block.dialect in naive_per_row:
            naive_ms = naive_per_row[block.dialect] * block.size * 1000
        naive = Baseline(naive_ms / 1000, "s", "naive ORM loop") if naive_ms else None
        for step, short in (
            ("daily sweep", "daily"),
            ("full re-evaluation", "full"),
            ("first pass", "first"),
        ):
            if step not in block.ms:
                continue
            baseline = naive
            if naive is None and block.size == 1_000_000 and short != "first":
                target = SWEEP_DAILY_TARGET_1M if short == "daily" else SWEEP_FULL_TARGET_1M
                baseline = Baseline(target, "s", "target of issue 4")
            figures.append(Figure(f"{name}.{short}_seconds", block.ms[step] / 1000, "s", "lower", baseline))
            if step in block.peak_mib:
                peak = Figure(f"{name}.{short}_peak", block.peak_mib[step], "MiB", "lower", note=PEAK)
                figures.append(peak)
        if block.task_runs is not None:
            figures.append(
                Figure(
                    f"prefect.{block.dialect}.{size_label(block.size)}.task_runs_per_daily_sweep",
                    block.task_runs,
                    "task runs",
                    "lower",
                    Baseline(
                        block.task_runs_flow_per_plan or 0, "task runs", "a flow run for every changed plan"
                    ),
                )
            )
    return figures


def naive_seconds_per_row(url: str, rows: int) -> float:
    """The naive ORM loop on the first `rows` assignments of the store at `url`, per row."""
    from benchmarks.sweep import Run, naive_loop
    from store.database import make_engine

    engine = make_engine(url)
    try:
        timed = Run(lambda: naive_loop(engine, date(2026, 7, 15), rows))
        return float(timed.wall / max(1, timed.result))
    finally:
        engine.dispose()


def feed_figures(output: str) -> list[Figure]:
    figures = []
    # The headline `full_rebuild` (every event rendered again); older output had only the first rebuild.
    full = parse.labelled(output, "full_rebuild", "events/s") or parse.labelled(
        output, "full_rebuild_first", "events/s"
    )
    if full is not None:
        figures.append(
            Figure(
                "feeds.full_rebuild",
                full,
                "events/s",
                baseline=Baseline(50_000, "events/s", "target of issue 6"),
            )
        )
    incremental = parse.labelled(output, "rebuild_after_one_change_by_id", "ms")
    everything = parse.wall_seconds(output, "full_rebuild_rendering_all")
    if incremental is not None:
        baseline = (
            Baseline(everything * 1000, "ms", "a full rebuild rendering every feed") if everything else None
        )
        figures.append(Figure("feeds.incremental_rebuild", incremental, "ms", "lower", baseline))
    generator = parse.load_generator(output) or "unknown"
    for label, name, target in (
        ("requests_304", "feeds.server_304", 3000),
        ("requests_200_feed", "feeds.server_50kb_feed", 1000),
    ):
        rate = parse.labelled(output, label, "requests/s")
        if rate is not None:
            figures.append(
                Figure(
                    name,
                    rate,
                    "requests/s",
                    baseline=Baseline(target, "requests/s", "target of issue 6"),
                    note=f"load generator: {generator}",
                )
            )
    return figures


def email_figures(output: str) -> list[Figure]:
    found = parse.emails(output)
    target = Baseline(200, "emails/s", "target of issue 5")
    figures = []
    if "delivered" in found:
        figures.append(
            Figure(
                "emails.delivered",
                found["delivered"],
                "emails/s",
                baseline=target,
                note="through the outbox to `dondoc mail sink` on 127.0.0.1",
            )
        )
    if "rendered" in found:
        figures.append(Figure("emails.rendered", found["rendered"], "emails/s", baseline=target))
    return figures
