"""The README's `make run`: `dondoc up` starts everything, shows the plans in Prefect, stops on a signal."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.pg import free_port

pytestmark = pytest.mark.e2e


def _post(url: str, body: dict[str, object]) -> list[dict[str, object]]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())  # type: ignore[no-any-return]


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        alive.append(pid)
    return alive


def test_up_runs_the_demo_and_stops_everything_it_started(tmp_path: Path) -> None:
    ports = {"prefect": free_port(), "web": free_port(), "smtp": free_port()}
    env = {**os.environ, "DONDOC_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "200"}
    for name in ("DONDOC_DATABASE_URL", "PREFECT_API_URL", "PREFECT_HOME"):
        env.pop(name, None)
    log = (tmp_path / "up.log").open("w+")
    command = [
        sys.executable,
        "-m",
        "cli.app",
        "up",
        "--prefect-port",
        str(ports["prefect"]),
        "--web-port",
        str(ports["web"]),
        "--smtp-port",
        str(ports["smtp"]),
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        output = _wait_for_up(process, tmp_path / "up.log")
        runs = _post(f"http://127.0.0.1:{ports['prefect']}/api/flow_runs/filter", {"limit": 50})
        names = [str(run["name"]) for run in runs]
        assert any(name.startswith("45-KH/TU") for name in names), names
        assert any(name.startswith("12-KH/HU") for name in names), names
        feed = re.search(rf"http://127\.0\.0\.1:{ports['web']}/calendars/[\w-]+\.ics", output)
        assert feed is not None, output[-2000:]
        with urllib.request.urlopen(feed.group(0), timeout=10) as answer:
            assert answer.headers["content-type"].startswith("text/calendar")
            assert b"BEGIN:VCALENDAR" in answer.read()
        children = [int(pid) for pid in re.findall(r"\(pid (\d+),", output)]
        assert len(children) >= 4
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    deadline = time.monotonic() + 30
    while _alive(children) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _alive(children) == []
    assert "stopped prefect-server" in (tmp_path / "up.log").read_text()


def _wait_for_up(process: subprocess.Popen[bytes], log: Path) -> str:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        output = log.read_text()
        if "dondoc is up" in output:
            return output
        if process.poll() is not None:
            pytest.fail(f"`dondoc up` stopped early:\n{output[-3000:]}")
        time.sleep(1)
    pytest.fail(f"`dondoc up` was not up after 300 s:\n{log.read_text()[-3000:]}")
