"""Unit heads' report pages over real HTTP requests (Starlette's test client): own assignments only,
anti-forgery tokens, upload limits, and the status change after a report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from reports.archive import MAX_BYTES
from reports.unit_links import unit_token
from services.context import Context
from services.plans import load_plan, load_units
from services.settings import Settings
from tests.conftest import EXAMPLES
from web.app import build_app

UNIT = "Văn phòng Thành ủy"
OTHER = "Ban Tuyên giáo Thành ủy"


@pytest.fixture
def site(tmp_path: Path) -> tuple[Context, TestClient]:
    context = Context(Settings(data_dir=tmp_path / "data"))
    load_units(context.engine, EXAMPLES / "units.yaml")
    load_plan(context.engine, EXAMPLES / "plans" / "45-KH-TU-2026.yaml", now=context.now())
    return context, TestClient(build_app(context), follow_redirects=False)


def _forms(html: str) -> dict[int, str]:
    """Assignment id → its form's anti-forgery token."""
    found = re.findall(
        r'action="/units/[^"]+/assignments/(\d+)/report">\s*<input type="hidden" name="csrf" '
        r'value="([0-9a-f]+)"',
        html,
    )
    return {int(a): token for a, token in found}


def _other_units_assignment(context: Context, client: TestClient) -> int:
    _, token = unit_token(context, OTHER)
    return next(iter(_forms(client.get(f"/units/{token}").text)))


def test_report_page_lists_the_units_open_assignments_and_nothing_for_a_wrong_token(site) -> None:  # type: ignore[no-untyped-def]
    context, client = site
    _, token = unit_token(context, UNIT)
    page = client.get(f"/units/{token}")
    assert page.status_code == 200 and UNIT in page.text and _forms(page.text)
    assert page.headers["referrer-policy"] == "no-referrer"
    assert client.get("/units/" + "x" * 43).status_code == 404
    assert (
        client.get(
            f"/units/{token[:-1]}A" if not token.endswith("A") else f"/units/{token[:-1]}B"
        ).status_code
        == 404
    )


def test_a_report_from_the_page_changes_the_status_and_archives_the_file(site) -> None:  # type: ignore[no-untyped-def]
    context, client = site
    _, token = unit_token(context, UNIT)
    assignment, csrf = next(iter(_forms(client.get(f"/units/{token}").text).items()))
    sent = client.post(
        f"/units/{token}/assignments/{assignment}/report",
        data={"csrf": csrf, "reported_on": context.today().isoformat(), "note": "đã xong"},
        files={"file": ("../../etc/passwd.txt", "Báo cáo kết quả".encode(), "text/plain")},
    )
    assert sent.status_code == 303
    page = client.get(sent.headers["location"])
    assert f'id="assignment-{assignment}"' in page.text and assignment not in _forms(page.text)
    assert "Hoàn thành" in page.text.split(f'id="assignment-{assignment}"')[1].split("</tr>")[0]
    archived = [p for p in (context.settings.data_dir / "archive").rglob("*") if p.is_file()]
    assert len(archived) == 1 and re.fullmatch(r"[0-9a-f]{64}\.txt", archived[0].name)


def test_a_report_page_refuses_forged_foreign_and_bad_submissions(site) -> None:  # type: ignore[no-untyped-def]
    context, client = site
    _, token = unit_token(context, UNIT)
    assignment, csrf = next(iter(_forms(client.get(f"/units/{token}").text).items()))
    url = f"/units/{token}/assignments/{assignment}/report"
    today = context.today().isoformat()
    assert client.post(url, data={"csrf": "0" * 64, "reported_on": today}).status_code == 403
    foreign = _other_units_assignment(context, client)
    foreign_url = f"/units/{token}/assignments/{foreign}/report"
    from reports.unit_links import form_key
    from reports.unit_page import form_token

    forged = form_token(form_key(context), token, foreign)  # even a valid token for it: not this unit's
    assert client.post(foreign_url, data={"csrf": forged, "reported_on": today}).status_code == 404
    exe = client.post(
        url,
        data={"csrf": csrf, "reported_on": today},
        files={"file": ("a.pdf", b"MZ\x90\x00", "application/pdf")},
    )
    assert exe.status_code == 400 and "Chưa ghi nhận" in exe.text
    big = client.post(
        url,
        data={"csrf": csrf, "reported_on": today},
        files={"file": ("big.txt", b"a" * (MAX_BYTES + 1), "text/plain")},
    )
    assert big.status_code in (400, 413)
    future = client.post(url, data={"csrf": csrf, "reported_on": "2999-01-01"})
    assert future.status_code == 400
    assert assignment in _forms(client.get(f"/units/{token}").text)  # still open: nothing was recorded
