"""Which feeds exist and which assignments go in each (a group's assignments fan out to its members)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from calendars.entry import CalendarHeader
from calendars.source import chunks
from calendars.tokens import ALL_FEED, plan_feed, unit_feed
from models.text import ascii_slug
from store.tables import UnitRow
from store.units import load_registry

TITLE = "Hạn nhiệm vụ"
ALL_HEADER = CalendarHeader(
    name=f"{TITLE} — tất cả đơn vị", description="Mọi nhiệm vụ của các kế hoạch đang được đôn đốc."
)


@dataclass(frozen=True)
class FeedSpec:
    """One feed: its key ("unit:12", "plan:3", "all"), where its event file goes, and what it holds:
    the assignments of `units` (a unit and the groups it belongs to), of `plan`, or all of them."""

    feed: str
    path: str  # relative to the feeds folder; the to-do variant sits beside it
    header: CalendarHeader
    units: tuple[int, ...] = ()
    plan: int | None = None

    @property
    def todo_path(self) -> str:
        return todo_path(self.path)


def todo_path(path: str) -> str:
    return path.removesuffix(".ics") + ".todo.ics"


def unit_header(unit: str) -> CalendarHeader:
    return CalendarHeader(
        name=f"{TITLE} — {unit}",
        description=f"Các nhiệm vụ {unit} chủ trì hoặc phối hợp, theo các kế hoạch đang được đôn đốc.",
    )


def plan_header(number: str | None, title: str) -> CalendarHeader:
    return CalendarHeader(name=f"{TITLE} — {number or title}", description=title)


def feed_fingerprint(header: CalendarHeader, revisions: Iterable[str]) -> str:
    """A hash of the header and each entry's revision, in feed order: equal hashes, equal files."""
    return hashlib.sha256("\n".join((header.model_dump_json(), *revisions)).encode()).hexdigest()


def fan_out(
    assignment_units: Mapping[int, int], members: Mapping[int, tuple[int, ...]]
) -> dict[int, list[int]]:
    """Assignment ids per receiving unit id: a group unit's assignments go to each of its members."""
    receivers: dict[int, list[int]] = {}
    for assignment_id, unit_id in assignment_units.items():
        for receiver in members.get(unit_id, (unit_id,)):
            receivers.setdefault(receiver, []).append(assignment_id)
    return receivers


@dataclass(frozen=True)
class Units:
    """The units that have a feed (not groups), and each group's member units."""

    names: dict[int, str]
    members: dict[int, tuple[int, ...]]

    def sources(self, unit_id: int) -> tuple[int, ...]:
        """The units whose assignments a unit's feed holds: its own and its groups'."""
        groups = (group for group, members in self.members.items() if unit_id in members)
        return (unit_id, *sorted(groups))

    def spec(self, unit_id: int) -> FeedSpec:
        name = self.names[unit_id]
        return FeedSpec(unit_feed(unit_id), f"units/{unit_id}-{_slug(name)}.ics", unit_header(name),
                        units=self.sources(unit_id))


def read_units(session: Session) -> Units:
    registry = load_registry(session)
    rows = session.execute(select(UnitRow.id, UnitRow.name, UnitRow.is_group, UnitRow.members)).all()
    ids = {name: id_ for id_, name, _, _ in rows}
    members = {
        id_: tuple(ids[member.name] for member in registry.members_of(name) if not member.is_group)
        for id_, name, is_group, listed in rows
        if is_group or listed
    }
    return Units({id_: name for id_, name, _, _ in rows if id_ not in members}, members)


def plan_specs(session: Session, plan_ids: Iterable[int] | None = None) -> list[FeedSpec]:
    query = "SELECT id, key, number, title FROM plans"
    if plan_ids is None:
        rows = list(session.execute(text(query)))
    else:
        statement = text(query + " WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
        wanted = sorted(set(plan_ids))
        rows = [row for chunk in chunks(wanted) for row in session.execute(statement, {"ids": chunk})]
    return [
        FeedSpec(plan_feed(id_), f"plans/{id_}-{_slug(key)}.ics", plan_header(number, title or ""),
                 plan=id_)
        for id_, key, number, title in sorted(rows)
    ]


ALL_SPEC = FeedSpec(ALL_FEED, "all.ics", ALL_HEADER)


@lru_cache(maxsize=4096)
def _slug(name: str) -> str:
    # File names for feeds: every full rebuild asks again for the same few hundred.
    return ascii_slug(name)[:60]
