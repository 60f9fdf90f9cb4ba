"""A document's signature block: who signs and in what office, the contact person, the recipients
("Nơi nhận"), also where a PDF's text runs the recipients' and the signer's columns into one line."""

from __future__ import annotations

import re

from extraction.tokens import CAPITAL, LOWER
from models.documents import Person

SIGN_TITLE = re.compile(
    r"^(?:T/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)\s|^(?:PHÓ\s+)?(?:BÍ THƯ|CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC|"
    r"CHÁNH VĂN PHÒNG|THỦ TRƯỞNG|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|TRƯỞNG PHÒNG|CHỦ NHIỆM|CỤC TRƯỞNG|"
    r"VỤ TRƯỞNG|TỔNG CỤC TRƯỞNG|CHI CỤC TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG|TỔNG GIÁM ĐỐC|CHÁNH THANH TRA|"
    r"TRƯỞNG CÔNG AN|BÍ THƯ THƯỜNG TRỰC)\b"
)
RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.IGNORECASE)
_NAME = re.compile(rf"^(?:{CAPITAL}{LOWER}*\s+){{1,4}}{CAPITAL}{LOWER}*$")
_CONTACT = re.compile(
    rf"đồng chí\s+(?P<name>(?:{CAPITAL}{LOWER}*\s*){{2,5}}),\s*(?P<title>[^,;()]{{2,40}}?),\s*"
    r"(?:SĐT|ĐT|điện thoại|số điện thoại)\s*:?\s*(?P<phone>[\d .]{8,15}\d)",
    re.IGNORECASE,
)
_ARCHIVE = re.compile(r"^Lưu\b", re.IGNORECASE)


def read_signer(lines: list[str], body_last: int) -> Person | None:
    title, name = None, None
    for line in lines[body_last : body_last + 30]:
        text = _signature_columns(line.strip().strip("*").strip())[1]
        if text.isupper() and SIGN_TITLE.match(text):
            title = text
        elif title and _NAME.match(text):
            name = text
            break
    if not name:
        return None
    position = re.sub(r"^(?:T/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)\s.*", "", title or "").strip()
    return Person(name=name, title=_position(position) if position else None)


def _signature_columns(line: str) -> tuple[str, str]:
    """(recipients' column, signer's column) of a line of the signature block; a PDF's text runs the two
    together: "- Như trên; KT. CHỦ TỊCH". A line of one column is both."""
    for space in re.finditer(r"\s+", line):
        left, right = line[: space.start()], line[space.end() :]
        if right.isupper() and not left.isupper() and SIGN_TITLE.match(right):
            return left, right
    return line, line


def _position(text: str) -> str:
    words = text.lower()
    for proper in ("bí thư", "chủ tịch"):
        words = words.replace(proper, proper.title().replace("Thư", "thư").replace("Tịch", "tịch"))
    return words[:1].upper() + words[1:]


def read_contact(lines: list[str]) -> Person | None:
    text = " ".join(lines)
    # A case-blind regex cannot skip ahead to its first word and tries every place of a long document: a
    # plain test of the lower-cased text for that word first (the case folding is the same for its letters).
    m = _CONTACT.search(text) if "đồng chí" in text.lower() else None
    if not m:
        return None
    return Person(name=m["name"].strip(), title=m["title"].strip(), phone=re.sub(r"[ .]", "", m["phone"]))


def read_recipients(lines: list[str], body_last: int) -> tuple[str, ...]:
    found: list[str] = []
    started = False
    for line in lines[body_last : body_last + 40]:
        text = _signature_columns(line.strip())[0]
        if RECIPIENTS.match(text):
            started = True
            continue
        if started and text.startswith(("-", "+", "•")):
            name = re.sub(r"\s*(?:[“\"(][^”\")]*[”\")])\s*", " ", text.lstrip("-+• ")).strip(" ,.;")
            if name and not _ARCHIVE.match(name):
                found.append(name)
        elif started and text:
            break
    return tuple(found)
