"""Digests: one email per recipient per sweep, its items in reading order (pure)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel, ConfigDict

from models.status import Status
from notifications.decide import Notice
from notifications.policy import LevelKind
from notifications.recipients import Reason


class Item(BaseModel):
    """One line of a digest, as stored with its outbox row so that a re-send says the same."""

    model_config = ConfigDict(frozen=True)

    dedup_key: str
    plan_key: str
    plan_number: str | None
    plan_title: str
    task_key: str
    section: str
    task: str
    unit: str
    role: str
    deadline_text: str
    due: date | None
    effective_due: date
    tentative: bool
    status: str
    overdue_days: int
    level: str
    level_label: str
    kind: LevelKind
    reason: Reason
    feed_url: str = ""
    plan_url: str = ""

    @property
    def overdue(self) -> bool:
        return self.status == Status.overdue.value


def item_of(notice: Notice, *, feed_url: str = "", plan_url: str = "") -> Item:
    subject, step = notice.subject, notice.step
    evaluation = subject.evaluation
    due_in_force = subject.due_in_force
    assert due_in_force is not None
    return Item(
        dedup_key=notice.key.dedup,
        plan_key=subject.plan_key,
        plan_number=subject.plan_number,
        plan_title=subject.plan_title,
        task_key=subject.task_key,
        section=subject.section,
        task=subject.task,
        unit=subject.unit,
        role=subject.role.value,
        deadline_text=subject.deadline.text if subject.deadline else "",
        due=subject.deadline.due if subject.deadline else None,
        effective_due=due_in_force,
        tentative=bool(subject.deadline and subject.deadline.tentative),
        status=evaluation.status.value,
        overdue_days=evaluation.overdue_days,
        level=step.level,
        level_label=step.label,
        kind=step.kind,
        reason=notice.recipient.reason,
        feed_url=feed_url,
        plan_url=plan_url,
    )


class Digest(BaseModel):
    """Everything one address hears about in one sweep."""

    model_config = ConfigDict(frozen=True)

    recipient: str
    unit: str | None
    items: tuple[Item, ...]
    message_id: str

    @property
    def overdue(self) -> list[Item]:
        return [item for item in self.items if item.overdue]

    @property
    def upcoming(self) -> list[Item]:
        return [item for item in self.items if not item.overdue]


def reading_order(items: Iterable[Item]) -> list[Item]:
    """Overdue first (longest overdue first), then due soon (soonest first); lead before participant."""
    return sorted(
        items,
        key=lambda item: (
            not item.overdue,
            item.role != "lead",
            -item.overdue_days,
            item.effective_due,
            item.plan_key,
            item.section,
            item.task_key,
            item.unit,
        ),
    )


def message_id(dedup_keys: Iterable[str], domain: str) -> str:
    """A Message-ID derived from what the message carries: a re-send of it is recognisable."""
    digest = hashlib.sha256("\n".join(sorted(dedup_keys)).encode()).hexdigest()[:40]
    return f"<{digest}@{domain}>"


def digest_of(recipient: str, unit: str | None, items: Iterable[Item], domain: str) -> Digest:
    ordered = reading_order(items)
    return Digest(
        recipient=recipient,
        unit=unit,
        items=tuple(ordered),
        message_id=message_id((item.dedup_key for item in ordered), domain),
    )
