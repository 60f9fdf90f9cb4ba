"""Spare files: a replaced feed's old file kept beside it, to be written over for its next version.

Creating a file is not free here: ext4 without a journal (this machine's kind) scans past every inode
freed in the last few minutes before it hands out a new one, so after a build has replaced hundreds
of feeds each new file costs ~0.3 ms of kernel time, a third of a full rebuild. Exchanging the new
file with the old one (renameat2 RENAME_EXCHANGE) instead of renaming over it keeps the old inode
alive under the spare's name; the next build writes the spare over and exchanges it back. Readers
still see the old file or the new one whole: a spare is only written over when nobody has it open
(the kernel grants a write lease only then), and nobody can open it afresh by the feed's name."""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
from collections.abc import Callable
from pathlib import Path

# Bigger old files go: keeping them would double the disk a big feed takes, and a new inode costs
# little next to writing megabytes.
SPARE_MAX = 1 << 20

_LEASE: int | None = getattr(fcntl, "F_SETLEASE", None)
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# Answers that say "exchange cannot be done here": no old file yet, a file system or kernel without it.
_CANNOT = {errno.ENOENT, errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP}


def spare_of(path: Path) -> str:
    folder, name = os.path.split(path)  # not Path.with_name: a full rebuild asks for a thousand
    return os.path.join(folder, f".{name}.spare")


def claim(spare: str) -> int | None:
    """A descriptor to write the spare over from its start, or None when there is no spare or somebody
    (a server still sending the old version) has it open."""
    if _LEASE is None:  # not Linux: no way to tell whether a reader has it open
        return None
    try:
        descriptor = os.open(spare, os.O_WRONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        # Granted only while no other descriptor is open on the file; given back at once, since a
        # lease broken later would signal this process.
        fcntl.fcntl(descriptor, _LEASE, fcntl.F_WRLCK)
        fcntl.fcntl(descriptor, _LEASE, fcntl.F_UNLCK)
    except OSError:
        os.close(descriptor)
        return None
    return descriptor


def put_in_place(written: str, path: Path, *, reused: bool) -> None:
    """Make `written` the file at `path`, atomically; the file it replaces becomes the spare (or goes,
    when it is big or the file system cannot exchange)."""
    if not _exchange(written, path):
        os.replace(written, path)
        return
    # `written` now names the old version.
    if os.stat(written).st_size > SPARE_MAX:
        os.unlink(written)
    elif not reused:
        os.replace(written, spare_of(path))


def _load() -> Callable[..., int] | None:
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):  # a C library without it (glibc < 2.28, some others)
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_RENAMEAT2 = _load()


def _exchange(first: str, second: Path) -> bool:
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _CANNOT:
        return False
    raise OSError(code, os.strerror(code), str(second))
