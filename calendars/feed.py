"""Which entries go in which feed (a group's assignments fan out to its members), and rendering a feed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from calendars.entry import CalendarEntry, CalendarHeader, FeedKind
from calendars.ics import render_calendar, render_component
from calendars.mapping import calendar_properties, component
from calendars.reuse import Blocks, component_uid, signature

TITLE = "Hạn nhiệm vụ"


@dataclass(frozen=True)
class FeedSpec:
    """One feed: its key ("unit:12", "plan:3", "all"), where its event file goes, what it holds."""

    feed: str
    path: str  # relative to the feeds folder; the to-do variant sits beside it
    header: CalendarHeader
    entries: tuple[tuple[int, CalendarEntry], ...]  # (assignment id, entry), by day then UID

    @property
    def todo_path(self) -> str:
        return todo_path(self.path)

    def fingerprint(self, revisions: Mapping[int, str]) -> str:
        """A hash of the header and each entry's content and revision: equal hashes, equal files."""
        body = "\n".join(revisions[assignment_id] for assignment_id, _ in self.entries)
        return hashlib.sha256(f"{self.header.model_dump_json()}\n{body}".encode()).hexdigest()


def todo_path(path: str) -> str:
    return path.removesuffix(".ics") + ".todo.ics"


def ordered(entries: Iterable[tuple[int, CalendarEntry]]) -> tuple[tuple[int, CalendarEntry], ...]:
    return tuple(sorted(entries, key=lambda item: (item[1].effective_due is None, item[1].effective_due
                                                   or item[1].last_modified.date(), item[1].uid)))


def unit_header(unit: str) -> CalendarHeader:
    return CalendarHeader(
        name=f"{TITLE} — {unit}",
        description=f"Các nhiệm vụ {unit} chủ trì hoặc phối hợp, theo các kế hoạch đang được đôn đốc.",
    )


def plan_header(number: str | None, title: str) -> CalendarHeader:
    return CalendarHeader(name=f"{TITLE} — {number or title}", description=title)


ALL_HEADER = CalendarHeader(
    name=f"{TITLE} — tất cả đơn vị", description="Mọi nhiệm vụ của các kế hoạch đang được đôn đốc."
)


def fan_out(
    assignment_units: Mapping[int, int], members: Mapping[int, tuple[int, ...]]
) -> dict[int, list[int]]:
    """Assignment ids per receiving unit id: a group unit's assignments go to each of its members."""
    receivers: dict[int, list[int]] = {}
    for assignment_id, unit_id in assignment_units.items():
        for receiver in members.get(unit_id, (unit_id,)):
            receivers.setdefault(receiver, []).append(assignment_id)
    return receivers


@dataclass
class Renderer:
    """Renders feeds, rendering each assignment's component once however many feeds it is in, and
    not at all when `previous` (from the last build) holds it at the same revision."""

    previous: dict[FeedKind, Blocks] = field(default_factory=dict)
    fresh: set[int] = field(default_factory=set)  # assignments never to copy (changed in this build)
    blocks: dict[tuple[int, FeedKind], str] = field(default_factory=dict)
    components: int = 0
    rendered: int = 0

    def render(self, spec: FeedSpec, kind: FeedKind) -> bytes:
        return render_calendar(calendar_properties(spec.header), self._blocks(spec, kind))

    def _blocks(self, spec: FeedSpec, kind: FeedKind) -> Iterable[str]:
        for assignment_id, entry in spec.entries:
            block = self.blocks.get((assignment_id, kind))
            if block is None:
                block = self._block(entry, kind, assignment_id not in self.fresh)
                self.blocks[(assignment_id, kind)] = block
            if block:
                self.components += 1
                yield block

    def _block(self, entry: CalendarEntry, kind: FeedKind, may_copy: bool) -> str:
        kept = self.previous.get(kind, {}).get(component_uid(entry, kind)) if may_copy else None
        if kept is not None and kept[0] == signature(entry):
            return kept[1]
        made = component(entry, kind)
        self.rendered += 1
        return render_component(made) if made is not None else ""
