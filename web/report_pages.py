"""Unit heads' report pages: `/units/<token>` lists the unit's assignments; a form reports one done.

The token is the unit's calendar-feed token. Forms carry an anti-forgery token bound to the unit's
token and the assignment; uploads are size- and type-checked and archived by content hash outside
anything served. A unit can see and report only its own assignments (404 otherwise).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from models.errors import NotFound
from reports.archive import MAX_BYTES, FileRejected
from reports.unit_links import form_key, unit_for_token
from reports.unit_page import ReportRefused, form_token, form_token_ok, report_from_page, unit_lines
from services.context import Context
from store.database import transaction

_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parents[1] / "reports" / "templates"),
    autoescape=select_autoescape(["html", "j2"]),
)
_CSS = {
    "Quá hạn": "overdue",
    "Sắp đến hạn": "soon",
    "Hoàn thành đúng hạn": "done",
    "Hoàn thành quá hạn": "done",
}
_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",  # the link is the secret: never leak it to another site
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
}
_FORM_OVERHEAD = 64 * 1024  # the fields beside the file


class ReportPages:
    def __init__(self, context: Context) -> None:
        self.context = context

    def _unit(self, token: str) -> str | None:
        with transaction(self.context.engine) as session:
            return unit_for_token(session, token)

    async def page(self, request: Request) -> Response:
        token = request.path_params["token"]
        unit = self._unit(token)
        if unit is None:
            return _not_found()
        return self._render(unit, token, notice=_notice(request.query_params.get("done")))

    def _render(
        self, unit: str, token: str, *, notice: str = "", problem: str = "", status: int = 200
    ) -> Response:
        still_open, done = unit_lines(self.context, unit)
        key = form_key(self.context)
        body = _TEMPLATES.get_template("unit_page.html.j2").render(
            unit=unit,
            today=self.context.today(),
            open_lines=still_open,
            done_lines=done,
            css=_CSS,
            base=f"/units/{token}",
            csrf=lambda assignment_id: form_token(key, token, assignment_id),
            notice=notice,
            problem=problem,
        )
        return HTMLResponse(body, status_code=status, headers=_HEADERS)

    async def report(self, request: Request) -> Response:
        token, assignment_id = request.path_params["token"], int(request.path_params["assignment"])
        unit = self._unit(token)
        if unit is None:
            return _not_found()
        if int(request.headers.get("content-length") or 0) > MAX_BYTES + _FORM_OVERHEAD:
            return self._render(unit, token, problem="Tệp quá lớn (tối đa 10 MB).", status=413)
        async with request.form(max_files=1, max_fields=8) as form:
            if not form_token_ok(form_key(self.context), token, assignment_id, str(form.get("csrf") or "")):
                return HTMLResponse(
                    "Biểu mẫu không hợp lệ; hãy tải lại trang.", status_code=403, headers=_HEADERS
                )
            try:
                fields = await _fields(form)
                view = report_from_page(self.context, unit, assignment_id, **fields)
            except NotFound:
                return _not_found()
            except (FileRejected, ReportRefused, ValueError) as error:
                return self._render(unit, token, problem=f"Chưa ghi nhận: {error}", status=400)
        return RedirectResponse(f"/units/{token}?done={view.id}", status_code=303, headers=_HEADERS)


async def _fields(form: Any) -> dict[str, Any]:
    reported_on = date.fromisoformat(str(form.get("reported_on") or ""))
    upload = form.get("file")
    data: tuple[str, bytes] | None = None
    if isinstance(upload, UploadFile) and upload.filename:
        content = await upload.read(MAX_BYTES + 1)
        data = (upload.filename, content)
    return {"reported_on": reported_on, "note": str(form.get("note") or ""), "upload": data}


def _notice(done: str | None) -> str:
    return f"Đã ghi nhận báo cáo nhiệm vụ #{int(done)}." if done and done.isdigit() else ""


def _not_found() -> Response:
    return HTMLResponse("Không tìm thấy.", status_code=404, headers=_HEADERS)


def routes(context: Context) -> list[BaseRoute]:
    pages = ReportPages(context)
    return [
        Route("/units/{token}", pages.page, methods=["GET"]),
        Route("/units/{token}/assignments/{assignment:int}/report", pages.report, methods=["POST"]),
    ]
