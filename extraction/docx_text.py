"""The text of a .docx as lines: every run (tracked insertions too), Word's list numbers, tables as rows.

python-docx opens the package; the body is read from its XML because `Paragraph.text` leaves out
runs inside `w:ins` and `Row.cells` repeats a merged cell once per grid column. Administrative
documents lay out their head (issuer and number beside the national motto and the place and date) and
their signature block (recipients beside the signer) as borderless tables: those are read as the lines
a typed page shows, cell after cell, not as a table row that runs the issuer into the motto.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from extraction.docx_numbering import Numbering
from extraction.table_columns import pipe_row, separator_row
from models.errors import DocumentError
from models.text import ascii_slug

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL, TR, TC, T = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}t"
TAB, BR, CR, NO_BREAK_HYPHEN = f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"
TXBX = f"{_W}txbxContent"
# Subtrees with no visible text of the paragraph: deleted or moved-away runs, field codes,
# properties, and the fallback copy of a drawing whose preferred copy is read instead.
_SKIPPED = frozenset({
    f"{_W}del", f"{_W}moveFrom", f"{_W}delText", f"{_W}instrText", f"{_W}delInstrText",
    f"{_W}pPr", f"{_W}rPr", f"{_W}tblPr", f"{_W}trPr", f"{_W}tcPr", f"{_W}sectPr", f"{_MC}Fallback",
})
# What only a document's head or signature block holds (as ascii_slug reads it), and how many rows such a
# layout table has at most.
_LAYOUT_MARKS = ("cong-hoa-xa-hoi-chu-nghia-viet-nam", "dang-cong-san-viet-nam", "noi-nhan")
LAYOUT_ROWS = 3


def docx_lines(path: Path) -> list[str]:
    """The document body in reading order, one line per paragraph or table row."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as error:
        raise DocumentError(f"{path}: not a readable .docx file ({error})") from None
    return list(_blocks(document.element.body, Numbering.of(document)))


def _blocks(container: Any, numbering: Numbering) -> Iterator[str]:
    for child in container:
        if child.tag == P:
            yield from _paragraph_lines(child, numbering)
        elif child.tag == TBL:
            yield from _table_lines(child, numbering)
        elif child.tag not in _SKIPPED:
            # Content controls, custom XML and tracked insertions wrap whole paragraphs and tables.
            yield from _blocks(child, numbering)


def _paragraph_lines(paragraph: Any, numbering: Numbering) -> Iterator[str]:
    label = numbering.label(paragraph)
    parts: list[str] = [f"{label} "] if label else []
    boxes: list[Any] = []
    _inline(paragraph, parts, boxes)
    yield from "".join(parts).split("\n")
    for box in boxes:
        yield from _blocks(box, numbering)


def _inline(node: Any, parts: list[str], boxes: list[Any]) -> None:
    for child in node:
        tag = child.tag
        if tag == T:
            parts.append(child.text or "")
        elif tag == TAB:
            parts.append(" ")
        elif tag in (BR, CR):
            # A page break inside a paragraph is layout, a line break is a new line of text.
            parts.append("" if child.get(f"{_W}type") == "page" else "\n")
        elif tag == NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == TXBX:
            boxes.append(child)
        elif tag not in _SKIPPED and isinstance(tag, str):
            _inline(child, parts, boxes)


def _table_lines(table: Any, numbering: Numbering) -> Iterator[str]:
    rows = list(_rows(table))
    if len(rows) <= LAYOUT_ROWS and _is_layout(table):
        for row in rows:
            for cell in _own_cells(row):
                yield from _blocks(cell, numbering)
        return
    for index, row in enumerate(rows):
        cells = _row_cells(row, numbering)
        yield pipe_row(cells)
        if index == 0:
            # As in a Markdown table, the first row is the header.
            yield separator_row(len(cells))


def _rows(table: Any) -> Iterator[Any]:
    for child in table:
        if child.tag == TR:
            yield child
        elif child.tag not in _SKIPPED and isinstance(child.tag, str) and child.tag != f"{_W}tblGrid":
            yield from _rows(child)


def _is_layout(table: Any) -> bool:
    slug = ascii_slug(" ".join(node.text or "" for node in table.iter(T)))
    return any(mark in slug for mark in _LAYOUT_MARKS)


def _own_cells(row: Any) -> Iterator[Any]:
    """The row's cells, not those of a table nested inside them."""
    return (cell for cell in row.iter(TC) if _nearest_row(cell) is row)


def _row_cells(row: Any, numbering: Numbering) -> list[str]:
    cells: list[str] = []
    for cell in _own_cells(row):
        properties = cell.find(f"{_W}tcPr")
        span = 1
        text = _cell_text(cell, numbering)
        if properties is not None:
            grid_span = properties.find(f"{_W}gridSpan")
            span = int(grid_span.get(f"{_W}val", "1")) if grid_span is not None else 1
            merge = properties.find(f"{_W}vMerge")
            if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
                text = ""  # the merged cell's text is in the row where the merge starts
        cells.append(text)
        # A cell spanning several columns appears once; empty cells keep the columns aligned.
        cells.extend([""] * (max(span, 1) - 1))
    return cells


def _nearest_row(cell: Any) -> Any:
    node = cell.getparent()
    while node is not None and node.tag != TR:
        node = node.getparent()
    return node


def _cell_text(cell: Any, numbering: Numbering) -> str:
    lines: list[str] = []
    for child in cell:
        if child.tag == TBL:
            # A table inside a cell is flattened: its rows join the cell's text.
            lines.extend(" ".join(_row_cells(row, numbering)) for row in _rows(child))
        elif child.tag not in _SKIPPED:
            lines.extend(_blocks([child], numbering))
    return " ".join(line.strip() for line in lines if line.strip())
