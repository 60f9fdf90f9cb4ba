"""Notifications against a real SMTP server on 127.0.0.1 and a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from notifications import outbox
from notifications.artifact import outbox_markdown, publish_outbox_artifact
from notifications.service import run_notifications
from notifications.sink import Mailbox
from notifications.tables import OutboxRow, OutboxState
from services.status import report_done
from store.database import transaction
from store.plans import save_plan
from tests.notify_support import (
    delivered_keys,
    fill_store,
    mail_settings,
    moment,
    running_sink,
    store_plan,
    store_units,
)

AS_OF = date(2026, 11, 23)  # a Monday; the next day is a public holiday
NASTY = "<script>alert('x')</script> Tom & Jerry"


def _nasty_title(n: int) -> str:
    return NASTY if n == 4 else f"Nhiệm vụ số {n}"


@pytest.fixture
def store(engine: Engine) -> Engine:
    fill_store(engine, store_plan(12, AS_OF, title=_nasty_title), store_units(12), now=moment(AS_OF, 6))
    return engine


def _states(engine: Engine) -> dict[str, int]:
    with transaction(engine) as session:
        return dict(session.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all())


def test_digests_reach_a_real_smtp_server_once_per_recipient_escaped_in_both_parts(
    store: Engine, tmp_path: Path
):
    mailbox = Mailbox()
    with running_sink(mailbox) as port:
        settings = mail_settings(tmp_path, store, port)
        result = run_notifications(store, settings, AS_OF, moment(AS_OF))
        again = run_notifications(store, settings, AS_OF, moment(AS_OF, 9))
    assert result.decided == result.queued == result.delivery.notifications > 0
    assert again.decided == again.queued == again.delivery.claimed == 0
    assert result.delivery.messages == len(mailbox.received)
    recipients = [mail.recipients for mail in mailbox.received]
    assert all(len(r) == 1 for r in recipients) and len(set(recipients)) == len(recipients)  # one digest each
    pairs = delivered_keys(mailbox.received)
    assert all(key.endswith("|" + to) for to, key in pairs)
    assert len(pairs) == len(set(pairs)) == result.decided
    assert _states(store) == {OutboxState.sent.value: result.decided}
    for mail in mailbox.received:
        message = mail.message
        assert message["To"] == mail.recipients[0] and message["From"] == "dondoc <dondoc@tu.example>"
        assert str(message["Subject"]).startswith("[Đôn đốc] ")
        assert message.get_body(("plain",)) is not None and message.get_body(("html",)) is not None
    nasty = [mail.message for mail in mailbox.received if "donvi004@" in mail.recipients[0]]
    html = nasty[0].get_body(("html",)).get_content()
    text = nasty[0].get_body(("plain",)).get_content()
    assert (
        "<script>" not in html and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Tom &amp; Jerry" in html
    )
    assert NASTY in text and "Kế hoạch thực hiện Chuyên đề năm 2026, số 45-KH/TU" in text
    assert (
        "https://lich.example/calendars/" in text
        and "http://prefect.example/artifacts/key/plan-45-kh-tu-2026-btv-summary" in text
    )


def test_an_escalation_reaches_the_issuer_in_one_digest_listing_every_late_lead(
    store: Engine, tmp_path: Path
):
    mailbox = Mailbox()
    with running_sink(mailbox) as port:
        run_notifications(store, mail_settings(tmp_path, store, port), AS_OF, moment(AS_OF))
    to_issuer = [mail.message for mail in mailbox.received if mail.recipients == ("thuongtruc@tu.example",)]
    assert len(to_issuer) == 1
    keys = str(to_issuer[0]["X-Dondoc-Keys"]).split()
    assert len(keys) > 1 and {key.split("|")[1] for key in keys} >= {"leo-thang-1", "leo-thang-2"}
    # Feed links are secret: the issuer's digest carries only its own, not those of the late units.
    text = to_issuer[0].get_body(("plain",)).get_content()
    assert len(set(re.findall(r"https://lich\.example/calendars/\S*", text))) == 1


class Refusing(Mailbox):
    def __init__(self, codes: dict[str, str]) -> None:
        super().__init__()
        self.codes = codes

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.codes:
            return self.codes[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_permanent_refusals_are_kept_as_failed_and_transient_ones_retry_later(
    store: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    codes = {"donvi001@dv.example": "550 5.1.1 No such mailbox", "donvi002@dv.example": "451 4.3.0 Try later"}
    refusing = Refusing(codes)
    with running_sink(refusing) as port:
        settings = mail_settings(tmp_path, store, port)
        first = run_notifications(store, settings, AS_OF, moment(AS_OF))
        assert {(f.recipient, f.permanent) for f in first.delivery.failures} == {
            ("donvi001@dv.example", True),
            ("donvi002@dv.example", False),
        }
        too_soon = run_notifications(store, settings, AS_OF, moment(AS_OF) + timedelta(minutes=1))
        assert too_soon.delivery.claimed == 0  # the retry waits for its backoff
        refusing.codes = {}
        later = run_notifications(store, settings, AS_OF, moment(AS_OF) + timedelta(hours=1))
    assert later.delivery.messages == 1 and later.delivery.failures == []
    failed = outbox.rows(store, state=OutboxState.failed)
    assert {row.recipient for row in failed} == {"donvi001@dv.example"}
    assert all("550" in (row.last_error or "") and row.attempts == 1 for row in failed)
    retried = [row for row in outbox.rows(store) if row.recipient == "donvi002@dv.example"]
    assert {(row.state, row.attempts) for row in retried} == {(OutboxState.sent.value, 2)}

    from cli.app import _register, app

    monkeypatch.setenv("DONDOC_DATABASE_URL", settings.database)
    monkeypatch.setenv("DONDOC_DATA_DIR", str(settings.data_dir))
    _register()
    shown = CliRunner().invoke(app, ["outbox", "--status", "failed"], env={"COLUMNS": "250"})
    assert shown.exit_code == 0, shown.output
    assert "donvi001@dv.example" in shown.output and "550" in shown.output
    assert "donvi002@dv.example" not in shown.output
    markdown = outbox_markdown(store)
    assert "donvi001@dv.example" in markdown and "550 5.1.1 No such mailbox" in markdown
    assert publish_outbox_artifact(store) is False  # outside a Prefect run nothing is published


def test_transient_failures_give_up_into_failed_after_the_last_attempt(store: Engine, tmp_path: Path):
    refusing = Refusing({"donvi003@dv.example": "452 4.2.2 Mailbox full"})
    with running_sink(refusing) as port:
        settings = mail_settings(tmp_path, store, port, mail_max_attempts=3)
        for hour in range(0, 30, 6):
            run_notifications(store, settings, AS_OF, moment(AS_OF) + timedelta(hours=hour))
    rows = [row for row in outbox.rows(store) if row.recipient == "donvi003@dv.example"]
    assert rows and all(row.state == OutboxState.failed.value and row.attempts == 3 for row in rows)
    assert all("gave up after 3 attempts" in (row.last_error or "") for row in rows)


def test_a_dry_run_writes_eml_files_and_leaves_the_store_alone(store: Engine, tmp_path: Path):
    settings = mail_settings(tmp_path, store, 1)  # no server: nothing may be sent
    result = run_notifications(store, settings, AS_OF, moment(AS_OF), dry_run=True)
    assert result.dry_run_files and all(path.suffix == ".eml" for path in result.dry_run_files)
    assert result.dry_run_files[0].parent == settings.mail_dir / "dry-run" / "2026-11-23"
    assert _states(store) == {}
    assert b"Content-Type: text/html" in result.dry_run_files[0].read_bytes()


def test_nothing_is_decided_or_sent_on_a_public_holiday(store: Engine, tmp_path: Path):
    mailbox = Mailbox()
    with running_sink(mailbox) as port:
        settings = mail_settings(tmp_path, store, port)
        held = run_notifications(store, settings, date(2026, 11, 24), moment(date(2026, 11, 24)))
    assert held.held == "Ngày Văn hóa Việt Nam" and mailbox.received == [] and _states(store) == {}


def test_an_extension_in_the_store_restarts_the_ladder_and_keeps_the_old_rows(store: Engine, tmp_path: Path):
    mailbox = Mailbox()
    with running_sink(mailbox) as port:
        settings = mail_settings(tmp_path, store, port)
        run_notifications(store, settings, AS_OF, moment(AS_OF))
        # gia hạn: task 4 (overdue since the 16th) moves to 27/11, so its -1 reminder is due on 26/11.
        plan = store_plan(12, AS_OF, title=_nasty_title)
        extended = plan.model_copy(
            update={
                "assignments": tuple(
                    a.model_copy(
                        update={"deadline": a.deadline.moved_to("gia hạn đến 27/11/2026", date(2026, 11, 27))}
                    )
                    if a.task == "II.4-1" and a.deadline
                    else a
                    for a in plan.assignments
                )
            }
        )
        with transaction(store) as session:
            save_plan(
                session, extended, plan_file="", content_hash="v2", source="test", now=moment(AS_OF, 10)
            )
        before = len(mailbox.received)
        run_notifications(store, settings, date(2026, 11, 26), moment(date(2026, 11, 26)))
    new = delivered_keys(mailbox.received[before:])
    about_task_4 = sorted({key.split("|", 1)[1] for _, key in new if "donvi004@" in key})
    assert about_task_4 == ["nhac-truoc-1|v2|2026-11-27|donvi004@dv.example"]
    old = [
        row
        for row in outbox.rows(store)
        if row.recipient == "donvi004@dv.example" and row.deadline_version == 1
    ]
    assert old and all(row.state == OutboxState.sent.value for row in old)


def test_a_report_stops_the_ladder_in_the_store(store: Engine, tmp_path: Path):
    mailbox = Mailbox()
    with running_sink(mailbox) as port:
        settings = mail_settings(tmp_path, store, port)
        run_notifications(store, settings, AS_OF, moment(AS_OF))
        lead_rows = [row for row in outbox.rows(store) if row.recipient == "donvi005@dv.example"]
        assignment = str(lead_rows[0].assignment_id)
        report_done(store, assignment, reported_on=date(2026, 11, 25), note="đã xong", now=moment(AS_OF, 12))
        before = len(mailbox.received)
        later = run_notifications(store, settings, date(2026, 11, 30), moment(date(2026, 11, 30)))
    assert later.delivery.messages > 0
    counts = Counter(key.split("|")[0] for _, key in delivered_keys(mailbox.received[before:]))
    assert counts[assignment] == 0


def test_dondoc_notify_dry_run_and_the_mail_sink_work_from_the_command_line(
    store: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import smtplib
    import subprocess
    import sys

    from cli.app import _register, app
    from tests.notify_support import ROOT, free_port

    settings = mail_settings(tmp_path, store, 1)
    monkeypatch.setenv("DONDOC_DATABASE_URL", settings.database)
    monkeypatch.setenv("DONDOC_DATA_DIR", str(settings.data_dir))
    _register()
    shown = CliRunner().invoke(app, ["notify", "--as-of", "2026-11-23", "--dry-run"], env={"COLUMNS": "250"})
    assert shown.exit_code == 0, shown.output
    assert "email(s) written to" in shown.output and list((settings.mail_dir / "dry-run").rglob("*.eml"))
    checked = CliRunner().invoke(app, ["policy", "check"])
    assert checked.exit_code == 0 and "valid" in checked.output

    port, folder = free_port(), tmp_path / "sink"
    command = [sys.executable, "-m", "cli.app", "mail", "sink", "--port", str(port), "--dir", str(folder)]
    sink = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert sink.stdout is not None and "SMTP sink on" in sink.stdout.readline()
        with smtplib.SMTP("127.0.0.1", port) as client:
            client.sendmail(
                "a@b.example",
                ["c@d.example"],
                "Subject: =?utf-8?q?th=E1=BB=AD?=\r\n\r\nxin chào\r\n".encode(),
            )
    finally:
        sink.terminate()
        sink.wait(timeout=10)
    stored = list(folder.glob("*.eml"))
    assert len(stored) == 1 and b"xin ch" in stored[0].read_bytes()


def test_mail_queued_before_a_report_arrived_is_withdrawn_not_sent(store: Engine, tmp_path: Path):
    down = mail_settings(tmp_path, store, 1)  # nothing listens: every digest waits for a retry
    first = run_notifications(store, down, AS_OF, moment(AS_OF))
    assert first.queued > 0 and first.delivery.messages == 0 and first.delivery.retrying > 0
    waiting = [row for row in outbox.rows(store) if row.recipient == "donvi006@dv.example"]
    reported = str(waiting[0].assignment_id)
    report_done(store, reported, reported_on=AS_OF, note="đã báo cáo", now=moment(AS_OF, 9))
    mailbox = Mailbox()
    with running_sink(mailbox) as port:
        later = run_notifications(store, mail_settings(tmp_path, store, port), AS_OF, moment(AS_OF, 12))
    assert later.withdrawn >= 1 and later.delivery.failures == []
    sent = {key for _, key in delivered_keys(mailbox.received)}
    assert not any(key.startswith(reported + "|") for key in sent)
    withdrawn = outbox.rows(store, state=OutboxState.withdrawn)
    assert {str(row.assignment_id) for row in withdrawn} == {reported}
    assert all("Hoàn thành" in (row.last_error or "") for row in withdrawn)
