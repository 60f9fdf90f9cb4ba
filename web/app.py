"""The HTTP application: each area contributes its routes; `dondoc serve` runs it under uvicorn."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from services.context import Context


class App(Starlette):
    """Starlette, except that GET and HEAD requests under a route's `prefix` (the calendar links:
    nearly all of the traffic, mostly 304s) go straight to that route's endpoint, skipping the
    middleware and the route matching that would cost more than the answer itself."""

    def __init__(self, routes: list[BaseRoute], **options: Any) -> None:
        super().__init__(routes=routes, **options)
        self.direct = [
            (prefix, route.endpoint)
            for route in routes
            if isinstance(route, Route) and isinstance(prefix := getattr(route.endpoint, "prefix", None), str)
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            path: str = scope["path"]
            for prefix, endpoint in self.direct:
                if path.startswith(prefix):
                    await endpoint(scope, receive, send)
                    return
        await super().__call__(scope, receive, send)


def build_app(context: Context) -> Starlette:
    # Each area owns its routes module; imported here so the server starts only what exists.
    from calendars import http as feeds
    from web import charts, report_pages

    routes: list[BaseRoute] = [*feeds.routes(context), *charts.routes(context), *report_pages.routes(context)]
    return App(routes)


def create_app() -> Starlette:
    """The app for `uvicorn --factory web.app:create_app` (several workers): settings from DONDOC_*."""
    return build_app(Context())
