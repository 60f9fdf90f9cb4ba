"""`GET /charts/<plan-slug>.svg[?as_of=YYYY-MM-DD]`: a plan's timeline, for the plan flow's image
artifact (Prefect's image artifacts take a URL, so dondoc serves the picture itself)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from services.context import Context


def _plan_key(context: Context, slug: str) -> str | None:
    from services.plan_view import plan_slug
    from store.database import transaction
    from store.tables import PlanRow

    with transaction(context.engine) as session:
        return next((key for key in session.scalars(select(PlanRow.key)) if plan_slug(key) == slug), None)


def routes(context: Context) -> list[BaseRoute]:
    def chart(request: Request) -> Response:
        from services.plan_view import load_snapshot
        from web.gantt import render_svg

        slug = request.path_params["slug"]
        try:
            as_of = date.fromisoformat(request.query_params.get("as_of") or context.today().isoformat())
        except ValueError:
            return PlainTextResponse("as_of must be a date like 2026-11-23", status_code=400)
        key = _plan_key(context, slug)
        if key is None:
            return PlainTextResponse(f"no plan {slug}", status_code=404)
        snapshot = load_snapshot(context.engine, key, as_of, context.settings.reminder_horizon_days)
        return Response(
            render_svg(snapshot), media_type="image/svg+xml", headers={"cache-control": "no-cache"}
        )

    return [Route("/charts/{slug:str}.svg", chart, methods=["GET"])]
