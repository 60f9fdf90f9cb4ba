"""What a document says about itself: kind, number, place and date, issuer, title, signer,
contact, recipients, received stamp, references, and where its body and attachments are."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from extraction.references import (
    NUMBER,
    find_citations,
    implemented_numbers,
    kind_of_number,
    merge_references,
)
from extraction.signature import RECIPIENTS, SIGN_TITLE, read_contact, read_recipients, read_signer
from extraction.units import read_units
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
}
_KIND_LINE = re.compile(r"^(?P<kind>" + "|".join(_KINDS) + r")(?![a-zà-ỹ])\s*(?P<rest>.*)$")
_OWN_NUMBER = re.compile(rf"^Số\s*:?\s*(?P<number>{NUMBER})")
_STAMP_NUMBER = re.compile(r"^Số\s*:?\s*(?P<number>\d{1,7})\s*$")
_STAMP_DATE = re.compile(r"^Ngày\s*:?\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*$")
_PLACE_DATE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][^\d,]{1,40}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
_NEWS_DATE = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
_YEAR = re.compile(r"\bnăm\s+(?P<y>(?:19|20)\d{2})\b")
_NATIONAL = ("ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI", "ĐỘC LẬP", "Độc lập")
_LEVEL_WORDS = ("tỉnh", "huyện", "thành phố", "quận", "thị xã", "xã", "phường", "thị trấn")
_BODY_HEADS = ("ban", "sở", "phòng", "cục", "vụ", "viện", "trường", "đài", "văn phòng", "ủy ban kiểm tra")


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
    body_first = _body_first(lines, kind_at)
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
        issuer=_issuer(lines, kind_at, rest),
        title=title or None,
        signer=read_signer(lines, body_last),
        contact=read_contact(lines[:body_last]),
        recipients=read_recipients(lines, body_last),
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


def _body_first(lines: list[str], kind_at: int) -> int:
    for number in range(kind_at + 1, len(lines) + 1):
        if re.match(r"^(?:[IVX]{1,4}|Điều\s+1)\s*[.):]\s+[A-ZĐÀ-Ỹ“\"]", lines[number - 1].strip()):
            return number
    for number in range(kind_at + 1, len(lines) + 1):
        if re.match(r"^1\s*[.)]\s+[A-ZĐÀ-Ỹ]", lines[number - 1].strip()):
            return number
    return kind_at + 1 if kind_at else 1


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
        m = _PLACE_DATE.search(line)
        if m:
            return _right_of_capitals(m.group("place").strip()), date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None, None


# The right column of a document's head, where a PDF's text runs it into the left one on one line:
# "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH QUẢNG NAM Độc lập - Tự do - Hạnh phúc".
_RIGHT_COLUMN = re.compile(
    r"\s(?:CỘNG HÒA XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]|ĐỘC LẬP\s*[-–])"
    r"|\s[A-ZĐÀ-Ỹ][a-zà-ỹđ][^,]{0,40},\s*ngày\s+\d"
)


def left_column(line: str) -> str:
    """The head's left column (issuer, number) of a line that runs both columns together."""
    m = _RIGHT_COLUMN.search(line)
    return line[: m.start()].strip() if m else line


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
        return heading
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


def _plan_year(title: str, issued: date | None, lines: list[str]) -> int | None:
    years = [int(y) for y in _YEAR.findall(title)]
    if years:
        return years[-1]
    if issued:
        return issued.year
    counted = Counter(int(y) for line in lines for y in _YEAR.findall(line))
    return counted.most_common(1)[0][0] if counted else None


def _issuer(lines: list[str], kind_at: int, rest: str) -> str | None:
    named = proper_case(re.split(r"\s+(?:về|VỀ)\s+", re.sub(r"^CỦA\s+", "", rest))[0]) if rest else ""
    # "NGHỊ QUYẾT HỘI ĐỒNG NHÂN DÂN TỈNH ...": a body; "CHƯƠNG TRÌNH CÔNG TÁC" goes on with the kind.
    if rest and rest.upper() == rest and read_units(named) is not None:
        return _with_place(named, lines)
    following = next((x.strip() for x in lines[kind_at : kind_at + 3] if x.strip()), "") if kind_at else ""
    if following.upper().startswith("CỦA "):
        body = following[4:] if not following.isupper() else proper_case(following[4:])
        found = read_units(body)  # "của Ban Thường vụ Tỉnh ủy năm 2025": the body, not the year
        return _with_place(body[: found.end] if found is not None else proper_case(body), lines)
    top: list[str] = []
    for line in lines[: max(kind_at - 1, 0) or _header_end(lines)]:
        text = left_column(line.strip().strip("*").strip())
        if text.isupper() and len(text) > 2 and not text.startswith(_NATIONAL) and not text.startswith("SỐ"):
            top.append(text)
    if not top:
        return None
    return _with_place(proper_case(_header_body(top[-2:])), lines)


_LEVEL_START = re.compile(r"^(?:TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\b(?!\s+ỦY)")
_PEOPLES_BODY = re.compile(r"^(?:UBND|ỦY BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN)\s+")
_PLACE = r"(?P<place>(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*)(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]*){0,2})"
_COMMITTEE_LEVEL = {"thành ủy": "thành phố", "tỉnh ủy": "tỉnh", "huyện ủy": "huyện", "quận ủy": "quận",
                    "thị ủy": "thị xã"}


def _header_end(lines: list[str]) -> int:
    """Without a kind line ("V/v ..." letters), the header ends at the document's number."""
    return next((n for n, line in enumerate(lines[:15]) if _OWN_NUMBER.match(line.strip())), 0)


def _header_body(top: list[str]) -> str:
    """The issuing body from the header's last two lines: "ỦY BAN NHÂN DÂN / TỈNH X" reads on, "HUYỆN ỦY X /
    BAN TUYÊN GIÁO" and "UBND TỈNH X / SỞ Y TẾ" name a body of the line above, "ĐẢNG BỘ TỈNH X / HUYỆN ỦY Y"
    a body inside the line above's party organisation."""
    if len(top) == 1:
        return top[0]
    upper, lower = top
    if _LEVEL_START.match(lower):
        return f"{upper} {lower}"
    if upper.startswith("ĐẢNG BỘ"):
        return lower
    return f"{lower} {_PEOPLES_BODY.sub('', upper)}"


def _with_place(issuer: str, lines: list[str]) -> str:
    """ "Ban Thường vụ Thành ủy" → "... Thành ủy Hải Phòng": a committee named without its place gets the
    place the document names most often at that level ("thành phố Hải Phòng")."""
    low = issuer.lower()
    committee = next((c for c in _COMMITTEE_LEVEL if low.endswith(c)), None)
    level = _COMMITTEE_LEVEL[committee] if committee else None
    inner = re.search(r"\bđảng bộ (thành phố|tỉnh|huyện|quận)(?=\s+khóa\b|$)", low)
    level = level or (inner.group(1) if inner else None)
    if level is None:
        return issuer
    places = Counter(m.group("place") for m in re.finditer(rf"\b{level}\s+{_PLACE}", "\n".join(lines)))
    named = _named_committee(committee, lines) if committee else None
    if not places and named is None:
        return issuer
    place = named or places.most_common(1)[0][0]
    if committee:
        return f"{issuer} {place}"
    assert inner is not None
    return f"{issuer[: inner.end()]} {place}{issuer[inner.end() :]}"


def _named_committee(committee: str, lines: list[str]) -> str | None:
    """The place of the committee the document's head names ("TỈNH ỦY HÀ TĨNH" → "Hà Tĩnh")."""
    heading = re.compile(rf"^{committee.upper()}\s+(?P<place>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{{1,30}})$")
    for line in lines[:HEAD_LINES]:
        m = heading.match(left_column(line.strip().strip("*").strip()))
        if m:
            return " ".join(word[:1] + word[1:].lower() for word in m.group("place").split())
    return None


HEAD_LINES = 12


def proper_case(text: str) -> str:
    """ "BAN TUYÊN GIÁO HUYỆN ỦY VĨNH BẢO" → "Ban Tuyên giáo Huyện ủy Vĩnh Bảo" (best effort)."""
    words = text.lower().split()
    out: list[str] = []
    capital_next, place = True, False
    for i, word in enumerate(words):
        committee = word in ("thành", "huyện", "tỉnh", "quận") and words[i + 1 : i + 2] == ["ủy"]
        if word in ("khóa", "khoá", "nhiệm"):
            place = False
        if re.fullmatch(r"[ivxl]+", word) and i > 0:
            out.append(word.upper())
        elif place or capital_next or committee or word == "đảng":
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
        capital_next = (word in _BODY_HEADS or (word == "và" and i > 0)) and words[i + 1 : i + 2] != ["nhân"]
        after_committee = word == "ủy" and i > 0 and words[i - 1] in ("thành", "huyện", "tỉnh", "quận")
        if after_committee or (word == "phố" and words[i - 1] == "thành"):
            place = True
        elif word in _LEVEL_WORDS and i > 0 and not committee and words[i - 1] not in ("thành",):
            place = place or word not in ("thành",)
    return " ".join(out)


def _references(lines: list[str], kind_at: int, body_first: int) -> list[Reference]:
    text = "\n".join(lines)
    implements: list[str] = []
    for line in lines[kind_at : body_first - 1]:
        stripped = line.strip()
        if re.match(r"^Thực hiện\b", stripped):
            implements.extend(implemented_numbers(stripped))
        elif re.match(r"^(?:về việc\s+|về\s+)?thực hiện\b", stripped, re.IGNORECASE) and not implements:
            implements.extend(implemented_numbers(stripped)[:1])
    own = {m.group("number") for line in lines[: kind_at + 5] if (m := _OWN_NUMBER.match(line.strip()))}
    citations = [c for c in find_citations(text) if c.reference.number not in own]
    return merge_references(citations, implements)
