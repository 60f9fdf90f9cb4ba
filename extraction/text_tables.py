"""Task tables in text copied from a PDF: a header line ("TT Nhiệm vụ Cơ quan chủ trì ..."), then rows whose
cells are run together on a numbered line and whose long cells wrap onto the next lines."""

from __future__ import annotations

import re

from extraction.deadlines import parse_deadline
from extraction.table_columns import COLUMNS, ROMAN, ROW_NUMBER, Row
from extraction.units import read_units
from models.errors import DeadlineParseError

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
# The characters that lower-case to one of them (tested over every code point): a set look-up per line.
_HEADER_FIRSTS = frozenset("sStTnN")


def text_headers(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Lines of PDF text (no pipes) that head a task table: "TT Nhiệm vụ Cơ quan chủ trì ..."."""
    found: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if line.lstrip()[:1] not in _HEADER_FIRSTS:
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


def text_rows(lines: list[str], header_at: int, kinds: list[str]) -> list[Row]:
    """Rows of a table read from PDF text: a numbered line opens a row, other lines go on with it."""
    rows: list[Row] = []
    start = header_at + (1 if "chủ trì" in lines[header_at - 1].lower() else 2)
    for number in range(start, len(lines) + 1):
        line = lines[number - 1].strip()
        if not line:
            continue
        m = ROW_NUMBER.match(line)
        if m and (m.group("rest")[0].isupper() or ROMAN.match(m.group("n"))):
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


# Words that end a unit's name wrapped onto the next line ("... có liên" / "quan").
# fmt: off
_UNIT_TAIL = frozenset({
    "liên", "quan", "có", "các", "địa", "phương", "đơn", "vị", "cơ", "ngành", "sở", "ban", "huyện", "thị",
    "xã", "thành", "phố", "tỉnh", "quận", "phường", "trấn", "và", "tổ", "chức", "chính", "trị", "-", "hội",
    "đoàn", "thể", "cấp", "trực", "thuộc", "UBND",
})
# fmt: on
