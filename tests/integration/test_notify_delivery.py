"""Delivery when rendering fails midway: the next message is rendered while the server still holds
the last one, so that last one must be settled (marked sent) before the rest is given back."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from notifications import outbox
from notifications.render import MailTemplateError
from notifications.service import run_notifications
from notifications.tables import OutboxState
from notifications.transport import MemoryTransport
from tests.notify_support import fill_store, mail_settings, moment, store_plan, store_units

AS_OF = date(2026, 11, 23)
BROKEN = "donvi004@dv.example"


def _keys(transport: MemoryTransport) -> Counter[str]:
    return Counter(key for message in transport.sent for key in str(message["X-Dondoc-Keys"]).split())


def test_a_template_error_midway_keeps_what_went_out_and_the_rerun_sends_the_rest_once(
    engine: Engine, tmp_path: Path
):
    fill_store(engine, store_plan(8, AS_OF), store_units(8), now=moment(AS_OF, 6))
    templates = tmp_path / "templates"
    templates.mkdir()
    # Renders for everyone but one address, where StrictUndefined stops the sweep.
    broken = f"{{% if recipient == '{BROKEN}' %}}{{{{ no_such_value }}}}{{% endif %}}"
    (templates / "digest.txt.j2").write_text(broken + "Kính gửi {{ recipient }}\n", encoding="utf-8")
    settings = mail_settings(tmp_path, engine, 1, mail_templates_dir=templates)
    first = MemoryTransport()
    with pytest.raises(MailTemplateError):
        run_notifications(engine, settings, AS_OF, moment(AS_OF), transport=first)
    rows = outbox.rows(engine, limit=1000)
    sent_to = {str(message["To"]) for message in first.sent}
    assert sent_to and BROKEN not in sent_to and all(to < BROKEN for to in sent_to)  # claim order
    assert {row.recipient for row in rows if row.state == OutboxState.sent.value} == sent_to
    assert all(row.lease_token is None for row in rows)  # nothing held: the rest can go at once

    (templates / "digest.txt.j2").unlink()
    second = MemoryTransport()
    rerun = run_notifications(engine, settings, AS_OF, moment(AS_OF) + timedelta(minutes=1), transport=second)
    assert rerun.delivery.failures == [] and rerun.queued == 0
    counts = _keys(first) + _keys(second)
    assert set(counts) == {row.dedup_key for row in rows} and max(counts.values()) == 1
    assert {row.state for row in outbox.rows(engine, limit=1000)} == {OutboxState.sent.value}
