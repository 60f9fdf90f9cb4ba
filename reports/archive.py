"""Report files kept by content hash under data_dir/archive: what is allowed in, and where it goes.

A file's kind is read from its first bytes, not from its name; the sender's file name is only ever
shown, never used as a path. The archive is outside anything the HTTP server serves.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import zipfile
from pathlib import Path

from models.errors import DondocError

MAX_BYTES = 10 * 1024 * 1024
DOCUMENTS = (".pdf", ".docx", ".txt", ".md")
IMAGES = (".png", ".jpg", ".gif", ".webp")
ALLOWED = DOCUMENTS + IMAGES
_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
)


class FileRejected(DondocError, ValueError):
    """A file dondoc will not keep: too large, or not one of the kinds it accepts."""

    exit_code = 2


def file_kind(data: bytes, name: str = "") -> str:
    """The archive suffix for `data`, judged by its content; `name` only tells .md from .txt."""
    if len(data) > MAX_BYTES:
        raise FileRejected(
            f"{name or 'the file'}: {len(data)} bytes is over the {MAX_BYTES // 2**20} MB limit"
        )
    if not data:
        raise FileRejected(f"{name or 'the file'}: the file is empty")
    kind = _binary_kind(data)
    if kind is None and _is_text(data):
        kind = ".md" if name.lower().endswith(".md") else ".txt"
    if kind is None:
        raise FileRejected(f"{name or 'the file'}: not a PDF, Word (.docx), text or image file")
    return kind


def _binary_kind(data: bytes) -> str | None:
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        return ".docx" if _is_docx(data) else None
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    return next((suffix for magic, suffix in _IMAGE_MAGIC if data.startswith(magic)), None)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def archive_path(data_dir: Path, digest: str, suffix: str) -> Path:
    """Where a file with this hash lives: built from the hash and an allowed suffix only."""
    if suffix not in ALLOWED or len(digest) != 64 or not all(ch in "0123456789abcdef" for ch in digest):
        raise FileRejected(f"not an archive name: {digest}{suffix}")
    return data_dir / "archive" / digest[:2] / f"{digest}{suffix}"


def keep(data_dir: Path, data: bytes, suffix: str) -> tuple[str, Path]:
    """Store `data` in the archive (once: the same content is the same file); its hash and path."""
    digest = content_hash(data)
    path = archive_path(data_dir, digest, suffix)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside its final name, then renamed: a reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    return digest, path
