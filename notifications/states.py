"""The delivery states of an outbox row: apart from the table, so a CLI option can name them cheaply."""

from __future__ import annotations

from enum import StrEnum


class OutboxState(StrEnum):
    queued = "queued"  # waiting, or claimed by a sweep under a lease
    sent = "sent"  # the SMTP server accepted it
    failed = "failed"  # refused for good (5xx) or out of attempts: shown, never dropped
    withdrawn = "withdrawn"  # no longer due before it could go out (a report, a cancellation, gia hạn)
