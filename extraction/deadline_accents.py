"""Deadline words typed without their accents ("truoc ngay 15/3/2024", "han chot 30/6/2024", "quy II/2024"),
given them back in the lower-cased copy that the deadline patterns read.

A document that lost its accents as a whole is restored before it is read (`extraction.ocr`); this covers
the clause read alone (a plan file's cell, a table pasted from an e-mail) and a line that lost them where the
rest of the document kept them. A precomposed Vietnamese letter is one character, like the bare letter it
replaces, so every place in the copy is the same place in the text: a phrase's text is still cut from
what was written. A bare word that is also a word in its own right ("ngay" now, "quy" in "quy định", "nam"
in "Việt Nam") takes its accents only before what makes it a deadline's word (a digit, a numeral, a
period).
"""

from __future__ import annotations

import re

_YEAR = r"(?:1[89]|2[0-2])\d\d"
# "hang thang", "hằng quy": a period after "each" (which may have kept its accents).
_EACH = r"(?:(?<=hang )|(?<=hằng )|(?<=hàng ))"
# (bare words, accented words, the pattern of the bare words where they are a deadline's, if not everywhere);
# the accented form is as long as the bare one.
_WORDS = (
    ("truoc", "trước"),
    ("cham nhat", "chậm nhất"),
    ("muon nhat", "muộn nhất"),
    ("han chot", "hạn chót"),
    ("han cuoi", "hạn cuối"),
    ("hoan thanh", "hoàn thành"),
    ("hoan tat", "hoàn tất"),
    ("thoi gian", "thời gian"),
    ("thoi han", "thời hạn"),
    ("thuc hien", "thực hiện"),
    ("tien do", "tiến độ"),
    ("du kien", "dự kiến"),
    ("dinh ky", "định kỳ"),
    ("thuong xuyen", "thường xuyên"),
    ("lam viec", "làm việc"),
    ("ke tu", "kể từ"),
    ("hoc ky", "học kỳ"),
    ("nam hoc", "năm học"),
    ("hang", "hằng", r"hang(?= (?:nam|thang|quy|tuan)\b)"),
    ("ngay", "ngày", r"ngay(?=\s*\d| lam viec\b)"),
    ("thang", "tháng", rf"thang(?=\s+\d| (?:nay|sau|toi|dau|cuoi)\b)|{_EACH}thang"),
    ("quy", "quý", rf"quy(?=\s+(?:iv|i{{1,3}}|[1-4])\b| (?:nay|dau|cuoi)\b)|{_EACH}quy"),
    ("nam", "năm", rf"(?<!viet )nam(?=\s+{_YEAR}| (?:nay|sau|toi)\b)|{_EACH}nam|(?<=trong )nam"),
    ("tuan", "tuần", rf"tuan(?= (?:dau|cuoi|thu|nay|le)\b)|{_EACH}tuan"),
    ("cuoi", "cuối", r"cuoi(?= (?:thang|nam|quy|tuan)\b)"),
    ("dau", "đầu", r"dau(?= (?:thang|nam|quy|tuan)\b)"),
    ("den", "đến", r"den(?= (?:ngay|thang|nam|quy|het)\b)"),
    ("het", "hết", r"het(?= (?:ngay|thang|nam|quy)\b)"),
    ("tu", "từ", r"tu(?= (?:ngay|thang|nam|quy)\b)"),
    ("vao", "vào", r"vao(?= (?:ngay|thang|nam|quy|dip|tuan)\b)"),
)
_ACCENTED = {bare: accented for bare, accented, *_ in _WORDS}
_ALTERNATIVES = "|".join(rest[0] if rest else bare for bare, _, *rest in _WORDS)
_PATTERN = re.compile(rf"(?<![^\W\d_])(?:{_ALTERNATIVES})(?![^\W\d_])")
# Bare words one of which any accent-less deadline phrase holds: a text without them is not scanned.
_CLUES = ("truoc", "ngay", "thang", "quy", "nam", "han c", "cham", "muon", "hoan t", "thoi", "thuong x",
          "dinh ky", "hoc ky", "tuan")


def accented(lower: str) -> str:
    """`lower` with its bare deadline words accented; the same length, each character where it was."""
    if lower.isascii():
        if not any(map(lower.__contains__, _CLUES)):
            return lower
    elif "truoc" not in lower and "thang " not in lower:
        return lower  # an accented text: only a bare word left in it is worth a look ("ngay" is DAY_WORD's)
    return _PATTERN.sub(_accent, lower)


def _accent(match: re.Match[str]) -> str:
    return _ACCENTED[match.group()]
