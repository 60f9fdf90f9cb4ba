"""What a report document says about itself: number, date, issuer and the plans it answers (pure)."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict

from models.documents import Document, DocumentKind, Reference

# Kinds a report answers: the documents that give units work to do.
_ANSWERABLE = frozenset(
    {
        DocumentKind.plan,
        DocumentKind.guidance,
        DocumentKind.resolution,
        DocumentKind.programme,
        DocumentKind.directive,
        DocumentKind.conclusion,
        DocumentKind.letter,
        DocumentKind.notice,
        DocumentKind.dispatch,
    }
)
# "kết quả thực hiện Kế hoạch số 45-KH/TU", "tình hình triển khai Hướng dẫn số ... và Kế hoạch số ..."
_ANSWER_CUE = re.compile(r"\b(?:thực hiện|triển khai|quán triệt)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;:\n](?=\s)|\n")
_KIND_HEADING = re.compile(r"^(?:BÁO CÁO|KẾ HOẠCH|CÔNG VĂN|TỜ TRÌNH)(?![A-ZĐÀ-Ỹ])")


class ReportDocument(BaseModel):
    """A report as read: what it is, who sent it, and which documents it answers or only mentions."""

    model_config = ConfigDict(frozen=True)

    source: str
    number: str | None = None
    issued: date | None = None
    issuer: str | None = None  # as the extraction read it; the unit is resolved against the registry
    header: tuple[str, ...] = ()  # the lines above the title, where the issuing body is named
    title: str = ""
    answers: tuple[Reference, ...] = ()  # cited as what the report is about
    mentions: tuple[Reference, ...] = ()  # cited in passing (the unit's own plans, parent documents)
    text: str = ""  # the body, for comparing its wording with the tasks'

    kind: DocumentKind = DocumentKind.report


def describe_report(source: str, lines: list[str], document: Document, header_last: int) -> ReportDocument:
    """A report's description from its lines and the metadata the extraction read from them."""
    title = document.title or ""
    body = "\n".join(lines[header_last:])
    # What a report's title or its "Thực hiện ..." line cites is what it answers.
    primary = [r for r in document.references if _answerable(r) and (r.implements or r.number in title)]
    # Only when the header names nothing does the body say what the report answers.
    answers = primary or [r for r in document.references if _answerable(r) and _answered_in(body, r.number)]
    mentions = [r for r in document.references if r not in answers]
    return ReportDocument(
        source=source,
        number=document.number,
        issued=document.issued,
        issuer=document.issuer,
        kind=document.kind,
        header=_above_title(lines[:header_last]),
        title=title,
        answers=tuple(answers),
        mentions=tuple(mentions),
        text=f"{title}\n{body}",
    )


def _answerable(reference: Reference) -> bool:
    return reference.kind is None or reference.kind in _ANSWERABLE


def _answered_in(text: str, number: str) -> bool:
    """Whether `text` cites `number` as the thing carried out, in a sentence saying so
    ("kết quả thực hiện Kế hoạch số N", "triển khai Hướng dẫn số M và Kế hoạch số N")."""
    for found in re.finditer(re.escape(number), text):
        before = text[max(0, found.start() - 300) : found.start()]
        sentence = _SENTENCE_END.split(before)[-1]
        if _ANSWER_CUE.search(sentence):
            return True
    return False


def _above_title(lines: list[str]) -> tuple[str, ...]:
    """The lines above the "BÁO CÁO" heading: the issuing body's name is there, the plan's issuer is not."""
    found: list[str] = []
    for line in lines:
        text = line.strip().strip("#*").strip()
        if _KIND_HEADING.match(text):
            break
        if text:
            found.append(text)
    return tuple(found)
