"""`dondoc up`: the demo on the embedded defaults — Prefect server, flows, feeds, mail sink — until Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

out = Console()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


class Processes:
    """The servers `up` starts, stopped together (each in its own process group) on exit."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.running: list[tuple[str, subprocess.Popen[bytes]]] = []

    def start(self, name: str, command: Sequence[str], env: dict[str, str]) -> None:
        log = (self.logs / f"{name}.log").open("ab")
        process = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.running.append((name, process))
        out.print(f"  started {name} (pid {process.pid}, log {self.logs / (name + '.log')})")

    def check(self) -> None:
        for name, process in self.running:
            if process.poll() is not None:
                raise typer.Exit(_died(name, self.logs / f"{name}.log"))

    def stop(self) -> None:
        for _name, process in reversed(self.running):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for name, process in reversed(self.running):
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
            out.print(f"  stopped {name}")


def _died(name: str, log: Path) -> int:
    tail = log.read_text(errors="replace").splitlines()[-15:] if log.exists() else []
    out.print(f"[bold red]{name} stopped unexpectedly[/]; the end of {log}:")
    for line in tail:
        out.print(f"    {line}", markup=False)
    return 1


def answers_within(url: str, check: Callable[[], object], seconds: float) -> bool:
    """Poll `url` until it answers (True) or `seconds` pass (False); `check` runs before each try and
    raises when what should answer has died. Starting a server is the only wait: nothing is timed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        check()
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.5)
    return False


def _wait_http(url: str, processes: Processes, seconds: float = 90) -> None:
    if not answers_within(url, processes.check, seconds):
        raise typer.Exit(_died(f"no answer from {url}", Path("/dev/null")))


def _run(command: Sequence[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env)
    if result.returncode != 0:
        out.print(f"[bold red]failed:[/] {' '.join(command)}")
        raise typer.Exit(result.returncode)


def up(
    prefect_port: Annotated[int, typer.Option(help="Port of the local Prefect server (UI and API).")] = 4200,
    web_port: Annotated[
        int, typer.Option(help="Port of dondoc's HTTP server (calendar feeds, charts).")
    ] = 8765,
    smtp_port: Annotated[
        int, typer.Option(help="Port of the local SMTP sink that stores mail as files.")
    ] = 8025,
    examples: Annotated[bool, typer.Option(help="Load the example units and plans first.")] = True,
) -> None:
    """Start everything on the embedded defaults, run the daily sweep once, and stay up until Ctrl-C."""
    data = Path(os.environ.get("DONDOC_DATA_DIR", "data")).resolve()
    (data / "logs").mkdir(parents=True, exist_ok=True)
    prefect_url = f"http://127.0.0.1:{prefect_port}"
    env = {
        **os.environ,
        "DONDOC_DATA_DIR": str(data),
        "PREFECT_HOME": str(data / "prefect"),
        "PREFECT_API_URL": f"{prefect_url}/api",
        "PREFECT_UI_URL": prefect_url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DONDOC_PREFECT_UI_URL": prefect_url,
        "DONDOC_PUBLIC_BASE_URL": f"http://127.0.0.1:{web_port}",
        "DONDOC_SMTP_HOST": "127.0.0.1",
        "DONDOC_SMTP_PORT": str(smtp_port),
    }
    dondoc = [sys.executable, "-m", "cli.app"]
    _stop_on_signals()
    processes = Processes(data / "logs")
    (data / "mail").mkdir(exist_ok=True)
    out.print(f"[bold]dondoc[/] — data in {data}")
    try:
        processes.start(
            "prefect-server",
            [
                sys.executable,
                "-m",
                "prefect",
                "server",
                "start",
                "--host",
                "127.0.0.1",
                "--port",
                str(prefect_port),
            ],
            env,
        )
        processes.start(
            "mail-sink", [*dondoc, "mail", "sink", "--port", str(smtp_port), "--dir", str(data / "mail")], env
        )
        processes.start("web", [*dondoc, "serve", "--host", "127.0.0.1", "--port", str(web_port)], env)
        _wait_http(f"{prefect_url}/api/health", processes)
        if examples:
            _run([*dondoc, "units", "load", str(EXAMPLES / "units.yaml")], env)
            _run([*dondoc, "plan", "load", *map(str, sorted((EXAMPLES / "plans").glob("*.yaml")))], env)
        _run([*dondoc, "sweep"], env)
        processes.start("deployments", [sys.executable, "-m", "flows.serve"], env)
        _run([*dondoc, "status"], env)
        _run([*dondoc, "feeds", "list"], env)
        _where_to_look(prefect_url, web_port, data)
        while True:
            processes.check()
            time.sleep(1)
    except KeyboardInterrupt:
        out.print("\nstopping…")
    finally:
        processes.stop()


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _stop_on_signals() -> None:
    # Ctrl-C and a supervisor's SIGTERM both stop everything; a shell that started `make run` in the
    # background may have left SIGINT ignored, so the handler is installed explicitly.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)


def _where_to_look(prefect_url: str, web_port: int, data: Path) -> None:
    out.print()
    out.print("[bold green]dondoc is up.[/] Where to look:")
    out.print(f"  • Prefect UI (flow runs, plan graphs, artifacts): {prefect_url}/runs")
    out.print(f"  • Calendar feeds (subscribe with the links above): http://127.0.0.1:{web_port}/calendars/…")
    out.print(f"  • Mail that would have been sent (.eml files):   {data / 'mail'}")
    out.print(f"  • The database (SQLite):                          {data / 'dondoc.sqlite3'}")
    out.print(f"  • Logs of every server:                           {data / 'logs'}")
    out.print("  Press Ctrl-C to stop everything.")


def register(app: typer.Typer) -> None:
    app.command("up")(up)
