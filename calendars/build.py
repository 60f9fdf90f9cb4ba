"""Building feeds from the store and writing them atomically: only the feeds whose content changed.

Two ways in. Without `assignment_ids` every assignment is read (one query) and compared with what it
published last; any feed whose entries, order or header differ is rewritten. With `assignment_ids`
(the sweep's status changes) only those assignments and their task's other assignments are read, and
only the feeds holding the ones that changed — found by index: their units' (and groups' members'),
their plans', the coordinators' — are rewritten. Either way an assignment is rendered only when its
revision moved; every feed copies its stored bytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from calendars.feed import (
    ALL_SPEC,
    FeedSpec,
    fan_out,
    feed_fingerprint,
    plan_specs,
    read_units,
    todo_path,
)
from calendars.revisions import Blocks, Published, publish, render_all, store
from calendars.source import read_items
from calendars.spares import spare_of
from calendars.tables import CalendarFeedRow
from calendars.writing import BatchWriter, assemble, stored_blocks, write_feed
from services.collector import collector_paused


@dataclass(frozen=True)
class FeedRebuild:
    """What a rebuild did: the feeds it wrote (keys), of how many; the components (events and to-dos)
    and the events in the files written; the assignments read; the components rendered anew (the
    rest were copied from the store)."""

    written: tuple[str, ...]
    feeds: int
    components: int
    entries: int
    rendered: int = 0
    events: int = 0


FEEDS = cast(Table, CalendarFeedRow.__table__)

# Above this many assignments a build that writes most feeds reads each feed's blocks from the store
# rather than holding them all in memory (about 2.3 KB each).
IN_MEMORY = 200_000
ALL_INLINE = 50_000  # events in the coordinators' feed (about 55 MB) that a partial rebuild rewrites


@dataclass(frozen=True)
class Plan:
    """A feed to write: its spec and, from a full read, its entries in order and its fingerprint."""

    spec: FeedSpec
    entries: Sequence[Published] = ()
    fingerprint: str = ""


def rebuild(
    session: Session, out_dir: Path, *, as_of: date, now: datetime, horizon: int, ui_url: str,
    force: bool = False, reuse: bool = True, assignment_ids: Collection[int] | None = None,
) -> FeedRebuild:
    """Write every feed whose content differs from what was last written (or whose file is gone);
    `force` writes them all; `assignment_ids` limits the work to those assignments' feeds. Stored
    components are copied unless `reuse` is off (then every assignment read is rendered again and the
    feeds are written from those bytes; only the entries whose revision moved are stored)."""
    with collector_paused():
        return _rebuild(session, out_dir, as_of=as_of, now=now, horizon=horizon, ui_url=ui_url,
                        force=force, reuse=reuse, assignment_ids=assignment_ids)


def _rebuild(
    session: Session, out_dir: Path, *, as_of: date, now: datetime, horizon: int, ui_url: str,
    force: bool, reuse: bool, assignment_ids: Collection[int] | None,
) -> FeedRebuild:
    partial = assignment_ids is not None and not force
    items = read_items(session, as_of=as_of, horizon=horizon, ui_url=ui_url,
                       ids=assignment_ids if partial else None)
    published = publish(items, now)
    moved = [entry for entry in published if entry.draft is not None]  # not `.moved`: a call each
    fresh = render_all(published if not reuse else moved)
    store(session, published, fresh)
    if partial:
        plans = [Plan(spec) for spec in _affected(session, moved)]
        total = _feed_count(session)
    else:
        units = read_units(session)
        specs = [*(units.spec(unit) for unit in sorted(units.names)), *plan_specs(session), ALL_SPEC]
        plans = _dirty(session, specs, published, out_dir, force)
        total = len(specs)
    in_memory = not partial and len(items) <= IN_MEMORY
    written, events, todos = _write(session, out_dir, plans, now, fresh, in_memory=in_memory,
                                    rendered_all=len(fresh) == len(items))
    return FeedRebuild(written, total, events + todos, len(items), 2 * len(fresh), events)


def _affected(session: Session, moved: Sequence[Published]) -> list[FeedSpec]:
    """The feeds holding any of the moved entries: their units' (a group's: each member's), their
    plans', and the coordinators'."""
    if not moved:
        return []
    units = read_units(session)
    unit_ids = fan_out({entry.item.id: entry.item.unit_id for entry in moved}, units.members)
    plans = plan_specs(session, {entry.item.plan_id for entry in moved})
    return [*(units.spec(unit) for unit in sorted(unit_ids) if unit in units.names), *plans,
            *_coordinators(session)]


def _coordinators(session: Session) -> list[FeedSpec]:
    """The coordinators' feed holds every assignment: rewriting it costs the whole store, whatever
    changed. Past ALL_INLINE events it is left to the next full pass (the server's refresher, `dondoc
    feeds build`), marked out of date, so that a rebuild told of a few changes stays as small as they."""
    events = session.scalar(select(FEEDS.c.events).where(FEEDS.c.feed == ALL_SPEC.feed))
    if events is None or events <= ALL_INLINE:
        return [ALL_SPEC]
    # An empty fingerprint differs from any real one: the full pass rewrites the feed.
    session.execute(update(FEEDS).where(FEEDS.c.feed == ALL_SPEC.feed).values(fingerprint=""))
    return []


def _dirty(
    session: Session, specs: Sequence[FeedSpec], published: Sequence[Published], out_dir: Path, force: bool
) -> list[Plan]:
    """The feeds whose entries, order or header differ from what was written last (all with `force`)."""
    everything = sorted(published, key=_FEED_ORDER)  # once: each feed's share comes out in order
    by_unit: dict[int, list[Published]] = defaultdict(list)
    by_plan: dict[int, list[Published]] = defaultdict(list)
    for entry in everything:
        by_unit[entry.item.unit_id].append(entry)
        by_plan[entry.item.plan_id].append(entry)
    stored = {feed: (fingerprint, path) for feed, fingerprint, path
              in session.execute(select(FEEDS.c.feed, FEEDS.c.fingerprint, FEEDS.c.path))}
    dirty = []
    for spec in specs:
        if spec.units:  # a unit's own entries, and its groups': runs merged in order (stable)
            runs = [by_unit.get(unit, []) for unit in spec.units]
            ordered = runs[0] if len(runs) == 1 else sorted(chain.from_iterable(runs), key=_FEED_ORDER)
        else:
            ordered = by_plan.get(spec.plan, []) if spec.plan is not None else everything
        fingerprint = feed_fingerprint(spec.header, map(_REVISION, ordered))
        if force or not _current(stored.get(spec.feed), spec, fingerprint, out_dir):
            dirty.append(Plan(spec, ordered, fingerprint))
    return dirty


_FEED_ORDER = attrgetter("sort_key")  # C functions: a build sorts and hashes tens of thousands
_REVISION = attrgetter("revision")
_ID = attrgetter("item.id")


def _current(row: tuple[str, str] | None, spec: FeedSpec, fingerprint: str, out_dir: Path) -> bool:
    """Whether the feed's stored (fingerprint, path) and files are those of this build."""
    return (
        row is not None
        and row == (fingerprint, spec.path)
        and (out_dir / spec.path).is_file()
        and (out_dir / spec.todo_path).is_file()
    )


def _write(
    session: Session, out_dir: Path, plans: Sequence[Plan], now: datetime, fresh: Mapping[int, Blocks], *,
    in_memory: bool, rendered_all: bool,
) -> tuple[tuple[str, ...], int, int]:
    """Write the feeds and note what was written: (feed keys, events, to-dos). Blocks rendered by this
    build (`fresh`; `rendered_all`: every entry read) are written as they are; the rest are read from
    the store."""
    if not plans:
        return (), 0, 0
    session.flush()
    paths: dict[str, str] = {feed: path for feed, path in session.execute(select(FEEDS.c.feed, FEEDS.c.path))}
    noted: list[dict[str, Any]] = []
    blocks = fresh if not in_memory or rendered_all else _all_blocks(session, plans, fresh)
    events = todos = 0
    with BatchWriter(out_dir) as writer:
        for plan in plans:
            spec = plan.spec
            if in_memory:
                fingerprint = plan.fingerprint
                kept = list(map(blocks.__getitem__, map(_ID, plan.entries)))  # C loops: see _FEED_ORDER
                count, todo_count = write_feed(spec, kept, out_dir, writer)
            else:
                fingerprint, count, todo_count = assemble(session, spec, out_dir, writer)
            old = paths.get(spec.feed)
            if old is not None and old != spec.path:  # a renamed unit or plan: its old files go
                _remove(out_dir, old)
            noted.append({"feed_": spec.feed, "fingerprint": fingerprint, "path": spec.path, "built_at": now,
                          "events": count})
            events, todos = events + count, todos + todo_count
    _note(session, noted, paths)
    return tuple(plan.spec.feed for plan in plans), events, todos


def _note(session: Session, noted: Sequence[dict[str, Any]], stored: Mapping[str, str]) -> None:
    """Keep what was written, set-based (one insert, one update statement): a full build writes
    hundreds of feeds, and the ORM's unit of work costs more per row than the statement."""
    values: dict[str, Any] = {name: bindparam(name) for name in ("fingerprint", "path", "built_at", "events")}
    added = [row for row in noted if row["feed_"] not in stored]
    changed = [row for row in noted if row["feed_"] in stored]
    if added:
        session.execute(insert(FEEDS).values(feed=bindparam("feed_"), **values), added)
    if changed:
        session.execute(update(FEEDS).where(FEEDS.c.feed == bindparam("feed_")).values(**values), changed)


def _all_blocks(session: Session, plans: Sequence[Plan], fresh: Mapping[int, Blocks]) -> Mapping[int, Blocks]:
    if any(entry.item.id not in fresh for plan in plans for entry in plan.entries):
        return stored_blocks(session)  # the fresh ones are stored by now (flushed before)
    return fresh


def _feed_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(FEEDS)) or 0)


def _remove(out_dir: Path, path: str) -> None:
    for stale in (out_dir / path, out_dir / todo_path(path)):
        stale.unlink(missing_ok=True)
        Path(spare_of(stale)).unlink(missing_ok=True)
