"""Every demo feed reads the same in three independent parsers: icalendar, vobject and Mozilla's ical.js."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import icalendar
import pytest
import vobject
from sqlalchemy import Engine, update

from calendars.build import rebuild
from models.plan import Task
from services.status import report_done
from store.database import make_engine, migrate, transaction
from store.plans import save_plan
from store.tables import AssignmentRow
from tests.factories import make_plan
from tests.integration.test_feeds_build import AS_OF, NOW, demo_store

NODE_DIR = Path(__file__).resolve().parents[1] / "e2e" / "node"
TRICKY = "Tổng kết; đánh giá, rút kinh nghiệm\r\nđợt 1 \\ năm 2026"
Item = tuple[str, str, str | None, str, str]  # kind, uid, date, summary, status


@pytest.fixture(scope="module")
def ical_js() -> Path:
    """node with ical.js installed from the committed lock file (npm ci on first use)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node/npm are not installed: ical.js (Thunderbird's parser) cannot be run")
    if not (NODE_DIR / "node_modules" / "ical.js").is_dir():
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, f"npm ci in {NODE_DIR} failed:\n{done.stderr}"
    return NODE_DIR / "parse.mjs"


@pytest.fixture
def feeds(tmp_path: Path) -> Iterator[list[Path]]:
    """The demo, with a report, a cancellation and a title full of characters to escape."""
    engine: Engine = make_engine(f"sqlite:///{tmp_path / 'dondoc.sqlite3'}")
    migrate(engine)
    demo_store(engine)
    task = Task(id="II.1-1", section="II.1", title=TRICKY, deadline=make_plan().tasks[0].deadline)
    tricky = make_plan(tasks=(task,))
    with transaction(engine) as session:
        save_plan(session, tricky, plan_file="x", content_hash="x", source="test", now=NOW)
        session.execute(update(AssignmentRow).where(AssignmentRow.id == 2).values(lifecycle="cancelled"))
    report_done(engine, "1", reported_on=date(2026, 2, 20), note="", now=NOW)
    out = tmp_path / "feeds"
    with transaction(engine) as session:
        rebuild(session, out, as_of=AS_OF, now=NOW, horizon=5, ui_url="https://feeds.example")
    engine.dispose()
    yield sorted(out.rglob("*.ics"))


def by_icalendar(path: Path) -> list[Item]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = []
    for item in calendar.walk():
        if item.name in ("VEVENT", "VTODO"):
            when = item.get("DTSTART" if item.name == "VEVENT" else "DUE")
            found.append((item.name.lower(), str(item["UID"]), when.dt.isoformat() if when else None,
                          str(item["SUMMARY"]), str(item["STATUS"])))
    return sorted(found)


def by_vobject(path: Path) -> list[Item]:
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    found = []
    for kind, when in (("vevent", "dtstart"), ("vtodo", "due")):
        for item in calendar.contents.get(kind, []):
            moment = item.contents.get(when)
            found.append((kind, item.uid.value, moment[0].value.isoformat() if moment else None,
                          item.summary.value, item.status.value))
    return sorted(found)


def by_ical_js(script: Path, paths: list[Path]) -> dict[Path, list[Item]]:
    command = ["node", str(script), *map(str, paths)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    parsed = json.loads(done.stdout)
    return {
        Path(path): sorted(
            (i["kind"], i["uid"], i["date"], i["summary"], i["status"]) for i in found["items"]
        )
        for path, found in parsed.items()
    }


def test_every_demo_feed_reads_alike_in_icalendar_vobject_and_ical_js(
    feeds: list[Path], ical_js: Path
) -> None:
    from_js = by_ical_js(ical_js, feeds)
    assert len(feeds) >= 40 and set(from_js) == set(feeds)
    for path in feeds:
        ours = by_icalendar(path)
        assert ours == by_vobject(path), path.name
        assert ours == from_js[path], path.name
    everything = by_icalendar(next(p for p in feeds if p.name == "all.ics"))
    statuses = {item[4] for item in everything}
    assert statuses == {"CONFIRMED", "TENTATIVE", "CANCELLED"}
    assert any(item[3].startswith("[Chủ trì] (Đã hoàn thành)") for item in everything)
    assert any("; đánh giá, rút kinh nghiệm\nđợt 1 \\ năm 2026" in item[3] for item in everything)
    todos = by_icalendar(next(p for p in feeds if p.name == "all.todo.ics"))
    assert {item[4] for item in todos} == {"NEEDS-ACTION", "COMPLETED", "CANCELLED"}
