"""A small Chrome DevTools Protocol driver for the browser tests: Debian's headless Chromium, over a
websocket (the `websockets` package Prefect brings), no browser download."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.sync.client import connect
from websockets.sync.connection import Connection

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
)
WAIT = 30.0  # a safety net for a hung browser, not a measured time


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        reason = "Chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: CI must run the browser tests")
        pytest.skip(reason)
    return found


class Page:
    """One browser tab: navigate, evaluate JavaScript, set a file input, wait for page loads."""

    def __init__(self, socket: Connection) -> None:
        self.socket, self.next_id, self.events = socket, 0, []  # type: ignore[var-annotated]
        self.call("Page.enable")
        self.call("DOM.enable")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=WAIT))
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            self.events.append(message)

    def wait_for(self, event: str) -> None:
        while not any(e.get("method") == event for e in self.events):
            self.events.append(json.loads(self.socket.recv(timeout=WAIT)))
        self.events.clear()

    def open(self, url: str) -> None:
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def set_file(self, selector: str, path: Path) -> None:
        root = self.call("DOM.getDocument")["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        self.call("DOM.setFileInputFiles", nodeId=node, files=[str(path)])

    def submit(self, expression: str) -> None:
        """Run JavaScript that submits a form, and wait for the page it leads to."""
        self.events.clear()
        self.evaluate(expression)
        self.wait_for("Page.loadEventFired")


@contextmanager
def browser() -> Iterator[Page]:
    binary = chromium()
    # Chromium's helpers (renderers, the crash handler) may still write into the profile a moment after
    # the browser has exited: a profile left behind in /tmp then is no failure of the test.
    with tempfile.TemporaryDirectory(prefix="dondoc-chromium-", ignore_cleanup_errors=True) as profile:
        process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, so that its helpers stop with it
        )
        try:
            endpoint = _devtools_endpoint(process)
            pages = httpx.get(f"http://{endpoint}/json/list", timeout=WAIT).json()
            target = next(p for p in pages if p["type"] == "page")
            with connect(target["webSocketDebuggerUrl"], max_size=None, open_timeout=WAIT) as socket:
                yield Page(socket)
        finally:
            _stop(process)


def _stop(process: subprocess.Popen[str]) -> None:
    """Chromium and every process of its group: asked to end, then killed if they have not."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=WAIT)
    with suppress(ProcessLookupError):  # helpers that outlive the browser
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=WAIT)


def _devtools_endpoint(process: subprocess.Popen[str]) -> str:
    """host:port from Chromium's "DevTools listening on ws://127.0.0.1:PORT/..." line."""
    assert process.stderr is not None
    for line in process.stderr:
        if "DevTools listening on ws://" in line:
            return line.split("ws://", 1)[1].split("/", 1)[0]
    raise RuntimeError(f"Chromium exited ({process.wait()}) without opening DevTools")
