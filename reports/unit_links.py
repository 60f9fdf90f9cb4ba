"""A unit's secret link: the same token as the unit's calendar feed (the calendars area issues it).

Adapter over the calendars area: calendars.tokens (looks_like_token, token_hash, matches, load_key,
issue), calendars.tables.FeedTokenRow, calendars.service (find_feed, key_path, feeds_dir) and
calendars.index.touch; imported lazily so the report pages need the calendars area only when used.
The lookup reads the database on every request, so a revoked or rotated link stops at once.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import NotFound
from services.context import Context
from store.database import transaction
from store.tables import UnitRow

_UNIT_FEED = "unit:"


def unit_for_token(session: Session, token: str) -> str | None:
    """The unit whose feed token this is (None for any other token, revoked or unknown)."""
    from calendars import tokens
    from calendars.tables import FeedTokenRow

    if not tokens.looks_like_token(token):
        return None
    row = session.scalar(select(FeedTokenRow).where(FeedTokenRow.token_hash == tokens.token_hash(token)))
    if row is None or row.token_hash is None or not tokens.matches(row.token_hash, token):
        return None
    if not row.feed.startswith(_UNIT_FEED):
        return None
    unit_id = int(row.feed.removeprefix(_UNIT_FEED))
    return session.scalar(select(UnitRow.name).where(UnitRow.id == unit_id))


def unit_token(context: Context, unit: str) -> tuple[str, str]:
    """(canonical unit name, its token); issues the token when the unit has none yet."""
    from calendars import index, tokens
    from calendars.service import feeds_dir, find_feed, key_path

    key = tokens.load_key(key_path(context))
    with transaction(context.engine) as session:
        feed, name = find_feed(session, unit)
        token = tokens.issue(session, key, feed, now=context.now())
    index.touch(feeds_dir(context))  # the feed server learns of a newly issued token
    if token is None:
        raise NotFound(f"{name}: its link was revoked; `dondoc feeds rotate {name!r}` issues a new one")
    return name, token


def unit_page_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/units/{token}"


def form_key(context: Context) -> bytes:
    """The key of the report forms' anti-forgery tokens, beside the feed key (created on first use)."""
    from calendars.tokens import load_key

    return load_key(context.settings.data_dir / "secrets" / "report-forms.key")
