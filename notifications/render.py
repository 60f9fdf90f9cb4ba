"""Digests to email: Jinja2 templates (autoescaped HTML, plain text, subject), overridable by folder."""

from __future__ import annotations

import base64
import re
import secrets
from datetime import date, datetime
from email.header import Header
from email.message import EmailMessage, MIMEPart
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)

from models.errors import DondocError
from notifications.digest import Digest

TEMPLATES = ("subject.txt.j2", "digest.txt.j2", "digest.html.j2")
_SPACE = re.compile(r"\s+")


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
    )
    environment.filters["vn_date"] = _vn_date
    return environment


class Renderer:
    """Turns a digest into a multipart (plain text + HTML) message with a UTF-8 subject."""

    def __init__(self, environment: Environment, *, sender: str, as_of: date, now: datetime) -> None:
        self.environment, self.sender, self.as_of, self.now = environment, sender, as_of, now
        self.check()

    def check(self) -> None:
        """Compile every template now, so that a broken override stops the sweep before any claim."""
        for name in TEMPLATES:
            try:
                self.environment.get_template(name)
            except TemplateSyntaxError as error:
                raise MailTemplateError(f"{error.filename or name}:{error.lineno}: {error.message}") from None
            except TemplateError as error:
                raise MailTemplateError(f"{name}: {error}") from None

    def render(self, digest: Digest, *, feed_url: str = "") -> EmailMessage:
        context = self._context(digest, feed_url)
        try:
            subject = _SPACE.sub(" ", self.environment.get_template(TEMPLATES[0]).render(context)).strip()
            text = self.environment.get_template(TEMPLATES[1]).render(context)
            html = self.environment.get_template(TEMPLATES[2]).render(context)
        except TemplateError as error:
            raise MailTemplateError(f"mail template: {error}") from None
        headers = {
            "From": self.sender,
            "To": digest.recipient,
            "Date": format_datetime(self.now),
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


def assemble(subject: str, headers: dict[str, str], text: str, html: str) -> EmailMessage:
    """A multipart/alternative message (plain text, then HTML), UTF-8, base64.

    Headers dondoc writes itself are stored as written (`set_raw`): the email package's header
    parsing and folding cost several milliseconds a message, most of the time a digest takes.
    Anything not plain ASCII still goes through the policy.
    """
    message = EmailMessage()
    # Pre-encoded: Python 3.11's folding drops the space between two encoded words of a long
    # Vietnamese subject ("đến hạn" arrives as "đếnhạn"); Header keeps it inside the words.
    message.set_raw(
        "Subject", subject if subject.isascii() else Header(subject, "utf-8", header_name="Subject").encode()
    )
    for name, value in headers.items():
        if value.isascii() and "\r" not in value:
            message.set_raw(name, value)
        else:
            message[name] = value
    message.set_raw("MIME-Version", "1.0")
    message.set_raw("Content-Type", f'multipart/alternative; boundary="{_boundary()}"')
    message.set_payload([_text_part(text, "plain"), _text_part(html, "html")])
    return message


def wire_bytes(message: EmailMessage) -> bytes:
    """The message as SMTP carries it (CRLF lines), written directly for what `assemble` builds.

    The email package's generator re-parses each raw header every time it reads it and costs
    more than rendering the templates; `assemble` leaves nothing for it to decide, so the headers
    (already folded) and the encoded parts are joined here. Anything else (a parsed
    header object, a non-multipart message) goes through the policy as usual.
    """
    if not message.is_multipart():
        return message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
    boundary = message.get_boundary()
    chunks = [_header_block(message), ""]
    for part in message.iter_parts():
        payload = part.get_payload()
        if not isinstance(payload, str):
            return message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
        chunks += [f"--{boundary}", _header_block(part), "", payload.replace("\r\n", "\n")]
    chunks += [f"--{boundary}--", ""]
    return "\r\n".join(chunk.replace("\n", "\r\n") for chunk in chunks).encode("ascii")


def _header_block(message: MIMEPart) -> str:
    lines = []
    for name, value in message.raw_items():
        if isinstance(value, str):
            lines.append(f"{name}: {value}")
        else:  # a header the policy parsed (not plain ASCII): let it fold and encode it
            lines.append(message.policy.fold(name, value).rstrip("\n"))
    return "\n".join(lines)


def _text_part(body: str, subtype: str) -> EmailMessage:
    # base64 rather than quoted-printable: Vietnamese text in QP is half again as long, and the
    # SMTP server's work (and so the sending rate) grows with the bytes it receives.
    part = EmailMessage()
    part.set_raw("Content-Type", f'text/{subtype}; charset="utf-8"')
    part.set_raw("Content-Transfer-Encoding", "base64")
    part.set_payload(base64.encodebytes(body.encode("utf-8")).decode("ascii"))
    return part


def _boundary() -> str:
    return f"==dondoc-{secrets.token_hex(12)}=="


def sender_domain(sender: str) -> str:
    """The domain of the From address, for Message-IDs ("dondoc <a@b>" → "b")."""
    match = re.search(r"@([^>\s]+)", sender)
    return match.group(1) if match else "dondoc.localhost"
