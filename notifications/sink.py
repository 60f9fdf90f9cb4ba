"""A local SMTP sink (aiosmtpd) that keeps every message it receives as a .eml file."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from pydantic import BaseModel, ConfigDict


class Received(BaseModel):
    """A message as the sink got it: the envelope and the parsed message."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    sender: str
    recipients: tuple[str, ...]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


class Mailbox:
    """The aiosmtpd handler: keeps messages as .eml files in a folder, or in memory (tests)."""

    def __init__(self, directory: Path | None = None, *, in_memory: bool | None = None) -> None:
        self.directory = directory
        # A long-running sink writing files must not also grow a list for ever.
        self.in_memory = directory is None if in_memory is None else in_memory
        self.received: list[Received] = []
        self.count = 0
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.keep(
            Received(
                sender=envelope.mail_from, recipients=tuple(envelope.rcpt_tos), data=bytes(envelope.content)
            )
        )
        return "250 2.0.0 Message accepted for delivery"

    def keep(self, received: Received) -> None:
        with self._lock:
            self.count += 1
            if self.in_memory:
                self.received.append(received)
        if self.directory is not None:
            self.directory.mkdir(parents=True, exist_ok=True)
            # A shell-side file name: the time it arrived keeps the folder in order of arrival.
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
            path = self.directory / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(received.data)
            temporary.replace(path)


def start_sink(handler: Any, host: str = "127.0.0.1", port: int = 8025) -> Controller:
    """Start an SMTP server in a thread on host:port; `.stop()` ends it."""
    controller = Controller(handler, hostname=host, port=port, ready_timeout=10.0)
    controller.start()
    return controller
