"""Faults while sending, each at several random cut points: the SMTP server stops mid-batch and
comes back; the sending process is SIGKILLed mid-batch and the sweep re-runs; two sweeps run at
once. Every notification due is delivered exactly once, counted by (recipient, dedup key); the
one duplicate a SIGKILL between the server's "250" and the commit can cause is counted too, and
carries the same Message-ID as the first copy.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import threading
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from notifications.decide import decide
from notifications.policy import load_policy
from notifications.service import run_notifications
from notifications.sink import Mailbox, Received, start_sink
from notifications.subjects import load_subjects
from store.database import transaction
from store.units import load_registry
from tests.notify_support import (
    delivered_keys,
    fill_store,
    free_port,
    mail_settings,
    moment,
    running_sink,
    store_plan,
    store_units,
)

AS_OF = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[2]
SEEDS = (3, 17, 29, 41)


def _store(engine: Engine, rng: random.Random) -> None:
    count = rng.randint(10, 24)
    fill_store(engine, store_plan(count, AS_OF), store_units(count), now=moment(AS_OF, 6))


def _expected(engine: Engine) -> set[tuple[str, str]]:
    """What is due as of AS_OF, decided on the same store before anything is sent."""
    policy = load_policy()
    with transaction(engine) as session:
        registry = load_registry(session)
        subjects = load_subjects(session, policy, as_of=AS_OF, horizon=5)
    decision = decide(policy, subjects, registry, set(), AS_OF)
    return {(notice.recipient.address, notice.key.dedup) for notice in decision.notices}


def _messages(expected: set[tuple[str, str]]) -> int:
    return len({recipient for recipient, _ in expected})


def _assert_each_once(received: list[Received], expected: set[tuple[str, str]]) -> Counter[tuple[str, str]]:
    counts = Counter(delivered_keys(received))
    assert set(counts) == expected  # nothing missing, nothing extra
    return counts


class StoppingMailbox(Mailbox):
    """Stops the whole server when the k-th message arrives, after or before keeping it."""

    def __init__(self, stop_at: int, keep_first: bool) -> None:
        super().__init__()
        self.stop_at, self.keep_first, self.seen = stop_at, keep_first, 0
        self.controller: Any = None
        self.stopping = threading.Thread()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.seen += 1
        if self.seen != self.stop_at:
            return await super().handle_DATA(server, session, envelope)
        self.stopping = threading.Thread(target=self.controller.stop)
        self.stopping.start()
        if self.keep_first:
            return await super().handle_DATA(server, session, envelope)
        await asyncio.Event().wait()  # never answers: the stopping server cancels this
        return "421 unreachable"


@pytest.mark.parametrize(("seed", "keep_first"), [(3, True), (17, False), (29, True)])
def test_the_smtp_server_stops_mid_batch_and_comes_back(
    engine: Engine, tmp_path: Path, seed: int, keep_first: bool
):
    """The server goes away right after accepting a message, or in the middle of receiving one."""
    rng = random.Random(seed)
    _store(engine, rng)
    expected = _expected(engine)
    stop_at = rng.randint(1, _messages(expected) - 1)
    port = free_port()
    stopping = StoppingMailbox(stop_at, keep_first)
    stopping.controller = start_sink(stopping, port=port)
    settings = mail_settings(tmp_path, engine, port, smtp_timeout=5.0)
    first = run_notifications(engine, settings, AS_OF, moment(AS_OF))
    stopping.stopping.join()
    assert first.delivery.failures and not first.delivery.failures[0].permanent
    back = Mailbox()
    with running_sink(back, port=port):
        second = run_notifications(engine, settings, AS_OF, moment(AS_OF) + timedelta(hours=2))
    assert second.delivery.failures == []
    counts = _assert_each_once(stopping.received + back.received, expected)
    assert max(counts.values()) == 1, f"seed {seed}: stop at message {stop_at}, kept first: {keep_first}"


def _worker(engine: Engine, port: int, now: str, *extra: str) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "tests.notify_worker",
        "--url",
        engine.url.render_as_string(hide_password=False),
        "--port",
        str(port),
        "--as-of",
        AS_OF.isoformat(),
        "--now",
        now,
        *extra,
    ]
    return subprocess.Popen(
        command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


class KillingMailbox(Mailbox):
    """Kills the sending process while it waits for the k-th message's "250": kept, never confirmed."""

    def __init__(self, kill_at: int) -> None:
        super().__init__()
        self.kill_at, self.seen, self.pid = kill_at, 0, 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.seen += 1
        reply = await super().handle_DATA(server, session, envelope)
        if self.seen == self.kill_at:
            os.kill(self.pid, signal.SIGKILL)
        return reply


@pytest.mark.parametrize("seed", SEEDS)
def test_the_sender_is_killed_mid_batch_and_the_rerun_delivers_the_rest_once(
    engine: Engine, tmp_path: Path, seed: int
):
    rng = random.Random(seed)
    _store(engine, rng)
    expected = _expected(engine)
    messages = _messages(expected)
    cut = rng.choice(["server", "before-mark", "after-mark", "after-claim"])
    at = rng.randint(1, messages - 1)
    mailbox = KillingMailbox(at if cut == "server" else 0)
    with running_sink(mailbox) as port:
        worker = _worker(
            engine, port, moment(AS_OF).isoformat(), *(["--kill", f"{cut}:{at}"] if cut != "server" else [])
        )
        mailbox.pid = worker.pid
        _, errors = worker.communicate(timeout=60)
        assert worker.returncode == -signal.SIGKILL, errors
        killed_after = len(mailbox.received)
        # The next sweep, once the dead one's lease has run out.
        rerun = run_notifications(
            engine, mail_settings(tmp_path, engine, port), AS_OF, moment(AS_OF) + timedelta(hours=1)
        )
    assert rerun.delivery.failures == []
    counts = _assert_each_once(mailbox.received, expected)
    ids = Counter(str(mail.message["Message-ID"]) for mail in mailbox.received)
    duplicated = [message_id for message_id, n in ids.items() if n > 1]
    window = cut in ("server", "before-mark")  # killed between the server's "250" and the commit
    context = f"seed {seed}: cut {cut} at message {at}, {killed_after} delivered before the kill"
    assert len(duplicated) == (1 if window else 0), context
    assert len(mailbox.received) == messages + len(duplicated), context  # total deliveries
    resent = {
        key
        for mail in mailbox.received
        if str(mail.message["Message-ID"]) in duplicated
        for key in str(mail.message["X-Dondoc-Keys"]).split()
    }
    assert sum(counts.values()) == len(expected) + len(resent), context  # total notifications
    assert max(counts.values()) <= 2, context


@pytest.mark.parametrize("seed", SEEDS[1:3])
def test_two_sweeps_at_once_never_send_the_same_notification_twice(engine: Engine, tmp_path: Path, seed: int):
    rng = random.Random(seed)
    _store(engine, rng)
    expected = _expected(engine)
    mailbox = Mailbox()
    with running_sink(mailbox) as port:
        now = moment(AS_OF).isoformat()
        workers = [_worker(engine, port, now, "--wait") for _ in range(2)]
        for worker in workers:
            assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
        for worker in rng.sample(workers, 2):  # release both, in a random order
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        outputs = [worker.communicate(timeout=60) for worker in workers]
    if any(worker.returncode != 0 for worker in workers):
        pytest.fail("a sweep failed:\n" + "\n".join(errors for _, errors in outputs))
    counts = _assert_each_once(mailbox.received, expected)
    assert max(counts.values()) == 1 and len(mailbox.received) == _messages(expected)
