"""The sink's quick reading of MAIL FROM / RCPT TO gives what aiosmtpd's full parser gives."""

from __future__ import annotations

import pytest
from aiosmtpd.smtp import SMTP

from notifications.sink import Mailbox, Server

ARGUMENTS = [
    "<dondoc@tu.example> SIZE=5161",
    "<a.b+c@x-y.example>",
    " <a@b.example>",
    "<a@b.example>   SIZE=1 BODY=8BITMIME",
    "<a@b.example>\tX",
    "<a@b.example> (a comment) SIZE=1",
    "<A@B.EXAMPLE>",
    "<a..b@c.example>",
    "<a.@b.example>",
    "<a@b.example.>",
    "<>",
    "a@b.example",
    '<"q q"@x.example>',
    "<a@[192.0.2.1]>",
    "<đơnvị@x.example>",
    "<a@b.example",
    "",
]


@pytest.mark.parametrize("argument", ARGUMENTS)
def test_an_address_argument_reads_the_same_as_with_aiosmtpd(argument: str):
    assert Server(Mailbox())._getaddr(argument) == SMTP(Mailbox())._getaddr(argument)


def test_a_local_part_over_the_limit_is_refused_as_aiosmtpd_refuses_it():
    class Strict(Server):
        local_part_limit = 3

    class StrictReference(SMTP):
        local_part_limit = 3

    for argument in ("<abcd@x.example>", "<abc@x.example>"):
        assert Strict(Mailbox())._getaddr(argument) == StrictReference(Mailbox())._getaddr(argument)
