"""Emails per second: rendered, and delivered to a local aiosmtpd server through the outbox.

    .venv/bin/python -m benchmarks.email_throughput [--units 1000] [--url URL] [--sink process|thread]

Builds a store with N units (each leads one task and helps with another, deadlines on every rung of
the default ladder), then times, on the same data: deciding and queueing; rendering every digest
(Jinja2, both parts); and delivering the queue (claim, render, one SMTP connection, one commit per
message) to an SMTP sink on 127.0.0.1 — by default `dondoc mail sink` in its own process writing
.eml files, as `make run` does. Target: ≥ 200 emails/s delivered.
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from notifications import outbox  # noqa: E402
from notifications.decide import decide  # noqa: E402
from notifications.digest import Item, digest_of, item_of  # noqa: E402
from notifications.links import Links  # noqa: E402
from notifications.policy import load_policy  # noqa: E402
from notifications.render import Renderer, make_environment, sender_domain, wire_bytes  # noqa: E402
from notifications.sender import RetryPolicy, deliver  # noqa: E402
from notifications.service import smtp_transport  # noqa: E402
from notifications.sink import Mailbox, start_sink  # noqa: E402
from notifications.subjects import load_subjects  # noqa: E402
from services.settings import Settings  # noqa: E402
from store.database import make_engine, migrate, transaction  # noqa: E402
from store.units import load_registry  # noqa: E402
from tests.notify_support import fill_store, moment, store_plan, store_units  # noqa: E402

AS_OF = date(2026, 11, 23)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_sink(kind: str, port: int, folder: Path) -> Any:
    """`dondoc mail sink` in its own process (writing .eml files), or aiosmtpd in a thread here."""
    if kind == "thread":
        return start_sink(Mailbox(folder), port=port)
    command = [sys.executable, "-m", "cli.app", "mail", "sink", "--port", str(port), "--dir", str(folder)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # until it listens (a benchmark may wait; tests never do)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"the SMTP sink did not start on port {port}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument(
        "--url", help="SQLAlchemy URL of an empty database (default: a temporary SQLite file)"
    )
    parser.add_argument("--sink", choices=("process", "thread"), default="process")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        url = args.url or f"sqlite:///{folder / 'bench.sqlite3'}"
        engine = make_engine(url)
        migrate(engine)
        fill_store(engine, store_plan(args.units, AS_OF), store_units(args.units), now=moment(AS_OF, 6))
        port = _free_port()
        settings = Settings(
            _env_file=None,
            database_url=url,
            data_dir=folder,
            smtp_port=port,
            mail_from="dondoc <dondoc@bench.example>",
        )
        _run(engine, settings, args.sink, port, folder / "mail")


def _run(engine: Engine, settings: Settings, sink_kind: str, port: int, mail: Path) -> None:
    policy = load_policy()
    links = Links(settings=settings)
    now = moment(AS_OF)
    started = time.perf_counter()
    with transaction(engine) as session:
        registry = load_registry(session)
        subjects = load_subjects(session, policy, as_of=AS_OF, horizon=5)
    decision = decide(policy, subjects, registry, set(), AS_OF)
    entries = [
        (n, item_of(n, feed_url=links.feed(n.subject.unit), plan_url=links.plan(n.subject.plan_key)))
        for n in decision.notices
    ]
    decided = time.perf_counter()
    queued = outbox.enqueue(engine, entries, as_of=AS_OF, now=now)
    enqueued = time.perf_counter()

    renderer = Renderer(make_environment(), sender=settings.mail_from, as_of=AS_OF, now=now)
    by_recipient: dict[str, list[Item]] = {}
    for notice, item in entries:
        by_recipient.setdefault(notice.recipient.address, []).append(item)
    digests = [digest_of(to, None, items, "bench.example") for to, items in by_recipient.items()]
    render_start = time.perf_counter()
    size = sum(len(wire_bytes(renderer.render(digest))) for digest in digests)
    rendered = time.perf_counter()

    sink = _start_sink(sink_kind, port, mail)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        send_start, cpu_start = time.perf_counter(), time.process_time()
        result = deliver(
            engine,
            smtp_transport(settings),
            renderer.render,
            now=now,
            domain=sender_domain(settings.mail_from),
            retry=RetryPolicy(lease=timedelta(minutes=15)),
        )
        sent, cpu_sent = time.perf_counter(), time.process_time()
    finally:
        if isinstance(sink, subprocess.Popen):
            sink.terminate()
            sink.wait(timeout=10)
        else:
            sink.stop()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    sink_cpu = (children.ru_utime + children.ru_stime) - (children_before.ru_utime + children_before.ru_stime)
    stored = len(list(mail.glob("*.eml")))
    print(f"store: {engine.url.get_backend_name()}, {len(subjects)} assignments in the window")
    print(f"decide:   {len(entries)} notifications in {decided - started:.3f} s")
    print(
        f"queue:    {queued} rows in {enqueued - decided:.3f} s ({queued / (enqueued - decided):,.0f} rows/s)"
    )
    print(
        f"render:   {len(digests)} emails in {rendered - render_start:.3f} s "
        f"({len(digests) / (rendered - render_start):,.0f} emails/s, "
        f"{size / len(digests) / 1024:.1f} KB each)"
    )
    print(
        f"deliver:  {result.messages} emails ({result.notifications} notifications) "
        f"in {sent - send_start:.3f} s "
        f"= {result.messages / (sent - send_start):,.0f} emails/s to the {sink_kind} sink "
        f"({stored} stored, failures: {len(result.failures)})"
    )
    sender_ms = (cpu_sent - cpu_start) / result.messages * 1000
    sink_ms = sink_cpu / result.messages * 1000  # the process sink's whole life, start-up included
    print(
        f"cpu:      sender {sender_ms:.2f} ms/email"
        + (f", sink {sink_ms:.2f} ms/email" if sink_kind == "process" else " (sink included)")
        + f" → about {1000 / max(sender_ms, sink_ms if sink_kind == 'process' else 0):,.0f} emails/s "
        f"with a free core each; load average now {os.getloadavg()[0]:.1f}"
    )
    print(
        f"overall:  {result.messages / (sent - started - (rendered - render_start)):,.0f} emails/s "
        "from decision to delivery (target ≥ 200/s)"
    )


if __name__ == "__main__":
    main()
