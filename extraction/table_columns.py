"""The columns of a task table and its rows: which header names which kind of cell."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
# A row's number: "1", "1.2", a Roman group ("II"), a letter ("a").
NUMBER = r"(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[a-zđ])"
ROW_NUMBER = re.compile(rf"^(?P<n>{NUMBER})[.)]?\s+(?P<rest>\S.*)$")
ROMAN = re.compile(r"^[IVX]{1,4}$")


@dataclass
class Row:
    number: str
    cells: dict[str, str]
    first_line: int
    last_line: int


# A column's words as they stand in a header after a space: a header names them at its start ("tt") or
# after another word ("đơn vị chủ trì"), the start being read as a space before the header.
_AFTER_SPACE = tuple((kind, tuple(f" {w}" for w in words)) for kind, words in COLUMNS)


def column_kind(header: str) -> str | None:
    text = " " + " ".join(header.lower().split())
    for kind, words in _AFTER_SPACE:
        if any(w in text for w in words):
            return kind
    return None


def pipe_row(cells: list[str]) -> str:
    """Cells as a Markdown table row ("| a | b |"), a "|" inside a cell escaped: how every reader writes
    the tables it finds (.docx, PDF, text aligned with spaces) for the one table reader."""
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def separator_row(width: int) -> str:
    """The line under a Markdown table's header."""
    return "|" + "|".join(["---"] * width) + "|"


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


# Kinds a second header row may give the columns under a spanning cell ("Đơn vị thực hiện" over "Chủ trì |
# Phối hợp"); a short cell of one of them in a row without a number is no task's.
_SUBHEADER_KINDS = frozenset({"lead", "participant", "performer", "deadline"})
_SUBHEADER_WORDS = 5


def _role_subheaders(cells: list[str], kinds: list[str | None]) -> bool:
    """Whether `cells` is a second header row naming the columns under a header cell spanning them; `kinds`
    then takes the kinds it names."""
    named = {i: column_kind(c) for i, c in enumerate(cells) if c}
    if not named or any(len(cells[i].split()) > _SUBHEADER_WORDS for i in named):
        return False
    if not all(kind in _SUBHEADER_KINDS for kind in named.values()):
        return False
    if "lead" not in named.values() and "participant" not in named.values():
        return False
    kinds.extend([None] * (len(cells) - len(kinds)))
    for i, kind in named.items():
        kinds[i] = kind
    return True


def subheader_row(cells: list[str], kinds: list[str | None]) -> bool:
    """Whether `cells` is a second header row (under a header cell spanning several columns), which then
    gives `kinds` the kinds it names: a time split into start and end, or the roles of a units column."""
    return _time_subheaders(cells, kinds) or _role_subheaders(cells, kinds)
