"""The foundation's slice through the real `dondoc` command: units, plans, status, report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT


def dondoc(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DONDOC_DATA_DIR": str(data), "COLUMNS": "200"}
    env.pop("DONDOC_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "cli.app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_plans_load_report_and_status_through_the_command(tmp_path: Path) -> None:
    assert dondoc("units", "load", str(EXAMPLES / "units.yaml"), data=tmp_path).returncode == 0
    plans = sorted(map(str, (EXAMPLES / "plans").glob("*.yaml")))
    first = dondoc("plan", "load", *plans, data=tmp_path)
    assert first.returncode == 0 and first.stdout.count("created") == 2
    assert dondoc("plan", "load", *plans, data=tmp_path).stdout.count("unchanged") == 2
    listed = dondoc("plans", data=tmp_path)
    assert "45-KH/TU" in listed.stdout and "12-KH/HU" in listed.stdout

    status = json.loads(dondoc("status", "--as-of", "2026-11-23", "--format", "json", data=tmp_path).stdout)
    overdue = [line for line in status if line["status"] == "Quá hạn"]
    assert overdue and {line["status"] for line in status} >= {"Quá hạn", "Sắp đến hạn", "Không có hạn"}
    target = overdue[0]
    reported = dondoc("report", str(target["id"]), "--date", target["effective_due"], data=tmp_path)
    assert reported.returncode == 0, reported.stderr
    again = json.loads(dondoc("status", "--format", "json", data=tmp_path).stdout)
    assert next(line for line in again if line["id"] == target["id"])["status"] == "Hoàn thành đúng hạn"

    by_unit = json.loads(
        dondoc(
            "status",
            "--as-of",
            "2026-11-23",
            "--unit",
            "Văn phòng Thành ủy",
            "--format",
            "json",
            data=tmp_path,
        ).stdout
    )
    assert by_unit and {line["unit"] for line in by_unit} == {"Văn phòng Thành ủy"}


def test_a_bad_plan_file_is_one_clear_error_without_a_traceback(tmp_path: Path) -> None:
    dondoc("units", "load", str(EXAMPLES / "units.yaml"), data=tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (EXAMPLES / "plans" / "12-KH-HU-2026.yaml").read_text().replace("due: 2026-03-30", "due: 2026-02-31")
    )
    result = dondoc("plan", "load", str(bad), data=tmp_path)
    assert result.returncode == 2
    assert "bad.yaml:" in result.stderr and "day is out of range" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "12-KH/HU" not in dondoc("plans", data=tmp_path).stdout


def test_an_unknown_assignment_is_a_clear_error(tmp_path: Path) -> None:
    dondoc("units", "load", str(EXAMPLES / "units.yaml"), data=tmp_path)
    result = dondoc("report", "999", "--date", "2026-11-20", data=tmp_path)
    assert result.returncode == 3 and "no assignment '999'" in result.stderr
