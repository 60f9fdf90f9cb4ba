"""Task tables in text copied from a PDF: a header line ("TT Nhiệm vụ Cơ quan chủ trì ..."), then rows whose
cells are run together on a numbered line and whose long cells wrap onto the next lines."""

from __future__ import annotations

import re

from extraction.deadlines import parse_deadline
from extraction.lexicon import GENERIC_HEADS, INSTITUTION_HEADS, NAMED_HEADS
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
    wraps: list[list[tuple[int, str]]] = []
    start = header_at + (1 if "chủ trì" in lines[header_at - 1].lower() else 2)
    for number in range(start, len(lines) + 1):
        line = lines[number - 1].strip()
        if not line:
            continue
        m = ROW_NUMBER.match(line)
        if m and (m.group("rest")[0].isupper() or ROMAN.match(m.group("n"))):
            rows.append(Row(m.group("n"), {}, number, number))
            wraps.append([(number, m.group("rest"))])
        elif rows and number - rows[-1].last_line <= 2:
            wraps[-1].append((number, line))
            rows[-1].last_line = number
        else:
            break
    if rows:
        names = _NamesAround(lines, header_at, rows[-1].last_line)
        for row, row_lines in zip(rows, wraps, strict=True):
            row.cells = _split_row(row_lines[0][1], kinds, names)
            for _, line in row_lines[1:]:
                _wrap(row, line, names)
    return rows


class _NamesAround:
    """The words that follow a unit cell's text where the document names that unit outside the table
    (its body, the list of recipients): how a name cut by the cell's width goes on ("Chi cục Chăn nuôi"
    / "và Thú y"). Read lazily: most tables have no wrapped unit cell."""

    def __init__(self, lines: list[str], first: int, last: int) -> None:
        self._lines, self._first, self._last = lines, first, last
        self._text: str | None = None
        self._after: dict[str, list[list[str]]] = {}

    def after(self, cell: str) -> list[list[str]]:
        if cell not in self._after:
            if self._text is None:
                outside = self._lines[: self._first - 1] + self._lines[self._last :]
                self._text = " " + " ".join(" ".join(outside).split()) + " "
            found: list[list[str]] = []
            at = self._text.find(cell)
            while at >= 0 and len(found) < 8:
                end = at + len(cell)
                if not (self._text[at - 1].isalnum() or self._text[end].isalnum()):  # words, not parts
                    found.append([_bare(w) for w in self._text[end : end + 120].split()[:8]])
                at = self._text.find(cell, end)
            self._after[cell] = found
        return self._after[cell]

    def named(self, cell: str) -> bool:
        """Whether the document writes `cell` as it stands outside the table."""
        return bool(self.after(cell))


def _bare(word: str) -> str:
    return word.rstrip(";.:)")


def _split_row(text: str, kinds: list[str], names: _NamesAround) -> dict[str, str]:
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
            if not rest and "participant" in kinds:
                cells["lead"], rest = _two_names(cells["lead"], names)
            if rest:
                cells["participant"] = rest
            return cells
    cells["task"] = text.strip()
    return cells


_OWN_HEADS = sorted({*NAMED_HEADS, *INSTITUTION_HEADS, *GENERIC_HEADS}, key=len, reverse=True)
# Heads of a body that stands alone ("Công an tỉnh", "UBND huyện"); two letters are too often a word.
_ALONE_HEADS = tuple(h for h in INSTITUTION_HEADS if len(h) > 2)


def _two_names(cell: str, names: _NamesAround) -> tuple[str, str]:
    """A lead cell run into the participants' cell on a line ("Chi cục Chăn nuôi Công an tỉnh"), parted
    where a body that stands alone is named after the lead's own head and name; a name the document
    writes whole elsewhere stays whole."""
    words = cell.split()
    low = [w.lower() for w in words]
    text = " ".join(low).removeprefix("các ")
    head = next((h for h in _OWN_HEADS if text == h or text.startswith(h + " ")), None)
    if head is None or names.named(cell):
        return cell, ""
    for j in range(len(head.split()) + 1 + (low[0] == "các"), len(words)):
        rest = " ".join(low[j:])
        if words[j][0].isupper() and any(rest == h or rest.startswith(h + " ") for h in _ALONE_HEADS):
            return " ".join(words[:j]), " ".join(words[j:])
    return cell, ""


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


def _wrap(row: Row, line: str, names: _NamesAround) -> None:
    """A wrapped line holds the next lines of several cells side by side, in the columns' order: the
    task's words, then the rest of the lead's cell, then of the participants' ("các chợ buôn bán gia cầm
    sống | và Thú y | thị xã, thành phố"). Of every way to cut it, the one that reads best (_share)."""
    words = _close_deadline(row, line).split()
    columns: list[str] = [c for c in ("lead", "participant") if c in row.cells] or ["lead"]
    n = len(words)
    cuts = [(a, b) for a in range(n + 1) for b in range(a if len(columns) == 2 else n, n + 1)]
    a, b = max(cuts, key=lambda cut: _share(row, words, columns, cut, names))
    pieces = {"task": words[:a], columns[0]: words[a:b]}
    if len(columns) == 2:
        pieces[columns[1]] = words[b:]
    for column, piece in pieces.items():
        if piece:
            row.cells[column] = f"{row.cells.get(column, '')} {' '.join(piece)}".strip()


def _share(
    row: Row, words: list[str], columns: list[str], cut: tuple[int, int], names: _NamesAround
) -> float:
    """How well a cut of a wrapped line reads: capitals and unit words in the unit cells, none in the
    task's; a unit cell left open ("... thuộc") gets words; a cell goes on as the document names it."""
    a, b = cut
    task = words[:a]
    score = -2.0 * sum(w[0].isupper() for w in task)
    if task and _unfinished(" " + task[-1]) and a < len(words):
        score -= 3  # "... sống và" | "Thú y": the "và" joins the name that follows
    for column, piece in zip(columns, (words[a:b], words[b:]), strict=False):
        cell = row.cells.get(column, "")
        if not piece:
            score -= 3 if _unfinished(cell) else 0
            continue
        opened = _unfinished(cell)
        score += _name_words((cell.split()[-1:] or [""]) + piece, opened) + (2 if opened else 0)
        score -= 2 if _unfinished(" " + piece[-1]) else 0  # the row's line ends the cell
        bare = [_bare(w) for w in piece]
        if cell and any(after[: len(bare)] == bare for after in names.after(cell)):
            score += 2 + len(piece)
        elif _unfinished(cell) and piece[0] in ("và", "-"):
            score -= 1  # "UBND các huyện," | "và ...": a list goes on with a name, not a "và"
    return score


def _name_words(words: list[str], open_cell: bool) -> float:
    """How much words[1:] read as the rest of a unit's name (words[0] is the word before them): capitals
    and the lower-case words after one ("Bảo vệ thực vật", "Khuyến nông tỉnh"); unit words where the
    cell was left open ("Các sở, ngành," / "địa phương liên quan"). Other lower-case words are a task's;
    a lower-case word comes before a capital only to join ("và", "thuộc"); a name ends at its level: it
    does not go on with "và" and a proper name."""
    score, named = 0.0, words[0][:1].isupper()
    for i, (before, word, after) in enumerate(zip(words, words[1:], [*words[2:], ""], strict=False)):
        if word[0].isupper():
            score, named = score + 1, True
        elif word in _JOINS:
            named = False
            if before in _LEVELS and after[:1].isupper() and not _heads_a_name(words[i + 2 :]):
                score -= 1
        elif named:
            score += 0.5 if before[:1].isupper() else 0
        else:
            score += 0.5 if open_cell and word.strip(",;") in _UNIT_TAIL else -1
        if after[:1].isupper() and word[0].islower() and word not in _JOINS:
            score -= 1
        named = named and not word.endswith((",", ";"))
    return score


def _heads_a_name(words: list[str]) -> bool:
    """Whether the words open with a unit's head: "và Sở Y tế" lists a second unit."""
    text = " ".join(words).lower()
    return any(text == h or text.startswith(h + " ") for h in _OWN_HEADS)


_JOINS = frozenset({"và", "-", "thuộc", "của", "các", "với"})
_LEVELS = frozenset({"tỉnh", "huyện", "xã", "phố", "quận", "phường", "trấn", "ương"})


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
