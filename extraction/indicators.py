"""Numeric targets (chỉ tiêu) of a resolution: "(2) GRDP bình quân đầu người đạt 9.486 USD/người".

Each numbered target "(n) ..." under a heading about chỉ tiêu becomes an `Indicator`: its metric (the
words before the figure), the figure or range, its unit and how it compares ("trên" >, "thấp hơn" <,
"khoảng" ~). Vietnamese numbers write "." between thousands and "," before decimals.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from extraction.sections import Outline

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_FIGURE = re.compile(
    rf"(?P<cmp>(?:ở mức\s+)?(?:thấp hơn|cao hơn|không dưới|không quá|tối thiểu|tối đa|ít nhất|khoảng|trên|"
    rf"dưới|hơn|từ)\s+)?(?P<a>{_NUMBER})(?:\s*(?:-|đến|–)\s*(?P<b>{_NUMBER}))?\s*(?P<unit>%|[^\d\s;,.:()][^;,.:()]*)?",
    re.IGNORECASE,
)
_VERB = re.compile(r"\s(?:đạt|tăng|giảm|là|ở mức|duy trì|kết nạp|thu hút|giải quyết|cho)\s", re.IGNORECASE)
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
_UNIT_STOP = re.compile(
    r"\s+(?:so với|trong đó|trở lên|theo|trên địa bàn|ở|của|vào|tại|và|sử dụng|được|có|đạt|tham gia|là|với"
    r"|cho)\b.*$",
    re.IGNORECASE,
)


class Indicator(BaseModel):
    """A numeric target: "(12) Tỷ lệ thất nghiệp thành thị ở mức thấp hơn 3,5%" → 3.5 %, "<"."""

    model_config = ConfigDict(frozen=True)

    number: int
    text: str
    metric: str
    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    comparator: str | None = None
    line: int | None = None


def read_indicators(outline: Outline) -> list[Indicator]:
    found: list[Indicator] = []
    for paragraph in outline.paragraphs:
        number, text = _numbered(paragraph.kind, paragraph.marker, paragraph.text)
        if number is None:
            continue
        if not any("chỉ tiêu" in title.lower() for title in outline.title_chain(paragraph.section)):
            continue
        found.append(read_indicator(number, text, paragraph.first_line))
    return found


# "- (3) 100% hồ sơ công việc ...": a target numbered in brackets inside a list item.
_BULLET_NUMBER = re.compile(r"^\((?P<n>\d{1,2})\)\s+")


def _numbered(kind: str, marker: str, text: str) -> tuple[int | None, str]:
    if kind == "paren":
        return (int(marker), text) if marker.isdigit() else (None, text)
    m = _BULLET_NUMBER.match(text) if kind == "bullet" else None
    return (int(m.group("n")), text[m.end() :]) if m else (None, text)


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


def read_indicator(number: int, text: str, line: int | None = None) -> Indicator:
    body = text.strip().rstrip(";.")
    first = re.split(r";|\.\s", body)[0]
    plain = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), first)
    for m in _FIGURE.finditer(plain):
        year_like = re.fullmatch(r"(?:19|20)\d\d", m.group("a")) and not m.group("unit")
        if _NOT_TARGET.search(plain[: m.start("a")]) or year_like:
            continue
        unit = measure_unit(m.group("unit") or "")
        cmp_words = " ".join((m.group("cmp") or "").lower().replace("ở mức", "").split())
        verbs = list(_VERB.finditer(plain, 0, m.start() + 1))
        metric = first[: verbs[-1].start() if verbs else m.start()].strip(" :") or first[m.end() :].strip(
            " :"
        )
        indicator = Indicator(
            number=number,
            text=body,
            metric=metric,
            unit=unit,
            line=line,
            comparator=_COMPARATORS.get(cmp_words),
        )
        if m.group("b"):
            return indicator.model_copy(
                update={"min": to_number(m.group("a")), "max": to_number(m.group("b"))}
            )
        return indicator.model_copy(update={"value": to_number(m.group("a"))})
    return Indicator(number=number, text=body, metric=first.strip(), line=line)
