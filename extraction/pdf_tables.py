"""A PDF page's text with its ruled tables as Markdown rows, each cell whole.

Plain text extraction runs the cells of a table row together line by line ("Ban Chỉ huy Quân Công an
thành phố; Tháng" / "sự thành phố UBND phường Cẩm 9/2024"), which no reader can take apart again.
pdfplumber finds ruled tables by their lines; each is written as "| cell | cell |" rows (the first row
is the header, as in a .docx), and the text above, between and below the tables is extracted as usual.
A page with no ruled table may hold a table printed without lines: see pdf_unruled.
"""

from __future__ import annotations

from typing import Any

from extraction.pdf_unruled import Cell, unruled_tables
from extraction.table_columns import pipe_row, separator_row


def pages_text(pages: list[Any]) -> list[str]:
    """Each page's text (see `_page_text`); an unruled table the foot of a page cuts goes on at the top of
    the next page under its columns, whether or not the header is printed again."""
    texts: list[str] = []
    above: list[Cell] | None = None
    for page in pages:
        text, above = _page_text(page, above)
        texts.append(text)
    return texts


def _page_text(page: Any, above: list[Cell] | None) -> tuple[str, list[Cell] | None]:
    """The page's text, top to bottom, tables as pipe rows; plain text when it has no table. With it the
    header of an unruled table that runs to the foot of the page."""
    try:
        tables = sorted(page.find_tables(), key=lambda table: table.bbox[1])
    except (ValueError, KeyError, TypeError):  # a malformed drawing: fall back to the text alone
        tables = []
    if not tables:
        unruled, header = unruled_tables(page, above)
        return (unruled, header) if unruled is not None else (str(page.extract_text() or ""), None)
    parts: list[str] = []
    top = 0.0
    for table in tables:
        _, table_top, _, bottom = table.bbox
        if table_top > top:
            parts.append(_band(page, top, table_top))
        parts.extend(table_lines(table.extract()))
        top = max(top, bottom)
    if top < page.height:
        parts.append(_band(page, top, page.height))
    return "\n".join(part for part in parts if part), None


def _band(page: Any, top: float, bottom: float) -> str:
    if bottom - top < 1:
        return ""
    region = page.crop((0, max(0.0, top), page.width, min(bottom, page.height)), strict=False)
    return str(region.extract_text() or "")


def table_lines(rows: list[list[str | None]]) -> list[str]:
    """Rows as "| a | b |" lines; a merged cell (None) is left empty, a cell's lines joined by spaces."""
    lines: list[str] = []
    for index, row in enumerate(rows):
        cells = [" ".join((cell or "").split()) for cell in row]
        if not any(cells):
            continue
        lines.append(pipe_row(cells))
        if index == 0:
            lines.append(separator_row(len(cells)))
    return lines
