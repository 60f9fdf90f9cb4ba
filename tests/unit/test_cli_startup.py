"""`dondoc --help` and a command's --help load the CLI, not the store, extraction or calendars."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "extraction.extract", "calendars.service", "notifications.service", "reports.actions")
PROBE = """
import sys
from cli.app import main
sys.argv = ["dondoc", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("LOADED", *sorted(m for m in {heavy!r} if m in sys.modules))
"""


COMMANDS = [["--help"], ["status", "--help"], ["outbox", "--help"], ["ingest", "--help"]]


@pytest.mark.parametrize("args", COMMANDS)
def test_help_loads_none_of_the_heavy_modules(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=120,
    )
    assert "Usage" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "LOADED"
