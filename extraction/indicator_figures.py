"""The figures of a numeric target: "đạt trên 80%", "từ 1.200 - 1.300 đoàn viên", "15.200 tỷ đồng".

Vietnamese numbers write "." between thousands and "," before decimals. A figure carries its comparator
from the words before it ("trên" >, "thấp hơn" <, "khoảng" ~) or after its unit ("trở lên" >=).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# A unit may hold a digit only right after a letter ("CO2"); any other digit starts the next figure.
_FIGURE = re.compile(
    rf"(?P<cmp>(?:ở mức\s+)?(?:thấp hơn|cao hơn|không dưới|không quá|tối thiểu|tối đa|ít nhất|khoảng|trên|"
    rf"dưới|hơn|từ)\s+)?(?<![\w.,])(?P<a>{_NUMBER})(?:\s*(?:-|đến|–)\s*(?P<b>{_NUMBER}))?(?![^\W\d_])"
    rf"\s*(?P<unit>%|[^\d\s;,.:()](?:[^\d;,.:()]|(?<=[^\W\d_])\d)*)?",
    re.IGNORECASE,
)
# "tốc độ tăng trưởng", "tỷ lệ giảm nghèo", "xã đạt chuẩn": a verb inside the name of the metric
VERB = re.compile(
    r"(?<!tốc độ)(?<!tỷ lệ)(?<!mức)\s(?:đạt(?!\s+chuẩn)|tăng(?!\s+trưởng)|giảm(?!\s+nghèo)|là|ở mức|duy trì"
    r"|kết nạp|thu hút|giải quyết|cho)\s",
    re.IGNORECASE,
)
_NOT_TARGET = re.compile(r"(?:năm|giai đoạn|so với năm|giá so sánh|khóa|số)\s*$", re.IGNORECASE)
_COMPARATORS = {
    "thấp hơn": "<",
    "dưới": "<",
    "không quá": "<=",
    "tối đa": "<=",
    "cao hơn": ">",
    "trên": ">",
    "hơn": ">",
    "không dưới": ">=",
    "tối thiểu": ">=",
    "ít nhất": ">=",
    "khoảng": "~",
}
_AFTER_UNIT = re.compile(r"\s*trở (?P<way>lên|xuống)\b", re.IGNORECASE)
_UNIT_STOP = re.compile(
    r"\s+(?:so với|trong đó|trở lên|trở xuống|theo|trên địa bàn|ở|của|vào|tại|và|sử dụng|được|có|đạt|tham gia"
    r"|là|với|cho|trong)\b.*$",
    re.IGNORECASE,
)
COORDINATOR = re.compile(r"^(?:\s|,|và\b|hoặc\b)+|(?:\s|,|và|hoặc)+$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    start: int  # of the comparator words, or of the number
    number_end: int
    unit_end: int  # where the measured unit (or the number) ends
    low: float
    high: float | None  # the top of a range "1 - 1,5%"
    unit: str | None
    comparator: str | None


def to_number(text: str) -> float:
    """ "9.486" → 9486, "3,5" → 3.5, "118.079,279" → 118079.279."""
    return float(text.replace(".", "").replace(",", "."))


UNIT_WORDS = 4  # "lượt người lao động"; longer runs are the metric going on


def measure_unit(text: str) -> str | None:
    """The unit after a figure: words up to a stop word, ending after a currency or symbol such as
    "USD", "CO2" or "USD/người" ("2,5 tỷ USD vốn đầu tư" → "tỷ USD")."""
    words = _UNIT_STOP.sub("", text.strip()).split()
    kept: list[str] = []
    for word in words:
        if len(kept) >= UNIT_WORDS:
            break
        kept.append(word)
        if (word.isupper() and len(word) > 1) or "/" in word or any(ch.isdigit() for ch in word):
            break
    return " ".join(kept) or None


def find_figures(plain: str) -> list[Figure]:
    """The target figures of one clause (brackets already blanked), skipping years, numbers that name
    ("khóa 15", "năm 2030") and qualifiers of the metric ("lao động qua đào tạo từ 3 tháng trở lên có
    bằng là 40%": a verb follows the figure before the next one, with no "," or "và" between)."""
    found: list[Figure] = []
    for m in _FIGURE.finditer(plain):
        year_like = re.fullmatch(r"(?:19|20)\d\d", m.group("a")) and not m.group("unit")
        if _NOT_TARGET.search(plain[: m.start("a")]) or year_like:
            continue
        unit = measure_unit(m.group("unit") or "")
        number_end = m.end("b") if m.group("b") else m.end("a")
        unit_end = plain.index(unit, m.start("unit")) + len(unit) if unit else number_end
        cmp_words = " ".join((m.group("cmp") or "").lower().replace("ở mức", "").split())
        comparator = _COMPARATORS.get(cmp_words)
        after = _AFTER_UNIT.match(plain, unit_end)
        if comparator is None and after:
            comparator = ">=" if after.group("way").lower() == "lên" else "<="
        low = to_number(m.group("a"))
        high = to_number(m.group("b")) if m.group("b") else None
        found.append(Figure(m.start(), number_end, unit_end, low, high, unit, comparator))
    following: list[Figure | None] = [*found[1:], None][: len(found)]
    return [
        f
        for f, after in zip(found, following, strict=True)
        if after is None or not _qualifies(plain, f, after)
    ]


def _qualifies(plain: str, figure: Figure, after: Figure) -> bool:
    gap = plain[figure.unit_end : after.start]
    verb = VERB.search(" " + gap + " ")
    return verb is not None and not re.search(r",|\svà\s", (" " + gap)[: verb.start() + 1])
