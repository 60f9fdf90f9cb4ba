"""The use case the CLI and the daily sweep call: decide, queue, send; or write .eml files instead."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import Engine

from models.workdays import holiday_name, is_working_day
from notifications import outbox
from notifications.artifact import publish_outbox_artifact
from notifications.decide import Notice, decide, stopped
from notifications.digest import Digest, Item, digest_of, item_of
from notifications.links import Links
from notifications.policy import Policy, load_policy
from notifications.recipients import Reason
from notifications.render import Renderer, make_environment, sender_domain
from notifications.sender import Delivery, RetryPolicy, deliver
from notifications.subjects import load_subjects
from notifications.transport import FolderTransport, SmtpTransport, Transport
from services.settings import Settings
from store.database import transaction
from store.units import load_registry


class NotifyResult(BaseModel):
    as_of: date
    held: str | None = None  # why nothing was done: the weekend or the holiday's name
    decided: int = 0  # notifications due now that were not in the outbox yet
    queued: int = 0  # of those, the ones this sweep inserted (a concurrent sweep may win the rest)
    delivery: Delivery = Delivery()
    withdrawn: int = 0  # queued earlier, no longer due (a report, cancellation or extension came first)
    problems: list[str] = []  # recipients that could not be reached
    dry_run_files: list[Path] = []


def run_notifications(
    engine: Engine,
    settings: Settings,
    as_of: date,
    now: datetime,
    *,
    dry_run: bool = False,
    transport: Transport | None = None,
    policy: Policy | None = None,
    links: Links | None = None,
) -> NotifyResult:
    """Decide what is due as of `as_of`, queue it once, and send every queued digest.

    `now` (timezone-aware) stamps the outbox and times leases and retries; nothing here reads the
    clock. On a weekend or public holiday nothing is decided or sent: it is held to the next working
    day. With `dry_run` the store is not changed and each digest is written as a .eml file under
    `settings.mail_dir / "dry-run" / as_of`.
    """
    if not is_working_day(as_of):
        return NotifyResult(as_of=as_of, held=holiday_name(as_of) or "cuối tuần")
    policy = policy or load_policy(settings.notification_policy)
    renderer = Renderer(
        make_environment(settings.mail_templates_dir), sender=settings.mail_from, as_of=as_of, now=now
    )
    links = links or Links(settings=settings, engine=engine)
    entries, problems = _decide(engine, settings, policy, as_of, links)
    result = NotifyResult(as_of=as_of, decided=len(entries), problems=problems)
    domain = sender_domain(settings.mail_from)

    def render(digest: Digest) -> EmailMessage:
        return renderer.render(digest, feed_url=links.feed(digest.unit) if digest.unit else "")

    if dry_run:
        result.dry_run_files = _write_dry_run(entries, dry_run_dir(settings, as_of), render, domain)
    else:
        result.queued = outbox.enqueue(engine, entries, as_of=as_of, now=now)
        result.withdrawn = outbox.withdraw(engine, _stale(engine, policy, settings, as_of, now), now=now)
        sender = transport or smtp_transport(settings)
        result.delivery = deliver(engine, sender, render, now=now, domain=domain, retry=_retry(settings))
        try:
            publish_outbox_artifact(engine)
        except Exception as error:  # the mail went out; a Prefect hiccup must not make that a failure
            result.problems.append(f"outbox artifact not published: {type(error).__name__}: {error}")
    result.problems += links.problems
    return result


def _decide(
    engine: Engine, settings: Settings, policy: Policy, as_of: date, links: Links
) -> tuple[list[tuple[Notice, Item]], list[str]]:
    with transaction(engine) as session:
        registry = load_registry(session)
        subjects = load_subjects(session, policy, as_of=as_of, horizon=settings.reminder_horizon_days)
        sent = outbox.sent_keys(session, [subject.assignment_id for subject in subjects])
    decision = decide(policy, subjects, registry, sent, as_of)
    return [(notice, _item(notice, links)) for notice in decision.notices], decision.problems


def _write_dry_run(
    entries: Sequence[tuple[Notice, Item]],
    folder: Path,
    render: Callable[[Digest], EmailMessage],
    domain: str,
) -> list[Path]:
    transport = FolderTransport(folder)
    for notices in _by_recipient(entries).values():
        recipient = notices[0][0].recipient
        transport.send(
            render(digest_of(recipient.address, recipient.unit, (item for _, item in notices), domain))
        )
    return transport.written


def _retry(settings: Settings) -> RetryPolicy:
    return RetryPolicy(
        first_delay=timedelta(seconds=settings.mail_retry_seconds),
        max_attempts=settings.mail_max_attempts,
        lease=timedelta(seconds=settings.mail_lease_seconds),
    )


def _stale(engine: Engine, policy: Policy, settings: Settings, as_of: date, now: datetime) -> dict[int, str]:
    """Rows queued by an earlier sweep (a retry, a dead sweep's) that should no longer go out: the
    assignment was reported done, cancelled or paused, or its deadline changed since."""
    waiting = outbox.waiting(engine, now=now)
    if not waiting:
        return {}
    with transaction(engine) as session:
        subjects = load_subjects(
            session,
            policy,
            as_of=as_of,
            horizon=settings.reminder_horizon_days,
            only=sorted({assignment for _, assignment, _, _ in waiting}),
        )
    current = {subject.assignment_id: subject for subject in subjects}
    reasons: dict[int, str] = {}
    for id_, assignment, version, due in waiting:
        subject = current.get(assignment)
        if subject is None:
            reasons[id_] = "withdrawn: the assignment was cancelled or paused"
        elif stopped(policy, subject):
            reasons[id_] = f"withdrawn: {subject.evaluation.status.value}"
        elif (subject.deadline_version, subject.due_in_force) != (version, due):
            reasons[id_] = "withdrawn: the deadline changed (gia hạn) before it went out"
    return reasons


def _item(notice: Notice, links: Links) -> Item:
    # A feed link is secret: only the unit's own mail carries it (a group's member gets its own).
    recipient = notice.recipient
    own = recipient.unit is not None and recipient.reason in (Reason.lead, Reason.participant)
    return item_of(
        notice,
        feed_url=links.feed(recipient.unit) if own and recipient.unit else "",
        plan_url=links.plan(notice.subject.plan_key),
    )


def _by_recipient(entries: Sequence[tuple[Notice, Item]]) -> dict[str, list[tuple[Notice, Item]]]:
    found: dict[str, list[tuple[Notice, Item]]] = {}
    for notice, item in entries:
        found.setdefault(notice.recipient.address, []).append((notice, item))
    return found


def dry_run_dir(settings: Settings, as_of: date) -> Path:
    return settings.mail_dir / "dry-run" / as_of.isoformat()


def smtp_transport(settings: Settings) -> SmtpTransport:
    return SmtpTransport(
        settings.smtp_host,
        settings.smtp_port,
        security=settings.smtp_security,
        user=settings.smtp_user,
        password=settings.smtp_password,
        timeout=settings.smtp_timeout,
    )
