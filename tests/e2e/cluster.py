"""Processes for the multi-worker test: each in its own process group with a log file, all stopped
together; and throwaway databases on the session's PostgreSQL server."""

from __future__ import annotations

import os
import signal
import subprocess
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from cli.up_commands import answers_within


class Processes:
    """Servers and workers started by a test; `stop` ends each one's whole process group."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.running: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, command: Sequence[str], env: dict[str, str], cwd: Path) -> None:
        with (self.logs / f"{name}.log").open("ab") as log:
            self.running[name] = subprocess.Popen(
                list(command), cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def check(self) -> None:
        for name, process in self.running.items():
            if process.poll() is not None:
                pytest.fail(f"{name} exited with {process.returncode}: {self.log(name)[-3000:]}")

    def stop(self) -> None:
        for process in self.running.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.running.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def wait_http(url: str, processes: Processes, seconds: float = 180) -> None:
    if not answers_within(url, processes.check, seconds):
        pytest.fail(f"no answer from {url}")


def run(command: Sequence[str], env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(list(command), cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@contextmanager
def databases(server_url: str, *names: str) -> Iterator[dict[str, str]]:
    """Fresh databases on a PostgreSQL server, dropped afterwards: name → SQLAlchemy URL (psycopg)."""
    url = make_url(server_url)
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    made = {name: f"{name}_{uuid.uuid4().hex[:8]}" for name in names}
    with psycopg.connect(admin, autocommit=True) as connection:
        for database in made.values():
            connection.execute(f'CREATE DATABASE "{database}"')
    try:
        yield {name: url.set(database=db).render_as_string(hide_password=False) for name, db in made.items()}
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            for database in made.values():
                connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
