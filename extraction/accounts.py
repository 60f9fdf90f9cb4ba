"""Whether words tell of work done or under way ("Các đơn vị đã triển khai ...", "Tình hình dịch bệnh đang
diễn biến phức tạp") rather than set work.

"đang" that follows the object of a verb opening its clause describes that object: "Hướng dẫn tàu thuyền
đang hoạt động trên biển về nơi tránh trú" is work to do, the boats are what is under way. After the
clause's subject ("Tình hình ... đang", "Các đơn vị đang") it tells what that subject is doing. Verbs
that are also nouns ("Cải cách hành chính đang ...") leave the reading open, so the caller asks for a
deadline in the item too: an account rarely sets one.
"""

from __future__ import annotations

import re

from extraction import lexicon as lx

NARRATIVE = re.compile(r"(?=[đvd])\b(?:đã|đang|vừa qua|dự kiến sẽ|đạt được)\b", re.IGNORECASE)
# What a deadline nobody is named for may not follow ("sẽ hoàn thành vào ...": a forecast, not an order).
_BEFORE_DEADLINE = re.compile(r"\b(?:đã|đang|dự kiến sẽ|sẽ hoàn thành|đạt được)\b", re.IGNORECASE)

# Words of PREDICATES that open a clause without making it an order: auxiliaries, prepositions and words
# that are as often nouns as verbs or open one ("Theo dự báo, ...", "Có 25 hộ ...", "Giao thông ...").
_NOT_ORDERS = frozenset(
    {
        "có", "sẽ", "đã", "đang", "được", "bị", "là", "gồm", "cùng", "luôn", "đều", "nên", "theo", "tại",
        "trong", "về", "để", "nhằm", "với", "vào", "căn cứ", "thông tin", "báo cáo", "đánh giá", "kết quả",
        "giao",
    }
)  # fmt: skip
# Verbs of orders to people rather than to units, which PREDICATES (where a unit's name ends) leaves out.
_ORDERS_TO_PEOPLE = ("kêu gọi", "di dời", "sơ tán", "vận động")
_ORDERS = sorted((set(lx.PREDICATES) - _NOT_ORDERS) | set(_ORDERS_TO_PEOPLE), key=len, reverse=True)
_ORDER_OPENING = re.compile(
    r"(?:" + "|".join(re.escape(v) for v in _ORDERS) + r")\s+\S",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:.(]")


def tells_of_the_past(text: str, *, before_deadline: bool = False) -> bool:
    """Whether `text` holds a word of past or ongoing work that is not a description inside an order."""
    pattern = _BEFORE_DEADLINE if before_deadline else NARRATIVE
    return any(not _describes_an_object(text, m) for m in pattern.finditer(text))


def _describes_an_object(text: str, marker: re.Match[str]) -> bool:
    """ "Hướng dẫn tàu thuyền đang ...": "đang" after a verb's object in the clause the verb opens."""
    if marker.group().lower() != "đang":
        return False
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, marker.start())), default=0)
    clause = text[clause_start : marker.start()].lstrip(" -+•*")
    opening = _ORDER_OPENING.match(clause)
    return opening is not None and opening.end() - 1 < len(clause.rstrip())
