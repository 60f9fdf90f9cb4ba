"""Delivery: claim queued rows, send one digest per recipient on one connection, mark each outcome.

Why this order. SMTP has no idempotent send, so exactly-once cannot be promised against a crash:
marking a row sent before sending would lose mail; sending before marking may send twice. dondoc
sends first and shrinks the window to the moment between the server's "250" and the commit that
marks the row sent: one commit per message (a cheap UPDATE by primary key on a connection held for
the batch), never one per group, which would widen the window to the whole group. The next
message is rendered while the server takes in the current one, before its "250" is read; that
stretches the window by one rendering but never holds a second message in it. A sweep killed in
that moment leaves the row claimed; once its lease expires the next sweep sends it again under
the same Message-ID, so the one duplicate that can exist per crash is recognisable (and dropped
by clients that dedupe on it). Two sweeps at once never send the same row: the claim is a
conditional UPDATE, committed before any mail goes out."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from email.message import EmailMessage

from pydantic import BaseModel
from sqlalchemy import Engine

from notifications import outbox
from notifications.digest import Digest, digest_of
from notifications.outbox import Claimed
from notifications.transport import MailError, Transport


class RetryPolicy(BaseModel):
    first_delay: timedelta = timedelta(minutes=5)
    max_attempts: int = 8
    lease: timedelta = timedelta(minutes=15)


class Failure(BaseModel):
    recipient: str
    error: str
    permanent: bool
    notifications: int


class Delivery(BaseModel):
    claimed: int = 0
    messages: int = 0
    notifications: int = 0
    retrying: int = 0
    failed: int = 0
    released: int = 0
    lost_leases: int = 0
    failures: list[Failure] = []


def group(claimed: list[Claimed], domain: str) -> list[tuple[Digest, list[int]]]:
    """One digest per (recipient, Message-ID): normally one per recipient; rows left by a crashed
    sweep keep their own message so that its re-send is the same message."""
    groups: dict[tuple[str, str], list[Claimed]] = {}
    for row in claimed:
        groups.setdefault((row.recipient, row.message_id), []).append(row)
    digests = []
    for (recipient, message_id), rows in groups.items():
        unit = next((row.recipient_unit for row in rows if row.recipient_unit), None)
        digest = digest_of(recipient, unit, (row.item for row in rows), domain)
        digests.append((digest.model_copy(update={"message_id": message_id}), [row.id for row in rows]))
    return digests


def _again(transport: Transport, message: EmailMessage, error: MailError) -> MailError | None:
    """After a lost connection, send once more on a fresh one; any other error stands."""
    if not error.connection:
        return error
    try:
        transport.reconnect()
        transport.send(message)
        return None
    except MailError as again:
        return again


Batch = tuple[Digest, list[int]]


class _Run:
    """One delivery: the lease token, the connection held for marking, and the tally."""

    def __init__(self, engine: Engine, transport: Transport, token: str, now: datetime, retry: RetryPolicy):
        self.engine, self.transport, self.token, self.now, self.retry = engine, transport, token, now, retry
        # Held for the batch, in autocommit: each mark-sent is one UPDATE, its own transaction, with
        # no BEGIN or COMMIT round trips to the database around it.
        self.connection = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        self.result = Delivery()
        self.pending: tuple[Batch, EmailMessage] | None = None

    def submit(self, batch: Batch, message: EmailMessage) -> bool:
        """Hand a message over; it stays pending until `settle`. False if the server is gone."""
        try:
            self.transport.submit(message)
        except MailError as error:
            return self.outcome(batch, _again(self.transport, message, error))
        self.pending = (batch, message)
        return True

    def settle(self) -> bool:
        """Wait for the verdict on the pending message and record it. False if the server is gone."""
        if self.pending is None:
            return True
        (batch, message), self.pending = self.pending, None
        try:
            self.transport.confirm()
            error = None
        except MailError as lost:
            error = _again(self.transport, message, lost)
        return self.outcome(batch, error)

    def outcome(self, batch: Batch, error: MailError | None) -> bool:
        digest, ids = batch
        if error is None:
            done = outbox.mark_sent(self.connection, ids, self.token, now=self.now)
            self.result.messages += 1
            self.result.notifications += done
            self.result.lost_leases += len(ids) - done
            return True
        _record(self.engine, self.result, digest, ids, self.token, error, now=self.now, retry=self.retry)
        return not error.connection

    def release(self, batches: list[Batch], *, count: bool = True) -> None:
        """Give rows never tried back untouched (the server is gone, or rendering failed)."""
        rest = [i for _, ids in batches for i in ids]
        outbox.release(self.engine, rest, self.token)
        self.result.released += len(rest) if count else 0


def deliver(
    engine: Engine,
    transport: Transport,
    render: Callable[[Digest], EmailMessage],
    *,
    now: datetime,
    domain: str,
    retry: RetryPolicy,
) -> Delivery:
    """Send every claimed digest on one connection and mark each one sent in its own commit.

    Message n+1 is rendered while the server takes in message n, before its "250" is read: the
    two processes work at once, and still at most one message is ever between "250" and its
    commit, so a crash can still duplicate at most one message.
    """
    token = uuid.uuid4().hex
    claimed = outbox.claim(engine, token, now=now, lease=retry.lease, domain=domain)
    batches = group(claimed, domain)
    run = _Run(engine, transport, token, now, retry)
    run.result.claimed = len(claimed)
    try:
        for index, batch in enumerate(batches):
            try:
                message = render(batch[0])
            except Exception:
                run.settle()
                run.release(batches[index:], count=False)
                raise
            if not run.settle():
                run.release(batches[index:])
                break
            if not run.submit(batch, message):
                run.release(batches[index + 1 :])
                break
        run.settle()
    finally:
        run.connection.close()
        transport.close()
    return run.result


def _record(
    engine: Engine,
    result: Delivery,
    digest: Digest,
    ids: list[int],
    token: str,
    error: MailError,
    *,
    now: datetime,
    retry: RetryPolicy,
) -> None:
    if error.permanent:
        outbox.mark_failed(engine, ids, token, str(error))
        result.failed += len(ids)
    else:
        retrying, failed = outbox.mark_retry(
            engine,
            ids,
            token,
            str(error),
            now=now,
            first_delay=retry.first_delay,
            max_attempts=retry.max_attempts,
        )
        result.retrying += retrying
        result.failed += failed
    result.failures.append(
        Failure(
            recipient=digest.recipient, error=str(error), permanent=error.permanent, notifications=len(ids)
        )
    )
