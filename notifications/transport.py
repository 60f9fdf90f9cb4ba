"""Mail transports: SMTP with one connection per batch, a folder of .eml files, and memory for tests."""

from __future__ import annotations

import contextlib
import hashlib
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from typing import Protocol

from pydantic import SecretStr

from models.errors import DondocError
from notifications.render import wire_bytes


class MailError(DondocError):
    """A message that did not go out: transient (4xx, a lost connection) or permanent (5xx)."""

    def __init__(self, message: str, *, permanent: bool = False, connection: bool = False) -> None:
        self.permanent, self.connection = permanent, connection
        super().__init__(message)


class Transport(Protocol):
    def send(self, message: EmailMessage) -> None: ...
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
        if self._smtp is None:
            self._smtp = self._open()
        sender, recipient = parseaddr(str(message["From"]))[1], parseaddr(str(message["To"]))[1]
        try:
            refused = self._smtp.sendmail(sender, [recipient], wire_bytes(message))
        except (smtplib.SMTPException, OSError) as error:
            raise classify(error) from error
        if refused:  # one recipient per message, so a partial refusal is a refusal
            code, text = next(iter(refused.values()))
            raise _by_code(code, text, "recipient refused")

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

    def reconnect(self) -> None:
        return None

    def close(self) -> None:
        return None


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "@.-_" else "_" for ch in text)[:80]
