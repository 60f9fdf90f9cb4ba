"""A local SMTP sink (aiosmtpd) that keeps every message it receives as a .eml file."""

from __future__ import annotations

import asyncio
import os
import re
import threading
import uuid
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, syntax
from pydantic import BaseModel, ConfigDict

_END = b"\r\n.\r\n"
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_PLAIN_PATH = re.compile(rf"\s*<({_ATOM})@({_ATOM})>\s*+(?!\()(.*)", re.DOTALL)  # <local@domain> params


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

    def __init__(
        self, directory: Path | None = None, *, in_memory: bool | None = None, pipelining: bool = True
    ) -> None:
        self.directory, self.pipelining = directory, pipelining
        # A long-running sink writing files must not also grow a list for ever.
        self.in_memory = directory is None if in_memory is None else in_memory
        self.received: list[Received] = []
        self.count = 0
        self._lock = threading.Lock()
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)

    async def handle_EHLO(
        self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]
    ) -> list[str]:
        """Offer PIPELINING (RFC 2920): aiosmtpd answers each command in turn from a buffered
        stream, so it takes them pipelined; it just does not say so."""
        session.host_name = hostname
        if not self.pipelining:
            return responses
        return [*responses[:-1], "250-PIPELINING", responses[-1]]

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        data = bytes(envelope.content)
        with self._lock:
            self.count += 1
            if self.in_memory:
                self.received.append(
                    Received(sender=envelope.mail_from, recipients=tuple(envelope.rcpt_tos), data=data)
                )
        if self.directory is not None:
            _store(self.directory, data)
        return "250 2.0.0 Message accepted for delivery"


def _store(directory: Path, data: bytes) -> None:
    # A shell-side file name: the time it arrived keeps the folder in order of arrival. Written
    # under a temporary name and renamed, so a reader never opens half a message; no fsync: this
    # is a folder to look at, not a mail store.
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    path = os.path.join(directory, f"{stamp}-{uuid.uuid4().hex[:8]}.eml")
    temporary = path + ".tmp"
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    except FileNotFoundError:  # the folder was removed while the sink ran
        directory.mkdir(parents=True, exist_ok=True)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:  # one write for a message of any usual size
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)
    os.replace(temporary, path)


class Server(SMTP):
    """aiosmtpd's server, reading a message's data in a few large reads rather than line by line.

    aiosmtpd awaits one `readuntil` per line of the message (eighty for a digest), most of what a
    sink spends per message. The data ends at the first CRLF "." CRLF (the DATA command's own CRLF
    counts, so an empty message is just "." CRLF); reading up to each ".\\r\\n" and checking what
    precedes it finds that end without looking at every line. Everything else (the replies, the
    size and line limits, dot-unstuffing, the handler hook) is as aiosmtpd does it.

    MAIL FROM and RCPT TO: a plain <local@domain> (what dondoc and most clients send) is read with
    one regular expression; anything else still goes through aiosmtpd's full RFC 5322 parser,
    which costs about half a millisecond an address.
    """

    def _getaddr(self, arg: str) -> tuple[str | None, str | None]:
        plain = _PLAIN_PATH.fullmatch(arg) if arg else None
        if plain is None:
            return super()._getaddr(arg)
        local, domain, rest = plain.groups()
        if self.local_part_limit and len(local) > self.local_part_limit:
            return None, None
        return f"{local}@{domain}", rest

    @syntax("DATA")
    async def smtp_DATA(self, arg: str) -> None:
        if self._decode_data:  # text content wanted: aiosmtpd's own way
            await super().smtp_DATA(arg)
            return
        if await self.check_helo_needed() or await self.check_auth_needed("DATA"):
            return
        assert self.envelope is not None
        if not self.envelope.rcpt_tos:
            await self.push("503 Error: need RCPT command")
            return
        if arg:
            await self.push("501 Syntax: DATA")
            return
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        data = await self._read_data()
        if data is None:
            status = "552 Error: Too much mail data"
        elif max(map(len, data.split(b"\r\n"))) + 2 > self.line_length_limit:
            status = "500 Line too long (see RFC5321 4.5.3.1.6)"
        else:
            # Dot-unstuffing (RFC 5321 4.5.2): every line starts after a CRLF, the first one too.
            content = (b"\r\n" + data).replace(b"\r\n.", b"\r\n")[2:]
            self.envelope.content = self.envelope.original_content = content
            status = await self._call_handler_hook("DATA")
            status = "250 OK" if not isinstance(status, str) else status
        self.envelope = self._create_envelope()  # aiosmtpd's post-DATA state
        await self.push(status)

    async def _read_data(self) -> bytes | None:
        """The bytes up to (without) the final "." CRLF; None past the size limit (read, not kept)."""
        chunks: list[bytes] = []
        tail, size = b"\r\n", 0
        limit = (self.data_size_limit or 0) + len(b".\r\n")
        while True:
            try:
                chunk = await self._reader.readuntil(b".\r\n")
            except asyncio.LimitOverrunError as error:  # no ".\r\n" in the next kilobyte
                chunk = await self._reader.readexactly(error.consumed)
            except asyncio.CancelledError:  # the connection was lost mid-message
                self._writer.close()
                raise
            size += len(chunk)
            tail = (tail + chunk)[-len(_END) :]
            if size <= limit or not self.data_size_limit:
                chunks.append(chunk)
            if tail == _END:
                break
        if self.data_size_limit and size > limit:
            return None
        return b"".join(chunks)[:-3]


class _Controller(Controller):
    def factory(self) -> SMTP:
        return Server(self.handler, **self.SMTP_kwargs)


def _event_loop() -> asyncio.AbstractEventLoop:
    try:  # uvloop (with uvicorn[standard]) spends about a tenth less per message than asyncio's
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def start_sink(handler: Any, host: str = "127.0.0.1", port: int = 8025, **options: Any) -> Controller:
    """Start an SMTP server in a thread on host:port; `.stop()` ends it. `options` go to aiosmtpd's
    SMTP (data_size_limit=...)."""
    controller = _Controller(
        handler, hostname=host, port=port, ready_timeout=10.0, loop=_event_loop(), **options
    )
    controller.start()
    return controller
