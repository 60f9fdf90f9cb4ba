"""Feed files written over their spares: readers holding an old version never see it change, the
spare is reused only when nobody has it open, big old versions are not kept."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from calendars import spares
from calendars.spares import SPARE_MAX, spare_of
from calendars.writing import LOCK_FILE, BatchWriter


def write(path: Path, data: bytes) -> None:
    with BatchWriter(path.parent, workers=2) as writer:
        writer.write(path, [data])


def test_the_replaced_version_becomes_the_spare_and_is_written_over_next_time(tmp_path: Path) -> None:
    feed = tmp_path / "units" / "a.ics"
    write(feed, b"first version, long enough to leave a tail")
    write(feed, b"second")
    assert Path(spare_of(feed)).read_bytes() == b"first version, long enough to leave a tail"
    spare_inode = Path(spare_of(feed)).stat().st_ino
    write(feed, b"third")
    assert feed.read_bytes() == b"third"  # the spare's longer tail cut off
    assert feed.stat().st_ino == spare_inode  # no new file made
    assert Path(spare_of(feed)).read_bytes() == b"second"
    assert sorted(p.name for p in feed.parent.iterdir()) == [".a.ics.spare", ".build.lock", "a.ics"]


def test_a_reader_holding_an_old_version_reads_it_whole_through_later_writes(tmp_path: Path) -> None:
    feed = tmp_path / "a.ics"
    write(feed, b"version 1")
    with feed.open("rb") as reader:  # a server still sending version 1
        for version in range(2, 6):
            write(feed, f"version {version}".encode())
            assert feed.read_bytes() == f"version {version}".encode()
        assert reader.read() == b"version 1"


def test_a_spare_somebody_has_open_is_not_written_over(tmp_path: Path) -> None:
    feed = tmp_path / "a.ics"
    write(feed, b"version 1")
    write(feed, b"version 2")
    with Path(spare_of(feed)).open("rb") as reader:
        write(feed, b"version 3")
        assert reader.read() == b"version 1"
    assert feed.read_bytes() == b"version 3"
    assert Path(spare_of(feed)).read_bytes() == b"version 2"
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_a_big_old_version_is_not_kept_as_a_spare(tmp_path: Path) -> None:
    feed = tmp_path / "all.ics"
    write(feed, b"x" * (SPARE_MAX + 1))
    write(feed, b"small")
    assert not Path(spare_of(feed)).exists()
    write(feed, b"smaller")
    assert Path(spare_of(feed)).read_bytes() == b"small"


def test_without_exchange_files_are_renamed_over_and_no_spare_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spares, "_RENAMEAT2", None)  # a C library or file system without it
    feed = tmp_path / "a.ics"
    for version in (b"one", b"two", b"three"):
        write(feed, version)
    assert feed.read_bytes() == b"three"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build.lock", "a.ics"]


def test_a_failed_write_over_a_spare_keeps_the_feed_and_the_spare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = tmp_path / "a.ics"
    write(feed, b"version 1")
    write(feed, b"version 2")

    def disk_full(_descriptor: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("calendars.writing.os.fsync", disk_full)
    with pytest.raises(OSError, match="disk full"):
        write(feed, b"version 3")
    assert feed.read_bytes() == b"version 2"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".a.ics.spare", ".build.lock", "a.ics"]
    monkeypatch.undo()
    write(feed, b"version 3")
    assert feed.read_bytes() == b"version 3"
    assert os.stat(feed).st_mode & 0o777 == 0o644


def test_one_batch_at_a_time_writes_in_a_folder(tmp_path: Path) -> None:
    """Two builds at once (a sweep and the server's refresher) must not write over the same spare: the
    second waits for the first's lock, held until its last file is in place."""
    feed = tmp_path / "a.ics"
    write(feed, b"version 1")
    write(feed, b"version 2")
    with BatchWriter(tmp_path) as writer:
        writer.write(feed, [b"version 3"])
        with (tmp_path / LOCK_FILE).open("rb") as other, pytest.raises(BlockingIOError):  # another build
            fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    with (tmp_path / LOCK_FILE).open("rb") as other:
        fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # free once the batch is in place
    assert feed.read_bytes() == b"version 3"
