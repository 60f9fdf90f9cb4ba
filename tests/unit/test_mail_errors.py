"""SMTP errors sorted into transient (retry) and permanent (fail, shown) ones."""

from __future__ import annotations

import smtplib

import pytest

from models.errors import DondocError
from notifications.transport import SmtpTransport, classify


@pytest.mark.parametrize(
    ("error", "permanent", "connection"),
    [
        (smtplib.SMTPRecipientsRefused({"a@b": (550, b"5.1.1 no such user")}), True, False),
        (smtplib.SMTPRecipientsRefused({"a@b": (452, b"4.2.2 mailbox full")}), False, False),
        (smtplib.SMTPDataError(554, b"5.7.1 rejected"), True, False),
        (smtplib.SMTPSenderRefused(451, b"4.3.0 try later", "x@y"), False, False),
        (smtplib.SMTPServerDisconnected("gone"), False, True),
        (ConnectionRefusedError(111, "Connection refused"), False, True),
        (TimeoutError("timed out"), False, True),
        (smtplib.SMTPAuthenticationError(535, b"bad credentials"), False, True),
    ],
)
def test_smtp_errors_are_transient_unless_the_server_refuses_for_good(
    error: Exception, permanent: bool, connection: bool
):
    sorted_ = classify(error)
    assert (sorted_.permanent, sorted_.connection) == (permanent, connection)


def test_an_unknown_security_setting_is_a_clear_error():
    with pytest.raises(DondocError, match="use none, starttls or ssl"):
        SmtpTransport("127.0.0.1", 25, security="tls")
