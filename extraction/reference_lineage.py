"""Which cited documents a document carries out: "Thực hiện ...", "Căn cứ ..., UBND xã xây dựng Kế hoạch"."""

from __future__ import annotations

import re

from extraction.references import find_citations
from models.documents import DocumentKind

# A paragraph opening with one of these carries out what it cites first ("Để cụ thể hóa Nghị quyết số ...").
_CARRIES_OUT = re.compile(
    r"^(?:Thực hiện|Triển khai|Để\s+(?:cụ thể hóa|cụ thể hoá|triển khai|thực hiện|tổ chức thực hiện))\b"
)
# A heading line that says what the document carries out ("về việc thực hiện Kết luận số 01-KL/TW").
_SUBJECT = re.compile(r"^(?:về việc\s+|về\s+)?(?:triển khai\s+)?(?:thực hiện|triển khai)\b", re.IGNORECASE)
# "Căn cứ" only names a legal basis, unless the same sentence goes on to make the document from it:
# "Căn cứ Kế hoạch số 48/KH-SYT ..., Bệnh viện xây dựng Kế hoạch ...".
_BASIS = re.compile(r"^Căn cứ\b")
_MAKES = re.compile(
    r"\b(?:xây dựng|ban hành)\s+(?:kế hoạch|chương trình|hướng dẫn|phương án)\b", re.IGNORECASE
)
# A decision that issues a plan carrying something out: "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch
# thực hiện Nghị quyết số 57-NQ/TW ...".
_ISSUES_WITH = re.compile(
    r"^Điều\s+1\s*[.:]?\s*Ban hành kèm theo\b.*?\b(?:thực hiện|triển khai)\s", re.IGNORECASE
)
_OPENS = re.compile(r"^(?:Thực hiện|Triển khai|Căn cứ|Để)\b")
_HEADING = re.compile(r"^(?:[|#]|(?:[IVX]{1,4}|\d{1,2}|[a-zđ])\s*[.)]\s|Điều\s+\d)")
_KINDS = "|".join(kind.value for kind in DocumentKind if kind.value[0].isupper())
# "... của Bộ Chính trị về ... và Kế hoạch số 288-KH/TU": a second document carried out alongside the first.
_AND_KIND = re.compile(r"\s(?:và|cùng)\s+(?:" + _KINDS + r")(?:\s+hành động)?\s+(?:số\s+)?$", re.IGNORECASE)
# What a cited document is about may cite others: "Kế hoạch số 92-KH/HU về thực hiện Kết luận số 01-KL/TW".
_NESTS = re.compile(r"\b(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|theo|tại)\b", re.IGNORECASE)
_EXTRA_LINES = 5
# Party documents list their grounds as items: "- Căn cứ Điều lệ Đảng ...;" then "- Thực hiện Nghị quyết ...".
_LIST_MARK = re.compile(r"^[-+•]\s+")


def implemented_in_opening(lines: list[str], kind_at: int, body_first: int) -> list[str]:
    """Numbers the opening paragraphs (between the kind line and the body's first heading) carry out."""
    implements: list[str] = []
    for paragraph in _paragraphs(lines[kind_at : _opening_end(lines, body_first)]):
        if _CARRIES_OUT.match(paragraph):
            implements.extend(n for n in carried_out(paragraph) if n not in implements)
        elif _BASIS.match(paragraph):
            implements.extend(n for n in carried_out(paragraph, basis=True) if n not in implements)
        elif _SUBJECT.match(paragraph) and not implements:
            implements.extend(carried_out(paragraph)[:1])
    issuing = _ISSUES_WITH.match(lines[body_first - 1].strip()) if 0 < body_first <= len(lines) else None
    if issuing:
        implements.extend(n for n in carried_out(issuing.string[issuing.end() :])[:1] if n not in implements)
    return implements


def carried_out(sentence: str, basis: bool = False) -> list[str]:
    """The first reference of each ";" part and those joined to it by "và"; with `basis`, only parts that go
    on to make the document ("..., UBND xã xây dựng Kế hoạch")."""
    numbers: list[str] = []
    for part in sentence.split(";"):
        citations = find_citations(part)
        if not citations or (basis and not _MAKES.search(part, citations[0].end)):
            continue
        last = citations[0]
        numbers.append(last.reference.number)
        for citation in citations[1:]:
            if _joined(part[last.end : citation.start]):
                numbers.append(citation.reference.number)
                last = citation
    return numbers


def _joined(between: str) -> bool:
    """Whether the text between two citations adds the second to the first rather than describing it."""
    return bool(_AND_KIND.search(between)) and not _NESTS.search(between)


def _opening_end(lines: list[str], body_first: int) -> int:
    """A letter has no heading before its body: its opening paragraphs run on to the first heading or table.
    A text with no head at all (a news article) has no opening."""
    if body_first <= 1:
        return 0
    end = body_first - 1
    for _ in range(_EXTRA_LINES):
        if end >= len(lines) or _HEADING.match(lines[end].strip()):
            break
        end += 1
    return end


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines with a wrapped opening paragraph (a PDF's text) joined back into one."""
    paragraphs: list[str] = []
    for line in (_LIST_MARK.sub("", raw.strip()) for raw in lines):
        if paragraphs and line and _continues(paragraphs[-1], line):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def _continues(paragraph: str, line: str) -> bool:
    return (
        bool(_OPENS.match(paragraph))
        and not paragraph.endswith((".", ";", ":"))
        and not _OPENS.match(line)
        and not _HEADING.match(line)
    )
