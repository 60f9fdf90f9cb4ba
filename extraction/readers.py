"""Reading a plan document (.txt, .md, .docx, .pdf) into normalised text, line by line."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from extraction.docx_text import docx_lines
from extraction.gap_tables import gap_tables_as_pipes
from extraction.legacy_encodings import ENCODING_NAMES, decode_legacy_bytes, repair_legacy
from extraction.normalize import normalize_document
from extraction.pdf_text import pages_without_text, pdf_pages
from models.errors import DocumentError


class SourceText(BaseModel):
    """A document's text as read: normalised, split into lines (lines[0] is line 1), with notices.

    For .txt and .md files, line N here is line N of the file.
    """

    model_config = ConfigDict(frozen=True)

    path: Path
    text: str
    lines: list[str]
    notices: list[str] = []

    @classmethod
    def build(cls, path: Path, raw: str, notices: list[str] | None = None) -> SourceText:
        text = normalize_document(gap_tables_as_pipes(raw))
        return cls(path=path, text=text, lines=text.split("\n"), notices=list(notices or []))


Reader = Callable[[Path], tuple[str, list[str]]]


def read_document(path: Path) -> SourceText:
    """The normalised text of a document; `DocumentError` names the file when it cannot be read."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentError(unread_reason(path))
    if not path.is_file():
        raise DocumentError(f"{path}: no such file")
    raw, notices = reader(path)
    repaired = repair_legacy(raw)
    if repaired.encoding is not None and not any(ENCODING_NAMES[repaired.encoding] in n for n in notices):
        notices.append(_converted_notice(path, repaired.encoding))
    return SourceText.build(path, repaired.text, notices)


def read_plain(path: Path) -> tuple[str, list[str]]:
    """A text file in UTF-8 (with or without BOM), UTF-16 with BOM, or a legacy Vietnamese encoding."""
    data = _read_bytes(path)
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(path, data[len(codecs.BOM_UTF8):]), []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decoded(path, data, "utf-16"), []
    if b"\x00" in data:
        raise DocumentError(f"{path}: binary data, not text (save the document as UTF-8 text, .docx or .pdf)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        first_bad = error.start
    repaired = repair_legacy(decode_legacy_bytes(data))
    if repaired.encoding is None:
        raise DocumentError(
            f"{path}: not UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) and not recognisably "
            "TCVN3 or VNI Vietnamese; save it as UTF-8"
        )
    return repaired.text, [_converted_notice(path, repaired.encoding)]


def read_docx(path: Path) -> tuple[str, list[str]]:
    return "\n".join(docx_lines(path)), []


def read_pdf(path: Path) -> tuple[str, list[str]]:
    pages = pdf_pages(path)
    notices = []
    missing = pages_without_text(pages)
    if missing:
        numbers = ", ".join(map(str, missing))
        notices.append(f"{path}: page(s) {numbers} have no text layer (scanned?); their text is missing")
    return "\n".join(page.rstrip("\n") for page in pages), notices


_READERS: dict[str, Reader] = {
    ".txt": read_plain, ".md": read_plain, ".markdown": read_plain, ".docx": read_docx, ".pdf": read_pdf,
}
READABLE = frozenset(_READERS)  # the suffixes of the files dondoc reads


# Documents in formats dondoc does not read, and what to do with them.
UNREAD_DOCUMENTS = {
    **dict.fromkeys((".doc", ".rtf", ".odt"), "; save it as .docx first"),
    **dict.fromkeys(
        (".jpg", ".jpeg", ".png", ".tif", ".tiff"), "; a scan: make it a PDF with a text layer (OCR)"
    ),
}


def unread_reason(path: Path) -> str:
    """Why a file of a type dondoc does not read is not read, naming the file."""
    return f"{path}: {_unknown_type(path.suffix)}"


def _unknown_type(suffix: str) -> str:
    known = ", ".join(sorted(_READERS))
    hint = UNREAD_DOCUMENTS.get(suffix.lower(), "")
    return f"cannot read {suffix or 'files without an extension'!r} (dondoc reads {known}){hint}"


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise DocumentError(f"{path}: cannot be read ({error.strerror or error})") from None


def _utf8(path: Path, data: bytes) -> str:
    return _decoded(path, data, "utf-8")


def _decoded(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DocumentError(f"{path}: invalid {encoding.upper()} at byte {error.start}") from None


def _converted_notice(path: Path, encoding: str) -> str:
    return f"{path}: converted from {ENCODING_NAMES[encoding]} to Unicode"
