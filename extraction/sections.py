"""The numbered structure of a plan: sections I., 1., 1.2., 1.2.1., items a), (1), -, +, paragraphs.

Lines are joined into paragraphs (a line that starts in lower case continues the one before: PDFs
and copied text break sentences), each paragraph gets its marker and the path of the section it is
in ("II", "1", "2", "1" → "II.1.2.1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extraction.layout import furniture, reaches_margin, wrap_width

_ROMAN = re.compile(r"^(?P<n>[IVX]{1,5})\s*[.)]\s*(?P<rest>\S.*)$")
# "Điều 2. Tổ chức thực hiện": the articles of a resolution or decision are its top-level sections.
_ARTICLE = re.compile(r"^(?P<n>Điều\s+\d{1,3})\s*[.:]\s*(?P<rest>\S.*)$")
_DECIMAL = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2}){0,4})(?P<dot>[.)]?)\s+(?P<rest>\S.*)$")
_LETTER = re.compile(r"^(?P<n>[a-zđ])\s*[).]\s+(?P<rest>\S.*)$")
_PAREN = re.compile(r"^\((?P<n>\d{1,2}|[a-zđ])\)\s*(?P<rest>\S.*)$")
_BULLET = re.compile(r"^(?P<n>[-+•*–—·∙▪○●■□◦])\s*(?P<rest>\S.*)$")
_HEADING_HASHES = re.compile(r"^#{1,6}\s+")
# The characters the patterns above open with (a set: the empty string opens none).
_ROMAN_FIRST = frozenset("IVX")
_OTHER_MARKERS = (
    ("paren", _PAREN, frozenset("(")),
    ("letter", _LETTER, frozenset("abcdefghijklmnopqrstuvwxyzđ")),
    ("bullet", _BULLET, frozenset("-+•*–—·∙▪○●■□◦")),
)
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_FOOTNOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_TERMINAL = (".", ":", ";", "!", "?", "…", "”", '"', ")")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
HEADING_WORDS = 14  # a numbered line this short that reaches the margin is a heading, not a wrapped sentence
BULLET_DEPTH = {"-": 1, "–": 1, "—": 1, "•": 1, "*": 2, "+": 2, "·": 3, "∙": 3, "▪": 3, "○": 3, "●": 1}


@dataclass
class Paragraph:
    """A paragraph of the body with its marker and the section it belongs to (line numbers 1-based)."""

    text: str
    marker: str  # "II", "1.2", "-", "+", "a", "(1)", "" for plain paragraphs
    kind: str  # roman | decimal | letter | paren | bullet | plain
    section: tuple[str, ...]
    first_line: int
    last_line: int
    depth: int = 0  # 1 for "-", 2 for "+", 3 for deeper bullets; 0 otherwise
    period: str = ""  # the bare time heading it stands under ("Tháng 3:" in a work programme), if any

    @property
    def numbered(self) -> bool:
        return self.kind in ("roman", "decimal")

    @property
    def label(self) -> str:
        return section_label(self.section)


@dataclass
class Outline:
    paragraphs: list[Paragraph] = field(default_factory=list)
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)

    def title_chain(self, section: tuple[str, ...]) -> list[str]:
        """Titles of the section and its parents, innermost first."""
        return [self.titles[section[:n]] for n in range(len(section), 0, -1) if section[:n] in self.titles]


def section_label(section: tuple[str, ...]) -> str:
    return ".".join(section)


def roman_value(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < nxt else value
    return total


def parse_outline(
    lines: list[str], first: int = 1, last: int | None = None, *, skip: frozenset[int] = frozenset()
) -> Outline:
    """Paragraphs of lines[first..last] (1-based, inclusive); table rows and `skip` lines are left out."""
    outline = Outline()
    last = len(lines) if last is None else last
    state = _State()
    skip = skip | furniture(lines)
    width = wrap_width(lines)
    for number in range(first, last + 1):
        line = _bare_line(lines[number - 1])
        if not line or line.startswith("|") or line[0] in _FOOTNOTE_MARKS or number in skip:
            continue
        current = outline.paragraphs[-1] if outline.paragraphs else None
        found = _marker(line, state)  # read once: a line with a marker opens the paragraph it reads
        wrapped = (
            current is not None
            and reaches_margin(lines[current.last_line - 1], width)
            and not (current.numbered and _short(current.text))
        )
        if current is not None and found is None and _continues(current, line, wrapped=wrapped):
            current.text = f"{current.text} {line}"
            current.last_line = number
            if current.numbered:
                outline.titles[current.section] = current.text
            continue
        if found is None and line.endswith(":") and _PERIOD_HEADING.match(line):
            state.period = line.rstrip(" :")  # the work of that time follows: the heading gives no task
            continue
        paragraph = _paragraph(line, number, state, found)
        if paragraph.numbered:
            outline.titles[paragraph.section] = paragraph.text
        outline.paragraphs.append(paragraph)
    return outline


def _short(text: str) -> bool:
    """At most HEADING_WORDS words; the words after those are not counted (a paragraph grows line by line,
    and is asked again at each line)."""
    return len(text.split(None, HEADING_WORDS)) <= HEADING_WORDS


def _bare_line(raw: str) -> str:
    """The line without spaces around it, markdown heading hashes and bookmarks."""
    line = raw.strip()
    # Few lines have either: a test for a character costs less than a regex's pass.
    if line.startswith("#"):
        line = _HEADING_HASHES.sub("", line)
    if "[bookmark:" in line:
        line = _BOOKMARK.sub("", line)
    return line.strip()


# A heading that is only a time: "Tháng 3:", "Quý II/2026:", "Học kỳ I:", "6 tháng cuối năm:".
_PERIOD = (
    r"(?:(?:tháng|quý|học kỳ|đợt)\s+[\dIVX]{1,4}(?:/\d{4}|\s+năm\s+\d{4}|\s+năm học\s+\d{4}\s*-\s*\d{4})?"
    r"|6 tháng (?:đầu|cuối) năm(?:\s+\d{4})?)"
)
_PERIOD_HEADING = re.compile(rf"^{_PERIOD}\s*:$", re.IGNORECASE)
# A numbered section titled by a time alone ("1. Học kỳ I", "II. QUÝ III/2026"): the same, with a number.
_PERIOD_TITLE = re.compile(rf"^{_PERIOD}\s*:?$", re.IGNORECASE)


@dataclass
class _State:
    roman: str = ""
    decimal: tuple[str, ...] = ()
    period: str = ""
    period_section: tuple[str, ...] | None = None  # the numbered section titled by `period`, if one is

    def path(self) -> tuple[str, ...]:
        return ((self.roman,) if self.roman else ()) + self.decimal


def _continues(current: Paragraph, line: str, *, wrapped: bool = False) -> bool:
    """A line without a marker that starts in lower case (or with "(" after an unfinished sentence) goes
    on; so does any line after one that the right margin cut (hard-wrapped PDF or OCR text)."""
    first = line[0]
    if first.isalpha() and first.islower():
        return True
    unfinished = not current.text.rstrip().endswith(_TERMINAL)
    if wrapped and unfinished:
        return True
    if first in "(" or first.isdigit():
        return unfinished
    # A body paragraph ends with punctuation; one that does not was cut by a page break.
    return (
        unfinished
        and current.kind in ("plain", "bullet")
        and len(current.text.split()) >= 30
        and not current.text.isupper()
    )


def _marker(line: str, state: _State) -> tuple[str, str, str] | None:
    """(kind, marker, rest) when the line opens with a marker."""
    first = line[:1]  # each pattern opens with one of a few characters: most lines are tried by none
    m = _ROMAN.match(line) if first in _ROMAN_FIRST else None
    if m and (m.group("rest")[0].isupper() or m.group("rest")[0] in '“"'):
        return "roman", m.group("n"), m.group("rest")
    m = _ARTICLE.match(line) if first == "Đ" else None
    if m:
        return "roman", " ".join(m.group("n").split()), m.group("rest")
    m = _DECIMAL.match(line) if first.isdecimal() else None  # what "\d" matches: a decimal digit
    if m and _plausible_number(m, state):
        return "decimal", m.group("n"), m.group("rest")
    for kind, pattern, firsts in _OTHER_MARKERS:
        m = pattern.match(line) if first in firsts else None
        if m:
            return kind, m.group("n"), m.group("rest")
    return None


def _plausible_number(m: re.Match[str], state: _State) -> bool:
    number, rest = m.group("n"), m.group("rest")
    if not (rest[0].isupper() or rest[0] in '“"*('):
        return False
    if m.group("dot") or "." in number:
        return True
    # "5 Đẩy mạnh ..." (the dot lost): only as the next top-level number.
    top = int(state.decimal[0]) if state.decimal else 0
    return int(number) == top + 1


def _paragraph(line: str, number: int, state: _State, found: tuple[str, str, str] | None) -> Paragraph:
    """The paragraph a line opens; `found` is its marker (`_marker`), read before `state` changes."""
    if found is None:
        return Paragraph(line, "", "plain", state.path(), number, number, period=state.period)
    kind, marker, rest = found
    if kind == "roman":
        state.roman, state.decimal = marker, ()
        _numbered_period(state, rest)
    elif kind == "decimal":
        state.decimal = tuple(marker.split("."))
        _numbered_period(state, rest)
    depth = BULLET_DEPTH.get(marker, 1) if kind == "bullet" else 0
    return Paragraph(rest.strip(), marker, kind, state.path(), number, number, depth, state.period)


def _numbered_period(state: _State, title: str) -> None:
    """The time a numbered section stands for: its own title when that is a time alone, else the time of
    the section titled by one that it lies within ("1.2." under "1. Học kỳ I"), else none."""
    if _PERIOD_TITLE.match(title):
        state.period, state.period_section = title.rstrip(" :"), state.path()
        return
    under = state.period_section
    inside = under is not None and state.path()[: len(under)] == under
    if not inside or state.path() == under:
        state.period, state.period_section = "", None
