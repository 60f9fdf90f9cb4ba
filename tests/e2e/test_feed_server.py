"""The README's feed commands for real: `dondoc feeds ...` and `dondoc serve` on a free loopback port."""

from __future__ import annotations

import gzip
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest

from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.e2e
LINK = re.compile(r"^\s+(http://\S+/calendars/(\S+)\.ics)$", re.MULTILINE)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(data: Path, port: int) -> dict[str, str]:
    env = {**os.environ, "DONDOC_DATA_DIR": str(data), "COLUMNS": "250",
           "DONDOC_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}"}
    env.pop("DONDOC_DATABASE_URL", None)
    return env


def dondoc(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "cli.app", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return done


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[dict[str, str], int, Path]]:
    port = free_port()
    env = environment(tmp_path, port)
    dondoc("units", "load", str(EXAMPLES / "units.yaml"), env=env)
    dondoc("plan", "load", *map(str, sorted((EXAMPLES / "plans").glob("*.yaml"))), env=env)
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "cli.app", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        wait_for(port, process)
        yield env, port, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "dondoc serve stopped"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("dondoc serve did not start listening")


def test_served_links_work_revoke_at_once_and_never_reach_the_log(
    server: tuple[dict[str, str], int, Path],
) -> None:
    env, _port, log = server
    listed = dondoc("feeds", "list", env=env).stdout
    links = LINK.findall(listed)
    assert len(links) >= 20 and listed.count("webcal://127.0.0.1") == len(links)
    for url, _token in links:
        status, headers, body = fetch(url)
        assert status == 200 and headers["content-type"] == "text/calendar; charset=utf-8"
        assert str(icalendar.Calendar.from_ical(body)["X-WR-CALNAME"]).startswith("Hạn nhiệm vụ — ")
    url, token = next((u, t) for u, t in links if "Văn phòng Thành ủy" in listed.split(u)[0].splitlines()[-2])
    status, headers, body = fetch(url, {"Accept-Encoding": "gzip"})
    assert headers["content-encoding"] == "gzip" and gzip.decompress(body).startswith(b"BEGIN:VCALENDAR")
    assert fetch(url, {"If-None-Match": headers["etag"]})[0] == 304
    dondoc("feeds", "revoke", "Văn phòng Thành ủy", env=env)
    assert fetch(url)[0] == 404
    rotated = LINK.findall(dondoc("feeds", "rotate", "Văn phòng Thành ủy", env=env).stdout)
    assert fetch(rotated[0][0])[0] == 200 and rotated[0][1] != token
    built = dondoc("feeds", "build", "--all", env=env).stdout
    assert "feed(s) written" in built
    text = log.read_text()
    assert "/calendars/<token>" in text
    assert not any(t in text for _, t in [*links, *rotated])
