"""The shortcuts of the unit reader (the first word read alone, the count of words read, the last few
lists kept) give what the plain reading gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction import units
from extraction.tokens import Tokens, first_word, lows, tokenize

ALPHABET = "aAđĐươỦủyY1203 \n\t.,;:-/&’'%_()\u0301\u00a0ıİ²"


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40), start=st.integers(min_value=-2, max_value=45))
def test_the_first_word_read_alone_is_the_first_of_the_lazy_reading(text: str, start: int) -> None:
    expected = [t for t in tokenize(text) if t.start >= start]
    assert first_word(text, start) == (expected[0].low if expected else None)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40), asked=st.lists(st.integers(-2, 20), max_size=6))
def test_tokens_count_what_they_have_read_whatever_is_asked(text: str, asked: list[int]) -> None:
    tokens = Tokens(text)
    for index in asked:
        tokens.has(index)
        assert tokens.read == list.__len__(tokens)
    assert len(tokens) == tokens.read == len(tokenize(text))


def test_tokens_made_of_a_list_have_read_all_of_it() -> None:
    words = tokenize("Sở Y tế, Sở Tài chính")
    known = Tokens.of(words[2:5])
    assert known.read == 3 and known.has(2) and not known.has(3)


def test_lows_are_the_lower_case_of_each_token() -> None:
    assert lows(tokenize("UBND Tỉnh, Sở")) == ("ubnd", "tỉnh", ",", "sở")


def test_only_the_last_eight_lists_read_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    plain = units._read_units

    def counted(text: str, start: int, *, persons: bool) -> units.UnitList | None:
        read.append(start)
        return plain(text, start, persons=persons)

    monkeypatch.setattr(units, "_read_units", counted)
    units.forget_recent()
    text = "Sở Nội vụ, Sở Tài chính, Sở Y tế, Sở Xây dựng chủ trì"
    for start in range(10):
        units.read_units(text, start)
    units.read_units(text, 9)  # kept
    units.read_units(text, 2)  # kept: the eight last are 2 to 9
    units.read_units(text, 1)  # dropped: read again
    assert read == [*range(10), 1]
