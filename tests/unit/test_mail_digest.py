"""Digests and their rendering: reading order, escaping, both parts, UTF-8 subjects, overrides."""

from __future__ import annotations

from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from models.plan import Role
from notifications.decide import decide
from notifications.digest import digest_of, item_of, reading_order
from notifications.policy import parse_policy
from notifications.render import MailTemplateError, Outgoing, Renderer, make_environment, wire_bytes
from tests.notify_support import LEAD, moment, registry, subject

AS_OF = date(2026, 11, 30)
NASTY = "<script>alert('x')</script> Tom & Jerry \"quoted\""


EVERYONE = parse_policy(
    "levels:\n  - {name: truoc, kind: reminder, offset: -5, to: [lead, participants]}\n"
    "  - {name: qua-han, kind: overdue, offset: 1, to: [lead, participants]}\n",
    "p.yaml",
)


def items(*subjects):
    decision = decide(EVERYONE, list(subjects), registry(), set(), AS_OF)
    return [
        item_of(n, feed_url="https://lich.example/calendars/abc.ics", plan_url="http://ui.example/runs/1")
        for n in decision.notices
    ]


def render(digest, templates: Path | None = None) -> EmailMessage:
    renderer = Renderer(
        make_environment(templates), sender="dondoc <dondoc@tu.example>", as_of=AS_OF, now=moment(AS_OF)
    )
    sent = renderer.render(digest, feed_url="https://lich.example/calendars/own.ics")
    parsed = message_from_bytes(sent.as_bytes(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_a_digest_lists_overdue_items_first_then_due_soon_and_lead_before_participant():
    found = items(
        subject(
            date(2026, 12, 2), AS_OF, assignment_id=1, role=Role.participant, unit=LEAD, task="soon helper"
        ),
        subject(date(2026, 12, 2), AS_OF, assignment_id=2, task="soon lead"),
        subject(
            date(2026, 11, 20), AS_OF, assignment_id=3, role=Role.participant, unit=LEAD, task="late helper"
        ),
        subject(date(2026, 11, 23), AS_OF, assignment_id=4, task="late lead"),
    )
    mine = [item for item in found if "vanphong" in item.dedup_key]
    assert [item.task for item in reading_order(mine)] == [
        "late lead",
        "late helper",
        "soon lead",
        "soon helper",
    ]


def test_the_message_id_depends_only_on_what_the_digest_carries():
    found = items(subject(date(2026, 11, 23), AS_OF))
    one = digest_of("vanphong@tu.example", LEAD, found, "tu.example")
    again = digest_of("vanphong@tu.example", LEAD, list(reversed(found)), "tu.example")
    assert one.message_id == again.message_id and one.message_id.endswith("@tu.example>")


def test_every_value_is_escaped_in_html_and_kept_as_written_in_plain_text():
    found = items(subject(date(2026, 11, 23), AS_OF, task=NASTY))
    message = render(digest_of("vanphong@tu.example", LEAD, found, "tu.example"))
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "Tom &amp; Jerry &#34;quoted&#34;" in html
    assert NASTY in text


def test_the_mail_has_both_parts_a_vietnamese_subject_and_names_everything_a_reader_needs():
    # Written "trước ngày 22/11/2026": due Saturday 21/11, in force Monday 23/11.
    found = items(subject(date(2026, 11, 21), AS_OF), subject(date(2026, 12, 2), AS_OF, assignment_id=2))
    message = render(digest_of("vanphong@tu.example", LEAD, found, "tu.example"))
    assert message.get_content_type() == "multipart/alternative"
    assert (
        message["Subject"]
        == "[Đôn đốc] 1 nhiệm vụ quá hạn, 1 nhiệm vụ sắp đến hạn – Kế hoạch 10-KH/TU – " + LEAD
    )
    assert message["Auto-Submitted"] == "auto-generated" and message["Message-ID"]
    text = message.get_body(("plain",)).get_content()
    for expected in (
        "Kế hoạch, số 10-KH/TU",
        "Tổ chức hội nghị sơ kết",
        "Thời hạn theo văn bản: trước ngày 22/11/2026 (21/11/2026)",
        "Hạn thực hiện (đã tính ngày nghỉ, lễ, Tết): 23/11/2026",
        "Đã quá hạn: 7 ngày",
        "http://ui.example/runs/1",
        "https://lich.example/calendars/abc.ics",
        "https://lich.example/calendars/own.ics",
    ):
        assert expected in text
    html = message.get_body(("html",)).get_content()
    assert "23/11/2026" in html and 'href="https://lich.example/calendars/abc.ics"' in html
    assert text.index("NHIỆM VỤ QUÁ HẠN") < text.index("NHIỆM VỤ SẮP ĐẾN HẠN")


def test_a_long_vietnamese_subject_survives_folding_with_its_spaces():
    found = items(*(subject(date(2026, 11, 23), AS_OF, assignment_id=n) for n in range(1, 4)))
    digest = digest_of("vanphong@tu.example", LEAD + " và các đơn vị phối hợp thực hiện nhiệm vụ", found, "x")
    assert "Văn phòng Thành ủy và các đơn vị phối hợp thực hiện nhiệm vụ" in render(digest)["Subject"]


def test_templates_in_a_folder_override_the_packaged_ones(tmp_path: Path):
    (tmp_path / "subject.txt.j2").write_text(
        "Việc của {{ unit }}: {{ digest.items|length }}", encoding="utf-8"
    )
    found = items(subject(date(2026, 11, 23), AS_OF))
    message = render(digest_of("vanphong@tu.example", LEAD, found, "x"), templates=tmp_path)
    assert message["Subject"] == f"Việc của {LEAD}: 1"
    assert "NHIỆM VỤ QUÁ HẠN" in message.get_body(("plain",)).get_content()  # the rest stays packaged


def test_a_broken_override_is_reported_with_its_file_and_line(tmp_path: Path):
    (tmp_path / "digest.html.j2").write_text("<p>\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(MailTemplateError, match=r"digest\.html\.j2:2"):
        Renderer(make_environment(tmp_path), sender="a@b", as_of=AS_OF, now=moment(AS_OF))


def test_the_message_carries_a_bare_envelope_and_wire_bytes_that_read_back_the_same():
    found = items(*(subject(date(2026, 11, 23), AS_OF, assignment_id=n, task=NASTY) for n in range(1, 4)))
    digest = digest_of("vanphong@tu.example", LEAD + " và các đơn vị phối hợp thực hiện", found, "tu.example")
    renderer = Renderer(
        make_environment(), sender="Hệ thống đôn đốc <dondoc@tu.example>", as_of=AS_OF, now=moment(AS_OF)
    )
    sent = renderer.render(digest, feed_url="https://lich.example/calendars/own.ics")
    assert isinstance(sent, Outgoing) and wire_bytes(sent) is sent.wire
    assert (sent.envelope_sender, sent.envelope_recipients) == ("dondoc@tu.example", ("vanphong@tu.example",))
    lines = sent.wire.split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    headers = lines[: lines.index(b"")]
    assert all(len(line) <= 78 for line in headers if not line.startswith((b"X-Dondoc-Keys", b" 1|", b" 2|")))
    wired, built = message_from_bytes(sent.wire, policy=policy.default), render(digest)
    assert isinstance(wired, EmailMessage)
    for name in ("Subject", "To", "Message-ID", "X-Dondoc-Keys", "Auto-Submitted"):
        assert str(wired[name]) == str(built[name])
    assert wired["From"].addresses[0].display_name == "Hệ thống đôn đốc"
    for kind in ("plain", "html"):
        assert wired.get_body((kind,)).get_content() == built.get_body((kind,)).get_content()
