"""Writing feed files: each one joined from the stored component blocks of its assignments, in feed
order, and replaced atomically. Many files are written at once, their fsyncs in parallel: the file
system commits concurrent fsyncs together, so 700 feeds cost a few journal commits, not 700. Each
file is written over its feed's spare (the version before last, calendars.spares) when it has one."""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from calendars.feed import FeedSpec, feed_fingerprint
from calendars.ics import CALENDAR_END, calendar_head
from calendars.mapping import calendar_properties
from calendars.source import fetch_all
from calendars.spares import claim, put_in_place, spare_of

_BLOCKS = "SELECT c.revision, c.event, c.todo FROM calendar_entries c "
_JOINED = _BLOCKS + "JOIN assignments a ON a.id = c.assignment_id "
_OF_UNITS = text(_JOINED + "WHERE a.unit_id IN :units ORDER BY c.sort_key").bindparams(
    bindparam("units", expanding=True)
)
_OF_PLAN = text(_JOINED + "WHERE a.plan_id = :plan ORDER BY c.sort_key")
_EVERY = _BLOCKS + "ORDER BY c.sort_key"


LOCK_FILE = ".build.lock"


class Written(NamedTuple):
    temporary: str  # where the new version is written: the feed's spare, or a new temp file
    path: Path
    reused: bool  # written over the spare


class BatchWriter:
    """Atomic replacement of many files under `folder`: each is written to its spare or a temp file
    beside its target; on exit all are fsynced (in parallel) and then put in place of their targets.
    Readers see the old file or the new one, never half of one; if any write or fsync fails, no file is
    replaced and the temp files go (spares stay spares). Creating every file before the first fsync
    keeps creation off the journal's lock. One batch at a time writes under `folder` (an exclusive
    lock on its LOCK_FILE, from entering to the last file put in place): two builds at once (a sweep
    and the server's refresher) must not write over the same spare."""

    def __init__(self, folder: Path, workers: int = 16) -> None:
        self._folder = folder
        self._workers = workers
        self._written: list[Written] = []
        self._folders: set[Path] = set()
        self._lock: int | None = None

    def write(self, path: Path, parts: Iterable[bytes]) -> None:
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        spare = spare_of(path)
        claimed = claim(spare)
        if claimed is None:
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            os.fchmod(descriptor, 0o644)
        else:
            descriptor, temporary = claimed, spare
        self._written.append(Written(temporary, path, reused=claimed is not None))
        try:
            _write_all(descriptor, parts if isinstance(parts, list) else list(parts))
            os.ftruncate(descriptor, os.lseek(descriptor, 0, os.SEEK_CUR))  # a spare's longer tail
        finally:
            os.close(descriptor)

    def __enter__(self) -> BatchWriter:
        self._folder.mkdir(parents=True, exist_ok=True)
        self._lock = os.open(self._folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        fcntl.flock(self._lock, fcntl.LOCK_EX)  # waits for another build's batch to end
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            if error is None:
                # A share of the files per worker, not a task per file: a task costs more than a
                # small file's fsync.
                shares = [self._written[n :: self._workers] for n in range(self._workers)]
                with ThreadPoolExecutor(self._workers, thread_name_prefix="feed-fsync") as pool:
                    list(pool.map(_sync_all, shares))
                    # In parallel too: replacing a file frees the old one's blocks, which waits on
                    # the disk (discard) for big feeds.
                    list(pool.map(_replace_all, shares))
                self._written = []  # all in place: nothing left to clean up
        finally:
            for written in self._written:
                if not written.reused:
                    Path(written.temporary).unlink(missing_ok=True)
            if self._lock is not None:
                os.close(self._lock)  # and with it the lock
                self._lock = None


def _write_all(descriptor: int, parts: list[bytes]) -> None:
    # Gathered writes, a thousand blocks a call: a buffered file's writelines copies each of the
    # tens of thousands of blocks through its buffer, a call apiece, and a join copies them all.
    for start in range(0, len(parts), _GATHER):
        chunk = parts[start : start + _GATHER]
        done = os.writev(descriptor, chunk)
        if done < sum(map(len, chunk)):  # cut short (a signal, a full disk): the rest one by one
            rest = memoryview(b"".join(chunk))[done:]
            while rest:
                rest = rest[os.write(descriptor, rest) :]


_GATHER = min(os.sysconf("SC_IOV_MAX"), 1024)


def _replace_all(share: list[Written]) -> None:
    for written in share:
        put_in_place(written.temporary, written.path, reused=written.reused)


def _sync_all(share: list[Written]) -> None:
    for written in share:
        _sync(written.temporary)


def _sync(path: str) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


Blocks = tuple[bytes, bytes]  # an assignment's VEVENT (empty: no day) and VTODO
_EVENT, _TODO = itemgetter(0), itemgetter(1)


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
    pairs = blocks if isinstance(blocks, list) else list(blocks)
    # map/filter: C loops over the tens of thousands of blocks of the biggest feeds.
    events = [head, *filter(None, map(_EVENT, pairs)), CALENDAR_END]  # empty: no day to sit on
    todos = [head, *map(_TODO, pairs), CALENDAR_END]
    writer.write(out_dir / spec.path, events)
    writer.write(out_dir / spec.todo_path, todos)
    return len(events) - 2, len(todos) - 2


def stored_blocks(session: Session) -> dict[int, Blocks]:
    """Every assignment's stored blocks, by assignment id (for a build that writes most feeds)."""
    query = text("SELECT assignment_id, event, todo FROM calendar_entries")
    return {id_: (event, todo) for id_, event, todo in session.execute(query)}
