"""Scoring extraction against hand-written reference assignments (a gold file like gold/seeds.yaml).

Matching rules (one gold entry ↔ at most one prediction, best pairs first):
- same document;
- same section, or one section a prefix of the other at a component boundary ("II.3.1" ~ "II.3.1.2",
  scored lower than an exact match); a gold section of null matches any section;
- same unit by `models.text.name_key` (a head's title before a body dropped: "Giám đốc Sở Y tế" ~
  "Sở Y tế"), or a close spelling (similarity ≥ 0.85, one name the other plus trailing words such as
  "huyện"), or one name is a part of the other's list
  ("Quốc hội" ~ "Bộ Chính trị, Quốc hội, Chính phủ"); null matches only null;
- same role, or the gold entry's `also_ok_role`.
Gold entries marked `optional` are neither rewarded nor penalised: a prediction left over after the
required entries are matched that matches an optional entry is not counted at all (an optional entry
may absorb several, e.g. "the other undated tasks under heading 3.1 (one entry or several)").
Due accuracy is over matched required entries: the predicted due equals the gold due or one of
`also_ok_due` (no deadline on both sides counts as correct). Unit names whole is over the same pairs:
the found name is the gold one (by `name_key`, or the body a head answers for), not merely close to it,
so that a name cut short ("Phòng Hậu" for "Phòng Hậu cần"), which still matches, is counted apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

from extraction.extract import Extraction, extract
from extraction.lexicon import OFFICE_HOLDERS
from extraction.readers import read_document
from models.errors import DondocError
from models.text import name_key


@dataclass(frozen=True)
class Item:
    """One (section, unit, role, due) assignment, from the gold file or from extraction."""

    section: str | None
    unit: str | None
    role: str
    due: date | None
    task: str = ""
    optional: bool = False
    also_ok_role: str | None = None
    also_ok_due: tuple[date, ...] = ()
    line: int | None = None


@dataclass
class DocumentScore:
    file: str
    gold: int = 0
    predicted: int = 0
    matched: list[tuple[Item, Item]] = field(default_factory=list)
    misses: list[Item] = field(default_factory=list)
    spurious: list[Item] = field(default_factory=list)
    absorbed: int = 0

    @property
    def due_correct(self) -> int:
        return sum(1 for g, p in self.matched if due_ok(g, p))

    @property
    def names_whole(self) -> int:
        return sum(1 for g, p in self.matched if unit_score(g.unit, p.unit) == 2)


@dataclass
class Report:
    documents: list[DocumentScore]

    def totals(self) -> tuple[int, int, int, int]:
        tp = sum(len(d.matched) for d in self.documents)
        fp = sum(len(d.spurious) for d in self.documents)
        fn = sum(len(d.misses) for d in self.documents)
        return tp, fp, fn, sum(d.due_correct for d in self.documents)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise DondocError(f"{path}: cannot read the gold file ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise DondocError(f"{path}: a gold file has a top-level 'documents:' list")
    return list(data["documents"])


def gold_items(entry: dict[str, Any]) -> list[Item]:
    items = []
    for raw in entry.get("assignments") or []:
        deadline = raw.get("deadline") or {}
        items.append(
            Item(
                section=raw.get("section"),
                unit=raw.get("unit"),
                role=raw.get("role", "lead"),
                due=deadline.get("due"),
                task=str(raw.get("task", "")),
                optional=bool(raw.get("optional")),
                also_ok_role=raw.get("also_ok_role"),
                also_ok_due=tuple(raw.get("also_ok_due") or ()),
            )
        )
    return items


def predicted_items(extraction: Extraction) -> list[Item]:
    items = []
    for task in extraction.tasks:
        due = task.deadline.due if task.deadline else None
        roles: list[tuple[str | None, str]] = [(u, "lead") for u in task.leads]
        roles += [(u, "participant") for u in task.participants]
        for unit, role in roles or [(None, "lead")]:
            items.append(Item(task.section, unit, role, due, task.text[:90], line=task.first_line))
    return items


def section_score(gold: str | None, predicted: str | None) -> int:
    if gold is None:
        return 2 if not predicted else 1
    g, p = gold.split("."), (predicted or "").split(".") if predicted else []
    if g == p:
        return 2
    shorter = min(len(g), len(p))
    return 1 if shorter and g[:shorter] == p[:shorter] else 0


def _parts(name: str) -> list[str]:
    return [name_key(p) for p in re.split(r",|;|\bvà\b", name) if name_key(p)]


# "Giám đốc Sở Y tế" and "Sở Y tế" name the same addressee: the body its head answers for.
_OFFICE_HOLDER = re.compile(rf"^(?:{'|'.join(OFFICE_HOLDERS)})\s+", re.IGNORECASE)


def _body_key(name: str) -> str:
    return name_key(_OFFICE_HOLDER.sub("", name.strip()))


def unit_score(gold: str | None, predicted: str | None) -> int:
    if gold is None or predicted is None:
        return 2 if gold is None and predicted is None else 0
    g, p = name_key(gold), name_key(predicted)
    if g == p or _body_key(gold) == _body_key(predicted):
        return 2
    if SequenceMatcher(None, g, p).ratio() >= 0.85:
        return 1
    short, long_ = sorted((g, p), key=len)
    if long_.startswith(short + " ") and len(short.split()) >= 2:
        return 1
    return 1 if p in _parts(gold) or g in _parts(predicted) else 0


def role_ok(gold: Item, predicted: Item) -> bool:
    return predicted.role in (gold.role, gold.also_ok_role)


def due_ok(gold: Item, predicted: Item) -> bool:
    return predicted.due == gold.due or predicted.due in gold.also_ok_due


def _pair_score(gold: Item, predicted: Item) -> int:
    sections, units = section_score(gold.section, predicted.section), unit_score(gold.unit, predicted.unit)
    if not sections or not units or not role_ok(gold, predicted):
        return 0
    return 2 * (sections + units) + (predicted.role == gold.role) + due_ok(gold, predicted)


def score_document(file: str, gold: list[Item], predicted: list[Item]) -> DocumentScore:
    score = DocumentScore(file, gold=sum(1 for g in gold if not g.optional), predicted=len(predicted))
    pairs = sorted(
        (
            (_pair_score(g, p), gi, pi)
            for gi, g in enumerate(gold)
            if not g.optional
            for pi, p in enumerate(predicted)
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for value, gi, pi in pairs:
        if value and gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            score.matched.append((gold[gi], predicted[pi]))
    score.misses = [g for gi, g in enumerate(gold) if not g.optional and gi not in used_gold]
    optional = [g for g in gold if g.optional]
    for pi, p in enumerate(predicted):
        if pi in used_predicted:
            continue
        if any(_pair_score(g, p) for g in optional):
            score.absorbed += 1
        else:
            score.spurious.append(p)
    return score


def evaluate(gold_path: Path, docs_dir: Path) -> Report:
    documents = []
    for entry in load_gold(gold_path):
        path = docs_dir / str(entry["file"])
        source = read_document(path)
        extraction = extract(source.text, source_name=str(path))
        documents.append(score_document(str(entry["file"]), gold_items(entry), predicted_items(extraction)))
    return Report(documents)


def last_line(report: Report) -> str:
    tp, fp, fn, due = report.totals()
    precision, recall, f1 = prf(tp, fp, fn)
    accuracy = due / tp if tp else 1.0
    whole = sum(d.names_whole for d in report.documents) / tp if tp else 1.0
    return (
        f"assignments P={precision:.2f} R={recall:.2f} F1={f1:.2f} · due accuracy {accuracy:.2f}"
        f" · unit names whole {whole:.2f}"
    )
