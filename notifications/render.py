"""Digests to email: Jinja2 templates (autoescaped HTML, plain text, subject), overridable by folder."""

from __future__ import annotations

import base64
import re
import secrets
from datetime import date, datetime
from email import base64mime
from email.headerregistry import BaseHeader
from email.message import EmailMessage, MIMEPart
from email.utils import format_datetime, getaddresses, parseaddr
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)

from models.errors import DondocError
from notifications.digest import Digest

TEMPLATES = ("subject.txt.j2", "digest.txt.j2", "digest.html.j2")
_SPACE = re.compile(r"\s+")
_BARE = re.compile(r"[^\s<>,;:\"()@]+@[^\s<>,;:\"()@]+")
_WORD_BYTES = 39  # per encoded word: "Subject: " and the 52 base64 characters fit in 78


class MailTemplateError(DondocError, ValueError):
    exit_code = 2


def _vn_date(value: date | str | None) -> str:
    if value is None or value == "":
        return "—"
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def make_environment(override: Path | None = None) -> Environment:
    """Templates from `override` first (a user's folder), then the packaged ones; HTML autoescaped."""
    loaders: list[Any] = [FileSystemLoader(str(override))] if override else []
    loaders.append(PackageLoader("notifications", "templates"))
    environment = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(
            enabled_extensions=("html.j2",), default_for_string=False, default=False
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # read once per run: no stat() of every template (and import) per message
    )
    environment.filters["vn_date"] = _vn_date
    return environment


class Renderer:
    """Turns a digest into a multipart (plain text + HTML) message with a UTF-8 subject."""

    def __init__(self, environment: Environment, *, sender: str, as_of: date, now: datetime) -> None:
        self.environment, self.sender, self.as_of, self.now = environment, sender, as_of, now
        self.date = format_datetime(now)
        self.templates = self.check()

    def check(self) -> list[Template]:
        """Compile every template now, so that a broken override stops the sweep before any claim;
        the compiled templates serve every message of the run."""
        compiled = []
        for name in TEMPLATES:
            try:
                compiled.append(self.environment.get_template(name))
            except TemplateSyntaxError as error:
                raise MailTemplateError(f"{error.filename or name}:{error.lineno}: {error.message}") from None
            except TemplateError as error:
                raise MailTemplateError(f"{name}: {error}") from None
        return compiled

    def render(self, digest: Digest, *, feed_url: str = "") -> EmailMessage:
        context = self._context(digest, feed_url)
        subject_template, text_template, html_template = self.templates
        try:
            subject = _SPACE.sub(" ", subject_template.render(context)).strip()
            text = text_template.render(context)
            html = html_template.render(context)
        except TemplateError as error:
            raise MailTemplateError(f"mail template: {error}") from None
        headers = {
            "From": self.sender,
            "To": digest.recipient,
            "Date": self.date,
            "Message-ID": digest.message_id,
            "Auto-Submitted": "auto-generated",
            # One key per line: which notifications this message carries, for tracing and dedup.
            "X-Dondoc-Keys": "\n ".join(item.dedup_key for item in digest.items),
        }
        return assemble(subject, headers, text, html)

    def _context(self, digest: Digest, feed_url: str) -> dict[str, Any]:
        plans: dict[str, dict[str, Any]] = {}
        for item in digest.items:
            plans.setdefault(
                item.plan_key,
                {
                    "key": item.plan_key,
                    "number": item.plan_number,
                    "title": item.plan_title,
                    "url": item.plan_url,
                },
            )
        return {
            "digest": digest,
            "recipient": digest.recipient,
            "unit": digest.unit,
            "overdue": digest.overdue,
            "upcoming": digest.upcoming,
            "plans": list(plans.values()),
            "feed_url": feed_url,
            "as_of": self.as_of,
        }


class Outgoing(EmailMessage):
    """A rendered message with its SMTP envelope and wire bytes, built once by `assemble`.

    Reading a header back from an EmailMessage parses it again (the From and To for the envelope,
    the boundary for the generator): milliseconds a message, more than the templates take. dondoc
    knows all of it when it assembles the message, so it keeps it here; treat the message as frozen.
    """

    envelope_sender: str
    envelope_recipients: tuple[str, ...]
    wire: bytes


def assemble(subject: str, headers: dict[str, str], text: str, html: str) -> Outgoing:
    """A multipart/alternative message (plain text, then HTML), UTF-8, base64.

    Headers dondoc writes itself are stored as written (`set_raw`); anything not plain ASCII still
    goes through the policy. The envelope comes from From and To, parsed here once.
    """
    message = Outgoing()
    message.set_raw("Subject", encode_header(subject))
    for name, value in headers.items():
        if value.isascii() and "\r" not in value:
            message.set_raw(name, value)
        else:
            message[name] = value
    boundary = _boundary()
    message.set_raw("MIME-Version", "1.0")
    message.set_raw("Content-Type", f'multipart/alternative;\n boundary="{boundary}"')
    bodies = [_base64(text), _base64(html)]
    parts: list[Any] = [
        _text_part(body, subtype) for body, subtype in zip(bodies, ("plain", "html"), strict=True)
    ]
    message.set_payload(parts)
    message.envelope_sender = _address(headers.get("From", ""))
    to = headers.get("To", "")
    message.envelope_recipients = (
        (to,) if _BARE.fullmatch(to) else tuple(address for _, address in getaddresses([to]) if address)
    )
    message.wire = _wire(message, boundary, parts, bodies)
    return message


@lru_cache(maxsize=64)  # the sender is the same in every message of a run
def _address(value: str) -> str:
    return parseaddr(value)[1]


def encode_header(value: str) -> str:
    """RFC 2047 base64 encoded words of whole characters, one per folded line.

    The space between two encoded words is folding, not text: the words themselves carry every
    space, so "đến hạn" never arrives as "đếnhạn" (Python 3.11's own folding loses it; `Header`
    keeps it but costs half a millisecond a subject).
    """
    if value.isascii():
        return value
    data, words, start = value.encode("utf-8"), [], 0
    while start < len(data):
        end = min(start + _WORD_BYTES, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # never cut inside a character
            end -= 1
        words.append(base64mime.header_encode(data[start:end], charset="utf-8"))
        start = end
    return "\n ".join(words)


def wire_bytes(message: EmailMessage) -> bytes:
    """The message as SMTP carries it (CRLF lines): built once for what `assemble` makes."""
    if isinstance(message, Outgoing):
        return message.wire
    return message.as_bytes(policy=message.policy.clone(linesep="\r\n"))


def _wire(message: Outgoing, boundary: str, parts: list[EmailMessage], bodies: list[str]) -> bytes:
    chunks = [_header_block(message), ""]
    for part, body in zip(parts, bodies, strict=True):
        chunks += [f"--{boundary}", _header_block(part), "", body]
    chunks += [f"--{boundary}--", ""]
    # ASCII but for an address the policy cannot encode (a non-ASCII local part): kept as UTF-8, and
    # refused for good by the transport, which cannot name it in RCPT TO without SMTPUTF8.
    return "\r\n".join(chunk.replace("\n", "\r\n") for chunk in chunks).encode("utf-8")


def _header_block(message: MIMEPart) -> str:
    lines = []
    for name, value in message.raw_items():
        if isinstance(value, BaseHeader) or not value.isascii():  # parsed by the policy: it folds
            lines.append(message.policy.fold(name, value).rstrip("\n"))
        else:
            lines.append(f"{name}: {value}")
    return "\n".join(lines)


def _base64(body: str) -> str:
    # base64 rather than quoted-printable: Vietnamese text in QP is half again as long, and the
    # SMTP server's work (and so the sending rate) grows with the bytes it receives.
    encoded = base64.b64encode(body.encode("utf-8")).decode("ascii")  # in C, then cut in lines
    return "".join(f"{encoded[start : start + 76]}\n" for start in range(0, len(encoded), 76))


def _text_part(encoded: str, subtype: str) -> EmailMessage:
    part = EmailMessage()
    part.set_raw("Content-Type", f'text/{subtype}; charset="utf-8"')
    part.set_raw("Content-Transfer-Encoding", "base64")
    part.set_payload(encoded)
    return part


def _boundary() -> str:
    return f"==dondoc-{secrets.token_hex(12)}=="


def sender_domain(sender: str) -> str:
    """The domain of the From address, for Message-IDs ("dondoc <a@b>" → "b")."""
    match = re.search(r"@([^>\s]+)", sender)
    return match.group(1) if match else "dondoc.localhost"
