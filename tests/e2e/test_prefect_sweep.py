"""The daily sweep against a real Prefect server, read back through its API, and seen in a real browser.

Starts `prefect server start` (SQLite in a temp PREFECT_HOME, a free port on 127.0.0.1), loads the
example plans, runs `dondoc sweep --as-of 2026-11-23` twice, and checks what a coordinator would see:
one plan flow run per changed plan, task runs named for their status ("Quá hạn"), dependencies as in
the plan's DAG, the artifacts, one event per status change stored by the server — and that the second
sweep started no plan flow and announced nothing again. Headless Chromium then
opens the flow run in the Prefect UI; the screenshot is kept in test-artifacts/.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cli.up_commands import answers_within
from tests.conftest import EXAMPLES, ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]
AS_OF = "2026-11-23"
CITY = "45-KH/TU/2026@ban-thuong-vu-thanh-uy"
ARTIFACTS = ROOT / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 240) -> None:
    def alive() -> None:
        if process.poll() is not None:
            pytest.fail(f"prefect server exited: {log.read_text()[-2000:]}")

    if not answers_within(url, alive, seconds):
        pytest.fail(f"no answer from {url}: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": f"{url}/api",
        "PREFECT_UI_URL": url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_API_HOST": "127.0.0.1",
    }
    log = home / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for(f"{url}/api/health", process, log)
        yield env
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def dondoc(env: dict[str, str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    full = {
        **env,
        "DONDOC_DATA_DIR": str(data),
        "DONDOC_PUBLIC_BASE_URL": "http://127.0.0.1:9",
        "DONDOC_SMTP_PORT": str(_free_port()),
        "COLUMNS": "200",
        "PYTHONPATH": str(ROOT),
    }
    full.pop("DONDOC_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "cli.app", *args],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


async def _read_back(api_url: str) -> dict[str, Any]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName, FlowRunFilter
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        async with get_client() as client:
            runs = await client.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=["plan"])))
            city = next(r for r in runs if r.parameters.get("plan_key") == CITY)
            tasks = await client.read_task_runs(flow_run_filter=FlowRunFilter(id={"any_": [city.id]}))
            artifacts = await client.read_artifacts()
    return {"runs": runs, "city": city, "tasks": tasks, "artifacts": artifacts}


async def _events(api_url: str) -> tuple[int, list[Any]]:
    """How many dondoc events the server stores, and the newest of them (a page holds 50 at most)."""
    from prefect.client.orchestration import get_client
    from prefect.events.filters import EventFilter, EventNameFilter
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        async with get_client() as client:
            page = await client.read_events(EventFilter(event=EventNameFilter(prefix=["dondoc.assignment."])),
                                            limit=50)
    return page.total, list(page.events)


def _stored_events(api_url: str, count: int, seconds: float = 120) -> tuple[int, list[Any]]:
    """The server's dondoc events once `count` are stored (it persists them in batches, a little later)."""
    deadline = time.monotonic() + seconds
    while (found := asyncio.run(_events(api_url)))[0] < count and time.monotonic() < deadline:
        time.sleep(1)
    return found


def _section(task_run_name: str) -> str:
    return task_run_name.split(" · ")[0]


def test_the_sweep_shows_each_changed_plan_as_a_dag_of_named_states(
    server: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    dondoc(server, data, "units", "load", str(EXAMPLES / "units.yaml"))
    _ingest_twice(server, data, tmp_path / "inbox")
    first = dondoc(server, data, "sweep", "--as-of", AS_OF)
    assert "2 plan(s) changed" in first.stdout
    changes, sent = map(int, re.search(r"(\d+) status change.*?(\d+) event", first.stdout).groups())  # type: ignore[union-attr]
    assert changes > 0 and sent == changes

    seen = asyncio.run(_read_back(server["PREFECT_API_URL"]))
    assert len(seen["runs"]) == 2  # one flow run per changed plan
    tasks = seen["tasks"]
    assert len(tasks) == 13  # one task run per assignment of 45-KH/TU
    by_id = {t.id: t for t in tasks}
    overdue = [t for t in tasks if t.state.name == "Quá hạn"]
    assert overdue and all(t.state.type.value == "FAILED" for t in overdue)
    assert {t.state.name for t in tasks} >= {"Quá hạn", "Sắp đến hạn", "Chưa đến hạn", "Không có hạn"}
    assert all(t.state.type.value in ("COMPLETED", "FAILED", "CANCELLED") for t in tasks)

    drawn = {
        (_section(by_id[i.id].name), _section(t.name))
        for t in tasks
        for i in t.task_inputs.get("wait_for", [])
    }
    assert drawn == {("II.1.1", "II.1.2"), ("II.2", "II.3"), ("II.1.2", "II.4"), ("II.4", "III.1")}
    assert all(
        set(t.task_inputs) <= {"wait_for", "assignment"} and not t.task_inputs.get("assignment")
        for t in tasks
    )

    keys = {(a.key, a.type) for a in seen["artifacts"]}
    slug = "plan-45-kh-tu-2026-ban-thuong-vu-thanh-uy"
    assert {
        (f"{slug}-assignments", "table"),
        (f"{slug}-summary", "markdown"),
        (f"{slug}-progress", "progress"),
        (f"{slug}-timeline", "image"),
    } <= keys

    stored, newest = _stored_events(server["PREFECT_API_URL"], changes)
    assert stored == changes
    assert any(e.event == "dondoc.assignment.overdue" and e.payload["status"] == "Quá hạn" for e in newest)

    second = dondoc(server, data, "sweep", "--as-of", AS_OF)
    assert "0 plan(s) changed" in second.stdout and "0 event(s)" in second.stdout
    assert len(asyncio.run(_read_back(server["PREFECT_API_URL"]))["runs"]) == 2  # no new plan flow run
    assert asyncio.run(_events(server["PREFECT_API_URL"]))[0] == changes

    _screenshot(server["PREFECT_UI_URL"], str(seen["city"].id), tmp_path)


def _ingest_twice(env: dict[str, str], data: Path, inbox: Path) -> None:
    """The inbox deployment's flow, run twice over the plans and a second copy of one of them."""
    (inbox / "plans").mkdir(parents=True)
    plans = sorted((EXAMPLES / "plans").glob("*.yaml"))
    for path in plans:
        shutil.copy(path, inbox / "plans" / path.name)
    shutil.copy(plans[0], inbox / f"copy-of-{plans[0].name}")
    run = f"from flows.ingest import ingest_inbox; print(ingest_inbox({str(inbox)!r}))"
    full = {**env, "DONDOC_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", run], cwd=ROOT, env=full, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, done.stderr[-3000:]
    listed = dondoc(env, data, "plans").stdout
    assert listed.count("45-KH/TU/2026@") == 1 and listed.count("12-KH/HU/2026@") == 1  # no second plan
    assert done.stdout.count("unchanged") == 3 and "created" not in done.stdout  # the second run


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _screenshot(ui_url: str, flow_run_id: str, tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed: .ci/run installs Debian's chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "prefect-plan-flow-run.png"
    page = f"{ui_url}/runs/flow-run/{flow_run_id}"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium'}",
        "--window-size=1600,1300",
        "--virtual-time-budget=20000",
        "--hide-scrollbars",
    ]
    dom = subprocess.run([browser, *flags, "--dump-dom", page], capture_output=True, text=True, timeout=180)
    subprocess.run([browser, *flags, f"--screenshot={shot}", page], capture_output=True, timeout=180)
    (ARTIFACTS / "prefect-plan-flow-run.html").write_text(dom.stdout)
    assert "Quá hạn" in dom.stdout  # the state names are on the page
    assert shot.exists() and shot.stat().st_size > 20_000
