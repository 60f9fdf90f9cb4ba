"""Task tables: Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành (| Kết quả | Kinh phí).

Two shapes are read: Markdown pipe rows (how .docx tables are read, and how many plans are typed),
where a row whose number cell is empty and whose text goes on in lower case continues the row above
(a table row split over a page), and text copied from a PDF, where the cells of a row are run
together and long cells wrap onto the next lines. A receiving office's routing table
(ĐƠN VỊ | CHỦ TRÌ | THAM GIA, marked with X) has no task column and is not a task table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.deadlines import find_deadlines, parse_deadline
from extraction.table_breaks import continues, extend_row, join_rows, only_page_break, same_header
from extraction.table_columns import ROMAN, Row, column_kind, subheader_row
from extraction.tasks import FoundTask
from extraction.text_tables import text_headers, text_rows
from extraction.units import read_units
from models.deadlines import Deadline
from models.errors import DeadlineParseError

_SEPARATOR = re.compile(r"^:?-{3,}:?$")
INHERITED = 0.7  # confidence of a cell taken from the row above (a merged cell)


@dataclass
class TaskTable:
    first_line: int
    last_line: int
    rows: list[Row]
    header: tuple[str, ...] = ()  # the header's lines (pipe tables)


def find_task_tables(lines: list[str]) -> list[TaskTable]:
    """Task tables in the text, pipe rows and PDF text alike, with the lines they take."""
    tables = _pipe_tables(lines)
    for header_at, kinds in text_headers(lines):
        rows = text_rows(lines, header_at, kinds)
        if rows:
            tables.append(TaskTable(header_at, rows[-1].last_line, rows))
    return tables


def read_task_tables(lines: list[str], *, year: int | None, issued: object = None) -> list[FoundTask]:
    return [
        task for table in find_task_tables(lines) for task in table_tasks(table, year=year, issued=issued)
    ]


def table_tasks(table: TaskTable, *, year: int | None, issued: object = None) -> list[FoundTask]:
    return _tasks(table.rows, year, issued)


def _pipe_tables(lines: list[str]) -> list[TaskTable]:
    """The pipe tables; the part of one that a page break cut off goes on with it."""
    tables: list[TaskTable] = []
    for first, block in _pipe_blocks(lines):
        above = tables[-1] if tables and only_page_break(lines[tables[-1].last_line : first - 1]) else None
        rows = _rows_after_break(above, first, block) if above is not None else None
        if rows is not None and above is not None:
            join_rows(above.rows, rows)
            above.last_line = first + len(block) - 1
        elif rows := _pipe_rows(first, block):
            header = tuple(block[: rows[0].first_line - first])
            tables.append(TaskTable(first, first + len(block) - 1, rows, header))
    return tables


def _rows_after_break(above: TaskTable, first: int, block: list[str]) -> list[Row] | None:
    """The rows of `block` when it goes on with `above` across a page break: under the same header printed
    again, or with no header of its own and as many columns (read under the header above); else None."""
    if same_header(above.header[0], block[0]):
        return _pipe_rows(first, block)
    cells = _cells(block[0])
    if column_kind(cells[0]) == "number" or len(cells) != len(_cells(above.header[0])):
        return None  # a header of another table, or another table's shape
    return _pipe_rows(first - len(above.header), [*above.header, *block])


def _pipe_blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    blocks: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip().startswith("|"):
            if blocks and blocks[-1][0] + len(blocks[-1][1]) == number:
                blocks[-1][1].append(line)
            else:
                blocks.append((number, [line]))
    return blocks


def _cells(line: str) -> list[str]:
    parts = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [" ".join(_LINE_BREAK.sub(" ", p.replace("\\|", "|")).split()) for p in parts]


# A Markdown cell breaks its lines with an HTML tag ("Sở A;<br>Sở B"): read it as a .docx cell's line
# break, a space between the names (the unit reader parts names that follow each other).
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _pipe_rows(first: int, block: list[str]) -> list[Row]:
    kinds: list[str | None] = []
    rows: list[Row] = []
    for offset, line in enumerate(block):
        cells = _cells(line)
        if all(_SEPARATOR.match(c) or not c for c in cells):
            continue
        if not kinds:
            found = [column_kind(c) for c in cells]
            if "task" in found and ("lead" in found or "performer" in found or "deadline" in found):
                kinds = found
            continue
        if not rows and subheader_row(cells, kinds):
            continue
        named = {k: c for k, c in zip(kinds, cells, strict=False) if k}
        number = named.get("number", "").strip(". ")
        row = Row(number, named, first + offset, first + offset)
        if rows and not number and continues(named.get("task", "")):
            extend_row(rows[-1], row)
        else:
            rows.append(row)
    return rows


def _tasks(rows: list[Row], year: int | None, issued: object) -> list[FoundTask]:
    tasks: list[FoundTask] = []
    group = ""
    previous: FoundTask | None = None
    for index, row in enumerate(rows):
        task_text = row.cells.get("task", "").strip()
        if _group_row(rows, index):
            group = row.number if ROMAN.match(row.number) else group
            continue
        if not task_text:
            continue
        section = ".".join(p for p in (group, row.number) if p)
        task = FoundTask(
            section=section,
            text=_with_result(row),
            first_line=row.first_line,
            last_line=row.last_line,
            section_path=tuple(section.split(".")),
            source="table",
        )
        _fill_units(task, row, previous)
        task.deadline = _cell_deadline(row.cells.get("deadline", ""), year, issued)
        if task.deadline is None and not row.cells.get("deadline") and previous is not None:
            task.deadline, task.confidence = previous.deadline, min(task.confidence, INHERITED)
        tasks.append(task)
        previous = task
    return tasks


def _group_row(rows: list[Row], index: int) -> bool:
    """A row that heads others: a Roman number, a title in capitals, or a title with neither unit nor time
    whose number the next rows go on ("1" before "1.1", "1.2")."""
    row = rows[index]
    task_text = row.cells.get("task", "").strip()
    if ROMAN.match(row.number):
        return True
    if not task_text or any(row.cells.get(k) for k in ("lead", "deadline")):
        return False
    following = rows[index + 1].number if index + 1 < len(rows) else ""
    parent = not row.cells.get("participant") and following.startswith(row.number + ".")
    return task_text.isupper() or parent


def _with_result(row: Row) -> str:
    result = row.cells.get("result", "").strip()
    return f"{row.cells['task'].strip()} (Kết quả: {result})" if result else row.cells["task"].strip()


def unit_names(cell: str) -> tuple[list[str], set[str]]:
    """Units in a lead or participant cell: read as a list, else the cell as one name."""
    text = _items_apart(cell).strip(" .;,")
    if not text:
        return [], set()
    found = read_units(text, persons=True)
    if found is None:
        return [text[:1].upper() + text[1:]], set()
    names, groups = list(found.names), {n for n, g in zip(found.names, found.groups, strict=True) if g}
    end = _name_goes_on(text, found.end)
    if end > found.end:  # a cell names units only: lower-case words after a name are the rest of it
        names[-1] = names[-1] + text[found.end : end].rstrip()
        groups = {names[-1] if n == found.names[-1] else n for n in groups}
    # "Sở Nội vụ (Ban Thi đua - Khen thưởng); ...": the office inside the unit, dropped as a heading drops it.
    rest = _BRACKETS_AFTER_NAME.sub("", text[end:], count=1).strip(" ,;")
    role = _ROLE_WORDS.match(rest)  # "Sở A chủ trì, Sở B phối hợp": the column tells the role already
    rest = rest[role.end() :].strip(" ,;") if role else rest
    if rest:
        more, more_groups = unit_names(rest)
        names, groups = names + more, groups | more_groups
    return names, groups


def _items_apart(cell: str) -> str:
    """A cell that lists its units as items ("- Sở A - Sở B", its lines joined) with "; " between them;
    a dash inside a name ("chính trị - xã hội", "Ban Thi đua - Khen thưởng") is kept: a unit follows none."""
    if not cell.lstrip().startswith(("-", "+", "•")):
        return cell
    parts, start = [], 0
    for mark in _ITEM_MARK.finditer(cell):
        outside = cell.count("(", 0, mark.start()) == cell.count(")", 0, mark.start())
        if not (outside and cell[mark.end()].isupper()):
            continue
        if mark.start() == 0 or read_units(cell, mark.end()) is not None:
            parts.append(cell[start : mark.start()])
            start = mark.end()
    return "; ".join(p.strip(" ;") for p in [*parts, cell[start:]] if p.strip(" ;"))


_BRACKETS_AFTER_NAME = re.compile(r"^\s*(?:\([^()]*\)\s*)+")
_ITEM_MARK = re.compile(r"(?:^|\s)[-+•]\s*(?=[^\W\d_])")  # a letter next; a capital one is checked


def _name_goes_on(text: str, end: int) -> int:
    """Where the name that the unit reader ended at `end` really ends in a cell, which names units only:
    "Cán bộ quản lý giáo dục" was read up to a word taken for a verb ("quản lý"), "Cục Quản lý Khám, chữa
    bệnh" up to a comma that lower-case words of no unit follow; the name goes on to the next comma, and
    on past it while lower-case words of no unit follow ("phòng cháy, chữa cháy và cứu nạn, cứu hộ")."""
    while (further := _words_after(text, end)) > end:
        end = further
    return end


def _words_after(text: str, end: int) -> int:
    gap = _CELL_GAP.match(text, end)
    if gap is None or not text[gap.end() : gap.end() + 1].islower() or _ROLE_WORDS.match(text, gap.end()):
        return end
    if "," in gap.group() and read_units(text, gap.end()) is not None:
        return end  # "Sở Y tế, các cơ quan liên quan": the next unit
    cut = _CELL_END.search(text, gap.end())
    return cut.start() if cut else len(text)


_CELL_GAP = re.compile(r"\s+|\s*,\s*")
_CELL_END = re.compile(r"[,;(]")
_ROLE_WORDS = re.compile(r"(?:chủ trì|phối hợp|tham gia)(?:\s+thực hiện)?\b", re.IGNORECASE)


def _fill_units(task: FoundTask, row: Row, previous: FoundTask | None) -> None:
    task.leads, task.groups = unit_names(row.cells.get("lead", ""))
    participants, groups = unit_names(row.cells.get("participant", ""))
    if not task.leads and row.cells.get("performer"):
        task.leads, performing, task.groups = _performers(row.cells["performer"])
        participants += performing
    task.participants = [p for p in participants if p not in task.leads]
    task.groups |= groups
    if not task.leads and previous is not None and previous.leads:
        task.leads, task.confidence = list(previous.leads), INHERITED


_BARE_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*[.;]?\s*$")
_ROLE_MARK = re.compile(r"\s*\((chủ trì|phối hợp|tham gia)\)", re.IGNORECASE)


def _performers(cell: str) -> tuple[list[str], list[str], set[str]]:
    """(leads, participants, groups) of a performers' cell: "Sở A (chủ trì); Sở B, Sở C" makes A the lead
    and the rest participants; without a mark every unit named leads."""
    marks = list(_ROLE_MARK.finditer(cell))
    if not marks:
        names, kinds = unit_names(cell)
        return names, [], kinds
    leads: list[str] = []
    participants: list[str] = []
    groups: set[str] = set()
    start = 0
    for mark in marks:
        names, found = unit_names(cell[start : mark.start()])
        (leads if mark.group(1).lower() == "chủ trì" else participants).extend(names)
        groups, start = groups | found, mark.end()
    rest, found = unit_names(cell[start:])
    return leads, participants + rest, groups | found


def _cell_deadline(cell: str, year: int | None, issued: object) -> Deadline | None:
    if not cell.strip():
        return None
    bare = _BARE_YEAR.match(cell)
    if bare:  # "2026" alone in the time column: within that year
        within = parse_deadline(f"năm {bare.group(1)}", year=year, issued=issued)  # type: ignore[arg-type]
        return within.model_copy(update={"text": cell.strip()})
    try:
        return parse_deadline(cell, year=year, issued=issued)  # type: ignore[arg-type]
    except DeadlineParseError:
        found = find_deadlines(cell, year=year, issued=issued)  # type: ignore[arg-type]
        return found[-1].deadline if found else None
