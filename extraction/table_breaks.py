"""Pipe tables cut by a page break: the part on the next page goes on with the table above it."""

from __future__ import annotations

import re

from extraction.table_columns import Row

# All a page break leaves between the two parts of a table: blank lines and the new page's number
# ("2", "- 2 -", "Trang 2"). Anything else (a heading, a sentence) starts another table.
_PAGE_NUMBER = re.compile(r"^(?:trang\s+)?[-–]?\s*\d{1,3}\s*[-–]?$", re.IGNORECASE)


def only_page_break(lines: list[str]) -> bool:
    """Whether the lines between two tables are no more than a page break leaves."""
    return all(not line.strip() or _PAGE_NUMBER.match(line.strip()) for line in lines)


def same_header(line: str, other: str) -> bool:
    """Whether two pipe rows name the same columns: the header a word processor repeats on each page."""
    return _cell_words(line) == _cell_words(other)


def _cell_words(line: str) -> list[str]:
    return [" ".join(cell.lower().split()) for cell in line.strip().strip("|").split("|")]


def continues(text: str) -> bool:
    """A cell going on in lower case: the rest of the row above, not a row of its own."""
    return bool(text) and text[0].isalpha() and text[0].islower()


def extend_row(row: Row, more: Row) -> None:
    for kind, text in more.cells.items():
        if text:
            row.cells[kind] = f"{row.cells.get(kind, '')} {text}".strip()
    row.last_line = more.last_line


def join_rows(rows: list[Row], more: list[Row]) -> None:
    """`more`, the rows after a page break, added to `rows`. A first row without a number whose task goes on
    in lower case, or that has no task at all, is the row the break cut: its cells end that row."""
    if rows and more and not more[0].number:
        task = more[0].cells.get("task", "").strip()
        if not task or continues(task):
            extend_row(rows[-1], more[0])
            more = more[1:]
    rows.extend(more)
