"""Links in the mail: a unit's calendar feed and a plan in the Prefect UI.

The calendars and flows areas own those addresses. When `calendars.links.unit_feed_url(engine,
settings, unit) -> str | None` or `flows.links.plan_ui_url(settings, plan_key) -> str | None` exist,
they are used; otherwise the links fall back to `{public_base_url}/calendars/` (where `dondoc feeds
list` tells each unit its own secret link) and to the runs page of the Prefect UI.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from services.settings import Settings


def _hook(module: str, name: str) -> Callable[..., str | None] | None:
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    return found if callable(found) else None


@dataclass
class Links:
    """Feed and plan links, looked up once per unit and per plan in a sweep."""

    settings: Settings
    engine: Engine | None = None
    _feeds: dict[str, str] = field(default_factory=dict)
    _plans: dict[str, str] = field(default_factory=dict)

    def feed(self, unit: str) -> str:
        if unit not in self._feeds:
            hook = _hook("calendars.links", "unit_feed_url")
            found = hook(self.engine, self.settings, unit) if hook else None
            self._feeds[unit] = found or f"{self.settings.public_base_url.rstrip('/')}/calendars/"
        return self._feeds[unit]

    def plan(self, plan_key: str) -> str:
        if plan_key not in self._plans:
            hook = _hook("flows.links", "plan_ui_url")
            found = hook(self.settings, plan_key) if hook else None
            self._plans[plan_key] = found or f"{self.settings.prefect_ui_url.rstrip('/')}/runs"
        return self._plans[plan_key]
