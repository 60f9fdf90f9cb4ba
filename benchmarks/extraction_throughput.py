"""Throughput of the whole extraction, as `dondoc extract` runs it, in MB of text per second on one core.

Each figure times read → normalise → OCR repair (when the text needs it) → document metadata → task
tables → sections → assignments (units, deadlines) → events → Plan, from a file on disk:

- `seeds_per_document`: the five seeds (../shared/seeds, beside the repository) read one by one, in
  rounds, as a coordinator drops in ordinary plans;
- `seeds_concatenated`: the seeds' text repeated in memory into one ~4 MB file (one header, so most of
  it is read as text after the signature: tables, events, references and the OCR check see all of it);
- `generated_1mb` / `generated_8mb`: one long plan built from the fixture corpus
  (tests/fixtures/documents/*.md, *.txt): every fixture's body again and again with its sections
  renumbered under "Điều n." articles, its lists and its task tables, so that sections, tables and
  lists grow with the size rather than one paragraph. `seconds_per_mb_ratio_8mb_vs_1mb` near 1 means
  linear time; well above 1 means something re-reads what it has read.

Rates are MB of file per CPU second (one core), the best of `REPEATS` tries where it says so: on a busy
machine wall time measures the neighbours. The generated plan repeats its fixtures' sentences, so short
lines seen again and again are taken for running headers (page furniture) as in a real document, and
a cache keyed on a sentence would flatter it: extraction keeps none (only the last few unit lists read,
which the same paragraph or table column asks for again, see `extraction.units.read_units`).

Then each stage's share of the time (exclusive: a deadline found inside assignments counts as
deadlines; `plan` includes the validation of the Plan model), from a second, instrumented run.
Prints `name value unit` lines, the machine's load average first and last (CPU seconds of a process
still grow somewhat when other processes share its cores).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.machine import cpu_reference  # noqa: E402
from extraction import (  # noqa: E402
    assignments,
    clauses,
    extract,
    labels,
    lead_ins,
    parentheses,
    readers,
    reading,
    tables,
    text_tables,
    units,
)
from extraction.document import read_metadata  # noqa: E402
from extraction.readers import read_document  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "documents"
CONCATENATED_BYTES = 4_000_000
SEED_ROUNDS = 4
REPEATS = 3
MB = 1e6

# A fixture's top-level heading ("**II. NHIỆM VỤ**", "Điều 2. Tổ chức thực hiện") and its decimal
# sections ("1.", "1.2.") as written in the file, markdown emphasis and all.
_TOP = re.compile(r"^(?P<lead>[*#\s]*)(?:[IVX]{1,5}|Điều\s+\d{1,3})\s*[.)]\s+(?P<rest>\S.*)$")
_DECIMAL = re.compile(r"^(?P<lead>[*#\s]*)(?P<n>\d{1,2}(?:\.\d{1,2}){0,2})(?P<dot>[.)]?)\s+(?P<rest>\S.*)$")
SECTIONS_PER_ARTICLE = 99  # "Điều n." then "1." to "99." under it


def fixture_pieces() -> list[tuple[list[str], list[str]]]:
    """(body lines, task table lines) of each text fixture, as written in its file."""
    pieces = []
    for path in sorted([*FIXTURES.glob("*.md"), *FIXTURES.glob("*.txt")]):
        raw = path.read_text(encoding="utf-8").split("\n")
        info = read_metadata(read_document(path).lines)
        table = [line for line in raw[info.body_last :] if line.lstrip().startswith("|")]
        pieces.append((raw[info.body_first - 1 : info.body_last], table))
    return pieces


def renumbered(body: list[str], section: Callable[[], int]) -> Iterator[str]:
    """A fixture's body one level down: each top-level heading becomes the next "k." of the article,
    its "1.2." sections "k.1.2."; a body without top-level headings gets one."""
    current = None
    if not any(_TOP.match(line) for line in body):
        current = section()
        yield f"{current}. Nhiệm vụ cụ thể"
        yield ""
    for line in body:
        top, decimal = _TOP.match(line), _DECIMAL.match(line)
        if top:
            current = section()
            yield f"{top['lead']}{current}. {top['rest']}"
        elif decimal and current is not None and (decimal["dot"] or "." in decimal["n"]):
            yield f"{decimal['lead']}{current}.{decimal['n']}. {decimal['rest']}"
        else:
            yield line


def generated_document(size: int) -> str:
    """A long plan of about `size` bytes (UTF-8) built from the fixture corpus (see module doc)."""
    frame = FIXTURES / "06_ubnd_huyen_cai_cach_hanh_chinh.txt"  # its header and signature
    header_source = frame.read_text(encoding="utf-8").split("\n")
    info = read_metadata(read_document(frame).lines)
    lines = header_source[: info.body_first - 1]
    footer = header_source[info.body_last :]
    pieces = fixture_pieces()
    article, number, written = 0, SECTIONS_PER_ARTICLE, sum(len(x.encode()) + 1 for x in lines)

    def section() -> int:
        nonlocal number
        number += 1
        return number

    while written < size:
        for body, table in pieces:
            if number >= SECTIONS_PER_ARTICLE - 5:
                article, number = article + 1, 0
                lines += [f"Điều {article}. Nhiệm vụ, giải pháp thực hiện (phần thứ {article})", ""]
            part = [*renumbered(body, section), "", *table, ""]
            lines += part
            written += sum(len(x.encode()) + 1 for x in part)
    return "\n".join(lines + footer)


def run(path: Path) -> extract.Extraction:
    source = read_document(path)
    return extract.extract(source.text, source_name=str(path))


def timed(paths: list[Path], rounds: int = 1, repeats: int = 1) -> tuple[float, float, float, int]:
    """(MB read, CPU seconds, wall seconds, assignments found) for extracting every file `rounds` times;
    the fastest of `repeats` tries, as timeit does: on a busy machine the others measure the neighbours.

    CPU time is the figure: it is what one core spends, however many processes share the machine."""
    size = sum(path.stat().st_size for path in paths) * rounds / MB
    best: tuple[float, float, int] | None = None
    for _ in range(repeats):
        found = 0
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(rounds):
            for path in paths:
                found += len(run(path).plan.assignments)
        tried = (time.process_time() - cpu, time.perf_counter() - wall, found)
        best = tried if best is None or tried[0] < best[0] else best
    assert best is not None
    return size, *best


class Stages:
    """Exclusive time per stage: entering a stage pauses the one it was called from."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.stack: list[tuple[str, float]] = []

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed_call(*args: Any, **kwargs: Any) -> Any:
            now = time.process_time()
            if self.stack:
                outer, since = self.stack[-1]
                self.seconds[outer] += now - since
            self.stack.append((name, now))
            try:
                return function(*args, **kwargs)
            finally:
                done = time.process_time()
                self.seconds[name] += done - self.stack.pop()[1]
                if self.stack:
                    self.stack[-1] = (self.stack[-1][0], done)

        return timed_call


# (stage, module, function name): what extract() and the reader call, where they look it up.
STAGES = (
    ("normalise", readers, "normalize_document"),
    ("normalise", extract, "normalize_document"),
    ("normalise", readers, "gap_tables_as_pipes"),
    ("normalise", extract, "gap_tables_as_pipes"),
    ("ocr_repair", extract, "repair_ocr"),
    ("metadata", extract, "read_metadata"),
    ("tables", extract, "find_task_tables"),
    ("tables", extract, "table_tasks"),
    ("sections", extract, "parse_outline"),
    ("assignments", extract, "read_tasks"),
    ("units", clauses, "read_units"),
    ("units", assignments, "read_units"),
    ("units", assignments, "unit_heading"),
    ("units", labels, "read_units"),
    ("units", tables, "read_units"),
    ("units", parentheses, "read_units"),
    ("units", text_tables, "read_units"),
    ("units", units, "read_units"),
    ("deadlines", assignments, "find_deadlines"),
    ("deadlines", lead_ins, "find_deadlines"),
    ("deadlines", reading, "find_deadlines"),
    ("deadlines", reading, "parse_deadline"),
    ("deadlines", tables, "find_deadlines"),
    ("deadlines", tables, "parse_deadline"),
    ("deadlines", parentheses, "parse_deadline"),
    ("deadlines", text_tables, "parse_deadline"),
    ("events", extract, "find_events"),
    ("plan", extract, "build_plan"),
    ("indicators", extract, "read_indicators"),
)


@contextmanager
def instrumented() -> Iterator[Stages]:
    stages = Stages()
    originals = [(module, name, getattr(module, name)) for _, module, name in STAGES]
    for stage, module, name in STAGES:
        setattr(module, name, stages.wrap(stage, getattr(module, name)))
    try:
        yield stages
    finally:
        for module, name, original in originals:
            setattr(module, name, original)


def shares(label: str, paths: list[Path]) -> None:
    with instrumented() as stages:
        began = time.process_time()
        for path in paths:
            stages.wrap("read", run)(path)
        total = time.process_time() - began
    for stage, seconds in sorted(stages.seconds.items(), key=lambda item: -item[1]):
        print(f"{label}_share_{stage} {100 * seconds / total:.1f} %")


def report(name: str, size: float, cpu: float, wall: float, found: int) -> None:
    took = f"{size:.2f} MB in {cpu:.2f} s CPU, {wall:.2f} s wall"
    print(f"{name} {size / cpu:.2f} MB/s ({took}; {found} assignments)")


def main() -> None:
    print(cpu_reference())
    print(f"load_average_1min_before {os.getloadavg()[0]:.2f} processes")
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    run(FIXTURES / "01_ubnd_tinh_chinh_quyen_so.md")  # imports, holiday calendars, caches
    with tempfile.TemporaryDirectory() as folder:
        if seeds:
            report("seeds_per_document", *timed(seeds, SEED_ROUNDS, REPEATS))
            joined = "\n".join(path.read_text(encoding="utf-8") for path in seeds)
            concatenated = Path(folder) / "seeds_concatenated.txt"
            concatenated.write_text("\n".join([joined] * (CONCATENATED_BYTES // len(joined.encode()))))
            report("seeds_concatenated", *timed([concatenated]))
        per_mb = {}
        for megabytes, repeats in ((1, REPEATS), (8, 1)):
            path = Path(folder) / f"generated_{megabytes}mb.txt"
            path.write_text(generated_document(megabytes * 1_000_000), encoding="utf-8")
            size, cpu, wall, found = timed([path], repeats=repeats)
            report(f"generated_{megabytes}mb", size, cpu, wall, found)
            per_mb[megabytes] = cpu / size
        print(f"seconds_per_mb_ratio_8mb_vs_1mb {per_mb[8] / per_mb[1]:.2f} x")
        if seeds:
            shares("seeds", seeds)
        shares("generated_1mb", [Path(folder) / "generated_1mb.txt"])
    print(f"load_average_1min_after {os.getloadavg()[0]:.2f} processes")


if __name__ == "__main__":
    main()
