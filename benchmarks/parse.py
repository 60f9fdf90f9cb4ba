"""Reading the figures out of the benchmark scripts' printed output.

Each parser looks for the lines it knows by their label and ignores every other line, so a script
may print more than it used to; a figure whose line is missing is simply not returned (the harness
reports it as missing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NUMBER = r"([\d,]+(?:\.\d+)?)"


def number(text: str) -> float:
    return float(text.replace(",", ""))  # "-0.0" and "nan" too


@dataclass
class SweepSize:
    """What benchmarks.sweep printed for one database and size."""

    dialect: str
    size: int
    ms: dict[str, float] = field(default_factory=dict)  # "first pass", "full re-evaluation", "daily sweep"
    peak_mib: dict[str, float] = field(default_factory=dict)
    task_runs: int | None = None
    task_runs_flow_per_plan: int | None = None
    naive_ms: float | None = None


_SWEEP_HEADER = re.compile(rf"^== (\w+) · {_NUMBER} assignments")
_SWEEP_STEP = re.compile(rf"^\s+(first pass|full re-evaluation|daily sweep)\b.*?\s{_NUMBER} ms\b")
_PEAK = re.compile(r"\bpeak\s+(-?[\d,]+(?:\.\d+)?) MiB")
_TASK_RUNS = re.compile(rf"Prefect task runs of the daily sweep: {_NUMBER}.*would make {_NUMBER}")
_NAIVE = re.compile(rf"^\s+naive ORM loop\s+{_NUMBER} ms")


def sweep(output: str) -> list[SweepSize]:
    """Every "== <database> · <n> assignments" block of benchmarks.sweep's output."""
    found: list[SweepSize] = []
    for line in output.splitlines():
        header = _SWEEP_HEADER.match(line)
        if header:
            found.append(SweepSize(header[1], int(number(header[2]))))
            continue
        if not found:
            continue
        current = found[-1]
        if step := _SWEEP_STEP.match(line):
            current.ms[step[1]] = number(step[2])
            if peak := _PEAK.search(line):
                current.peak_mib[step[1]] = max(0.0, number(peak[1]))
        elif runs := _TASK_RUNS.search(line):
            current.task_runs, current.task_runs_flow_per_plan = int(number(runs[1])), int(number(runs[2]))
        elif naive := _NAIVE.match(line):
            current.naive_ms = number(naive[1])
    return found


def labelled(output: str, label: str, unit: str) -> float | None:
    """The value of a `label value unit` line (thousands separators allowed), the last one printed."""
    pattern = re.compile(rf"^{re.escape(label)}\s+{_NUMBER}\s*{re.escape(unit)}", re.MULTILINE)
    matches = pattern.findall(output)
    return number(matches[-1]) if matches else None


def wall_seconds(output: str, label: str) -> float | None:
    """The wall time of a `label …` line: "… 12.34 s wall …", or else the "(12.34 s; …" that
    calendar_feeds used to print."""
    for pattern in (
        rf"^{re.escape(label)}\s.*?{_NUMBER} s wall",
        rf"^{re.escape(label)}\s.*?\({_NUMBER} s[;)]",
    ):
        matches = re.findall(pattern, output, re.MULTILINE)
        if matches:
            return number(matches[-1])
    return None


_DELIVERED = re.compile(rf"^deliver:.*?=\s*{_NUMBER} emails/s", re.MULTILINE)
_RENDERED = re.compile(rf"^render:.*?\({_NUMBER} emails/s", re.MULTILINE)


def emails(output: str) -> dict[str, float]:
    """benchmarks.email_throughput's delivered and rendered emails per second."""
    found = {}
    if delivered := _DELIVERED.findall(output):
        found["delivered"] = number(delivered[-1])
    if rendered := _RENDERED.findall(output):
        found["rendered"] = number(rendered[-1])
    return found


def load_generator(output: str) -> str | None:
    match = re.search(r"^load_generator (\w+)", output, re.MULTILINE)
    return match[1] if match else None
