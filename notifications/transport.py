"""Mail transports: SMTP with one connection per batch, a folder of .eml files, and memory for tests."""

from __future__ import annotations

import contextlib
import hashlib
import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from typing import Protocol

from pydantic import SecretStr

from models.errors import DondocError
from notifications.render import Outgoing, wire_bytes

_LEADING_DOT = re.compile(rb"^\.", re.MULTILINE)


class MailError(DondocError):
    """A message that did not go out: transient (4xx, a lost connection) or permanent (5xx)."""

    def __init__(self, message: str, *, permanent: bool = False, connection: bool = False) -> None:
        self.permanent, self.connection = permanent, connection
        super().__init__(message)


class Transport(Protocol):
    """Sends messages. `submit` hands a message over and `confirm` waits for the verdict on it, so
    that the sender can prepare the next message while the server is still taking this one in;
    `send` is both. Errors are MailError."""

    def send(self, message: EmailMessage) -> None: ...
    def submit(self, message: EmailMessage) -> None: ...
    def confirm(self) -> None: ...
    def reconnect(self) -> None: ...
    def close(self) -> None: ...


def classify(error: Exception) -> MailError:
    """4xx and lost connections are worth retrying; 5xx refusals are not. Problems of the session
    itself (hello, login, TLS) are treated as connection trouble: the batch stops, nothing is lost."""
    if isinstance(error, smtplib.SMTPRecipientsRefused) and error.recipients:
        code, text = next(iter(error.recipients.values()))
        return _by_code(code, text, "recipient refused")
    if isinstance(
        error, smtplib.SMTPAuthenticationError | smtplib.SMTPHeloError | smtplib.SMTPNotSupportedError
    ):
        return MailError(f"SMTP session: {error}", connection=True)
    if isinstance(error, smtplib.SMTPResponseException):
        return _by_code(error.smtp_code, error.smtp_error, type(error).__name__)
    if isinstance(error, smtplib.SMTPServerDisconnected | OSError):
        return MailError(f"connection: {error or type(error).__name__}", connection=True)
    return MailError(f"SMTP: {error}")


def _by_code(code: int, text: bytes | str, what: str) -> MailError:
    detail = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return MailError(f"{what}: {code} {detail}", permanent=500 <= code < 600)


class SmtpTransport:
    """smtplib on one connection for the whole batch, opened at the first message."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        security: str = "none",
        user: str | None = None,
        password: SecretStr | None = None,
        timeout: float = 30.0,
    ) -> None:
        if security not in ("none", "starttls", "ssl"):
            raise DondocError(f"DONDOC_SMTP_SECURITY={security!r}: use none, starttls or ssl")
        self.host, self.port, self.security = host, port, security
        self.user, self.password, self.timeout = user, password, timeout
        self._smtp: smtplib.SMTP | None = None

    def _open(self) -> smtplib.SMTP:
        try:
            if self.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host, self.port, timeout=self.timeout, context=ssl.create_default_context()
                )
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            if self.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if self.user:
                smtp.login(self.user, self.password.get_secret_value() if self.password else "")
        except (smtplib.SMTPException, OSError) as error:
            raise classify(error) from error
        return smtp

    def send(self, message: EmailMessage) -> None:
        self.submit(message)
        self.confirm()

    def submit(self, message: EmailMessage) -> None:
        """MAIL, RCPT and DATA, then the message; the server's verdict is left for `confirm`."""
        if self._smtp is None:
            self._smtp = self._open()
        sender, recipients = envelope(message)
        data = wire_bytes(message)
        try:
            self._envelope(self._smtp, sender, recipients, len(data))
            self._smtp.send(_stuffed(data))
        except (smtplib.SMTPException, OSError) as error:
            raise classify(error) from error
        except UnicodeEncodeError as error:  # no SMTPUTF8 here: such an address never goes out
            self._drop()  # a MAIL may be open on the server: start afresh
            raise MailError(
                f"address not in ASCII: {sender} → {', '.join(recipients)}", permanent=True
            ) from error

    def confirm(self) -> None:
        """The server's verdict on the message last submitted: returns once it said 250."""
        if self._smtp is None:
            raise MailError("connection: no message was submitted", connection=True)
        try:
            code, reply = self._smtp.getreply()
        except (smtplib.SMTPException, OSError) as error:
            raise classify(error) from error
        if code != 250:
            raise classify(smtplib.SMTPDataError(code, reply))

    def _envelope(self, smtp: smtplib.SMTP, sender: str, recipients: tuple[str, ...], size: int) -> None:
        """smtplib's `sendmail` up to the data, minus its re-parsing of each address (they come
        from `envelope`, already bare), and in one round trip where the server offers PIPELINING
        (RFC 2920): MAIL, RCPT and DATA go out together and the replies are read in order."""
        smtp.ehlo_or_helo_if_needed()
        options = f" SIZE={size}" if smtp.does_esmtp and smtp.has_extn("size") else ""
        commands = [f"MAIL FROM:<{sender}>{options}", *(f"RCPT TO:<{to}>" for to in recipients), "DATA"]
        if smtp.does_esmtp and smtp.has_extn("pipelining"):
            smtp.send("".join(f"{command}\r\n" for command in commands))
            replies = [smtp.getreply() for _ in commands]
        else:  # one command at a time, stopping at the first refusal
            replies = []
            for command in commands:
                smtp.send(f"{command}\r\n")
                replies.append(smtp.getreply())
                if replies[-1][0] >= 400:
                    break
        self._check(smtp, sender, recipients, replies)

    def _check(
        self, smtp: smtplib.SMTP, sender: str, recipients: tuple[str, ...], replies: list[tuple[int, bytes]]
    ) -> None:
        """Raise the first refusal among the replies to MAIL, each RCPT and DATA."""
        wanted = [(250,), *((250, 251) for _ in recipients), (354,)]
        failed = next((i for i, (code, _) in enumerate(replies) if code not in wanted[i]), None)
        if failed is None:
            return
        if len(replies) == len(wanted) and replies[-1][0] == 354:  # DATA taken after all: end it empty
            smtp.send(b".\r\n")
            smtp.getreply()
        code, reply = replies[failed]
        self._reset(smtp, code)
        if failed == 0:
            raise smtplib.SMTPSenderRefused(code, reply, sender)
        if failed <= len(recipients):  # one recipient per message, so a refusal refuses the message
            raise smtplib.SMTPRecipientsRefused({recipients[failed - 1]: (code, reply)})
        raise smtplib.SMTPDataError(code, reply)

    def _reset(self, smtp: smtplib.SMTP, code: int) -> None:
        """After a refusal: RSET for the next message, or drop a connection the server closes (421)."""
        if code == 421:
            self._drop()
            return
        with contextlib.suppress(smtplib.SMTPException, OSError):
            smtp.rset()

    def reconnect(self) -> None:
        self._drop()
        self._smtp = self._open()

    def close(self) -> None:
        if self._smtp is not None:
            # The messages are already accounted for: a failed QUIT loses nothing.
            with contextlib.suppress(smtplib.SMTPException, OSError):
                self._smtp.quit()
            self._smtp = None

    def _drop(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.close()
            finally:
                self._smtp = None


class FolderTransport:
    """`--dry-run`: each message becomes a .eml file that any mail program opens."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.written: list[Path] = []

    def send(self, message: EmailMessage) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        tag = hashlib.sha256(str(message["Message-ID"]).encode()).hexdigest()[:12]
        name = f"{_safe(str(message['To']))}-{tag}.eml"
        path = self.directory / name
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(wire_bytes(message))
        temporary.replace(path)
        self.written.append(path)

    def submit(self, message: EmailMessage) -> None:
        self.send(message)

    def confirm(self) -> None:
        return None

    def reconnect(self) -> None:
        return None

    def close(self) -> None:
        return None


class MemoryTransport:
    """Keeps messages in a list; `fail` maps a recipient to the error its message meets."""

    def __init__(self, fail: dict[str, MailError] | None = None) -> None:
        self.sent: list[EmailMessage] = []
        self.fail = fail or {}

    def send(self, message: EmailMessage) -> None:
        error = self.fail.get(str(message["To"]))
        if error is not None:
            raise error
        self.sent.append(message)

    def submit(self, message: EmailMessage) -> None:
        self.send(message)

    def confirm(self) -> None:
        return None

    def reconnect(self) -> None:
        return None

    def close(self) -> None:
        return None


def _stuffed(data: bytes) -> bytes:
    """Dot-stuffing (RFC 5321 4.5.2) and the end of the data, as smtplib's `data` does."""
    return _LEADING_DOT.sub(b"..", data) + (b"" if data.endswith(b"\r\n") else b"\r\n") + b".\r\n"


def envelope(message: EmailMessage) -> tuple[str, tuple[str, ...]]:
    """Who the message is from and to, for MAIL FROM and RCPT TO."""
    if isinstance(message, Outgoing):
        return message.envelope_sender, message.envelope_recipients
    return parseaddr(str(message["From"]))[1], (parseaddr(str(message["To"]))[1],)


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "@.-_" else "_" for ch in text)[:80]
