"""Finding and reading deadline phrases in Vietnamese text: "Hoàn thành trước ngày 31/3/2023", "Quý IV/2026".

`find_deadlines` finds every deadline phrase in a text with its place; `find_deadline` picks the one
a clause or paragraph is most clearly about; `parse_deadline` reads a phrase that is known to be a
deadline (a plan file, a table cell) and raises `DeadlineParseError` when it cannot.

The text is expected to be normalised (`extraction.normalize`). Dates of anniversaries and of other
documents are skipped, and a phrase that is not clearly a deadline is left out: a missed deadline is
better than an invented one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache

from extraction import deadline_patterns as p
from extraction.deadline_accents import accented
from extraction.deadline_cues import DeadlineMatch
from extraction.deadline_cues import accepted as _accepted
from extraction.deadline_forms import date_form, month_form, quarter_form
from extraction.deadline_nth_days import NTH_DAY_RE, nth_day_form
from extraction.deadline_periods import (
    half_year_form,
    ongoing_form,
    same_day_form,
    season_form,
    tet_form,
    this_year_form,
    working_days_form,
    year_end_form,
    year_form,
    year_range_form,
    year_start_form,
)
from extraction.deadline_readings import Context, Found, Unreadable, left_match, prefix_at
from extraction.deadline_recurring import recurring_day_form, recurring_form
from extraction.deadline_relative import period_of_year_form, this_period_form
from extraction.deadline_school import school_year_form, term_form
from extraction.events import EventMatch, find_events
from extraction.normalize import normalize_line
from models.deadlines import Deadline, DeadlineKind
from models.errors import DeadlineParseError

__all__ = ["DeadlineMatch", "EventMatch", "find_deadline", "find_deadlines", "find_events", "parse_deadline"]

Builder = Callable[[str, re.Match[str], str, int, Context], Found | None]
Finder = Callable[[str], Iterator[re.Match[str]]]


def _dates(lower: str) -> Iterator[re.Match[str]]:
    """Each date with the "ngày" and time before it ("14 giờ, ngày 05/12/2017"), found by its digits."""
    done = 0
    for core in p.DATE_CORE_RE.finditer(lower):
        position = core.start()
        if position < done or (position and lower[position - 1] in _NOT_BEFORE_DATE):
            continue
        begin = left_match(p.DATE_LEFT_RE, lower, position)
        begin = position if begin is None else begin
        match = p.DATE_RE.match(lower, begin) or p.DATE_RE.match(lower, position)
        if match is not None:
            done = match.end()
            yield match


_NOT_BEFORE_DATE = frozenset("0123456789/.")


def _recurring(lower: str) -> Iterator[re.Match[str]]:
    """RECURRING_RE's matches. It opens with a choice of words, so the engine cannot skip ahead to them:
    a text without any of them is not scanned."""
    if "định" in lower or "hằng" in lower or "hàng" in lower:
        yield from p.RECURRING_RE.finditer(lower)


# Each form with what every one of its matches holds: for each group of words, one of them (DIGIT
# stands for any digit). Most clauses hold no digit and few of the words, and a test for a word costs less
# than setting a pattern to scan the text (the equivalence is tested: tests/unit/test_extraction_speedups.py
# runs every form's pattern on the fixtures' lines and on random phrases).
DIGIT = r"\d"  # stands for any digit, as in the patterns
FORMS: tuple[tuple[Finder, Builder, tuple[tuple[str, ...], ...]], ...] = (
    (_dates, date_form, ((DIGIT,),)),
    (p.MONTH_RE.finditer, month_form, ((DIGIT,), ("tháng",))),
    (p.ACCENTLESS_MONTH_RE.finditer, month_form, ((DIGIT,), ("thang",))),
    (p.QUARTER_RE.finditer, quarter_form, (("quý",),)),
    (p.HALF_YEAR_RE.finditer, half_year_form, (("tháng",),)),
    (p.HALF_RE.finditer, half_year_form, (("nửa",),)),
    (p.YEAR_RE.finditer, year_form, ((DIGIT,), ("năm",))),
    (p.THIS_YEAR_RE.finditer, this_year_form, (("trong",),)),
    (p.YEAR_RANGE_RE.finditer, year_range_form, ((DIGIT,),)),
    (p.YEAR_END_RE.finditer, year_end_form, (("cuối",),)),
    (p.YEAR_START_RE.finditer, year_start_form, (("đầu",),)),
    (p.SEASON_RE.finditer, season_form, (("hè",),)),
    (p.TERM_RE.finditer, term_form, (("học",), ("kỳ", "kì"))),
    (p.SCHOOL_YEAR_RE.finditer, school_year_form, (("học",), ("năm",))),
    (p.THIS_PERIOD_RE.finditer, this_period_form, (("tháng", "quý", "tuần"), ("này",))),
    (p.PERIOD_OF_YEAR_RE.finditer, period_of_year_form, (("tháng", "quý"), ("đầu", "cuối"), ("năm",))),
    (p.RECURRING_DAY_RE.finditer, recurring_day_form, ((DIGIT,), ("ngày",))),
    (_recurring, recurring_form, (("định", "hằng", "hàng"),)),
    (p.WORKING_DAYS_RE.finditer, working_days_form, ((DIGIT,), ("ngày",))),
    (p.SAME_DAY_RE.finditer, same_day_form, (("ngay",), ("ngày",))),
    (NTH_DAY_RE.finditer, nth_day_form,
     (("thứ", "chủ", "làm"), ("đầu", "cuối", "thứ"), ("tháng", "quý", "năm"))),
    (p.ONGOING_RE.finditer, ongoing_form, (("thường",),)),
    (p.TET_RE.finditer, tet_form, (("tết",),)),
)
_DIGIT_RE = re.compile(r"\d")
_FORM_WORDS = tuple(sorted({word for *_, needs in FORMS for group in needs for word in group} - {DIGIT}))
# The words worth looking for in a text without digits: those of the forms that need none.
_WORDS_WITHOUT_DIGITS = tuple(
    sorted({word for *_, needs in FORMS if (DIGIT,) not in needs for group in needs for word in group})
)


@cache
def _forms(present: frozenset[str]) -> tuple[tuple[Finder, Builder], ...]:
    """The forms that may match a text holding `present` (of the words of FORMS and DIGIT), in order."""
    return tuple(
        (finder, build)
        for finder, build, needs in FORMS
        if all(not present.isdisjoint(group) for group in needs)
    )


def find_deadlines(text: str, *, year: int | None = None, issued: date | None = None) -> list[DeadlineMatch]:
    """Every deadline phrase in `text`, in order; `year` (else `issued.year`) dates phrases without one."""
    context = Context.of(year, issued)
    lower = accented(p.lower(text))
    candidates = _candidates(lower, context)
    if not candidates:  # most clauses: the events that would block a phrase need not be looked for
        return []
    # Every event holds a date, and so digits.
    blocked = [(event.start, event.end) for event in find_events(text)] if _DIGIT_RE.search(text) else []
    if blocked:
        events = _Spans(blocked)
        candidates = [item for item in candidates if not events.overlaps(item.start, item.end)]
    matches = []
    for item in _without_overlaps(candidates):
        match = _accepted(text, lower, item)
        if match is not None:
            matches.append(match)
    if len(matches) == 1 and matches[0].deadline.kind is not DeadlineKind.season:
        return matches  # most texts: one phrase, and no season that could be a noun
    return sorted(_without_season_nouns(text, matches), key=lambda match: match.start)


def _without_season_nouns(text: str, matches: list[DeadlineMatch]) -> list[DeadlineMatch]:
    """ "phòng, chống dịch mùa hè": a season named after a noun ("mùa hè", no "vào"/"trong"/"dịp" before it)
    tells what the task is about, unless a label ("Thời gian: mùa hè") or a year makes it a time and no
    deadline of another kind stands beside it."""
    if all(m.deadline.kind is not DeadlineKind.season for m in matches):
        return matches
    others = any(m.deadline.kind is not DeadlineKind.season for m in matches)

    def a_time(m: DeadlineMatch) -> bool:
        labelled = ":" in text[max(0, m.start - _LABEL_LEFT) : m.start]
        return not others and (labelled or bool(_DIGIT_RE.search(m.deadline.text)))

    return [m for m in matches if not _season_noun(m) or a_time(m)]


def _season_noun(match: DeadlineMatch) -> bool:
    return match.deadline.kind is DeadlineKind.season and bool(_SEASON_NOUN.match(match.deadline.text))


_LABEL_LEFT = 24  # "Thời gian thực hiện: "
_SEASON_NOUN = re.compile(r"mùa\s", re.IGNORECASE)


def find_deadline(text: str, *, year: int | None = None, issued: date | None = None) -> Deadline | None:
    """The deadline a clause, sentence or paragraph states: a cued phrase first, then the surest."""
    matches = find_deadlines(text, year=year, issued=issued)
    if not matches:
        return None
    best = max(matches, key=lambda match: (_rank(text, match), match.deadline.confidence, -match.start))
    return best.deadline


def parse_deadline(phrase: str, *, year: int | None = None, issued: date | None = None) -> Deadline:
    """A phrase known to be a deadline ("Quý IV/2026", "trước ngày 10/4/2024", "Thường xuyên")."""
    text = normalize_line(phrase)
    lower = accented(p.lower(text))
    context = Context.of(year, issued)
    try:
        found = _candidates(lower, context, strict=True)
    except Unreadable as error:
        raise DeadlineParseError(f"deadline {phrase.strip()!r}: {error}") from None
    best = max(_without_overlaps(found), key=lambda item: (item.end - item.start, -item.start), default=None)
    if best is None:
        raise DeadlineParseError(
            f"deadline {phrase.strip()!r}: no date, month, quarter, year or 'Thường xuyên' in it"
        )
    match = _accepted(text, lower, best, whole=True)
    if match is None:
        raise DeadlineParseError(f"deadline {phrase.strip()!r}: cannot be read")
    return match.deadline.model_copy(update={"text": text})


def _candidates(lower: str, context: Context, *, strict: bool = False) -> list[Found]:
    found: list[Found] = []
    digit = _DIGIT_RE.search(lower) is not None
    present = filter(lower.__contains__, _FORM_WORDS if digit else _WORDS_WITHOUT_DIGITS)
    for finder, build in _forms(frozenset((*present, DIGIT) if digit else present)):
        for match in finder(lower):
            position = match.start()
            if position and lower[position - 1].isalpha() and lower[position].isalpha():
                continue  # inside a word
            words, start = prefix_at(lower, position)
            try:
                item = build(lower, match, words, start, context)
            except Unreadable:
                if strict:
                    raise
                continue  # an impossible date or no year: skipped, never guessed
            if item is not None:
                found.append(item)
    return found


def _without_overlaps(found: list[Found]) -> list[Found]:
    """The longest phrases, then the strongest, each place of the text read once."""
    if len(found) < 2:
        return found  # most texts hold one phrase, or none
    kept: list[Found] = []
    cluster: list[Found] = []
    cluster_end = -1
    for item in sorted(found, key=lambda f: f.start):
        if cluster and item.start >= cluster_end:
            kept.extend(_best_of(cluster))
            cluster = []
        cluster.append(item)
        cluster_end = max(cluster_end, item.end) if len(cluster) > 1 else item.end
    return kept + _best_of(cluster)


def _best_of(cluster: list[Found]) -> list[Found]:
    """Phrases that overlap one another: the longest first, then the strongest, then the first."""
    if len(cluster) == 1:
        return cluster
    kept: list[Found] = []
    for item in sorted(cluster, key=lambda f: (-(f.end - f.start), -f.reading.strength, f.start)):
        if all(item.end <= other.start or other.end <= item.start for other in kept):
            kept.append(item)
    return kept


class _Spans:
    """Non-overlapping spans of the text, sorted, for overlap tests in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)  # merged: only overlap matters here
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.ends, start + 1)
        return index < len(self.starts) and self.starts[index] < end


def _rank(text: str, match: DeadlineMatch) -> int:
    words = text[match.start:match.end].lower()
    explicit = any(words.startswith(word) for word in ("hoàn thành", "thời gian", "thời hạn", "dự kiến"))
    return 2 if explicit else 1 if match.cued else 0
