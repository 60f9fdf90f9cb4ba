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
from extraction.tasks import FoundTask
from extraction.units import read_units
from models.deadlines import Deadline
from models.errors import DeadlineParseError

COLUMNS = (  # checked in this order: "Thời gian hoàn thành" is a deadline, not a task
    ("number", ("stt", "tt", "số tt", "số thứ tự")),
    ("lead", ("chủ trì",)),
    ("participant", ("phối hợp", "tham gia")),
    ("deadline", ("thời gian", "thời hạn", "thời điểm", "tiến độ", "hoàn thành")),
    ("measure", ("đơn vị tính", "đvt")),  # of an indicator's value, not a unit that acts
    # One column for every unit of the task: "Đơn vị thực hiện", the lead marked "(chủ trì)" if any.
    ("performer", ("đơn vị", "cơ quan", "người thực hiện", "bộ phận thực hiện", "trách nhiệm", "phân công")),
    ("result", ("kết quả", "sản phẩm", "hình thức")),
    ("cost", ("kinh phí",)),
    ("note", ("ghi chú",)),
    ("task", ("nhiệm vụ", "nội dung", "công việc", "hoạt động", "đề án", "giải pháp")),
)
_SEPARATOR = re.compile(r"^:?-{3,}:?$")
_ROW_NUMBER = re.compile(r"^(?P<n>(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[a-zđ]))[.)]?\s+(?P<rest>\S.*)$")
_ROMAN = re.compile(r"^[IVX]{1,4}$")
_DEADLINE_START = re.compile(
    r"(?:quý|tháng|năm|trước|trong|thường xuyên|hằng|hàng|dự kiến|hoàn thành|chậm nhất|ngày|\d{1,2}/\d)",
    re.IGNORECASE,
)
# A deadline cell whose date went to the next line, and that date at the end of the next line.
_OPEN_DEADLINE = re.compile(r"(?<!\w)(?:Trước|Chậm nhất|Hoàn thành trước|Trong)(?:\s+ngày)?\s*$")
_CLOSING_DATE = re.compile(r"\s\d{1,2}/\d{1,2}/\d{4}\s*$")
_HEADER_KINDS = ("task", "lead", "participant", "deadline")
_HEADER_START = re.compile(r"^(?:s?tt|số tt|nhiệm vụ|nội dung|tên nhiệm vụ)\b")
_HEADER_INITIALS = ("s", "t", "n")  # the first letters of the words _HEADER_START takes
INHERITED = 0.7  # confidence of a cell taken from the row above (a merged cell)


@dataclass
class Row:
    number: str
    cells: dict[str, str]
    first_line: int
    last_line: int


def column_kind(header: str) -> str | None:
    text = " ".join(header.lower().split())
    for kind, words in COLUMNS:
        if any(text == w or text.startswith(w + " ") or f" {w}" in f" {text}" for w in words):
            return kind
    return None


@dataclass
class TaskTable:
    first_line: int
    last_line: int
    rows: list[Row]


def find_task_tables(lines: list[str]) -> list[TaskTable]:
    """Task tables in the text, pipe rows and PDF text alike, with the lines they take."""
    tables: list[TaskTable] = []
    for first, block in _pipe_blocks(lines):
        rows = _pipe_rows(first, block)
        if rows:
            tables.append(TaskTable(first, first + len(block) - 1, rows))
    for header_at, kinds in _text_headers(lines):
        rows = _text_rows(lines, header_at, kinds)
        if rows:
            tables.append(TaskTable(header_at, rows[-1].last_line, rows))
    return tables


def read_task_tables(lines: list[str], *, year: int | None, issued: object = None) -> list[FoundTask]:
    return [
        task for table in find_task_tables(lines) for task in table_tasks(table, year=year, issued=issued)
    ]


def table_tasks(table: TaskTable, *, year: int | None, issued: object = None) -> list[FoundTask]:
    return _tasks(table.rows, year, issued)


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
    return [" ".join(p.replace("\\|", "|").split()) for p in parts]


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
        if not rows and _time_subheaders(cells, kinds):
            continue
        named = {k: c for k, c in zip(kinds, cells, strict=False) if k}
        number = named.get("number", "").strip(". ")
        row = Row(number, named, first + offset, first + offset)
        if rows and not number and _continues(named.get("task", "")):
            _extend(rows[-1], row)
        else:
            rows.append(row)
    return rows


# A time column split under its header into its start and its end ("Thời gian" over "Bắt đầu | Hoàn thành").
_START_SUBHEADERS = ("bắt đầu", "từ", "từ ngày", "khởi công")
_END_SUBHEADERS = ("hoàn thành", "kết thúc", "đến", "đến ngày")


def _time_subheaders(cells: list[str], kinds: list[str | None]) -> bool:
    """Whether `cells` is a second header row naming the start and end of the time column; `kinds` is then
    set so that the end's column is the deadline and the start's no column read."""
    low = [" ".join(c.lower().split()).strip(" :") for c in cells]
    ends = [i for i, c in enumerate(low) if c in _END_SUBHEADERS]
    known = ("", *_START_SUBHEADERS, *_END_SUBHEADERS)
    if not ends or not any(c in _START_SUBHEADERS for c in low) or not all(c in known for c in low):
        return False
    for i, c in enumerate(low[: len(kinds)]):
        if c in _START_SUBHEADERS and kinds[i] == "deadline":
            kinds[i] = None
    kinds.extend([None] * (len(low) - len(kinds)))
    kinds[ends[-1]] = "deadline"
    return True


def _continues(text: str) -> bool:
    return bool(text) and text[0].isalpha() and text[0].islower()


def _extend(row: Row, more: Row) -> None:
    for kind, text in more.cells.items():
        if text:
            row.cells[kind] = f"{row.cells.get(kind, '')} {text}".strip()
    row.last_line = more.last_line


def _tasks(rows: list[Row], year: int | None, issued: object) -> list[FoundTask]:
    tasks: list[FoundTask] = []
    group = ""
    previous: FoundTask | None = None
    for row in rows:
        task_text = row.cells.get("task", "").strip()
        if _ROMAN.match(row.number) or (
            task_text and not any(row.cells.get(k) for k in ("lead", "deadline")) and task_text.isupper()
        ):
            group = row.number if _ROMAN.match(row.number) else group
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


def _with_result(row: Row) -> str:
    result = row.cells.get("result", "").strip()
    return f"{row.cells['task'].strip()} (Kết quả: {result})" if result else row.cells["task"].strip()


def unit_names(cell: str) -> tuple[list[str], set[str]]:
    """Units in a lead or participant cell: read as a list, else the cell as one name."""
    text = cell.strip(" .;,")
    if not text:
        return [], set()
    found = read_units(text, persons=True)
    if found is None:
        return [text[:1].upper() + text[1:]], set()
    names, groups = list(found.names), {n for n, g in zip(found.names, found.groups, strict=True) if g}
    rest = text[found.end :].strip(" ,;")
    if rest:
        more, more_groups = unit_names(rest)
        names, groups = names + more, groups | more_groups
    return names, groups


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
    try:
        return parse_deadline(cell, year=year, issued=issued)  # type: ignore[arg-type]
    except DeadlineParseError:
        found = find_deadlines(cell, year=year, issued=issued)  # type: ignore[arg-type]
        return found[-1].deadline if found else None


def _text_headers(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Lines of PDF text (no pipes) that head a task table: "TT Nhiệm vụ Cơ quan chủ trì ..."."""
    found: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if line.lstrip()[:1].lower()[:1] not in _HEADER_INITIALS:
            continue  # cheap: most lines cannot open with a header word
        low = " ".join(line.lower().split())
        if "|" in low or ":" in low or len(low.split()) > 20 or not _HEADER_START.match(low):
            continue
        window = " ".join(lines[number - 1 : number + 1]).lower()
        kinds = [k for k in _HEADER_KINDS if _names_column(window, k)]
        if "lead" not in kinds and number < len(lines):  # "Đơn vị chủ" over "trì": a wrapped header
            words = set(window.split())
            kinds = [k for k in _HEADER_KINDS if _names_column(window, k, words)]
        header = "lead" in kinds and "task" in kinds and len(kinds) >= 3
        if header and (not found or number > found[-1][0] + 2):
            found.append((number, kinds))
    return found


def _names_column(text: str, kind: str, words: set[str] | None = None) -> bool:
    """Whether `text` names a column of `kind`; with `words`, a name whose words are all among them
    counts too (a header wrapped over two lines splits "chủ trì" into "chủ" and "trì")."""
    names = [w for k, options in COLUMNS if k == kind for w in options]
    if words is not None:
        return any(all(part in words for part in name.split()) for name in names)
    return any(w in text for w in names)


def _text_rows(lines: list[str], header_at: int, kinds: list[str]) -> list[Row]:
    """Rows of a table read from PDF text: a numbered line opens a row, other lines go on with it."""
    rows: list[Row] = []
    start = header_at + (1 if "chủ trì" in lines[header_at - 1].lower() else 2)
    for number in range(start, len(lines) + 1):
        line = lines[number - 1].strip()
        if not line:
            continue
        m = _ROW_NUMBER.match(line)
        if m and (m.group("rest")[0].isupper() or _ROMAN.match(m.group("n"))):
            rows.append(Row(m.group("n"), _split_row(m.group("rest"), kinds), number, number))
        elif rows and number - rows[-1].last_line <= 2:
            _wrap(rows[-1], line, number)
        else:
            break
    return rows


def _split_row(text: str, kinds: list[str]) -> dict[str, str]:
    """Task words, then the lead's name, the participants' names, the deadline at the end."""
    cells: dict[str, str] = {}
    tail = _deadline_tail(text) if "deadline" in kinds else None
    opened = _OPEN_DEADLINE.search(text) if tail is None and "deadline" in kinds else None
    tail = opened.start() if opened else tail  # "Trước ngày" whose date is on the next line
    if tail is not None:
        cells["deadline"], text = text[tail:].strip(), text[:tail]
    for m in list(re.finditer(r"\S+", text))[2:]:
        lead = read_units(text, m.start(), persons=False)
        if lead is not None and m.group(0)[0].isupper():
            # The lead cell holds one unit; what follows it is the participants' cell.
            second = text.lower().find(lead.names[1].lower(), m.start()) if len(lead.names) > 1 else -1
            cut = second if second > 0 else lead.end
            connector = re.match(r"\s*(?:và|-|,)(?=\s|$)", text[cut:]) if second < 0 else None
            cut += connector.end() if connector else 0
            cells["task"], cells["lead"] = text[: m.start()].strip(), text[m.start() : cut].strip(" ;")
            rest = text[cut:].lstrip(" ,;").rstrip()
            if rest:
                cells["participant"] = rest
            return cells
    cells["task"] = text.strip()
    return cells


def _deadline_tail(text: str) -> int | None:
    """Where the deadline cell starts at the end of a row: the longest tail that reads as one."""
    starts = [m.start() for m in re.finditer(r"\S+", text)][-8:]
    for start in starts:
        if not _DEADLINE_START.match(text, start):
            continue
        try:
            parse_deadline(text[start:])
        except DeadlineParseError:
            continue
        return start
    return None


def _close_deadline(row: Row, line: str) -> str:
    """The line without the date that ends a deadline cell cut at its line ("Trước ngày" / "15/12/2025")."""
    if not _OPEN_DEADLINE.search(row.cells.get("deadline", "")):
        return line
    date = _CLOSING_DATE.search(line)
    if date is None:
        return line
    row.cells["deadline"] += " " + date.group(0).strip()
    return line[: date.start()]


def _wrap(row: Row, line: str, number: int) -> None:
    """A wrapped line holds the next lines of several cells side by side: the task's words (lower case)
    first, then a name's words (from the first capital) for the unit cell left unfinished, then the
    rest of the next unit cell: "công việc UBND huyện môn" under "... Văn phòng HĐND và | Các phòng,
    ban chuyên"."""
    words = _close_deadline(row, line).split()
    first = next((i for i, w in enumerate(words) if w[0].isupper()), None)
    if first is None:  # only lower-case words: a trailing run of unit words ends an unfinished unit cell
        first = len(words)
        open_cell = any(_unfinished(row.cells.get(c, "")) for c in ("lead", "participant"))
        while open_cell and first > 0 and words[first - 1].strip(",;") in _UNIT_TAIL:
            first -= 1
    cut = first
    while cut < len(words) and (words[cut][0].isupper() or words[cut].strip(",;") in _UNIT_TAIL):
        cut += 1
    head, name, tail = " ".join(words[:first]), " ".join(words[first:cut]), " ".join(words[cut:])
    if head:
        row.cells["task"] = f"{row.cells.get('task', '')} {head}".strip()
    columns = [c for c in ("lead", "participant") if c in row.cells] or ["lead"]
    open_participant = tail or _unfinished(row.cells.get("participant", ""))
    if len(columns) == 2 and not _unfinished(row.cells["lead"]) and open_participant:
        columns = columns[1:]
    for column, text in zip(columns, (name, tail), strict=False):
        if text:
            row.cells[column] = f"{row.cells.get(column, '')} {text}".strip()
    row.last_line = number


def _unfinished(cell: str) -> bool:
    """A unit cell cut at the end of its line: "Văn phòng HĐND và", "Trung tâm Văn hóa -"."""
    return cell.rstrip().endswith((" và", "-", ",", " của", " các", " thuộc"))


_UNIT_TAIL = frozenset(
    {
        "liên",
        "quan",
        "có",
        "các",
        "địa",
        "phương",
        "đơn",
        "vị",
        "cơ",
        "ngành",
        "sở",
        "ban",
        "huyện",
        "thị",
        "xã",
        "thành",
        "phố",
        "tỉnh",
        "quận",
        "phường",
        "trấn",
        "và",
        "tổ",
        "chức",
        "chính",
        "trị",
        "-",
        "hội",
        "đoàn",
        "thể",
        "cấp",
        "trực",
        "thuộc",
        "UBND",
    }
)
