"""The local SMTP sink and the SMTP transport on 127.0.0.1: the sink's quick DATA reading receives
exactly what aiosmtpd's line-by-line reading receives, and refusals leave the connection usable,
with and without PIPELINING."""

from __future__ import annotations

import random
import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from notifications.render import assemble
from notifications.sink import Mailbox, start_sink
from notifications.transport import MailError, SmtpTransport
from tests.notify_support import free_port

LIMIT = 4000  # bytes of data either server takes


@contextmanager
def both_servers() -> Iterator[tuple[tuple[Mailbox, int], tuple[Mailbox, int]]]:
    """dondoc's sink and a plain aiosmtpd server, the same size limit on each."""
    ours, theirs = Mailbox(), Mailbox()
    mine = start_sink(ours, port=free_port(), data_size_limit=LIMIT)
    reference = Controller(theirs, hostname="127.0.0.1", port=free_port(), data_size_limit=LIMIT)
    reference.start()
    try:
        yield (ours, mine.port), (theirs, reference.port)
    finally:
        mine.stop()
        reference.stop()


def _raw_data(port: int, wire: bytes) -> tuple[int, bytes]:
    """MAIL, RCPT, DATA, then `wire` exactly as given (already dot-stuffed and ended)."""
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.ehlo()
        assert client.mail("a@tu.example")[0] == 250 and client.rcpt("b@tu.example")[0] == 250
        assert client.docmd("DATA")[0] == 354
        client.send(wire)
        code, _ = client.getreply()
        return code, client.noop()[0]  # the session goes on after the message


def _random_message(rng: random.Random) -> bytes:
    """Lines of dots and letters, as a client sends them: dot-stuffed, ended by CRLF "." CRLF."""
    lines = [
        "".join(rng.choice(".a.") for _ in range(rng.choice((0, 1, 2, 3, 7, 80))))
        for _ in range(rng.choice((0, 1, 2, 5, 40, 900)))
    ]
    stuffed = [("." + line if line.startswith(".") else line) for line in lines]
    return "".join(line + "\r\n" for line in stuffed).encode() + b".\r\n"


EDGES = [
    b".\r\n",  # an empty message
    b"..\r\n.\r\n",  # one line holding a dot
    b"end of a sentence.\r\n..leading dot\r\n.bare dot\r\n.\r\n",
    b"x" * 998 + b"\r\n" + b".\r\n",  # the longest line allowed
    b"x" * 999 + b"\r\n" + b".\r\n",  # one byte too long
    (b"y" * 76 + b"\r\n") * 60 + b".\r\n",  # past the size limit, no dot before the end
    (b"y" * 76 + b"\r\n") * 50 + b".\r\n",  # just under it
]


@pytest.mark.parametrize("wire", EDGES, ids=range(len(EDGES)))
def test_the_sink_receives_each_edge_case_exactly_as_aiosmtpd_does(wire: bytes):
    with both_servers() as ((ours, our_port), (theirs, their_port)):
        assert _raw_data(our_port, wire) == _raw_data(their_port, wire)
    assert [mail.data for mail in ours.received] == [mail.data for mail in theirs.received]


def test_the_sink_receives_random_dotted_messages_exactly_as_aiosmtpd_does():
    rng = random.Random(7)
    messages = [_random_message(rng) for _ in range(40)]
    with both_servers() as ((ours, our_port), (theirs, their_port)):
        for wire in messages:
            assert _raw_data(our_port, wire) == _raw_data(their_port, wire)
    assert len(theirs.received) > 10  # most fit the limit
    assert [mail.data for mail in ours.received] == [mail.data for mail in theirs.received]


def _message(to: str) -> Any:
    headers = {"From": "dondoc <dondoc@tu.example>", "To": to, "Message-ID": f"<{to}@tu.example>"}
    return assemble("Nhắc việc: đến hạn", headers, "Nội dung.\n.một dòng bắt đầu bằng dấu chấm\n", "<p>x</p>")


class Refusing(Mailbox):
    """Refuses some recipients; `keep` also keeps a refused one, so that DATA is still taken."""

    def __init__(self, codes: dict[str, str], *, keep: bool = False, pipelining: bool = True) -> None:
        super().__init__(pipelining=pipelining)
        self.codes, self.keep = codes, keep

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address not in self.codes or self.keep:
            envelope.rcpt_tos.append(address)
        return self.codes.get(address, "250 OK")


@pytest.mark.parametrize(
    ("pipelining", "keep"),
    [(True, False), (False, False), (True, True)],
    ids=["pipelined", "lockstep", "data-taken"],
)
def test_refusals_are_sorted_and_the_connection_serves_the_next_message(pipelining: bool, keep: bool):
    codes = {"gone@dv.example": "550 5.1.1 No such mailbox", "full@dv.example": "452 4.2.2 Mailbox full"}
    mailbox = Refusing(codes, keep=keep, pipelining=pipelining)
    controller = start_sink(mailbox, port=free_port())
    transport = SmtpTransport("127.0.0.1", controller.port)
    outcomes = []
    try:
        for to in ("a@dv.example", "gone@dv.example", "b@dv.example", "full@dv.example", "c@dv.example"):
            try:
                transport.send(_message(to))
                outcomes.append((to, "sent"))
            except MailError as error:
                assert not error.connection
                outcomes.append((to, "permanent" if error.permanent else "transient"))
    finally:
        transport.close()
        controller.stop()
    assert outcomes == [
        ("a@dv.example", "sent"),
        ("gone@dv.example", "permanent"),
        ("b@dv.example", "sent"),
        ("full@dv.example", "transient"),
        ("c@dv.example", "sent"),
    ]
    assert len(mailbox.received) == 3 + (2 if keep else 0)  # `keep`: the refused ones end empty
    delivered = [mail for mail in mailbox.received if mail.data]
    assert [mail.recipients for mail in delivered] == [
        ("a@dv.example",),
        ("b@dv.example",),
        ("c@dv.example",),
    ]
    text = delivered[0].message.get_body(("plain",)).get_content()
    assert (
        ".một dòng bắt đầu bằng dấu chấm" in text and delivered[0].message["Subject"] == "Nhắc việc: đến hạn"
    )


def test_an_address_smtp_cannot_carry_fails_for_good_and_the_next_message_still_goes():
    mailbox = Mailbox(pipelining=False)  # lockstep: MAIL is accepted before RCPT cannot be written
    controller = start_sink(mailbox, port=free_port())
    transport = SmtpTransport("127.0.0.1", controller.port)
    try:
        with pytest.raises(MailError) as refused:
            transport.send(_message("đơnvị@dv.example"))
        transport.send(_message("a@dv.example"))
    finally:
        transport.close()
        controller.stop()
    assert refused.value.permanent and not refused.value.connection
    assert [mail.recipients for mail in mailbox.received] == [("a@dv.example",)]
