"""What the plan flow shows, from the example plans in a real store: artifacts, events, the chart."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.testclient import TestClient

from flows.content import artifact_keys, progress, summary_markdown, table_rows
from flows.events import event_of
from services.plan_view import PlanSnapshot, load_snapshot
from services.plans import load_plan, load_units
from services.sweep import run_sweep
from tests.conftest import EXAMPLES

AS_OF = date(2026, 11, 23)
CITY = "45-KH/TU/2026@ban-thuong-vu-thanh-uy"
NOW = datetime(2026, 11, 23, tzinfo=UTC)


@pytest.fixture
def stored(engine: Engine) -> Engine:
    load_units(engine, EXAMPLES / "units.yaml")
    for path in sorted((EXAMPLES / "plans").glob("*.yaml")):
        load_plan(engine, path, now=NOW)
    return engine


@pytest.fixture
def city(stored: Engine) -> PlanSnapshot:
    return load_snapshot(stored, CITY, AS_OF, 5)


def test_artifact_keys_are_stable_slugs_of_the_plan_key(city: PlanSnapshot) -> None:
    keys = artifact_keys(city.slug)
    assert keys["assignments"] == "plan-45-kh-tu-2026-ban-thuong-vu-thanh-uy-assignments"
    assert all(re.fullmatch(r"[a-z0-9-]*", key) for key in keys.values())


def test_the_table_lists_unit_role_due_status_and_overdue_days(city: PlanSnapshot) -> None:
    rows = table_rows(city)
    assert len(rows) == len(city.lines) == 13
    overdue = next(r for r in rows if r["Mục"] == "II.1.1")
    assert overdue["Đơn vị"] == "Ban Tuyên giáo Thành ủy" and overdue["Vai trò"] == "chủ trì"
    assert overdue["Trạng thái"] == "Quá hạn" and overdue["Hạn (hiệu lực)"] == "2026-03-02"
    assert overdue["Số ngày quá hạn"] == (AS_OF - date(2026, 3, 2)).days
    assert 0 <= progress(city) < 100


def test_the_summary_counts_statuses_ages_the_critical_path_and_the_child_plan(city: PlanSnapshot) -> None:
    text = summary_markdown(city)
    assert "| Quá hạn |" in text and "| Sắp đến hạn |" in text
    assert "## Quá hạn theo thời gian" in text and "trên 120 ngày" in text
    assert "## Đường găng" in text and "III.2" in text
    assert "quá hạn, ảnh hưởng" in text  # II.1.1 is late and II.1.2, II.4, III.1 wait for it
    assert "12-KH/HU" in text and "II.1.2-1" in text  # the district plan did the plan-making task


def test_a_transition_becomes_an_event_named_for_its_status(stored: Engine) -> None:
    outcome = run_sweep(stored, as_of=AS_OF, now=NOW, horizon=5)
    overdue = next(t for t in outcome.transitions if t.new_status == "Quá hạn")
    event = event_of(overdue, AS_OF)
    assert event["event"] == "dondoc.assignment.overdue"
    assert event["resource"]["prefect.resource.id"] == f"dondoc.assignment.{overdue.assignment_id}"  # type: ignore[index]
    roles = {r["prefect.resource.role"] for r in event["related"]}  # type: ignore[attr-defined]
    assert roles == {"plan", "unit"}


def test_the_chart_route_serves_a_timeline_with_a_bar_per_assignment(stored: Engine, tmp_path: Path) -> None:
    from services.context import Context
    from services.settings import Settings
    from web import charts

    context = Context(
        Settings(data_dir=tmp_path, database_url=stored.url.render_as_string(hide_password=False))
    )
    client = TestClient(Starlette(routes=charts.routes(context)))
    answer = client.get(
        "/charts/45-kh-tu-2026-ban-thuong-vu-thanh-uy.svg", params={"as_of": AS_OF.isoformat()}
    )
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("image/svg+xml")
    svg = ET.fromstring(answer.text)
    bars = [
        r
        for r in svg.iter("{http://www.w3.org/2000/svg}rect")
        if r.find("{http://www.w3.org/2000/svg}title") is not None
    ]
    assert len(bars) == 13
    assert any("Quá hạn" in (bar.findtext("{http://www.w3.org/2000/svg}title") or "") for bar in bars)
    assert client.get("/charts/no-such-plan.svg").status_code == 404


def test_the_summary_names_the_group_members_whose_plan_is_still_awaited(city: PlanSnapshot) -> None:
    (wait,) = city.awaited  # "Các quận ủy, huyện ủy …" must each make a plan; one district has
    assert (wait.task, wait.issued) == ("II.1.2-1", ("Huyện ủy An Lạc",))
    assert set(wait.waiting) == {"Huyện ủy Tân Phú", "Quận ủy Đông Hải"}
    assert "1/3 đơn vị đã ban hành kế hoạch; còn chờ:" in summary_markdown(city)
