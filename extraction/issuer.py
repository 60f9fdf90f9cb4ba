"""Who issues a document: the body in its head's left column or after its kind, named in full and with
its place ("Ban Thường vụ Thành ủy" → "... Thành ủy Hải Phòng"), and the head's two columns."""

from __future__ import annotations

import re
from collections import Counter

from extraction.tokens import CAPITAL, LOWER
from extraction.units import read_units

_NATIONAL = ("ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI", "ĐỘC LẬP", "Độc lập")
# The whole organisation a mass body belongs to, on a line of the head as the party's name is on a party
# committee's: the body that issues is the one below it or in the other column ("BCH ĐOÀN TỈNH X").
_NATIONAL_ORGANISATION = re.compile(
    r"^(?:ĐOÀN\s+(?:TNCS|THANH NIÊN CỘNG SẢN)\s+HỒ CHÍ MINH|(?:HỘI\s+(?:LHPN|LIÊN HIỆP PHỤ NỮ)"
    r"|MẶT TRẬN TỔ QUỐC|MTTQ|HỘI NÔNG DÂN|HỘI CỰU CHIẾN BINH|TỔNG LIÊN ĐOÀN LAO ĐỘNG)\s+VIỆT NAM)$"
)
_LEVEL_WORDS = ("tỉnh", "huyện", "thành phố", "quận", "thị xã", "xã", "phường", "thị trấn")
_BODY_HEADS = ("ban", "sở", "phòng", "cục", "vụ", "viện", "trường", "đài", "văn phòng", "ủy ban kiểm tra")

# The right column of a document's head, where a PDF's text runs it into the left one on one line:
# "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH QUẢNG NAM Độc lập - Tự do - Hạnh phúc".
_RIGHT_COLUMN = re.compile(
    r"\s(?:CỘNG HÒA XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]|ĐỘC LẬP\s*[-–])"
    rf"|\s{CAPITAL}{LOWER}[^,]{{0,40}},\s*ngày\s+\d"
)


def left_column(line: str) -> str:
    """The head's left column (issuer, number) of a line that runs both columns together."""
    m = _RIGHT_COLUMN.search(line)
    return line[: m.start()].strip() if m else line


def read_issuer(lines: list[str], kind_at: int, rest: str, header_end: int) -> str | None:
    """The body that issues the document: named after its kind ("NGHỊ QUYẾT HỘI ĐỒNG NHÂN DÂN TỈNH X",
    "KẾ HOẠCH của Ban Thường vụ ..."), else in the head's upper-case left column."""
    named = proper_case(re.split(r"\s+(?:về|VỀ)\s+", re.sub(r"^CỦA\s+", "", rest))[0]) if rest else ""
    # "NGHỊ QUYẾT HỘI ĐỒNG NHÂN DÂN TỈNH ...": a body; "CHƯƠNG TRÌNH CÔNG TÁC" goes on with the kind.
    if rest and rest.upper() == rest and read_units(named) is not None:
        return _with_place(named, lines)
    following = next((x.strip() for x in lines[kind_at : kind_at + 3] if x.strip()), "") if kind_at else ""
    head = _head_issuer(lines, kind_at, header_end)
    if following.upper().startswith("CỦA "):
        body = following[4:] if not following.isupper() else proper_case(following[4:])
        found = read_units(body)  # "của Ban Thường vụ Tỉnh ủy năm 2025": the body, not the year
        placed = _with_place(body[: found.end] if found is not None else proper_case(body), lines)
        # "của Ban Chấp hành Đảng bộ phường" under "ĐẢNG ỦY PHƯỜNG X": the head names the body with its place
        return head if head is not None and _UNPLACED.search(placed) else placed
    return head


# A body named down to its level and no further: "Ban Chấp hành Đảng bộ phường", "Ủy ban nhân dân xã".
_UNPLACED = re.compile(r"\b(?:tỉnh|huyện|thành phố|quận|thị xã|xã|phường|thị trấn|đặc khu)$", re.IGNORECASE)


def _head_issuer(lines: list[str], kind_at: int, header_end: int) -> str | None:
    """The issuer named in the upper-case lines of the document's head."""
    top: list[str] = []
    for line in lines[: max(kind_at - 1, 0) or header_end]:
        text = left_column(line.strip().strip("*").strip())
        if text.isupper() and len(text) > 2 and not text.startswith(_NATIONAL) and not text.startswith("SỐ"):
            top.append(text)
    top = [text for text in top if not _NATIONAL_ORGANISATION.match(text)] or top
    if not top:
        return None
    return _with_place(_header_body([_spelled_out(text) for text in top[-3:]]), lines)


_LEVEL_START = re.compile(r"^(?:TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\b(?!\s+ỦY)")
_PEOPLES_BODY = re.compile(r"^(?:UBND|ỦY BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN)\s+")
_PLACE = rf"(?P<place>(?:{CAPITAL}{LOWER}*)(?:\s+{CAPITAL}{LOWER}*){{0,2}})"
_COMMITTEE_LEVEL = {"thành ủy": "thành phố", "tỉnh ủy": "tỉnh", "huyện ủy": "huyện", "quận ủy": "quận",
                    "thị ủy": "thị xã", "tỉnh đoàn": "tỉnh", "huyện đoàn": "huyện", "thành đoàn": "thành phố"}


def _header_body(top: list[str]) -> str:
    """The issuing body from the header's last two lines: "ỦY BAN NHÂN DÂN / TỈNH X" reads on, "HUYỆN ỦY X /
    BAN TUYÊN GIÁO" and "UBND TỈNH X / SỞ Y TẾ" name a body of the line above, "ĐẢNG BỘ TỈNH X / HUYỆN ỦY Y"
    a body inside the line above's party organisation."""
    if len(top) == 1:
        return proper_case(top[0])
    if _SCHOOL.match(top[-1]):  # "SỞ GIÁO DỤC VÀ ĐÀO TẠO X / TRƯỜNG THPT Y": a school's name is its own
        return proper_case(top[-1])
    if len(top) == 3 and _LEVEL_START.match(top[1]) and not _LEVEL_START.match(top[2]):
        upper, lower = f"{top[0]} {top[1]}", top[2]  # "ỦY BAN NHÂN DÂN / TỈNH X / VĂN PHÒNG"
    else:
        upper, lower = top[-2:]
    if _LEVEL_START.match(lower):
        return proper_case(f"{upper} {lower}")
    if upper.startswith("ĐẢNG BỘ") or _PLACED.search(lower):  # "SỞ Y TẾ TỈNH X / TRUNG TÂM Y TẾ HUYỆN Y"
        return proper_case(lower)
    if lower == "VĂN PHÒNG":  # the office of the committee above, not of the province
        return proper_case(f"{lower} {upper}")
    return _under_parent(lower, _PEOPLES_BODY.sub("", upper))


# A level in a body's name, followed by its place or ending the name ("BỆNH VIỆN ĐA KHOA TỈNH"); not the
# "xã" of "xã hội" nor the level of a committee ("TỈNH ỦY", "TỈNH ĐOÀN").
_LEVEL_IN_NAME = r"(?:^|\s)(?:TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)"
_PLACED = re.compile(rf"{_LEVEL_IN_NAME}\s+(?!(?:HỘI|ỦY|ĐOÀN)\b)\S")
_UNPLACED_HEAD = re.compile(rf"{_LEVEL_IN_NAME}$")
_PARENT_PLACE = re.compile(rf"{_LEVEL_IN_NAME}\s+(?!(?:HỘI|ỦY|ĐOÀN)\b)(?P<place>.+)$")


def _under_parent(lower: str, upper: str) -> str:
    """A body named under its parent: "BỆNH VIỆN ĐA KHOA TỈNH" under "SỞ Y TẾ TỈNH X" is the province's
    hospital and takes only the parent's place; "SỞ Y TẾ" under "TỈNH X" the place; "PHÒNG ..." under "CÔNG AN
    TỈNH X" or "CỤC ..." under "BỘ Y TẾ" the parent's whole name, each name in its own case."""
    parent_place = _PARENT_PLACE.search(upper)
    if _UNPLACED_HEAD.search(lower) and parent_place is not None:
        return proper_case(f"{lower} {parent_place['place']}")
    if _LEVEL_START.match(upper):
        return proper_case(f"{lower} {upper}")
    return f"{proper_case(lower)} {proper_case(upper)}"


_HEAD_ABBREVIATIONS = {
    "UBND": "ỦY BAN NHÂN DÂN",
    "HĐND": "HỘI ĐỒNG NHÂN DÂN",
    "BCH": "BAN CHẤP HÀNH",
    "BTV": "BAN THƯỜNG VỤ",
    "MTTQ": "MẶT TRẬN TỔ QUỐC VIỆT NAM",
    "MTTQVN": "MẶT TRẬN TỔ QUỐC VIỆT NAM",
    "LHPN": "LIÊN HIỆP PHỤ NỮ",
    "TNCS": "THANH NIÊN CỘNG SẢN",
}

_ABBREVIATED = re.compile(r"\b(?:" + "|".join(_HEAD_ABBREVIATIONS) + r")\b")


def _spelled_out(head: str) -> str:
    """ "VĂN PHÒNG UBND TỈNH X": the issuer is named in full, as a title case cannot spell an abbreviation."""
    head = re.sub(r"\b(MTTQ)\s+(?:VIỆT NAM|VN)\b", r"\1", head)  # spelled out with its "Việt Nam"
    return _ABBREVIATED.sub(lambda m: _HEAD_ABBREVIATIONS[m.group()], head)


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
    # The look-back after the level's first letter means "\b" before it and lets the regex engine skip
    # ahead to that letter rather than try every place of the document.
    named_level = rf"{level[0]}(?<!\w{level[0]}){level[1:]}\s+{_PLACE}"
    places = Counter(m.group("place") for m in re.finditer(named_level, "\n".join(lines)))
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
    heading = re.compile(rf"^{committee.upper()}\s+(?P<place>{CAPITAL}(?:{CAPITAL}| ){{1,30}})$")
    for line in lines[:HEAD_LINES]:
        m = heading.match(left_column(line.strip().strip("*").strip()))
        if m:
            return " ".join(word[:1] + word[1:].lower() for word in m.group("place").split())
    return None


HEAD_LINES = 12
_COMMITTEE_PLACES = ("thành", "huyện", "tỉnh", "quận")  # "Tỉnh ủy", "Huyện đoàn": a committee of a place


# A school's kind (its level, often abbreviated) and its proper name: "TRƯỜNG THPT SÔNG LAM", "TRƯỜNG TIỂU
# HỌC KIM ĐỒNG", "TRƯỜNG ĐẠI HỌC VINH".
_SCHOOL = re.compile(
    r"^(?P<head>TRƯỜNG\s+)(?P<level>(?:(?:TH|THCS|THPT|PT|PTCS|PTDTNT|PTDTBT|MN|MG|GDTX|GDNN-GDTX|ĐH|CĐ|TC)"
    r"(?:[&-](?:TH|THCS|THPT))*|TIỂU HỌC|MẦM NON|TRUNG HỌC (?:CƠ SỞ|PHỔ THÔNG)"
    r"|PHỔ THÔNG(?: DÂN TỘC (?:NỘI|BÁN) TRÚ)?|ĐẠI HỌC|CAO ĐẲNG|TRUNG CẤP)\s+)"
    r"(?P<chuyen>CHUYÊN\s+)?(?P<name>.+)$"
)


def _school_case(m: re.Match[str]) -> str:
    """ "Trường THPT Sông Lam", "Trường Trung học cơ sở Nguyễn Du": the level's abbreviation kept, its
    spelled-out words in sentence case, the school's proper name title-cased."""
    level = m["level"].strip()
    level = level if " " not in level and len(level) <= 10 else level[:1] + level[1:].lower()
    name = " ".join(word[:1] + word[1:].lower() for word in m["name"].split())
    return f"Trường {level} {'chuyên ' if m['chuyen'] else ''}{name}"


def proper_case(text: str) -> str:
    """ "BAN TUYÊN GIÁO HUYỆN ỦY VĨNH BẢO" → "Ban Tuyên giáo Huyện ủy Vĩnh Bảo" (best effort)."""
    school = _SCHOOL.match(text)
    if school is not None:
        return _school_case(school)
    words = text.lower().split()
    out: list[str] = []
    capital_next, place = True, False
    for i, word in enumerate(words):
        committee = word in _COMMITTEE_PLACES and words[i + 1 : i + 2] in (["ủy"], ["đoàn"])
        if word in ("khóa", "khoá", "nhiệm"):
            place = False
        if re.fullmatch(r"[ivxl]+", word) and i > 0:
            out.append(word.upper())
        elif place or (capital_next and not _place_level(words, i)) or committee or word == "đảng":
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
        head = _is_head(words, i)
        capital_next = (head or (word in ("và", "-") and i > 0)) and words[i + 1 : i + 2] != ["nhân"]
        after_committee = word in ("ủy", "đoàn") and i > 0 and words[i - 1] in _COMMITTEE_PLACES
        if after_committee or (word == "phố" and words[i - 1] == "thành"):
            place = True
        elif _place_level(words, i) and not committee and words[i - 1] not in ("thành",):
            place = place or word not in ("thành",)
    return _proper_names(" ".join(out))


def _is_head(words: list[str], i: int) -> bool:
    """A word naming a kind of body, whose next word starts the body's own name: "BỘ Y TẾ" (not "ĐẢNG BỘ"),
    "TRUNG TÂM Y TẾ", "VĂN PHÒNG ỦY BAN" (not the "phòng" of "CẢNH SÁT PHÒNG CHÁY")."""
    word, before = words[i], words[i - 1] if i > 0 else ""
    if word in ("bộ", "phòng"):
        return i == 0 or before == "văn"
    return word in _BODY_HEADS or (word == "tâm" and before == "trung")


def _place_level(words: list[str], i: int) -> bool:
    """ "... Môi trường tỉnh Hà Tĩnh": a level before its place's name keeps its small letter after a head
    ("Xã hội" of "Thương binh và Xã hội" is no level)."""
    return i > 0 and words[i] in _LEVEL_WORDS and words[i + 1 : i + 2] != ["hội"]


# Names of organisations whose every main word is capitalised, whatever the words before them.
_PROPER_NAMES = (
    "Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam", "Thanh niên Cộng sản Hồ Chí Minh",
    "Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh", "Liên đoàn Lao động", "Hồ Chí Minh", "Việt Nam",
    "Chính phủ",
)
_LONGEST_FIRST = sorted(_PROPER_NAMES, key=len, reverse=True)
_PROPER = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in _LONGEST_FIRST), re.IGNORECASE)
_BY_KEY = {name.lower(): name for name in _PROPER_NAMES}
# "đoàn" before a place's level is the Youth Union of that place ("Ban Chấp hành Đoàn tỉnh X"), unlike the
# "đoàn" of "Công đoàn", "Liên đoàn".
_UNION = re.compile(
    r"(?<!\bcông )(?<!\bliên )\bđoàn(?= (?:tỉnh|huyện|thành phố|quận|thị xã|xã|phường|thị trấn)\b)",
    re.IGNORECASE,
)


def _proper_names(text: str) -> str:
    text = _PROPER.sub(lambda m: _BY_KEY[m.group().lower()], text)
    return _UNION.sub("Đoàn", text)
