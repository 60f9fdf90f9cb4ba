"""Figures of a `make bench` run: one printed line each, the run written as JSON, and the comparison
with the latest earlier run of the same kind (full or --quick).

A line reads `name value unit`, then, where the figure has one, `baseline <value> <unit> ratio <x>
(<which baseline>)`, then `previous <value> <unit> ratio <x>` when an earlier JSON has the figure.
Every ratio is "times better": value ÷ baseline for rates, baseline ÷ value for seconds and memory,
so a ratio above 1 is an improvement on the baseline, and on the previous run.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

Better = Literal["higher", "lower"]


@dataclass(frozen=True)
class Baseline:
    value: float
    unit: str
    kind: str  # "naive ORM loop", "target of issue 5", "previous run", …


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    better: Better = "higher"
    baseline: Baseline | None = None
    note: str = ""

    def ratio_to(self, other: float) -> float | None:
        if not other or not self.value:
            return None
        return self.value / other if self.better == "higher" else other / self.value

    def line(self, previous: Figure | None = None) -> str:
        parts = [f"{self.name} {_number(self.value)} {self.unit}"]
        if self.baseline is not None:
            ratio = self.ratio_to(self.baseline.value)
            parts.append(
                f"baseline {_number(self.baseline.value)} {self.baseline.unit} ratio {_ratio(ratio)} "
                f"({self.baseline.kind})"
            )
        if previous is not None and previous.unit == self.unit:
            parts.append(
                f"previous {_number(previous.value)} {previous.unit} "
                f"ratio {_ratio(self.ratio_to(previous.value))}"
            )
        if self.note:
            parts.append(f"# {self.note}")
        return " ".join(parts)


@dataclass(frozen=True)
class Skipped:
    name: str  # the figures' common prefix
    reason: str

    def line(self) -> str:
        return f"{self.name} skipped: {self.reason}"


@dataclass
class Run:
    """One `make bench`: its figures in order, what it skipped, and where it ran."""

    quick: bool
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    commit: str = field(default_factory=lambda: git_commit())
    figures: list[Figure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "commit": self.commit,
            "started": self.started.isoformat(),
            "finished": datetime.now(UTC).isoformat(),
            "quick": self.quick,
            "cpus": os.cpu_count(),
            "figures": [asdict(f) for f in self.figures],
            "skipped": [asdict(s) for s in self.skipped],
            "notes": self.notes,
        }

    def file_name(self) -> str:
        return f"{self.started.strftime('%Y%m%dT%H%M%SZ')}-{self.commit}.json"


def size_label(size: int) -> str:
    """10000 → "10k", 1000000 → "1m": sizes in figure names."""
    for factor, suffix in ((1_000_000, "m"), (1_000, "k")):
        if size >= factor and size % factor == 0:
            return f"{size // factor}{suffix}"
    return str(size)


def _number(value: float) -> str:
    if value == int(value) and abs(value) >= 100:
        return f"{int(value)}"
    return f"{value:.4g}"


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3g}"


def git_commit(root: Path | None = None) -> str:
    """The short sha of HEAD, "+dirty" when the tree has changes; "unknown" outside git."""
    where = root or Path(__file__).resolve().parents[1]
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=where, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=where,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{sha}+dirty" if dirty else sha


def figure_from_json(data: dict[str, Any]) -> Figure:
    baseline = Baseline(**data["baseline"]) if data.get("baseline") else None
    return Figure(
        data["name"],
        float(data["value"]),
        data["unit"],
        data.get("better", "higher"),
        baseline,
        data.get("note", ""),
    )


def previous_figures(folder: Path, *, quick: bool, before: str) -> tuple[str | None, dict[str, Figure]]:
    """The latest earlier run of the same kind in `folder` (files named by UTC time): its file and figures."""
    for path in sorted(folder.glob("*.json"), reverse=True):
        if path.name >= before:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if data.get("quick") == quick:
            return path.name, {f["name"]: figure_from_json(f) for f in data.get("figures", [])}
    return None, {}


def write(run: Run, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / run.file_name()
    path.write_text(json.dumps(run.as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
