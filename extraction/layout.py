"""The page layout left in a document's text: page numbers, running headers and hard line wraps.

Text from a PDF or an OCR engine keeps each printed line as a line (so sentences break mid-way, even
before a capital: "... phối hợp với Trung tâm" / "Văn hóa - Thể thao ...") and carries the page's
furniture into the middle of the body ("2", "Trang 3/5", "Kế hoạch số 146-KH/HU - Trang 3").
"""

from __future__ import annotations

import re
from collections import Counter

_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?:trang|page)\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?[-–—\s]*$", re.IGNORECASE
)
_PAGE_LABEL = re.compile(r"(?:^|[-–—|,]\s*)(?:trang|page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?\s*$", re.IGNORECASE)
_LIST_START = re.compile(r"^(?:[-+•*|]|\d{1,2}[.)]|[IVX]{1,4}[.)]|[a-zđ]\))")
REPEATED = 3  # a short line seen this often is a running header or footer
WRAPPED_SHARE = 0.35  # share of lines ending near the right margin in a hard-wrapped text
MARGIN = 0.8  # a line this close to the widest lines reaches the right margin


def furniture(lines: list[str]) -> frozenset[int]:
    """Line numbers (1-based) of page numbers, "Trang n" footers and repeated running headers."""
    counts = Counter(line.strip() for line in lines if line.strip())
    found: set[int] = set()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        # A page label ends with its number: other lines are not searched for one.
        labelled = line[-1].isdigit() and len(line.split()) <= 12 and _PAGE_LABEL.search(line)
        repeated = counts[line] >= REPEATED and len(line) <= 100 and not _LIST_START.match(line)
        if _PAGE_NUMBER.match(line) or labelled or repeated:
            found.add(number)
    return frozenset(found)


def wrap_width(lines: list[str]) -> int | None:
    """The right margin of a hard-wrapped text (most lines end near one width), else None."""
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 20)
    if len(lengths) < 10:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if MARGIN * width <= n <= width * 1.05)
    return width if width <= 200 and near / len(lengths) >= WRAPPED_SHARE else None


def reaches_margin(line: str, width: int | None) -> bool:
    """Whether a line was cut by the right margin rather than ended by its writer."""
    return width is not None and len(line.strip()) >= MARGIN * width
