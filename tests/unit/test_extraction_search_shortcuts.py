"""The search shortcuts of the extraction read exactly what the plain rules read.

Patterns that open with a look-ahead for their first letters (so that the engine passes other places by),
the sentence gap found from the mark before it, the event patterns skipped for want of "(" or "-", the
page label looked for only on lines that end with a digit, deadlines that look for events only once a
phrase is found, unit tables asked only for words they hold, section markers tried by their first
character and task titles cut after their 24th word: each is checked against the rule as first written,
on the lines of the fixtures and seeds and on random text.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction import (
    accounts,
    clauses,
    deadline_patterns,
    deadlines,
    events,
    extract,
    layout,
    lexicon,
    sections,
    unit_words,
    units,
)
from extraction.deadline_forms import Context
from extraction.readers import read_document
from extraction.tokens import CAPITAL
from tests.conftest import ROOT, SHARED

FIXTURES = ROOT / "tests" / "fixtures" / "documents"
SEEDS = SHARED / "seeds"
TEXTS = sorted(FIXTURES.glob("*.txt")) + sorted(FIXTURES.glob("*.md")) + sorted(SEEDS.glob("*.txt"))

_ADDRESSING = "|".join(lexicon.ADDRESSING)
# The patterns as first written, without the look-ahead.
_PLAIN = {
    "_ADDRESS": re.compile(r"(?<![\w])(?P<verb>" + _ADDRESSING + r")\s+", re.IGNORECASE),
    "_NARRATIVE": re.compile(r"\b(?:đã|đang|vừa qua|dự kiến sẽ|đạt được)\b", re.IGNORECASE),
    "_COORDINATE": re.compile(
        r"(?:\bphối hợp(?:\s+chặt chẽ)?\s+với|\bvới sự phối hợp của|\bcó sự tham gia của|\bcùng với)\s+",
        re.IGNORECASE,
    ),
    "DIRECTIVE": re.compile(
        r"\b(?:cần|phải|yêu cầu|đề nghị|chỉ đạo|giao|nhiệm vụ|khẩn trương|tập trung)\b", re.IGNORECASE
    ),
}
_PLAIN_SENTENCE_END = re.compile(rf"(?<=[.;!?])(?P<gap>[\s*]+)(?=[“\"(]?{CAPITAL})|(?<=;)\s+(?=[^\W\d_])")
# Words of the patterns in both cases, the letters that match others case-blind (İ ı K ſ), marks.
_WORDS = [
    *lexicon.ADDRESSING,
    "Đề nghị",
    "GIAO",
    "gİao",
    "gıao",
    "Phối hợp với",
    "cùng với",
    "đã",
    "Đang",
    "cần",
    "Khẩn trương",
    "có sự tham gia của",
    "Sở",
    "các sở, ngành",
    "phối hợp thực hiện",
    "tổ chức",
    "trong",
    "UBND",
    "X",
    "A.",
    "TP.",
    "1.",
    "“",
    "(",
    "*",
    "-",
]
_ALPHABET = 'aAđĐgGiIİıKkſsS ;.!?*\n“"('


def _lines() -> list[str]:
    found = []
    for path in TEXTS:
        found += [line for line in read_document(path).text.split("\n") if line.strip()]
    return found


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _same_everywhere(text: str) -> None:
    for name, plain in _PLAIN.items():
        fast = accounts.NARRATIVE if name == "_NARRATIVE" else getattr(clauses, name)  # moved with its rule
        assert _spans(fast, text) == _spans(plain, text), (name, text)
        assert bool(fast.match(text)) == bool(plain.match(text)), (name, text)


def test_patterns_opening_with_a_look_ahead_find_what_the_plain_ones_find_in_the_documents() -> None:
    for line in _lines():
        _same_everywhere(line)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(alphabet=_ALPHABET, max_size=3), max_size=12))
def test_patterns_opening_with_a_look_ahead_find_what_the_plain_ones_find_in_random_text(
    pieces: list[str],
) -> None:
    _same_everywhere(" ".join(pieces))


def _plain_sentences(text: str) -> list[tuple[int, str]]:
    """`clauses.sentences` as first written, with the gap found by a look-behind for its mark."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for m in _PLAIN_SENTENCE_END.finditer(text):
        if clauses._ABBREVIATION.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        lower = m.group("gap") is None
        if lower and not clauses._opens_clause(text, m.end()):
            continue
        listed = (lower or text[m.end() : m.end() + 1].isupper()) and units.read_units(text, m.end())
        if text[m.start() - 1] == ";" and listed and clauses._units_only(text[start : m.start() - 1]):
            continue
        if text[m.start() - 1] == ";" and clauses._list_runs_on(text, start, m.start() - 1):
            continue
        pieces.append((start, text[start : m.start()]))
        start = m.end()
    pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]


def test_sentences_found_from_the_mark_before_their_gap_are_those_of_the_plain_rule() -> None:
    for line in _lines():
        assert clauses.sentences(line) == _plain_sentences(line), line


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(alphabet=_ALPHABET, max_size=3), max_size=12))
def test_sentences_of_random_text_are_those_of_the_plain_rule(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert clauses.sentences(text) == _plain_sentences(text)


def _plain_events(text: str) -> list[events.EventMatch]:
    """`events.find_events` as first written: every pattern run, whatever characters the text holds."""
    found: dict[int, events.EventMatch] = {}
    for match in events._PAIR_RE.finditer(text):
        found[match.start()] = events._event(text, match, ("a", "b"))
    for match in events._BARE_PAIR_RE.finditer(text):
        if match.start() and text[match.start() - 1] in "0123456789/.":
            continue
        a, b = events._dmy(match, "a"), events._dmy(match, "b")
        if a and b and (a.day, a.month) == (b.day, b.month) and a.year < b.year:
            found.setdefault(match.start(), events._event(text, match, ("a", "b")))
    for match in events._SINGLE_RE.finditer(text):
        if match.start() not in found and events._ANNIVERSARY_CUE_RE.search(
            events._clause_before(text, match.start())
        ):
            found[match.start()] = events._event(text, match, ("a",))
    ordered = sorted(found.values(), key=lambda event: event.start)
    return [e for i, e in enumerate(ordered) if i == 0 or e.start >= ordered[i - 1].end]


_EVENT_PIECES = ["(", ")", "-", " - ", "19/5/1890", "19/5/2023", "1930", "2025", "ngày", "kỷ niệm", " "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_EVENT_PIECES), max_size=12))
def test_events_skipped_for_want_of_a_bracket_or_a_dash_are_none_the_plain_rule_finds(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    assert events.find_events(text) == _plain_events(text)


def test_events_of_the_documents_are_those_of_the_plain_rule() -> None:
    for line in _lines():
        assert events.find_events(line) == _plain_events(line), line


def _plain_furniture(lines: list[str]) -> frozenset[int]:
    """`layout.furniture` as first written: every short line searched for a page label."""
    counts = Counter(line.strip() for line in lines if line.strip())
    found: set[int] = set()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        short = len(line.split()) <= 12
        repeated = counts[line] >= layout.REPEATED and len(line) <= 100 and not layout._LIST_START.match(line)
        if layout._PAGE_NUMBER.match(line) or (short and layout._PAGE_LABEL.search(line)) or repeated:
            found.add(number)
    return frozenset(found)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Trang 3/5", "page 2", "- 4 -", "Kế hoạch - Trang 1", "1²", "x 12 ", "a"])
        | st.text(alphabet="Trang pe0123/-|,²٣ \t", max_size=14),
        max_size=8,
    )
)
def test_page_furniture_looked_for_on_lines_ending_with_a_digit_is_that_of_the_plain_rule(
    lines: list[str],
) -> None:
    assert layout.furniture(lines) == _plain_furniture(lines)


def _plain_deadlines(text: str, year: int | None) -> list[deadlines.DeadlineMatch]:
    """`deadlines.find_deadlines` as first written: the events looked for before any phrase."""
    context = Context.of(year, None)
    lower = deadline_patterns.lower(text)
    blocked = [(e.start, e.end) for e in events.find_events(text)] if deadlines._DIGIT_RE.search(text) else []
    spans = deadlines._Spans(blocked)
    found = [f for f in deadlines._candidates(lower, context) if not spans.overlaps(f.start, f.end)]
    matches = [deadlines._accepted(text, lower, f) for f in deadlines._without_overlaps(found)]
    return sorted((m for m in matches if m is not None), key=lambda match: match.start)


def test_deadlines_that_look_for_events_only_after_a_phrase_are_those_of_the_plain_rule() -> None:
    for line in _lines():
        assert deadlines.find_deadlines(line, year=2024) == _plain_deadlines(line, 2024), line


class _HoldsEveryWord(dict):  # type: ignore[type-arg]
    """A unit table that says it holds every word: the word tests before `match` let everything through."""

    def __contains__(self, word: object) -> bool:
        return True


def test_unit_heads_read_after_asking_the_tables_for_the_word_are_those_read_without(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [line for line in _lines() if len(line) < 400][:600]
    places = [(line, m.start()) for line in lines for m in re.finditer(r"\S+", line)]
    units.forget_recent()
    fast = [units.read_units(line, place, persons=True) for line, place in places]
    for name in ("INSTITUTION", "GENERIC", "PERSON", "NAMED"):  # wherever a reader asks them
        for module in (unit_words, units):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, _HoldsEveryWord(getattr(module, name)))
    units.forget_recent()
    assert [units.read_units(line, place, persons=True) for line, place in places] == fast


def _plain_marker(line: str, state: sections._State) -> tuple[str, str, str] | None:
    """`sections._marker` as first written: every pattern tried on every line."""
    m = sections._ROMAN.match(line)
    if m and (m.group("rest")[0].isupper() or m.group("rest")[0] in '“"'):
        return "roman", m.group("n"), m.group("rest")
    m = sections._ARTICLE.match(line)
    if m:
        return "roman", " ".join(m.group("n").split()), m.group("rest")
    m = sections._DECIMAL.match(line)
    if m and sections._plausible_number(m, state):
        return "decimal", m.group("n"), m.group("rest")
    for kind, pattern in (
        ("paren", sections._PAREN),
        ("letter", sections._LETTER),
        ("bullet", sections._BULLET),
    ):
        m = pattern.match(line)
        if m:
            return kind, m.group("n"), m.group("rest")
    return None


_MARKER_PIECES = [
    "I.",
    "IV)",
    "Điều 2.",
    "1.",
    "1.2.",
    "١.",
    "a)",
    "đ)",
    "(1)",
    "(b)",
    "- ",
    "• ",
    "–",
    "Ban",
    " ",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MARKER_PIECES) | st.text(alphabet="IVXĐa1٣(-*. )x", max_size=3), max_size=5))
def test_section_markers_tried_by_their_first_character_are_those_of_every_pattern(pieces: list[str]) -> None:
    line = "".join(pieces)
    for state in (sections._State(), sections._State(roman="II", decimal=("3",))):
        assert sections._marker(line, state) == _plain_marker(line, state)


def test_section_markers_of_the_documents_are_those_of_every_pattern() -> None:
    state = sections._State(roman="I", decimal=("1",))
    for line in _lines():
        assert sections._marker(line, state) == _plain_marker(line, state), line


def _plain_title(text: str) -> str:
    """`extract._title` as first written: every word split off."""
    words = text.split()
    return " ".join(words[:24]) + (" …" if len(words) > 24 else "") if words else "(không tên)"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Sở", "a", " ", "  ", "\n", "\t", "x.y"]), max_size=60))
def test_task_titles_cut_after_24_words_are_those_of_splitting_every_word(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert extract._title(text) == _plain_title(text)
