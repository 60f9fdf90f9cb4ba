"""What a document says about itself: kind, number, place and date, issuer, title, signer,
contact, recipients, received stamp, references, and where its body and attachments are."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from extraction.addressees import ADDRESSED, addressee_lines, read_addressees
from extraction.issuer import read_issuer
from extraction.reference_lineage import implemented_in_opening
from extraction.references import (
    NUMBER,
    find_citations,
    kind_of_number,
    merge_references,
)
from extraction.signature import RECIPIENTS, SIGN_TITLE, read_contact, read_recipients, read_signer
from extraction.tokens import CAPITAL
from models.documents import Document, DocumentKind, Received, Reference

_KINDS = {
    "KẾ HOẠCH": DocumentKind.plan,
    "HƯỚNG DẪN": DocumentKind.guidance,
    "NGHỊ QUYẾT": DocumentKind.resolution,
    "KẾT LUẬN": DocumentKind.conclusion,
    "CHỈ THỊ": DocumentKind.directive,
    "THÔNG BÁO": DocumentKind.notice,
    "CHƯƠNG TRÌNH": DocumentKind.programme,
    "QUYẾT ĐỊNH": DocumentKind.decision,
    "BÁO CÁO": DocumentKind.report,
    "CÔNG VĂN": DocumentKind.letter,
    "CÔNG ĐIỆN": DocumentKind.dispatch,
}
# "CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH HÀNH ĐỘNG": the kind's own words, not the start of the title.
_KIND_LINE = re.compile(
    r"^(?P<kind>" + "|".join(_KINDS) + r")(?![a-zà-ỹ])(?:\s+HÀNH ĐỘNG\b)?\s*(?P<rest>.*)$"
)
_OWN_NUMBER = re.compile(rf"^Số\s*:?\s*(?P<number>{NUMBER})")
_STAMP_NUMBER = re.compile(r"^Số\s*:?\s*(?P<number>\d{1,7})\s*$")
_STAMP_DATE = re.compile(r"^Ngày\s*:?\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*$")
_PLACE_DATE = re.compile(
    rf"(?P<place>{CAPITAL}[^\d,]{{1,40}}),"
    r"\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
_NEWS_DATE = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
_YEAR = re.compile(r"\bnăm\s+(?P<y>(?:19|20)\d{2})\b")
_HEAD_SPAN = 25  # lines: a letter's head is never longer
# Kinds sent to named addressees: only in these is a capitals line ending "điện:" under the title their
# list ("TIẾT KIỆM ĐIỆN:" in a plan's title is not).
_SENT_TO_ADDRESSEES = frozenset({DocumentKind.dispatch, DocumentKind.letter})
_ADDRESSEES_SPAN = 8  # lines from the kind line to "X điện:" / "Kính gửi:": the title between is short
_SUBJECT = re.compile(r"^V/v\.?\s+(?P<subject>.+)$")


@dataclass
class DocumentInfo:
    """A document's metadata and the line ranges (1-based, inclusive) of its parts."""

    document: Document
    plan_year: int | None
    body_first: int
    body_last: int
    header_last: int
    news: bool


def read_metadata(lines: list[str]) -> DocumentInfo:
    kind_at, kind, rest = _kind_line(lines)
    body_first = _body_first(lines, kind_at, kind)
    body_last = _body_last(lines, body_first)
    header = lines[: body_first - 1]
    number, received = _numbers(header)
    place, issued = _place_date(header)
    news = kind is None and number is None
    if kind is None and any(re.match(r"^V/v\b", line.strip()) for line in header):
        kind = DocumentKind.letter
    if kind is None:
        kind = (kind_of_number(number) if number else None) or (
            DocumentKind.news if news else DocumentKind.other
        )
    if news and issued is None:
        issued = _first_date(lines[:12])
    title = _title(lines, kind_at, body_first, rest)
    document = Document(
        kind=kind,
        number=number,
        issued=issued,
        place=place,
        issuer=read_issuer(lines, kind_at, rest, _header_end(lines)),
        title=title or None,
        signer=read_signer(lines, body_last),
        contact=read_contact(lines[:body_last]),
        recipients=read_recipients(lines, body_last),
        addressees=read_addressees(lines, body_first - 1),
        references=tuple(_references(lines, kind_at, body_first)),
        received=received,
    )
    return DocumentInfo(
        document, _plan_year(title, issued, lines), body_first, body_last, body_first - 1, news
    )


def _kind_line(lines: list[str]) -> tuple[int, DocumentKind | None, str]:
    for number, line in enumerate(lines[:40], start=1):
        m = _KIND_LINE.match(line.strip().lstrip("#").strip())
        if m:
            return number, _KINDS[m.group("kind")], m.group("rest").strip()
    return 0, None, ""


def _body_first(lines: list[str], kind_at: int, kind: DocumentKind | None) -> int:
    for number in range(kind_at + 1, len(lines) + 1):
        if re.match(rf"^(?:[IVX]{{1,4}}|Điều\s+1)\s*[.):]\s+(?:{CAPITAL}|[“\"])", lines[number - 1].strip()):
            return number
    for number in range(kind_at + 1, len(lines) + 1):
        if re.match(rf"^1\s*[.)]\s+{CAPITAL}", lines[number - 1].strip()):
            return number
    if kind in _SENT_TO_ADDRESSEES:
        return _after_addressees(lines, kind_at)
    return kind_at + 1 if kind_at else _after_head(lines)


def _after_addressees(lines: list[str], kind_at: int) -> int:
    """A Công điện (or Công văn) with a kind line and no numbered items: its body begins after the block
    naming whom it is sent to ("THỦ TƯỚNG CHÍNH PHỦ điện:" and its "- X;" lines) when one is under the
    title, else just after the kind line. Begun at the kind line, the block would be read as the body's
    first items, and never as the addressees that "... yêu cầu:" gives the "a)", "-" items to."""
    for number in range(kind_at + 1, min(len(lines), kind_at + _ADDRESSEES_SPAN) + 1):
        if ADDRESSED.match(lines[number - 1]):
            return number + 1 + addressee_lines(lines[number:], lines[number - 1])
    return kind_at + 1


def _after_head(lines: list[str]) -> int:
    """A letter with no kind line and no numbered items: its body begins after the head's last line (its
    number, subject, place and date, addressees); a text with no number of its own begins at once."""
    end, numbered, listing = 0, False, False
    for number, line in enumerate(lines[:_HEAD_SPAN], start=1):
        text = line.strip()
        numbered = numbered or bool(_OWN_NUMBER.match(text))
        if any(p.match(text) for p in (_OWN_NUMBER, _SUBJECT, ADDRESSED)) or _place_date_in(text):
            end, listing = number, bool(ADDRESSED.match(text))
        elif listing and text.startswith(("-", "+", "•")):
            end = number
        elif text:
            listing = False
    return end + 1 if numbered else 1


def _body_last(lines: list[str], body_first: int) -> int:
    for number in range(body_first, len(lines) + 1):
        line = lines[number - 1].strip()
        if RECIPIENTS.match(line) or (SIGN_TITLE.match(line) and line.isupper()):
            return number - 1
    return len(lines)


def _numbers(header: list[str]) -> tuple[str | None, Received | None]:
    number, received = None, None
    for i, raw in enumerate(header):
        line = raw.strip()
        own = _OWN_NUMBER.match(line)
        if own and number is None:
            number = own.group("number")
        stamp = _STAMP_NUMBER.match(line)
        if stamp:
            stamp_date = next(
                (m for m in (_STAMP_DATE.match(x.strip()) for x in header[i + 1 : i + 3]) if m), None
            )
            when = (
                date(int(stamp_date["y"]), int(stamp_date["m"]), int(stamp_date["d"])) if stamp_date else None
            )
            received = Received(number=stamp.group("number"), date=when)
    return number, received


def _place_date(header: list[str]) -> tuple[str | None, date | None]:
    for line in header:
        m = _place_date_in(line)
        if m:
            return _right_of_capitals(m.group("place").strip()), date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None, None


def _place_date_in(line: str) -> re.Match[str] | None:
    # `_PLACE_DATE` backtracks at each capital of a line; the word "ngày" it needs is looked for first.
    return _PLACE_DATE.search(line) if "ngày" in line else None


def _right_of_capitals(place: str) -> str:
    """ "KH-UBND Quảng Nam" → "Quảng Nam": the place without the left column's end run into it."""
    words = place.split()
    upper = [i for i, word in enumerate(words[:-1]) if word.isupper() and sum(map(str.isalpha, word)) >= 3]
    return " ".join(words[upper[-1] + 1 :]) if upper and not words[-1].isupper() else place


def _first_date(lines: list[str]) -> date | None:
    for line in lines:
        m = _NEWS_DATE.search(line)
        if m:
            return date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None


def _title(lines: list[str], kind_at: int, body_first: int, rest: str) -> str:
    if not kind_at:
        heading = next((x.strip().lstrip("#").strip() for x in lines[:5] if x.strip().startswith("#")), "")
        return heading or _subject(lines[: body_first - 1])
    parts: list[str] = [rest] if rest else []
    for line in lines[kind_at : body_first - 1]:
        text = line.strip()
        if text.startswith(("---", "*", "|")) or re.match(r"^(?:Thực hiện|Căn cứ)\b.*\bsố\b", text):
            if parts:
                break
            continue
        if parts and (text.endswith(":") or len(text.split()) > 40 or text.startswith("Tại ")):
            break
        if (
            _STAMP_NUMBER.match(text)
            or _STAMP_DATE.match(text)
            or not text
            or text.upper().startswith("CỦA ")
        ):
            continue
        parts.append(re.sub(r"^Chuyển\s*:\s*", "", text))
    return " ".join(parts).strip()


def _subject(head: list[str]) -> str:
    """A letter's subject, "V/v ..." under its number (its second line begins in lower case)."""
    for number, line in enumerate(head):
        m = _SUBJECT.match(line.strip())
        if m:
            following = head[number + 1].strip() if number + 1 < len(head) else ""
            more = following if following[:1].islower() else ""
            return f"{m['subject']} {more}".strip()
    return ""


def _plan_year(title: str, issued: date | None, lines: list[str]) -> int | None:
    years = [int(y) for y in _YEAR.findall(title)]
    if years:
        return years[-1]
    if issued:
        return issued.year
    counted = Counter(int(y) for line in lines for y in _YEAR.findall(line))
    return counted.most_common(1)[0][0] if counted else None


def _header_end(lines: list[str]) -> int:
    """Without a kind line ("V/v ..." letters), the header ends at the document's number."""
    return next((n for n, line in enumerate(lines[:15]) if _OWN_NUMBER.match(line.strip())), 0)


def _references(lines: list[str], kind_at: int, body_first: int) -> list[Reference]:
    text = "\n".join(lines)
    implements = implemented_in_opening(lines, kind_at, body_first)
    own = {m.group("number") for line in lines[: kind_at + 5] if (m := _OWN_NUMBER.match(line.strip()))}
    citations = [c for c in find_citations(text) if c.reference.number not in own]
    return merge_references(citations, implements)
