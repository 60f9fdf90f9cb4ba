"""Feed files in memory: read once per version on disk, gzipped once, with their validators."""

from __future__ import annotations

import gzip
import hashlib
import os
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path


@dataclass(frozen=True)
class Blob:
    """A feed's bytes as served: plain and gzipped, with a strong ETag per representation."""

    body: bytes
    gzipped: bytes
    etag: str
    modified: int  # whole seconds since the epoch, as Last-Modified can say
    stamp: tuple[int, int, int]

    @property
    def gzip_etag(self) -> str:
        return self.etag[:-1] + '-gz"'

    @property
    def last_modified(self) -> str:
        return formatdate(self.modified, usegmt=True)


def make_blob(body: bytes, modified: int, stamp: tuple[int, int, int] = (0, 0, 0)) -> Blob:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    # mtime=0: the same feed always compresses to the same bytes.
    return Blob(body, gzip.compress(body, compresslevel=6, mtime=0), etag, modified, stamp)


class FileCache:
    """Keeps each feed file's latest version; a rewrite (a new inode by os.replace) is noticed by stat."""

    def __init__(self) -> None:
        self._blobs: dict[Path, Blob] = {}

    def get(self, path: Path) -> Blob | None:
        try:
            status = os.stat(path)
        except FileNotFoundError:
            self._blobs.pop(path, None)
            return None
        stamp = (status.st_mtime_ns, status.st_size, status.st_ino)
        blob = self._blobs.get(path)
        if blob is None or blob.stamp != stamp:
            blob = make_blob(path.read_bytes(), int(status.st_mtime), stamp)
            self._blobs[path] = blob
        return blob
