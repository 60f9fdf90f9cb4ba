"""Building feeds from the store and writing them atomically: only the feeds whose content changed."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from calendars.entry import CalendarEntry, FeedKind
from calendars.feed import (
    ALL_HEADER,
    FeedSpec,
    Renderer,
    fan_out,
    ordered,
    plan_header,
    todo_path,
    unit_header,
)
from calendars.reuse import previous_blocks
from calendars.source import draft_entries, read_facts, read_reports, track_revisions
from calendars.tables import CalendarFeedRow
from calendars.tokens import ALL_FEED, plan_feed, unit_feed
from models.text import ascii_slug
from store.tables import PlanRow, UnitRow
from store.units import load_registry


@dataclass(frozen=True)
class FeedRebuild:
    """What a rebuild did: the feeds it wrote (keys), components written, assignments considered."""

    written: tuple[str, ...]
    feeds: int
    components: int
    entries: int
    rendered: int = 0  # components rendered anew (the rest were copied from the last build)


_ALL_FILES = {FeedKind.event: "all.ics", FeedKind.todo: todo_path("all.ics")}


@dataclass(frozen=True)
class Collected:
    specs: list[FeedSpec]
    entries: dict[int, CalendarEntry]
    revisions: dict[int, str]  # content hash, SEQUENCE and LAST-MODIFIED of each assignment
    moved: set[int]  # assignments whose revision moved in this build: their components are rendered


def collect(
    session: Session, *, as_of: date, now: datetime, horizon: int, ui_url: str, record: bool = True
) -> Collected:
    """Every feed's content as of a day; with `record`, revisions (SEQUENCE, LAST-MODIFIED) are kept."""
    facts = read_facts(session)
    drafts = draft_entries(facts, read_reports(session), as_of=as_of, horizon=horizon, ui_url=ui_url)
    versions = {fact.id: fact.deadline_version for fact in facts}
    entries, fingerprints, moved = track_revisions(session, drafts, versions, now=now, record=record)
    revisions = {
        id_: f"{fingerprints[id_]}:{entry.sequence}:{entry.last_modified.timestamp():.0f}"
        for id_, entry in entries.items()
    }
    specs = _unit_specs(session, entries, {fact.id: fact.unit_id for fact in facts})
    by_plan: dict[int, list[tuple[int, CalendarEntry]]] = {}
    for fact in facts:
        by_plan.setdefault(fact.plan_id, []).append((fact.id, entries[fact.id]))
    for plan_id, key, number, title in session.execute(
        select(PlanRow.id, PlanRow.key, PlanRow.number, PlanRow.title).order_by(PlanRow.id)
    ):
        specs.append(FeedSpec(plan_feed(plan_id), f"plans/{plan_id}-{ascii_slug(key)[:60]}.ics",
                              plan_header(number, title), ordered(by_plan.get(plan_id, []))))
    specs.append(FeedSpec(ALL_FEED, "all.ics", ALL_HEADER, ordered(entries.items())))
    return Collected(specs, entries, revisions, moved)


def _unit_specs(
    session: Session, entries: dict[int, CalendarEntry], assignment_units: dict[int, int]
) -> list[FeedSpec]:
    registry = load_registry(session)
    units = session.execute(select(UnitRow.id, UnitRow.name, UnitRow.is_group, UnitRow.members)).all()
    ids = {name: id_ for id_, name, _, _ in units}
    members = {
        id_: tuple(ids[member.name] for member in registry.members_of(name) if not member.is_group)
        for id_, name, is_group, listed in units
        if is_group or listed
    }
    receivers = fan_out(assignment_units, members)
    return [
        FeedSpec(unit_feed(id_), f"units/{id_}-{ascii_slug(name)[:60]}.ics", unit_header(name),
                 ordered((a, entries[a]) for a in receivers.get(id_, [])))
        for id_, name, is_group, listed in sorted(units)
        if not (is_group or listed)
    ]


def rebuild(
    session: Session, out_dir: Path, *, as_of: date, now: datetime, horizon: int, ui_url: str,
    force: bool = False, reuse: bool = True,
) -> FeedRebuild:
    """Write every feed whose content differs from what was last written (or whose file is gone);
    `force` writes them all. Unchanged components are copied from the last coordinators' feed unless
    `reuse` is off."""
    collected = collect(session, as_of=as_of, now=now, horizon=horizon, ui_url=ui_url)
    stored = {row.feed: row for row in session.scalars(select(CalendarFeedRow))}
    fingerprints = [(spec, spec.fingerprint(collected.revisions)) for spec in collected.specs]
    dirty = [(spec, fingerprint) for spec, fingerprint in fingerprints
             if force or not _current(stored.get(spec.feed), spec, fingerprint, out_dir)]
    previous = (
        {kind: previous_blocks(out_dir / name, kind) for kind, name in _ALL_FILES.items()}
        if reuse and dirty else {}
    )
    renderer = Renderer(previous, collected.moved)
    for spec, fingerprint in dirty:
        write_atomically(out_dir / spec.path, renderer.render(spec, FeedKind.event))
        write_atomically(out_dir / spec.todo_path, renderer.render(spec, FeedKind.todo))
        row = stored.get(spec.feed)
        if row is None:
            row = CalendarFeedRow(feed=spec.feed)
            session.add(row)
        elif row.path != spec.path:  # a renamed unit or plan: its old files go
            _remove(out_dir, row.path)
        row.fingerprint, row.path, row.built_at = fingerprint, spec.path, now
        row.events = len(spec.entries)
    session.flush()
    written = tuple(spec.feed for spec, _ in dirty)
    return FeedRebuild(written, len(collected.specs), renderer.components, len(collected.entries),
                       renderer.rendered)


def _current(row: CalendarFeedRow | None, spec: FeedSpec, fingerprint: str, out_dir: Path) -> bool:
    return (
        row is not None
        and row.fingerprint == fingerprint
        and row.path == spec.path
        and (out_dir / spec.path).is_file()
        and (out_dir / spec.todo_path).is_file()
    )


def _remove(out_dir: Path, path: str) -> None:
    for stale in (out_dir / path, out_dir / todo_path(path)):
        stale.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of one: temp file, fsync, rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
