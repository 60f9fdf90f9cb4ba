"""Matching a report to the assignments it answers: issuer unit, cited plan, task wording (pure).

A report is matched plan by plan: for each plan it cites as answered, the issuing unit's open
assignments in that plan are the candidates. One candidate is a confident match; several are told
apart by how much of each task's wording the report covers (weighted so that words every task
shares count for little). Anything else — an issuer not in the registry, no plan cited, a plan
where the unit has nothing, a group assignment, wording too close to call — is a question for the
review queue, with the best guesses as suggestions. Nothing uncertain is ever recorded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict

from models.documents import DocumentKind, Reference
from models.similarity import coverage, rarity
from models.text import name_key
from models.units import Unit, UnitRegistry
from reports.document import ReportDocument

THRESHOLD = 0.75  # a match below this goes to the review queue
MIN_WORDING = 0.5  # among several candidates, the winner must share at least this much wording...
MIN_MARGIN = 0.25  # ...and lead the runner-up by this much
SUGGESTIONS = 5


class Candidate(BaseModel):
    """An assignment a report may answer, with what matching compares."""

    model_config = ConfigDict(frozen=True)

    assignment_id: int
    plan_key: str
    plan_number: str | None
    plan_issued: date | None = None
    unit: str
    role: str
    section: str = ""
    task: str
    task_text: str = ""
    done: bool = False


class Match(BaseModel):
    model_config = ConfigDict(frozen=True)

    assignment_id: int
    confidence: float
    reasons: tuple[str, ...] = ()


class Question(BaseModel):
    """What the review queue must decide, with dondoc's best guesses."""

    model_config = ConfigDict(frozen=True)

    reason: str
    plan_number: str | None = None
    suggestions: tuple[Match, ...] = ()
    unrelated: bool = False  # the unit has no part in the cited plan: moot when another plan matched


class MatchResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    unit: str | None
    matches: tuple[Match, ...] = ()
    questions: tuple[Question, ...] = ()


def number_key(number: str) -> str:
    """ "45-KH/TU", "45 - KH/TU" and "45/KH-TU" compare equal: separators are typed every way."""
    return re.sub(r"[\s/\-–.]+", "", name_key(number)).upper()


def resolve_unit(report: ReportDocument, registry: UnitRegistry) -> Unit | None:
    """The issuing unit: the most specific registry name in the header line nearest the title."""
    for line in (*reversed(report.header), report.issuer or ""):
        found = _units_named(line, registry)
        if found:
            return found
    return None


def _units_named(line: str, registry: UnitRegistry) -> Unit | None:
    key = name_key(line)
    best: tuple[int, Unit] | None = None
    for unit in registry:
        if unit.is_group or unit.external:
            continue
        for spelling in unit.spellings():
            wanted = name_key(spelling)
            if (
                wanted
                and re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", key)
                and (best is None or len(wanted) > best[0])
            ):
                best = (len(wanted), unit)
    return best[1] if best else None


def match_report(
    report: ReportDocument, candidates: Sequence[Candidate], registry: UnitRegistry
) -> MatchResult:
    """Which assignments `report` answers, and what a coordinator must decide."""
    unit = resolve_unit(report, registry)
    if unit is None:
        named = report.issuer or " / ".join(report.header[-2:]) or "no issuer"
        cited = [c for c in candidates if any(_same_plan(c, ref) for ref in report.answers)]
        question = Question(
            reason=f"the issuer ({named}) is not in the unit registry", suggestions=_ranked(report, cited)
        )
        return MatchResult(unit=None, questions=(question,))
    own = [c for c in candidates if c.unit == unit.name]
    grouped = [c for c in candidates if c.unit != unit.name and _is_member(registry, c.unit, unit.name)]
    # A cited plan not in the store is a parent document (a central resolution): nothing to match.
    tracked = [ref for ref in report.answers if any(_same_plan(c, ref) for c in candidates)]
    outcomes = [_match_in_plan(report, unit, ref, own, grouped) for ref in tracked]
    matches = [o for o in outcomes if isinstance(o, Match)]
    questions = [o for o in outcomes if isinstance(o, Question) and not (matches and o.unrelated)]
    if not outcomes:
        reason = (
            f"the report of {unit.name} cites no plan it answers"
            if not report.answers
            else f"no stored plan is numbered {', '.join(ref.number for ref in report.answers)}"
        )
        questions = [Question(reason=reason, suggestions=_ranked(report, own + grouped))]
    return MatchResult(unit=unit.name, matches=tuple(matches), questions=tuple(questions))


def _match_in_plan(
    report: ReportDocument, unit: Unit, reference: Reference, own: list[Candidate], grouped: list[Candidate]
) -> Match | Question:
    number = reference.number
    in_plan = _open_first([c for c in own if _same_plan(c, reference)])
    if not in_plan:
        groups = [c for c in grouped if _same_plan(c, reference)]
        if groups:
            return Question(
                reason=f"{unit.name} answers {number} for one member of {groups[0].unit}: a group assignment",
                plan_number=number,
                suggestions=_ranked(report, groups),
            )
        # Citing a plan it has no part in is lineage ("thực hiện Kế hoạch của cấp trên"), unless
        # nothing else matched.
        return Question(
            reason=f"{unit.name} has no assignment in {number}", plan_number=number, unrelated=True
        )
    plans = {c.plan_key for c in in_plan}
    if len(plans) > 1:
        return Question(
            reason=f"several stored plans are numbered {number}: {', '.join(sorted(plans))}",
            plan_number=number,
            suggestions=_ranked(report, in_plan),
        )
    why: tuple[str, ...] = (f"issuer {unit.name}", f"cites {number}")
    reporting = [c for c in in_plan if _is_reporting(c)] if report.kind is DocumentKind.report else []
    if reporting:
        in_plan, why = reporting, (*why, "a report answers the unit's reporting task")
    ranked = _ranked(report, in_plan, limit=len(in_plan))
    if len(in_plan) == 1:
        only = ranked[0]
        return only.model_copy(
            update={
                "confidence": round(0.85 + 0.1 * only.confidence, 2),
                "reasons": (*why, "its only open candidate there", *only.reasons),
            }
        )
    best, second = ranked[0], ranked[1]
    margin = best.confidence - second.confidence
    if best.confidence >= MIN_WORDING and margin >= MIN_MARGIN:
        return best.model_copy(
            update={
                "confidence": round(min(0.95, 0.5 + margin), 2),
                "reasons": (*why, *best.reasons, f"ahead of the next by {margin:.2f}"),
            }
        )
    return Question(
        reason=f"{unit.name} has {len(in_plan)} assignments in {number} and the wording does "
        "not tell them apart",
        plan_number=number,
        suggestions=ranked[:SUGGESTIONS],
    )


_REPORTING = re.compile(r"(?<!\w)báo cáo(?!\w)")


def _is_reporting(candidate: Candidate) -> bool:
    """A task whose deliverable is a report ("Báo cáo kết quả thực hiện Kế hoạch ...")."""
    return bool(_REPORTING.search(name_key(candidate.task)))


def _ranked(
    report: ReportDocument, candidates: list[Candidate], limit: int = SUGGESTIONS
) -> tuple[Match, ...]:
    """Candidates by how much of their task's wording the report covers; confidence = that share."""
    weights = rarity(c.task for c in candidates)
    scored = []
    for candidate in candidates:
        share, shared = coverage(candidate.task, report.text, weights)
        scored.append(
            Match(
                assignment_id=candidate.assignment_id,
                confidence=round(share, 2),
                reasons=(f"task wording {share:.2f} ({shared} word pairs)",),
            )
        )
    scored.sort(key=lambda m: (-m.confidence, m.assignment_id))
    return tuple(scored[:limit])


def _open_first(candidates: list[Candidate]) -> list[Candidate]:
    """Assignments already reported done are candidates only when nothing else is open."""
    still_open = [c for c in candidates if not c.done]
    return still_open or candidates


def _same_plan(candidate: Candidate, reference: Reference) -> bool:
    if candidate.plan_number is None or number_key(candidate.plan_number) != number_key(reference.number):
        return False
    # Numbers restart every year: a cited date, when there is one, must agree with the plan's.
    if reference.date is None or candidate.plan_issued is None:
        return True
    return reference.date.year == candidate.plan_issued.year


def _is_member(registry: UnitRegistry, group: str, unit: str) -> bool:
    found = registry.find(group)
    return found is not None and found.is_group and any(m.name == unit for m in registry.members_of(group))
