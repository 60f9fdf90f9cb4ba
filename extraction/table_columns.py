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
