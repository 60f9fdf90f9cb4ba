"""Task tables laid out with spaces or tabs, as text saved from a PDF with its layout keeps them: written
as Markdown pipe rows before the text is normalised (which closes the gaps), so the table reader sees
their cells.

A header line has three cells or more, apart by a tab or by two spaces or more, among them a number, a
task and a lead or deadline column. Below it each line's cells go to the header's columns by where they
start (the nearest header's; by their order when the header is split by tabs). A line that opens no row
(no number in the number column) goes on with the row above: the row's line takes the whole row and the
line itself becomes an empty row, so every line stays where it was. The table ends at a line of one cell
at the left margin (a heading, a paragraph) or at two blank lines.
"""

from __future__ import annotations

import re

from extraction.normalize import normalize_line
from extraction.table_columns import NUMBER, column_kind, pipe_row

_CELL = re.compile(r"[^ \t]+(?: [^ \t]+)*")  # words apart by single spaces
_GAPPED = re.compile(r"\S(?:\t| {2,})\S")
_HEADER_WORDS = ("chủ trì", "thời gian", "thời hạn", "tiến độ")
_ROW_NUMBER = re.compile(rf"^{NUMBER}[.)]?$")  # a number cell and nothing else


def gap_tables_as_pipes(text: str) -> str:
    """`text` with each space- or tab-aligned task table written as pipe rows (see the module doc)."""
    if "\t" not in text and "  " not in text:
        return text
    lines = text.split("\n")
    number = 0
    while number < len(lines):
        columns = _header(lines[number])
        number = _rewrite(lines, number, columns) if columns else number + 1
    return "\n".join(lines)


def _cells(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _CELL.finditer(line)]


def _header(line: str) -> tuple[list[int], list[str | None], bool] | None:
    """(column starts, column kinds, split by tabs) of a table's header line, or None."""
    # A gap is a tab or two spaces: the substring tests pass over most lines without a regex's pass.
    if ("\t" not in line and "  " not in line) or len(_GAPPED.findall(line)) < 2:
        return None
    low = normalize_line(line).lower()
    if not any(word in low for word in _HEADER_WORDS):
        return None
    cells = _cells(line)
    kinds = [column_kind(normalize_line(cell)) for _, cell in cells]
    if "task" not in kinds or not ("lead" in kinds or "deadline" in kinds) or "number" not in kinds:
        return None
    return [start for start, _ in cells], kinds, "\t" in line


def _rewrite(lines: list[str], at: int, columns: tuple[list[int], list[str | None], bool]) -> int:
    """Rewrite the table whose header is lines[at]; the index of the first line after it."""
    starts, kinds, tabbed = columns
    lines[at] = pipe_row([cell for _, cell in _cells(lines[at])])
    number_column = kinds.index("number")
    row_at: int | None = None
    row: list[str] = []
    blanks, index = 0, at + 1
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            blanks += 1
            if blanks >= 2:
                break
            index += 1
            continue
        cells = _cells(line)
        if len(cells) == 1 and cells[0][0] == 0:
            break  # a heading or a paragraph at the left margin
        blanks = 0
        placed = _placed(cells, starts, tabbed)
        others = placed[:number_column] + placed[number_column + 1 :]
        if _ROW_NUMBER.match(placed[number_column]) and any(others):
            row_at, row = index, placed
        elif row_at is not None:
            row = [f"{old} {new}".strip() for old, new in zip(row, placed, strict=True)]
            lines[index] = pipe_row([""] * len(starts))  # the table's rows stay one block
        else:
            break
        if row_at is not None:
            lines[row_at] = pipe_row(row)
        index += 1
    return index


def _placed(cells: list[tuple[int, str]], starts: list[int], tabbed: bool) -> list[str]:
    placed = [""] * len(starts)
    for order, (start, text) in enumerate(cells):
        if tabbed:
            column = min(order, len(starts) - 1)
        else:  # headers sit left, centred or right over their cells: the nearest header's column
            column = min(range(len(starts)), key=lambda i: abs(starts[i] - start))
        placed[column] = f"{placed[column]} {text}".strip()
    return placed
