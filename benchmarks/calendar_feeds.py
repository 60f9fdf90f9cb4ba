"""Calendar feeds: events/s for a full rebuild, the time to rebuild after one change, requests/s served.

Builds a synthetic store in a temporary folder (SQLite): units (some in groups), plans, tasks and
assignments with every kind of deadline, then measures
  * reading and evaluating every assignment, before the sweep has stored statuses and after;
  * full rebuilds from the database (read, track revisions, render, write atomically): the first one
    (nothing stored yet: everything rendered and stored), a forced one (every feed rewritten from the
    stored blocks) and the headline one, `full_rebuild`, rendering every event again from the rows
    (events per second of CPU time; wall time printed beside it);
  * a rebuild after one assignment's deadline changes, told its id (as the sweep does) and not told;
  * `dondoc serve` under a local load generator: 304s and a ~50 KB feed (wrk when installed, else a
    Python keep-alive client; the output says which).
Prints `name value unit` lines. Usage: python benchmarks/calendar_feeds.py [--assignments N] [--seconds S]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, insert, select, update  # noqa: E402

from benchmarks.machine import cpu_reference  # noqa: E402
from calendars.build import FeedRebuild, rebuild  # noqa: E402
from calendars.source import read_items  # noqa: E402
from models.deadlines import Deadline, DeadlineKind  # noqa: E402
from models.text import name_key  # noqa: E402
from services.sweep import run_sweep  # noqa: E402
from store.database import make_engine, migrate, transaction  # noqa: E402
from store.tables import AssignmentRow, PlanRow, TaskRow, UnitRow  # noqa: E402

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=ZONE)
BASE = "http://127.0.0.1"


def deadlines(rng: random.Random) -> Deadline | None:
    day = date(2026, 1, 1) + timedelta(days=rng.randrange(700))
    choice = rng.random()
    if choice < 0.05:
        return None
    if choice < 0.25:
        start = day.replace(day=1)
        return Deadline(
            text=f"Dự kiến tháng {day.month}/{day.year}",
            kind=DeadlineKind.month,
            start=start,
            due=day,
            tentative=rng.random() < 0.5,
        )
    text = f"trước ngày {day.day}/{day.month}/{day.year}"
    return Deadline(text=text, kind=DeadlineKind.before_date, due=day)


def fill(engine_url: str, assignments: int, seed: int = 7) -> None:
    """Units (1 in 10 in one of five groups), plans of 200 tasks, one lead and one participant per task."""
    rng = random.Random(seed)
    engine = make_engine(engine_url)
    migrate(engine)
    units = [f"Đơn vị số {n} thành phố" for n in range(300)]
    groups = {f"Các đơn vị khối {g}": units[g * 20 : (g + 1) * 20] for g in range(5)}
    weights = [1 / (n + 1) ** 0.9 for n in range(len(units))]  # a few big units, many small ones
    with transaction(engine) as session:
        rows: list[dict[str, object]] = [
            {
                "name": u,
                "name_key": name_key(u),
                "parent": None,
                "is_group": False,
                "external": False,
                "aliases": [],
                "abbreviations": [],
                "members": [],
                "emails": [],
            }
            for u in units
        ]
        rows += [
            {
                "name": g,
                "name_key": name_key(g),
                "parent": None,
                "is_group": True,
                "external": False,
                "aliases": [],
                "abbreviations": [],
                "members": m,
                "emails": [],
            }
            for g, m in groups.items()
        ]
        session.execute(insert(UnitRow), rows)
        ids = {name: id_ for name, id_ in session.execute(select(UnitRow.name, UnitRow.id))}
        per_plan = 200
        for plan_no in range(max(1, assignments // (2 * per_plan))):
            plan_id = _plan(session, plan_no)
            _tasks(session, rng, plan_id, per_plan, ids, units, list(groups), weights)
    engine.dispose()


def _plan(session, plan_no: int) -> int:  # type: ignore[no-untyped-def]
    number = f"{plan_no + 1}-KH/TU"
    return int(
        session.execute(
            insert(PlanRow).returning(PlanRow.id),
            {
                "key": f"{number}/2026@bench",
                "content_hash": str(plan_no),
                "kind": "Kế hoạch",
                "number": number,
                "issued": date(2026, 1, 5),
                "issuer": "Ban Thường vụ Thành ủy",
                "title": f"Kế hoạch số {number}",
                "source": "benchmark",
                "plan_file": "",
                "loaded_at": NOW,
            },
        ).scalar_one()
    )


def _tasks(session, rng, plan_id, count, ids, units, groups, weights) -> None:  # type: ignore[no-untyped-def]
    task_rows = [
        {
            "plan_id": plan_id,
            "task_key": f"T{n}",
            "section": f"II.{n}",
            "text": "",
            "title": f"Tổ chức thực hiện nhiệm vụ {n}, báo cáo kết quả; tổng hợp",
            "depends_on": [],
        }
        for n in range(count)
    ]
    session.execute(insert(TaskRow), task_rows)
    tasks = session.execute(select(TaskRow.id, TaskRow.task_key).where(TaskRow.plan_id == plan_id)).all()
    rows = []
    for task_id, key in tasks:
        deadline = deadlines(rng)
        lead = rng.choice(groups) if rng.random() < 0.05 else rng.choices(units, weights)[0]
        helper = rng.choices(units, weights)[0]
        for unit, role in ((lead, "lead"), (helper, "participant")):
            rows.append(
                {
                    "plan_id": plan_id,
                    "task_id": task_id,
                    "unit_id": ids[unit],
                    "role": role,
                    "key": f"{key}~{ids[unit]}~{role}",
                    "lifecycle": "active",
                    "deadline_version": 1,
                    "deadline": deadline.model_dump(mode="json") if deadline else None,
                    "deadline_kind": deadline.kind.value if deadline else None,
                    "due": deadline.due if deadline else None,
                    "effective_due": deadline.effective_due if deadline else None,
                    "tentative": bool(deadline and deadline.tentative),
                }
            )
    session.execute(insert(AssignmentRow), rows)


def measure_builds(engine_url: str, out: Path) -> None:
    engine = make_engine(engine_url)
    print(cpu_reference())
    day = NOW.date()
    with transaction(engine) as session:
        began = time.perf_counter()
        count = len(read_items(session, as_of=day, horizon=5, ui_url=BASE))
        print(f"assignments {count}")
        print(f"read_and_evaluate_in_python {count / (time.perf_counter() - began):,.0f} assignments/s "
              "(no stored statuses yet)")
    began = time.perf_counter()
    swept = run_sweep(engine, as_of=day, now=NOW, horizon=5, full=True)
    print(f"sweep {time.perf_counter() - began:.2f} s ({swept.touched} assignments, statuses stored)")
    with transaction(engine) as session:
        began = time.perf_counter()
        read_items(session, as_of=day, horizon=5, ui_url=BASE)
        print(f"read_with_stored_statuses {count / (time.perf_counter() - began):,.0f} assignments/s")
    rates = {}
    for label, flags, runs in (("full_rebuild_first", {}, 1), ("full_rebuild_forced", {"force": True}, 3),
                               ("full_rebuild_rendering_all", {"force": True, "reuse": False}, 5)):
        result, cpu, wall = _best(engine, out, runs, **flags)
        rates[label] = result.events / cpu
        print(f"{label} {result.events / cpu:,.0f} events/s CPU time, {result.events / wall:,.0f} events/s "
              f"wall (best of {runs}: {cpu:.2f} s CPU, {wall:.2f} s wall; {len(result.written)} feeds x2, "
              f"{result.events} events, {result.components} events and to-dos, {result.rendered} rendered, "
              f"{result.entries / cpu:,.0f} assignments/s)")
    print(f"full_rebuild {rates['full_rebuild_rendering_all']:,.0f} events/s (target >= 50,000: every feed "
          "rewritten, every event rendered from the database rows, none copied from stored blocks; CPU "
          "time of the process, its fsync threads included. An event is a VEVENT written to a feed file: "
          "each assignment's sits in its unit's feed (each member's for a group), its plan's and the "
          "coordinators'. The to-do files are written too, not counted)")
    size = sum(path.stat().st_size for path in out.rglob("*.ics"))
    print(f"feeds on disk {size / 1e6:.1f} MB")
    for label, ids in (("rebuild_after_one_change_by_id", True), ("rebuild_after_one_change_unknown", False)):
        target = _change_one(engine)
        result, seconds = _timed(engine, out, assignment_ids=[target] if ids else None)
        print(f"{label} {seconds * 1000:.0f} ms ({len(result.written)} of {result.feeds} feeds rewritten: "
              f"{', '.join(result.written)}; {result.entries} assignments read, {result.rendered} rendered)")
    result, seconds = _timed(engine, out)
    print(f"rebuild_nothing_changed {seconds * 1000:.0f} ms ({len(result.written)} written)")
    engine.dispose()


def _timed(engine: Engine, out: Path, **flags: Any) -> tuple[FeedRebuild, float]:
    result, _, wall = _best(engine, out, 1, **flags)
    return result, wall


def _best(engine: Engine, out: Path, runs: int, **flags: Any) -> tuple[FeedRebuild, float, float]:
    """The result of a rebuild and its least CPU and wall seconds over `runs` runs (the machine is
    shared: the least is the one least disturbed)."""
    cpu = wall = float("inf")
    for _ in range(runs):
        with transaction(engine) as session:
            began, began_cpu = time.perf_counter(), time.process_time()
            result = rebuild(session, out, as_of=NOW.date(), now=NOW, horizon=5, ui_url=BASE, **flags)
            session.flush()
            cpu = min(cpu, time.process_time() - began_cpu)
            wall = min(wall, time.perf_counter() - began)
    return result, cpu, wall


def _change_one(engine: Engine) -> int:
    """An extension of one assignment's deadline, written as the store does (status to re-evaluate)."""
    with transaction(engine) as session:
        target = session.scalar(
            select(AssignmentRow).where(AssignmentRow.deadline.is_not(None)).order_by(AssignmentRow.id.desc())
        )
        assert target is not None and target.due is not None
        moved = Deadline.model_validate(target.deadline).moved_to("gia hạn", target.due + timedelta(days=30))
        session.execute(
            update(AssignmentRow)
            .where(AssignmentRow.id == target.id)
            .values(deadline=moved.model_dump(mode="json"), deadline_version=target.deadline_version + 1,
                    due=moved.due, effective_due=moved.effective_due, status=None, changes_on=None)
        )
        return target.id


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class LoadResult:
    rate: float
    note: str


def wrk_load(url: str, headers: dict[str, str], seconds: float) -> LoadResult:
    flags = [item for name, value in headers.items() for item in ("-H", f"{name}: {value}")]
    out = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{seconds:.0f}s", *flags, url], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return LoadResult(rate, f"wrk -t2 -c32, {errors.group(1) if errors else 0} non-2xx/3xx")


def python_load(url: str, headers: dict[str, str], seconds: float, connections: int = 32) -> LoadResult:
    """A keep-alive HTTP/1.1 client on asyncio: each connection sends its next request on each answer."""
    host, port, path = re.match(r"http://([^:/]+):(\d+)(/.*)", url).groups()  # type: ignore[union-attr]
    extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{extra}\r\n".encode()

    async def one(stop: float) -> int:
        reader, writer = await asyncio.open_connection(host, int(port))
        done = 0
        while time.perf_counter() < stop:
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(re.search(rb"content-length: (\d+)", head.lower()).group(1))  # type: ignore[union-attr]
            await reader.readexactly(length)
            done += 1
        writer.close()
        return done

    async def run() -> int:
        stop = time.perf_counter() + seconds
        return sum(await asyncio.gather(*(one(stop) for _ in range(connections))))

    return LoadResult(asyncio.run(run()) / seconds, f"python asyncio client, {connections} connections")


def head(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, method="HEAD", headers=headers or {"Accept-Encoding": "identity"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(response.headers["Content-Length"]), response.headers["ETag"]


def measure_server(data: Path, seconds: float, workers: int) -> None:
    port = free_port()
    env = {**os.environ, "DONDOC_DATA_DIR": str(data), "DONDOC_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}"}
    env.pop("DONDOC_DATABASE_URL", None)
    listing = subprocess.run(
        [sys.executable, "-m", "cli.app", "feeds", "list"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    command = [
        sys.executable,
        "-m",
        "cli.app",
        "serve",
        "--port",
        str(port),
        "--no-access-log",
        "--refresh",
        "0",
        "--workers",
        str(workers),
    ]
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait(port)
        urls = [line.strip() for line in listing.splitlines() if line.strip().startswith("http")]
        _, url = min((abs(head(u)[0] - 50_000), u) for u in urls)
        length, etag = head(url)
        load = wrk_load if shutil.which("wrk") else python_load
        print(
            f"load_generator {'wrk' if load is wrk_load else 'python (wrk not installed)'}; "
            f"server workers {workers}; feed {length:,} bytes; load average {os.getloadavg()[0]:.2f}"
        )
        for label, headers in (
            ("requests_304", {"If-None-Match": etag}),
            ("requests_200_feed", {"Accept-Encoding": "identity"}),
            ("requests_200_feed_gzip", {"Accept-Encoding": "gzip"}),
        ):
            result = load(url, headers, seconds)
            print(f"{label} {result.rate:,.0f} requests/s ({result.note})")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def _wait(port: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("dondoc serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignments", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=8.0, help="Length of each load run.")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes.")
    parser.add_argument("--no-server", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dondoc-feeds-bench-") as folder:
        data = Path(folder)
        url = f"sqlite:///{data / 'dondoc.sqlite3'}"
        fill(url, options.assignments)
        measure_builds(url, data / "feeds")
        if not options.no_server:
            measure_server(data, options.seconds, options.workers)


if __name__ == "__main__":
    main()
