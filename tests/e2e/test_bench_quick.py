"""`python -m benchmarks --quick` end to end: every figure named, the JSON written and readable.

A test of the harness, not of speed: it takes about two minutes (every benchmark script runs, at
small sizes, with a throwaway PostgreSQL cluster when the binaries are installed), hence the e2e mark.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pg import find_pg_bin

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e

SQLITE_FIGURES = [
    "extraction.seeds",
    "extraction.generated",
    "ingestion.sqlite",
    "sweep.sqlite.10k.daily_seconds",
    "sweep.sqlite.10k.daily_peak",
    "sweep.sqlite.10k.full_seconds",
    "sweep.sqlite.10k.full_peak",
    "sweep.sqlite.10k.first_seconds",
    "sweep.sqlite.10k.first_peak",
    "prefect.sqlite.10k.task_runs_per_daily_sweep",
    "synthetic.sqlite.10k.load",
    "synthetic.sqlite.10k.first_sweep",
    "synthetic.sqlite.10k.daily_sweep",
    "synthetic.sqlite.10k.daily_sweep_peak",
    "feeds.full_rebuild",
    "feeds.incremental_rebuild",
    "feeds.server_304",
    "feeds.server_50kb_feed",
    "emails.delivered",
    "emails.rendered",
]


def _run(results: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "benchmarks", "--quick", "--results", str(results)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)


def test_a_quick_bench_prints_every_figure_once_and_writes_them_as_json(
    tmp_path: Path,
) -> None:
    postgres = find_pg_bin() is not None
    expected = SQLITE_FIGURES + (
        [
            n.replace("sqlite", "postgresql")
            for n in SQLITE_FIGURES
            if n.startswith(("sweep.", "prefect.", "synthetic."))
        ]
        if postgres
        else []
    )
    done = _run(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    printed = [line.split()[0] for line in done.stdout.splitlines() if line and not line.startswith("#")]
    assert sorted(printed) == sorted(
        expected + ([] if postgres else ["sweep.postgresql", "prefect.postgresql", "synthetic.postgresql"])
    )
    for line in done.stdout.splitlines():
        if line.split()[0] in expected:
            _, value, unit, *rest = line.split()
            assert float(value) >= 0 and unit
            if rest and rest[0] == "baseline":
                assert rest[3] == "ratio" and float(rest[4]) > 0
    (written,) = tmp_path.glob("*.json")
    data = json.loads(written.read_text())
    assert data["quick"] is True and [f["name"] for f in data["figures"]] == [
        n for n in printed if n in expected
    ]
    assert data["notes"]["missing"] == []
