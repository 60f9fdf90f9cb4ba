"""The shortcuts that make extraction fast read exactly what the plain definitions read.

Each fast path (tokens read lazily, legacy-encoding letters counted in bytes, the OCR repair that looks
only where a bare word could have lost its accents) is checked against the plain rule it replaces,
written out here, on generated and mutated text; and extraction gives the same answer however often
and in whatever order documents are read, so no cache carries anything from one document to the next.
"""

from __future__ import annotations

import gc
import itertools
import json
import random
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from benchmarks.extraction_throughput import generated_document
from cli.extract_commands import extraction_json
from extraction import deadlines, ocr, sections, unit_heads, unit_words, units
from extraction import extract as extract_module
from extraction.deadline_forms import Context, Unreadable, prefix_at
from extraction.extract import extract
from extraction.legacy_encodings import looks_like_unicode_vietnamese
from extraction.normalize import normalize_document
from extraction.ocr import (  # the rules for one span and the damage check, unchanged
    _WORD,
    LONGEST,
    _damaged,
    _lexicon,
    _names,
    _restorable,
    _same_case,
    fold_word,
    restore_diacritics,
)
from extraction.readers import read_document
from extraction.tokens import Tokens, tokenize
from models import text as text_module
from models.deadlines import Deadline, DeadlineKind
from models.plan import Assignment, Role, Task
from tests.unit.test_extraction_ocr_damage import damaged_plain  # the damage check over every pair

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "documents"
SEEDS = ROOT / ".." / "shared" / "seeds"
DOCUMENTS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".md", ".txt", ".docx", ".pdf")) + (
    sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
)
# Letters, marks and separators that make tokens and their edges interesting.
ALPHABET = "aAđĐươỦủyY1203 \n\t.,;:-/&’'%_()\u0301\u00a0ıİ²"


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40), start=st.integers(min_value=-2, max_value=45))
def test_tokens_read_lazily_from_a_place_are_the_tokens_of_the_whole_text_from_there(text, start):
    expected = [t for t in tokenize(text) if t.start >= start]
    lazy = Tokens(text, start)
    assert [lazy.has(i) for i in range(len(expected) + 2)] == [True] * len(expected) + [False, False]
    assert list(Tokens(text, start)) == expected and len(Tokens(text, start)) == len(expected)


def _counted_by_character(text: str) -> bool:
    vietnamese = latin1 = 0
    for ch in text:
        if "\u00a0" <= ch <= "\u00ff":
            latin1 += 1
        elif 0x1EA0 <= ord(ch) <= 0x1EF9 or ch in "ăĂđĐĩĨũŨơƠưƯ":
            vietnamese += 1
    return latin1 == 0 or vietnamese > latin1


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aé\u00a0\u00bf\u00c0\u00ff\u0080\u1e9f\u1ea0\u1ef9\u1efaăĐưỨ", max_size=30))
def test_letters_of_legacy_and_unicode_vietnamese_are_counted_as_one_by_one(text):
    assert looks_like_unicode_vietnamese(text) == _counted_by_character(text)


def _restored_everywhere(text: str) -> str:
    """The diacritics repair tried at every place of every line, as first written (no shortcuts)."""
    split = [_WORD.findall(line) for line in text.split("\n")]
    names, lexicon = _names(split), _lexicon()
    out = []
    for line in text.split("\n"):
        words = list(_WORD.finditer(line))
        folded = [fold_word(w.group(0)) for w in words]
        pieces, done, i = [], 0, 0
        while i < len(words):
            for n in range(min(LONGEST, len(words) - i), 1, -1):
                span = line[words[i].start() : words[i + n - 1].end()]
                key = tuple(folded[i : i + n])
                known = lexicon.get(key) or (names.get(key) if span[0].isupper() else None)
                if known and _restorable(span, known):
                    pieces += [line[done : words[i].start()], _same_case(span, known)]
                    done, i = words[i + n - 1].end(), i + n
                    break
            else:
                i += 1
        out.append("".join(pieces) + line[done:])
    return "\n".join(out)


def _bare(word: str) -> str:
    return fold_word(word) if word.islower() else fold_word(word).capitalize()


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if p.suffix in (".md", ".txt")], ids=lambda p: p.name)
def test_the_diacritics_repair_changes_what_trying_every_place_changes(path):
    text = read_document(path).text
    damaged = random.Random(path.name)
    lines = text.split("\n")
    for number in damaged.sample(range(len(lines)), k=min(12, len(lines))):
        # Some words of some lines lose their accents, as OCR leaves them.
        lines[number] = _WORD.sub(lambda m: _bare(m[0]) if damaged.random() < 0.4 else m[0], lines[number])
    mutated = "\n".join(lines)
    seen = _damaged(mutated)
    assert seen == damaged_plain(mutated)
    assert _damaged(text) == damaged_plain(text)
    assert restore_diacritics(mutated) == (_restored_everywhere(mutated) if seen else mutated)


def _understood(path: Path) -> str:
    extraction = extract(read_document(path).text, source_name=path.name)
    return json.dumps(extraction_json(extraction), sort_keys=True)


def test_every_document_reads_the_same_alone_again_and_after_the_others():
    first = {path: _understood(path) for path in DOCUMENTS}
    for path in itertools.chain(reversed(DOCUMENTS), DOCUMENTS[:1]):
        assert _understood(path) == first[path], path.name


# --- Fast paths of the throughput work (benchmarks/extraction_throughput.py), each against its plain rule.

# Words of deadline phrases, digits and separators, for random phrases.
_DEADLINE_WORDS = [
    "quý", "tháng", "nửa", "năm", "trong", "cuối", "đầu", "hè", "định", "kỳ", "hằng", "hàng", "thường",
    "xuyên", "ngày", "IV", "nay", "2024", "10", "6", "/", ".", "-", "\n",
]


def _deadline_texts() -> list[str]:
    """The lines of every text fixture and seed."""
    texts = []
    for path in DOCUMENTS:
        if path.suffix in (".md", ".txt"):
            texts += [line for line in read_document(path).text.split("\n") if line.strip()]
    return texts


def _candidates_of_every_form(lower: str, context) -> list:
    """Every form's pattern run over the text, whatever words it holds: the finder before its word test."""
    found = []
    for finder, build, _ in deadlines.FORMS:
        for match in finder(lower):
            position = match.start()
            if position and lower[position - 1].isalpha() and lower[position].isalpha():
                continue
            words, start = prefix_at(lower, position)
            try:
                item = build(lower, match, words, start, context)
            except Unreadable:
                continue
            if item is not None:
                found.append(item)
    return sorted(found, key=lambda f: (f.start, f.end))


def test_deadline_forms_skipped_for_want_of_their_words_would_have_found_nothing():
    context = Context.of(2024, None)
    for text in _deadline_texts():
        lower = deadlines.p.lower(text)
        fast = sorted(deadlines._candidates(lower, context), key=lambda f: (f.start, f.end))
        assert fast == _candidates_of_every_form(lower, context), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DEADLINE_WORDS + list("0123456789/. ")), max_size=14))
def test_deadline_forms_skipped_on_random_phrases_would_have_found_nothing(words):
    lower = deadlines.p.lower(" ".join(words))
    context = Context.of(2024, None)
    assert sorted(deadlines._candidates(lower, context), key=lambda f: (f.start, f.end)) == (
        _candidates_of_every_form(lower, context)
    )


_PLAIN_OLD_TONE = re.compile(  # the pattern as first written, matching the vowel pair itself
    r"(?:[oO][àáãạảÀÁÃẠẢèéẹẻẽÈÉẸẺẼ]|[uU][ỳỵỷỹýỲỴỶỸÝ])(?<![qQ]..)(?![^\W\d_])"
)


def _old_tone_plain(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return _PLAIN_OLD_TONE.sub(lambda m: text_module._new_tone(m.group(0)), text)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="oOuUqQaAy àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ1.\n", max_size=16))
def test_the_tone_placement_found_from_the_toned_vowel_is_the_pair_pattern(text):
    assert text_module.new_tone_placement(text) == _old_tone_plain(text)


_PLAIN_DIGITS = re.compile(r"(?<![\w])(?=[\dlIO/.\-]*\d)[\dlIO]+(?:[/.\-][\dlIO]+)*(?![^\W\d_])")


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="lIO0129/.-aă _\nx,", max_size=16))
def test_the_digit_tokens_found_from_their_first_character_are_those_of_the_plain_pattern(text):
    assert [m.span() for m in ocr._DIGITS.finditer(text)] == [m.span() for m in _PLAIN_DIGITS.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \n*_#ab[bookmark:x]  \t", max_size=24))
def test_normalising_twice_reads_as_normalising_once_and_lines_stay_bare(text):
    once = normalize_document(text)
    assert normalize_document(once) == once
    assert all(line == line.strip(" ") and "  " not in line for line in once.split("\n"))
    plain = re.sub(r"\[bookmark:[^\]]*\]", "", re.sub(r"^#{1,6}\s+", "", text.strip())).strip()
    assert sections._bare_line(text) == plain


class _Everything:
    """A set that holds every word: the word tests before the unit tables look up nothing."""

    def __contains__(self, word: object) -> bool:
        return True


def _units_everywhere(text: str) -> list:
    places = [m.start() for m in re.finditer(r"\S+", text)]
    return [units.read_units(text, place, persons=persons) for place in places for persons in (True, False)]


def test_units_read_after_the_word_tests_are_those_read_without_them(monkeypatch):
    texts = [line for line in _deadline_texts() if len(line) < 400]
    random.Random(5).shuffle(texts)
    sample = texts[:300]
    fast = [_units_everywhere(text) for text in sample]
    # Each set where it is asked: the list reader's openers, the head and name scan's words.
    for module, name in ((units, "OPENERS"), (unit_heads, "HEAD_WORDS"), (unit_words, "NEXT_UNIT_WORDS")):
        monkeypatch.setattr(module, name, _Everything())
    units.forget_recent()
    assert [_units_everywhere(text) for text in sample] == fast


def test_units_read_again_are_a_list_of_their_own():
    units.forget_recent()
    text = "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính"
    first = units.read_units(text)
    assert first is not None
    first.names.append("Ban Tuyên giáo")
    again = units.read_units(text)
    assert again is not None and again.names == ["Sở Nội vụ"]


def _mutated_generated_text(size: int, seed: int) -> str:
    lines = normalize_document(generated_document(size)).split("\n")
    damaged = random.Random(seed)
    for number in damaged.sample(range(len(lines)), k=len(lines) // 10):
        lines[number] = _WORD.sub(lambda m: _bare(m[0]) if damaged.random() < 0.4 else m[0], lines[number])
    return "\n".join(lines)


def test_the_diacritics_repair_of_a_long_generated_plan_changes_what_trying_every_place_changes():
    mutated = _mutated_generated_text(60_000, 11)
    assert _damaged(mutated)
    assert restore_diacritics(mutated) == _restored_everywhere(mutated)


@pytest.mark.parametrize("enabled", [True, False])
def test_extraction_pauses_the_cycle_collector_and_leaves_it_as_it_was_with_no_cycles_to_collect(enabled):
    # The pause is safe only while reading makes no cycles: reference counting alone frees everything.
    document = read_document(FIXTURES / "10_ubnd_tinh_quyet_dinh_ban_hanh_ke_hoach.md")
    seen: list[bool] = []
    original = extract_module.read_tasks

    def recorded(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    gc.collect()
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(extract_module, "read_tasks", recorded)
            extract(document.text)
        assert gc.isenabled() is enabled
        gc.disable()
        assert seen and not any(seen)
        assert gc.collect() == 0
    finally:
        gc.enable() if was else gc.disable()


def test_a_deadline_held_by_a_task_or_assignment_is_not_checked_again_and_one_given_as_data_is():
    deadline = Deadline(text="trước ngày 5/5/2025", kind=DeadlineKind.before_date, due=date(2025, 5, 4))
    checked: list[str] = []

    def calls(frame, event, arg):
        code = frame.f_code
        if event == "call" and code.co_name == "_check" and code.co_filename.endswith("deadlines.py"):
            checked.append(code.co_filename)

    sys.setprofile(calls)
    try:
        Task(id="I-1", title="Báo cáo", deadline=deadline)
        Assignment(task="I-1", unit="Sở Nội vụ", role=Role.lead, deadline=deadline)
    finally:
        sys.setprofile(None)
    assert checked == []
    with pytest.raises(ValidationError, match="needs a due date"):
        Task(id="I-1", title="Báo cáo", deadline={"text": "tháng 5", "kind": "on_date"})
