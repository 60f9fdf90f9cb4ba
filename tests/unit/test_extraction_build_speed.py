"""Work done once instead of again and again gives what the plain rule gives: a plan's units made once
each (not once per assignment), and a paragraph's words counted only as far as the heading limit."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction import extract, sections
from extraction.tasks import FoundTask
from models.documents import Document
from models.plan import Role
from models.units import Unit

NAMES = st.sampled_from(["Sở Y tế", "UBND các xã", "Ban Tuyên giáo Huyện ủy", "Bộ Tài chính", "Sở Nội vụ"])


@st.composite
def found_tasks(draw: st.DrawFn) -> FoundTask:
    return FoundTask(
        section=draw(st.sampled_from(["", "I.1", "II.2"])),
        text=draw(st.sampled_from(["Tổ chức hội nghị", "Xây dựng kế hoạch", "Báo cáo kết quả"])),
        first_line=1,
        last_line=draw(st.integers(min_value=1, max_value=3)),
        leads=draw(st.lists(NAMES, max_size=3)),
        participants=draw(st.lists(NAMES, max_size=3)),
        groups=set(draw(st.lists(NAMES, max_size=2))),
    )


def _units_as_first_written(document: Document, tasks: list[FoundTask]) -> tuple[Unit, ...]:
    """A unit made for every assignment, the first one kept (`dict.setdefault`)."""
    external = extract._external_test(document)
    units: dict[str, Unit] = {}
    for found in tasks:
        roles = [(u, Role.lead) for u in found.leads] + [
            (u, Role.participant) for u in found.participants if u not in found.leads
        ]
        for unit, _ in roles or [(document.issuer or extract.UNNAMED_UNIT, Role.lead)]:
            units.setdefault(unit, Unit(name=unit, group=unit in found.groups, external=external(unit)))
    return tuple(units.values())


@settings(max_examples=200, deadline=None)
@given(tasks=st.lists(found_tasks(), max_size=6), issuer=st.sampled_from([None, "UBND tỉnh", "Chính phủ"]))
def test_a_plans_units_made_once_each_are_those_made_for_every_assignment(
    tasks: list[FoundTask], issuer: str | None
) -> None:
    document = Document(number="12/KH-UBND", issued=date(2026, 1, 5), issuer=issuer)
    plan = extract.build_plan(document, tasks, "0" * 64)
    assert plan.units == _units_as_first_written(document, tasks)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.text(alphabet="ab.", min_size=1, max_size=3), max_size=30),
    st.lists(st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", " \n "]), min_size=31, max_size=31),
    st.sampled_from(["", " ", "\n"]),
)
def test_a_paragraph_counted_up_to_the_heading_limit_is_short_when_its_words_are_few(
    words: list[str], gaps: list[str], edge: str
) -> None:
    text = edge + "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    assert sections._short(text) == (len(text.split()) <= sections.HEADING_WORDS)
