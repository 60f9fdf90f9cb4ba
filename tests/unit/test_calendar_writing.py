"""Writing feed files: gathered writes that the system may cut short still write every octet."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from calendars.writing import BatchWriter


def test_a_file_written_in_blocks_holds_them_all_in_order(tmp_path: Path) -> None:
    parts = [f"BEGIN:VEVENT {n} đ\r\n".encode() for n in range(2500)]  # more blocks than one call takes
    with BatchWriter(tmp_path, workers=2) as writer:
        writer.write(tmp_path / "units" / "a.ics", parts)
    assert (tmp_path / "units" / "a.ics").read_bytes() == b"".join(parts)
    assert [path.name for path in (tmp_path / "units").iterdir()] == ["a.ics"]  # no temp file left


def test_a_gathered_write_cut_short_is_finished_one_write_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write = os.write

    def short_writev(descriptor: int, buffers: list[bytes]) -> int:
        return write(descriptor, b"".join(buffers)[:7])  # as a signal or a full disk may

    def short_write(descriptor: int, data: memoryview) -> int:
        return write(descriptor, bytes(data[:5]))

    monkeypatch.setattr("calendars.writing.os.writev", short_writev)
    monkeypatch.setattr("calendars.writing.os.write", short_write)
    parts = [b"alpha\r\n", b"", b"b\xc3\xa1o c\xc3\xa1o\r\n", b"end\r\n"] * 700
    with BatchWriter(tmp_path, workers=1) as writer:
        writer.write(tmp_path / "b.ics", iter(parts))
    assert (tmp_path / "b.ics").read_bytes() == b"".join(parts)
