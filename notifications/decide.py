"""The pure decision: given the policy, where assignments stand and what went out, what is due now."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from models.deadlines import Deadline
from models.plan import Role
from models.status import DONE, Evaluation, Status
from models.units import UnitRegistry
from notifications.ladder import Step, step_due
from notifications.policy import Policy, StopOn
from notifications.recipients import Addressee, Recipient, resolve


class Subject(BaseModel):
    """One assignment as the decision sees it: its facts, its deadline version and its evaluation."""

    model_config = ConfigDict(frozen=True)

    assignment_id: int
    plan_key: str
    plan_number: str | None = None
    plan_title: str = ""
    issuer: str | None = None
    task_key: str
    section: str = ""
    task: str
    unit: str
    role: Role
    deadline: Deadline | None
    deadline_version: int = Field(default=1, ge=1)
    evaluation: Evaluation
    accountable: bool = True  # a lead, or on a task with no lead

    @property
    def due_in_force(self) -> date | None:
        """The due date the ladder climbs from: the evaluated one (a recurring deadline's current
        occurrence), else the deadline's own (a paused assignment has no evaluated due)."""
        if self.evaluation.effective_due is not None:
            return self.evaluation.effective_due
        return self.deadline.effective_due if self.deadline else None

    def addressee(self) -> Addressee:
        return Addressee(
            unit=self.unit,
            role=self.role,
            plan_number=self.plan_number,
            issuer=self.issuer,
            accountable=self.accountable,
        )


class OutboxKey(NamedTuple):
    """One notification: an assignment's level, under one deadline version and due, to one address.

    The due date is part of the key because a recurring deadline climbs a ladder per occurrence.
    """

    assignment_id: int
    level: str
    version: int
    due: date
    recipient: str

    @property
    def dedup(self) -> str:
        return f"{self.assignment_id}|{self.level}|v{self.version}|{self.due.isoformat()}|{self.recipient}"


class Notice(BaseModel):
    model_config = ConfigDict(frozen=True)

    subject: Subject
    step: Step
    recipient: Recipient

    @property
    def key(self) -> OutboxKey:
        due = self.subject.due_in_force
        assert due is not None  # decide() only makes notices for deadlines in force
        return OutboxKey(
            self.subject.assignment_id,
            self.step.level,
            self.subject.deadline_version,
            due,
            self.recipient.address,
        )


class Decision(BaseModel):
    notices: list[Notice] = []
    problems: list[str] = []  # recipients that could not be reached, once each


_STOPPED_BY = {
    StopOn.report: DONE,
    StopOn.cancellation: frozenset({Status.cancelled}),
    StopOn.pause: frozenset({Status.paused}),
}


def stopped(policy: Policy, subject: Subject) -> bool:
    """Whether the ladder has stopped: a report, cancellation or pause the policy stops on, or no due."""
    status = subject.evaluation.status
    if subject.due_in_force is None or status is Status.no_deadline:
        return True
    return any(status in _STOPPED_BY[reason] for reason in policy.stop_on)


def decide(
    policy: Policy,
    subjects: Iterable[Subject],
    registry: UnitRegistry,
    sent: Collection[OutboxKey],
    as_of: date,
) -> Decision:
    """Every notification due as of `as_of` that is not in `sent` (queued, sent or failed alike).

    A ladder belongs to one deadline version and due date: an extension gives the assignment a new
    version, so the old ladder stops and a new one starts on the new deadline, the old rows kept.
    """
    levels_sent: dict[tuple[int, int, date], set[str]] = {}
    for key in sent:
        levels_sent.setdefault((key.assignment_id, key.version, key.due), set()).add(key.level)
    sent_keys = set(sent)
    decision = Decision()
    for subject in subjects:
        for notice in _notices(policy, subject, registry, levels_sent, as_of, decision.problems):
            if notice.key not in sent_keys:
                decision.notices.append(notice)
    decision.problems = list(dict.fromkeys(decision.problems))
    return decision


def _notices(
    policy: Policy,
    subject: Subject,
    registry: UnitRegistry,
    levels_sent: dict[tuple[int, int, date], set[str]],
    as_of: date,
    problems: list[str],
) -> list[Notice]:
    due = subject.due_in_force
    if due is None or stopped(policy, subject):
        return []
    tentative = bool(subject.deadline and subject.deadline.tentative)
    sent = levels_sent.get((subject.assignment_id, subject.deadline_version, due), set())
    step = step_due(policy, due, as_of, tentative=tentative, sent=sent)
    if step is None:
        return []
    recipients, found = resolve(step.to, step.kind, subject.addressee(), policy, registry)
    problems.extend(found)
    return [Notice(subject=subject, step=step, recipient=recipient) for recipient in recipients]
