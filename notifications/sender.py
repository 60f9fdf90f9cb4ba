"""Delivery: claim queued rows, send one digest per recipient on one connection, mark each outcome.

Why this order. SMTP has no idempotent send, so exactly-once cannot be promised against a crash:
marking a row sent before sending would lose mail; sending before marking may send twice. dondoc
sends first and shrinks the window to the moment between the server's "250" and the commit that
marks the row sent (one small commit per message). A sweep killed in that moment leaves the row
claimed; once its lease expires the next sweep sends it again under the same Message-ID, so the
one duplicate that can exist per crash is recognisable (and dropped by clients that dedupe on it).
Two sweeps at once never send the same row: the claim is a conditional UPDATE, committed before
any mail goes out.
"""

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


def _send(transport: Transport, message: EmailMessage) -> MailError | None:
    """Send; after a lost connection, try once more on a fresh one."""
    try:
        transport.send(message)
        return None
    except MailError as error:
        if not error.connection:
            return error
    try:
        transport.reconnect()
        transport.send(message)
        return None
    except MailError as error:
        return error


def deliver(
    engine: Engine,
    transport: Transport,
    render: Callable[[Digest], EmailMessage],
    *,
    now: datetime,
    domain: str,
    retry: RetryPolicy,
) -> Delivery:
    token = uuid.uuid4().hex
    claimed = outbox.claim(engine, token, now=now, lease=retry.lease, domain=domain)
    result = Delivery(claimed=len(claimed))
    batches = group(claimed, domain)
    connection = engine.connect()  # held for the batch: each mark-sent is one cheap commit
    try:
        for index, (digest, ids) in enumerate(batches):
            try:
                message = render(digest)
            except Exception:
                outbox.release(engine, [i for _, rest in batches[index:] for i in rest], token)
                raise
            error = _send(transport, message)
            if error is None:
                done = outbox.mark_sent(connection, ids, token, now=now)
                result.messages += 1
                result.notifications += done
                result.lost_leases += len(ids) - done
                continue
            _record(engine, result, digest, ids, token, error, now=now, retry=retry)
            if error.connection:  # the server is gone: give the rest back untouched
                rest = [i for _, later in batches[index + 1 :] for i in later]
                outbox.release(engine, rest, token)
                result.released += len(rest)
                break
    finally:
        connection.close()
        transport.close()
    return result


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
