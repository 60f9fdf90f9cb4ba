"""The deadline mix of real plans, as phrases a coordinator writes, read by dondoc's own grammar.

Proportions (of tasks; every unit of a task shares its deadline), from the plans among the seeds and
the fixture corpus (the seeds' news reports and resolutions have more without a deadline):

    exact dates   30%  "Hoàn thành trước ngày 31/3/2026" (before_date), "chậm nhất ngày 15/6/2026" (on_date)
    months        14%  "trong tháng 5/2026", "Tháng 09/2026"
    tentative     10%  "Dự kiến tháng 9/2026" (a month, tentative)
    quarters      10%  "trong quý II năm 2026"
    year, half     8%  "trong năm 2026", "6 tháng đầu năm 2026", "cuối năm 2026"
    recurring      8%  "định kỳ hằng quý", "định kỳ 6 tháng", "trước ngày 20 hằng tháng", "hằng năm"
    none          20%  no phrase: ongoing work

Each phrase is parsed once by extraction.deadlines.parse_deadline and cached, so a plan file, the
store and the plan text all carry the deadline the grammar reads from the phrase.
"""

from __future__ import annotations

import json
import random
from datetime import date
from functools import cache

from models.deadlines import Deadline

ROMAN = ("I", "II", "III", "IV")
MIX = (  # (share in percent, kind of phrase)
    (30, "date"),
    (14, "month"),
    (10, "tentative"),
    (10, "quarter"),
    (8, "year"),
    (8, "recurring"),
    (20, "none"),
)
RECURRING = ("định kỳ hằng quý", "định kỳ 6 tháng", "trước ngày 20 hằng tháng", "định kỳ hằng năm")
_KINDS = [kind for share, kind in MIX for _ in range(share)]


def phrase(rng: random.Random, year: int) -> str | None:
    """A deadline phrase drawn from the mix, for a plan of `year`; None: no deadline."""
    kind = rng.choice(_KINDS)
    month = rng.randint(2, 12)
    if kind == "date":
        day = rng.randint(1, 28)
        if rng.random() < 0.7:
            return f"Hoàn thành trước ngày {day}/{month}/{year}"
        return f"chậm nhất ngày {day}/{month}/{year}"
    if kind == "month":
        return f"trong tháng {month}/{year}" if rng.random() < 0.5 else f"Tháng {month:02d}/{year}"
    if kind == "tentative":
        return f"Dự kiến tháng {month}/{year}"
    if kind == "quarter":
        return f"trong quý {ROMAN[rng.randrange(4)]} năm {year}"
    if kind == "year":
        return rng.choice((f"trong năm {year}", f"6 tháng đầu năm {year}", f"cuối năm {year}"))
    if kind == "recurring":
        return rng.choice(RECURRING)
    return None


@cache
def deadline_of(text: str, issued: date) -> Deadline:
    """The phrase read as in a plan issued that day (the year, and a recurring one's next occurrence)."""
    from extraction.deadlines import parse_deadline  # the grammar is extraction's: read it as dondoc does

    return parse_deadline(text, year=issued.year, issued=issued)


@cache
def stored(text: str, issued: date) -> tuple[str, str, date | None, date | None, bool]:
    """(JSON, kind, due, effective_due, tentative): the store's columns for the deadline."""
    found = deadline_of(text, issued)
    data = json.dumps(found.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
    return data, found.kind.value, found.due, found.effective_due, found.tentative
