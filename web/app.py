"""The HTTP application: each area contributes its routes; `dondoc serve` runs it under uvicorn."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import BaseRoute

from services.context import Context


def build_app(context: Context) -> Starlette:
    # Each area owns its routes module; imported here so the server starts only what exists.
    from calendars import http as feeds
    from web import charts, report_pages

    routes: list[BaseRoute] = [*feeds.routes(context), *charts.routes(context), *report_pages.routes(context)]
    return Starlette(routes=routes)


def create_app() -> Starlette:
    """The app for `uvicorn --factory web.app:create_app` (several workers): settings from DONDOC_*."""
    return build_app(Context())
