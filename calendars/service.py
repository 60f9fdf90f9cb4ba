"""The calendar use cases for the CLI, the HTTP server and the daily sweep: links, tokens, rebuilds."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from calendars import index, tokens
from calendars.build import FeedRebuild, rebuild
from models.errors import NotFound
from services.context import Context
from store.database import transaction
from store.tables import PlanRow, UnitRow
from store.units import load_registry

ALL_LABEL = "tất cả đơn vị (điều phối)"


def feeds_dir(context: Context) -> Path:
    return context.settings.data_dir / "feeds"


def key_path(context: Context) -> Path:
    return context.settings.data_dir / "secrets" / "feed.key"


def rebuild_changed(
    context: Context, *, as_of: date | None = None, force: bool = False,
    assignment_ids: Collection[int] | None = None,
) -> FeedRebuild:
    """Rewrite the feeds whose assignments changed (status, deadline, names, membership) as of a day.

    The daily sweep calls this after recording status changes, with the ids of the assignments whose
    status changed: then only those are read and only their feeds rewritten. Without ids every
    assignment is compared with what it published last; `force` rewrites every feed.
    """
    settings = context.settings
    with transaction(context.engine) as session:
        result = rebuild(
            session, feeds_dir(context), as_of=as_of or context.today(), now=context.now(),
            horizon=settings.reminder_horizon_days, ui_url=settings.prefect_ui_url, force=force,
            assignment_ids=assignment_ids,
        )
    if result.written:
        index.touch(feeds_dir(context))
    return result


@dataclass(frozen=True)
class FeedLink:
    feed: str
    label: str
    token: str | None  # None: revoked

    def url(self, base_url: str) -> str | None:
        return f"{base_url.rstrip('/')}/calendars/{self.token}.ics" if self.token else None

    def webcal(self, base_url: str) -> str | None:
        url = self.url(base_url)
        return "webcal://" + url.split("://", 1)[1] if url else None


def feed_labels(session: Session) -> list[tuple[str, str]]:
    """Every feed a link can be made for: each (non-group) unit, each plan, and the coordinators' one."""
    units = session.execute(
        select(UnitRow.id, UnitRow.name, UnitRow.is_group, UnitRow.members).order_by(UnitRow.name)
    )
    found = [(tokens.unit_feed(id_), name) for id_, name, group, members in units if not (group or members)]
    plans = session.execute(select(PlanRow.id, PlanRow.key).order_by(PlanRow.key))
    found += [(tokens.plan_feed(id_), f"kế hoạch {key}") for id_, key in plans]
    return [*found, (tokens.ALL_FEED, ALL_LABEL)]


def links(context: Context) -> list[FeedLink]:
    """Each feed's link; a feed without a token gets one now, a revoked feed stays without."""
    key = tokens.load_key(key_path(context))
    now = context.now()
    with transaction(context.engine) as session:
        found = [
            FeedLink(feed, label, tokens.issue(session, key, feed, now=now))
            for feed, label in feed_labels(session)
        ]
    index.touch(feeds_dir(context))
    return found


def find_feed(session: Session, target: str) -> tuple[str, str]:
    """A feed by what a person types: a unit's name (or alias), "plan:KEY", or "all"."""
    if target.strip().lower() in {"all", tokens.ALL_FEED}:
        return tokens.ALL_FEED, ALL_LABEL
    if target.startswith("plan:"):
        key = target.removeprefix("plan:")
        plan_id = session.scalar(select(PlanRow.id).where(PlanRow.key == key))
        if plan_id is None:
            raise NotFound(f"no plan {key!r}: `dondoc plans` lists the plan keys")
        return tokens.plan_feed(plan_id), f"kế hoạch {key}"
    unit = load_registry(session).get(target, where="feeds")
    unit_id = session.scalar(select(UnitRow.id).where(UnitRow.name == unit.name))
    assert unit_id is not None
    return tokens.unit_feed(unit_id), unit.name


def rotate(context: Context, target: str) -> FeedLink:
    """A new link for a feed; the old one stops working at once."""
    key = tokens.load_key(key_path(context))
    with transaction(context.engine) as session:
        feed, label = find_feed(session, target)
        link = FeedLink(feed, label, tokens.issue(session, key, feed, now=context.now(), rotate=True))
    index.touch(feeds_dir(context))
    return link


def revoke(context: Context, target: str) -> tuple[FeedLink, bool]:
    """Switch a feed's link off (True if it was on); `rotate` issues a new one later."""
    with transaction(context.engine) as session:
        feed, label = find_feed(session, target)
        changed = tokens.revoke(session, feed, now=context.now())
    index.touch(feeds_dir(context))
    return FeedLink(feed, label, None), changed


def unit_link(context: Context, unit: str) -> str | None:
    """A unit's feed link (for mail templates): None when revoked. Issues a token if it has none."""
    key = tokens.load_key(key_path(context))
    with transaction(context.engine) as session:
        feed, label = find_feed(session, unit)
        link = FeedLink(feed, label, tokens.issue(session, key, feed, now=context.now()))
    index.touch(feeds_dir(context))
    return link.url(context.settings.public_base_url)
