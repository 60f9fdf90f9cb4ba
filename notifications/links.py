"""Links in the mail: a unit's own calendar feed and a plan in the Prefect UI.

The calendars and flows areas own those addresses, so they are asked when they are there:
- feed: `calendars.service.unit_link(context, unit) -> str | None`, the unit's secret feed link
  (`{public_base_url}/calendars/<token>.ics`); without it, `{public_base_url}/calendars/`, where
  `dondoc feeds list` tells each unit its own link.
- plan: the plan's summary artifact in the Prefect UI, `{prefect_ui_url}/artifacts/key/<key>` with
  the key `flows.content.artifact_keys(services.plan_view.plan_slug(plan_key))["summary"]`; without
  flows, the UI's runs page `{prefect_ui_url}/runs`.
A feed link is secret: it is only ever put in mail to the unit it belongs to.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from models.errors import DondocError
from services.settings import Settings


def _hook(module: str, name: str) -> Callable[..., Any] | None:
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
    problems: list[str] = field(default_factory=list)
    _feeds: dict[str, str] = field(default_factory=dict)
    _plans: dict[str, str] = field(default_factory=dict)

    def feed(self, unit: str) -> str:
        if unit not in self._feeds:
            self._feeds[unit] = self._calendar_link(unit) or f"{self._base}/calendars/"
        return self._feeds[unit]

    def plan(self, plan_key: str) -> str:
        if plan_key not in self._plans:
            ui = self.settings.prefect_ui_url.rstrip("/")
            keys, slug = _hook("flows.content", "artifact_keys"), _hook("services.plan_view", "plan_slug")
            self._plans[plan_key] = (
                f"{ui}/artifacts/key/{keys(slug(plan_key))['summary']}" if keys and slug else f"{ui}/runs"
            )
        return self._plans[plan_key]

    @property
    def _base(self) -> str:
        return self.settings.public_base_url.rstrip("/")

    def _calendar_link(self, unit: str) -> str | None:
        unit_link = _hook("calendars.service", "unit_link")
        if unit_link is None or self.engine is None:
            return None
        from services.context import Context

        context = Context(self.settings, migrate_schema=False)
        context.__dict__["engine"] = self.engine  # the sweep's engine, not a second one
        for _attempt in range(2):
            try:
                found = unit_link(context, unit)
            except DondocError:  # a unit the calendars do not know: the general link will do
                return None
            except IntegrityError:  # another sweep issued this unit's first token at the same moment
                continue
            except Exception as error:  # the calendars' trouble must not stop the mail: say so instead
                self.problems.append(f"{unit}: no calendar link ({type(error).__name__}: {error})")
                return None
            return str(found) if found else None
        return None
