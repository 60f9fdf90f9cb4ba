"""A unit head reports an assignment done in a real headless Chromium, served by a real uvicorn."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from reports.unit_links import unit_page_url, unit_token
from services.context import Context
from services.plans import load_plan, load_units
from services.settings import Settings
from tests.conftest import EXAMPLES
from tests.e2e.cdp import browser
from web.app import build_app

UNIT = "Văn phòng Thành ủy"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Context, str]]:
    """The dondoc HTTP app under uvicorn on a free loopback port; the socket listens before the
    server thread starts, so the browser's first request simply waits in the backlog."""
    context = Context(Settings(data_dir=tmp_path / "data"))
    load_units(context.engine, EXAMPLES / "units.yaml")
    load_plan(context.engine, EXAMPLES / "plans" / "45-KH-TU-2026.yaml", now=context.now())
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    server = uvicorn.Server(uvicorn.Config(build_app(context), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        yield context, f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join()
        listener.close()


def test_report_in_a_real_browser_marks_the_assignment_done(
    served: tuple[Context, str], tmp_path: Path
) -> None:
    context, base = served
    _, token = unit_token(context, UNIT)
    attachment = tmp_path / "bao-cao.txt"
    attachment.write_text("Báo cáo kết quả sơ kết giữa năm", encoding="utf-8")
    with browser() as page:
        page.open(unit_page_url(base, token))
        assert page.evaluate("document.querySelector('h1').textContent") == UNIT
        row = page.evaluate("document.querySelector('form.report').closest('tr').id")
        assert page.evaluate(f"document.querySelector('#{row} .status').textContent") not in ("", None)
        page.evaluate(f"document.querySelector('#{row} textarea[name=note]').value = 'Đã gửi báo cáo'")
        page.set_file(f"#{row} input[type=file]", attachment)
        page.submit(f"document.querySelector('#{row} form.report').requestSubmit()")
        assert "Đã ghi nhận" in page.evaluate("document.querySelector('#notice').textContent")
        status = page.evaluate(f"document.querySelector('#{row} .status').textContent")
        assert status.startswith("Hoàn thành")
        assert page.evaluate(f"document.querySelector('#{row} form') === null")
    assert len([p for p in (context.settings.data_dir / "archive").rglob("*.txt")]) == 1
