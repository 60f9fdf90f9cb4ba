"""Documents cited by number ("Kế hoạch số 92-KH/HU, ngày 12/01/2023 của Ban Thường vụ Huyện ủy")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from models.documents import DocumentKind, Reference

# 28-HD/BTGHU, 215/KH-UBND, 1232/NQ-UBTVQH15, 1511/QĐ-TTg, 76-CTr/TU; a law or a National Assembly resolution
# ends in the code of its term: 35/2021/QH15.
NUMBER = (
    r"\d{1,5}(?:/\d{4}/[A-ZĐ]{2,}\d{1,2}(?![\w/-])"
    r"|(?:/\d{4})?[-/](?:[A-ZĐ][A-ZĐa-z]*)(?:[-/][A-ZĐ0-9][A-ZĐa-z0-9]*)+)"
)
# The lookbehind comes after the first digit (same meaning: nothing of a word or number right before
# it) so that the regex engine can skip ahead to digits instead of trying every place of the text.
_NUMBER = re.compile(r"(?P<number>\d(?<![\w/-]\d)\d{0,4}" + NUMBER.removeprefix(r"\d{1,5}") + ")")
# `_DATE` and `_ISSUER` are matched where a number ends (`match(text, end)`, anchored there without "^"):
# a slice of the rest of the text for each number would copy a long document once per citation.
_DATE = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?(?:ngày\s+)?(?P<d>\d{1,2})"
    r"(?:[/.-](?P<m>\d{1,2})[/.-]|\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+)(?P<y>\d{4})"
)
# A line break inside an issuer is a wrapped line ("tỉnh Quảng\nNam"), unless the next line opens a table
# row, an item or a paragraph: there the issuer has ended.
_BREAK_ENDS = r"[ \t]*(?:[|+•\-–]|\d{1,2}[.)]|\n|$)"
_ISSUER = re.compile(
    r"\s*,?\s*của\s+(?P<issuer>(?:[^,;.()“”\"|\n]|\n(?!" + _BREAK_ENDS + r"))+?)"
    r"(?=\s+(?:về|khóa|khoá|thực hiện|ban hành|phê duyệt|quy định|sửa đổi)\b"
    r"|\s+và\s+(?i:kế hoạch|nghị quyết|chỉ thị|kết luận|quyết định|công văn|chương trình|hướng dẫn"
    r"|nghị định|thông tư|công điện|luật)\s"
    r"|[,;.()“”\"|]|\n(?=" + _BREAK_ENDS + r")|$)"
)
_KIND_WORDS = {
    "kế hoạch": DocumentKind.plan,
    "hướng dẫn": DocumentKind.guidance,
    "nghị quyết": DocumentKind.resolution,
    "kết luận": DocumentKind.conclusion,
    "chỉ thị": DocumentKind.directive,
    "thông báo": DocumentKind.notice,
    "công văn": DocumentKind.letter,
    "chương trình": DocumentKind.programme,
    "chương trình hành động": DocumentKind.programme,
    "quyết định": DocumentKind.decision,
    "báo cáo": DocumentKind.report,
    "công điện": DocumentKind.dispatch,
    "luật": DocumentKind.law,
    "nghị định": DocumentKind.decree,
    "thông tư": DocumentKind.circular,
    "thông tư liên tịch": DocumentKind.circular,
}
_KIND_CODES = {
    "KH": DocumentKind.plan,
    "HD": DocumentKind.guidance,
    "NQ": DocumentKind.resolution,
    "KL": DocumentKind.conclusion,
    "CT": DocumentKind.directive,
    "TB": DocumentKind.notice,
    "CV": DocumentKind.letter,
    "CTr": DocumentKind.programme,
    "QĐ": DocumentKind.decision,
    "BC": DocumentKind.report,
    "CĐ": DocumentKind.dispatch,
    "NĐ": DocumentKind.decree,
    "TT": DocumentKind.circular,
    "TTLT": DocumentKind.circular,
}
_KIND_BEFORE = re.compile(
    r"(?P<kind>" + "|".join(sorted(_KIND_WORDS, key=len, reverse=True)) + r")\s+(?:số\s+)?$", re.IGNORECASE
)
# A law is cited by its name before its number: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15".
_NAMED_LAW = re.compile(r"\bLuật(?:\s+[^\W\d_]+){1,12}\s+số\s+$")


@dataclass(frozen=True)
class Citation:
    """A reference as found, with where it is in the text it was read from."""

    reference: Reference
    start: int
    end: int  # end of the number, date and issuer read


def kind_of_number(number: str) -> DocumentKind | None:
    """The kind a number's code names: "92-KH/HU" → plan, "215/KH-UBND" → plan."""
    for code in re.split(r"[-/]", number)[1:3]:
        if code in _KIND_CODES:
            return _KIND_CODES[code]
    return None


def find_citations(text: str) -> list[Citation]:
    found: list[Citation] = []
    for m in _NUMBER.finditer(text):
        number = m.group("number")
        end = m.end()
        issued = None
        dm = _DATE.match(text, end)
        if dm:
            issued = _date(int(dm.group("y")), int(dm.group("m") or dm.group("month")), int(dm.group("d")))
            end = dm.end()
        im = _ISSUER.match(text, end)
        issuer = " ".join(im.group("issuer").split()) if im else None
        if im:
            end = im.end()
        before = _KIND_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        kind = _KIND_WORDS[before.group("kind").lower()] if before else kind_of_number(number)
        if kind is None and _NAMED_LAW.search(text[max(0, m.start() - 120) : m.start()]):
            kind = DocumentKind.law
        found.append(
            Citation(Reference(number=number, date=issued, issuer=issuer, kind=kind), m.start(), end)
        )
    return found


def citation_spans(text: str) -> list[tuple[int, int]]:
    """Where numbers of cited documents and their dates are: dates there are not deadlines."""
    return [(c.start, c.end) for c in find_citations(text)]


def merge_references(citations: list[Citation], implements: list[str]) -> list[Reference]:
    """One reference per number (its first, most complete mention), flagged when implemented."""
    by_number: dict[str, Reference] = {}
    for citation in citations:
        ref = citation.reference
        known = by_number.get(ref.number)
        if known is None:
            by_number[ref.number] = ref
        elif (known.date is None and ref.date) or (known.issuer is None and ref.issuer):
            by_number[ref.number] = known.model_copy(
                update={"date": known.date or ref.date, "issuer": known.issuer or ref.issuer}
            )
    return [ref.model_copy(update={"implements": ref.number in implements}) for ref in by_number.values()]


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
