"""Reading a report file through the extraction area (its readers and its document grammar)."""

from __future__ import annotations

from pathlib import Path

from reports.document import ReportDocument, describe_report

# The formats extraction.readers reads; anything else is refused before it is archived.
REPORT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


def read_report(path: Path) -> ReportDocument:
    """A report file's description. Raises `DocumentError` (from extraction) when it cannot be read."""
    # Imported here: extraction is another area's package and is only needed when a file is read.
    from extraction.document import read_metadata
    from extraction.readers import read_document

    source = read_document(path)
    info = read_metadata(source.lines)
    return describe_report(str(path), source.lines, info.document, info.header_last)
