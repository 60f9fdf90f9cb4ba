"""Writing feed files: each one joined from the stored component blocks of its assignments, in feed
order, and replaced atomically. Many files are written at once, their fsyncs in parallel: the file
system commits concurrent fsyncs together, so 700 feeds cost a few journal commits, not 700."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from calendars.feed import FeedSpec, feed_fingerprint
from calendars.ics import CALENDAR_END, calendar_head
from calendars.mapping import calendar_properties
from calendars.source import fetch_all

_BLOCKS = "SELECT c.revision, c.event, c.todo FROM calendar_entries c "
_JOINED = _BLOCKS + "JOIN assignments a ON a.id = c.assignment_id "
_OF_UNITS = text(_JOINED + "WHERE a.unit_id IN :units ORDER BY c.sort_key").bindparams(
    bindparam("units", expanding=True)
)
_OF_PLAN = text(_JOINED + "WHERE a.plan_id = :plan ORDER BY c.sort_key")
_EVERY = _BLOCKS + "ORDER BY c.sort_key"


class BatchWriter:
    """Atomic replacement of many files: temp file beside the target, fsync, rename. Readers see the
    old file or the new one, never half of one. Use as a context manager; errors surface on exit."""

    def __init__(self, workers: int = 16, in_flight: int = 128) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="feed-fsync")
        self._pending: list[Future[None]] = []
        self._in_flight = in_flight  # open temp files waiting for their fsync, at most
        self._folders: set[Path] = set()

    def write(self, path: Path, parts: Iterable[bytes]) -> None:
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with open(descriptor, "wb", closefd=False) as file:
                file.writelines(parts)
        except BaseException:
            _discard(descriptor, temporary)
            raise
        self._pending.append(self._pool.submit(_commit, descriptor, temporary, path))
        if len(self._pending) > self._in_flight:
            wait([self._pending[-self._in_flight - 1]])

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        failures = [failure for future in self._pending if (failure := future.exception()) is not None]
        self._pool.shutdown()
        if failures and error is None:
            raise failures[0]


def _commit(descriptor: int, temporary: str, path: Path) -> None:
    try:
        os.fsync(descriptor)
        os.close(descriptor)
    except BaseException:
        _discard(descriptor, temporary)
        raise
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def _discard(descriptor: int, temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.close(descriptor)
    Path(temporary).unlink(missing_ok=True)


Blocks = tuple[bytes, bytes]  # an assignment's VEVENT (empty: no day) and VTODO


def assemble(session: Session, spec: FeedSpec, out_dir: Path, writer: BatchWriter) -> tuple[str, int, int]:
    """Write a feed from the blocks stored for it (read in feed order); (fingerprint, events, to-dos)."""
    if spec.units:
        rows: Iterable[Any] = session.execute(_OF_UNITS, {"units": list(spec.units)})
    elif spec.plan is not None:
        rows = session.execute(_OF_PLAN, {"plan": spec.plan})
    else:
        rows = fetch_all(session, _EVERY)
    revisions: list[str] = []

    def blocks() -> Iterator[Blocks]:
        for revision, event, todo in rows:
            revisions.append(revision)
            yield event, todo

    events, todos = write_feed(spec, blocks(), out_dir, writer)
    return feed_fingerprint(spec.header, revisions), events, todos


def write_feed(
    spec: FeedSpec, blocks: Iterable[Blocks], out_dir: Path, writer: BatchWriter
) -> tuple[int, int]:
    """Write a feed's event and to-do files around the given blocks, in order; (events, to-dos)."""
    head = calendar_head(calendar_properties(spec.header))
    events, todos = [head], [head]
    for event, todo in blocks:
        if event:
            events.append(event)
        todos.append(todo)
    events.append(CALENDAR_END)
    todos.append(CALENDAR_END)
    writer.write(out_dir / spec.path, events)
    writer.write(out_dir / spec.todo_path, todos)
    return len(events) - 2, len(todos) - 2


def stored_blocks(session: Session) -> dict[int, Blocks]:
    """Every assignment's stored blocks, by assignment id (for a build that writes most feeds)."""
    query = text("SELECT assignment_id, event, todo FROM calendar_entries")
    return {id_: (event, todo) for id_, event, todo in session.execute(query)}
