"""Task tables a PDF prints without ruling lines (a Word table whose borders are off): found by where their
words stand, and written as pipe rows like a ruled table's, so a cell wrapped over several lines stays whole.

Plain text extraction runs such a table's cells together line by line. Here a page's words are grouped into
lines and each line into cells at gaps wider than a space. A header line has three cells or more, among
them a number, a task and a lead or deadline column; each line below it puts its cells in the header
column they overlap most. A line whose number cell holds a row number opens a row; any other line goes on
with the row above (the first lines after a repeated header are the end of a row the page break cut,
which the pipe-table reader joins to it). The table ends at a cell that crosses into the next column (a
paragraph, a signature block) or at a non-number in the number column. A table that runs to the foot of
a page goes on at the top of the next (below its page number) in the same columns when that page prints
no header of its own.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from extraction.normalize import normalize_line
from extraction.table_breaks import only_page_break
from extraction.table_columns import NUMBER, column_kind, pipe_row, separator_row

_ROW_NUMBER = re.compile(rf"^{NUMBER}[.)]?$")
# Words of one cell are a space apart; cells are apart by the cell margins, wider than a space.
_GAP_PER_HEIGHT = 0.8
# A cell may lean this far (points) over a column boundary before it counts as crossing it.
_OVERHANG = 4.0

Cell = tuple[float, float, str]  # x0, x1, text
Line = tuple[float, float, list[Cell]]  # top, bottom, cells


def unruled_tables(page: Any, above: list[Cell] | None = None) -> tuple[str | None, list[Cell] | None]:
    """The page's text with its unruled task table as pipe rows (None when it has none), and the table's
    header when the table runs to the foot of the page, to read the next page's top under it.

    `above` is the header of a table the previous page ended in: when this page prints no header of its
    own, the lines at its top that sit in those columns are that table's rows going on.
    """
    lines = _lines(page.extract_words())
    if not lines:
        return None, None
    for at, (_, _, cells) in enumerate(lines):
        kinds = _header_kinds(cells)
        if kinds is not None and (text := _table_text(page, lines, at, cells, kinds, header_shown=True)):
            return text
    kinds = _header_kinds(above) if above is not None else None
    if above is None or kinds is None:
        return None, None
    first = next((at for at, line in enumerate(lines) if not _page_number(line)), len(lines))
    return _table_text(page, lines, first, above, kinds, header_shown=False) or (None, None)


def _table_text(
    page: Any, lines: list[Line], at: int, header: list[Cell], kinds: list[str | None], *, header_shown: bool
) -> tuple[str, list[Cell] | None] | None:
    """The page's text with the table whose header is lines[at] (or, not shown, whose rows start there)."""
    rows, end = _rows(lines, at + 1 if header_shown else at, header, kinds)
    if not rows:
        return None
    top, bottom = lines[at][0], lines[end - 1][1]
    parts = [_band(page, 0.0, top - 1)]
    if header_shown:
        parts += [pipe_row([text for *_, text in header]), separator_row(len(header))]
    parts += [pipe_row(row) for row in rows]
    parts.append(_band(page, bottom + 1, page.height))
    runs_on = all(_page_number(line) for line in lines[end:])
    return "\n".join(part for part in parts if part), header if runs_on else None


def _page_number(line: Line) -> bool:
    return only_page_break([" ".join(text for *_, text in line[2])])


def _lines(words: list[dict[str, Any]]) -> list[Line]:
    """Words in lines (by their top), each line's words in cells."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [_cells(sorted(line, key=lambda w: w["x0"])) for line in lines]


def _cells(words: list[dict[str, Any]]) -> Line:
    height = max(w["bottom"] - w["top"] for w in words)
    cells: list[list[dict[str, Any]]] = []
    for word in words:
        if cells and word["x0"] - cells[-1][-1]["x1"] <= _GAP_PER_HEIGHT * height:
            cells[-1].append(word)
        else:
            cells.append([word])
    top, bottom = min(w["top"] for w in words), max(w["bottom"] for w in words)
    return top, bottom, [(c[0]["x0"], c[-1]["x1"], " ".join(w["text"] for w in c)) for c in cells]


def _header_kinds(cells: list[Cell]) -> list[str | None] | None:
    if len(cells) < 3:
        return None
    kinds = [column_kind(normalize_line(text)) for _, _, text in cells]
    if "task" not in kinds or "number" not in kinds or not ("lead" in kinds or "deadline" in kinds):
        return None
    return kinds


def _rows(
    lines: list[Line], start: int, header: list[Cell], kinds: list[str | None]
) -> tuple[list[list[str]], int]:
    """The rows under `header` from lines[start], and the index of the first line after the table."""
    bounds = _bounds(header, [cell[0] for line in lines[start:] if len(line[2]) > 1 for cell in line[2]])
    number_column = kinds.index("number")
    rows: list[list[str]] = []
    index = start
    while index < len(lines):
        placed = _placed(lines[index][2], bounds)
        if placed is None:
            break
        number = placed[number_column]
        if number and not _ROW_NUMBER.match(number):
            break
        if number or not rows:
            rows.append(placed)
        else:
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], placed, strict=True)]
        index += 1
    return rows, index


def _bounds(header: list[Cell], starts: list[float]) -> list[float]:
    """Where each column ends: just left of the first cell below that starts between two header cells
    (a header may be centred over its column, its cells starting left of it), else of the next header."""
    bounds = []
    for (_, end, _), (start, _, _) in pairwise(header):
        inside = [x0 for x0 in starts if end < x0 <= start]
        bounds.append(min(inside, default=start) - _OVERHANG)
    return bounds


def _placed(cells: list[Cell], bounds: list[float]) -> list[str] | None:
    """The line's cells by column, or None when a cell crosses a column boundary (not a table line)."""
    placed = [""] * (len(bounds) + 1)
    for x0, x1, text in cells:
        column = sum(1 for bound in bounds if x0 + _OVERHANG > bound)
        if column < len(bounds) and x1 - _OVERHANG > bounds[column]:
            return None
        placed[column] = f"{placed[column]} {text}".strip()
    return placed


def _band(page: Any, top: float, bottom: float) -> str:
    if bottom - top < 1:
        return ""
    region = page.crop((0, max(0.0, top), page.width, min(bottom, page.height)), strict=False)
    return str(region.extract_text() or "")
