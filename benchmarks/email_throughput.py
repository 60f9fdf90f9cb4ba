"""Emails per second: rendered, and delivered to a local aiosmtpd server through the outbox.

    .venv/bin/python -m benchmarks.email_throughput [--units 1000] [--url URL] [--sink process|thread]

Builds a store with N units (each leads one task and helps with another, deadlines on every rung of
the default ladder), then times, on the same data: deciding and queueing; rendering every digest
(Jinja2, both parts); and delivering the queue (claim, render, one SMTP connection, one commit per
message) to an SMTP sink on 127.0.0.1 — by default `dondoc mail sink` in its own process writing
.eml files, as `make run` does. Target: ≥ 200 emails/s delivered.

Wall-clock rates depend on what else the machine runs, so CPU time per email is printed too, for
the sender (this process) and the sink (its process, start-up excluded), with the load average:
sender and sink work at once (the next message is rendered while the sink takes in the last), so
with a free core each the rate is bounded by the slower of the two.
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
from notifications.sender import Delivery, RetryPolicy, deliver  # noqa: E402
from notifications.service import smtp_transport  # noqa: E402
from notifications.sink import Mailbox, start_sink  # noqa: E402
from notifications.subjects import load_subjects  # noqa: E402
from services.settings import Settings  # noqa: E402
from store.database import make_engine, migrate, transaction  # noqa: E402
from store.units import load_registry  # noqa: E402
from tests.notify_support import fill_store, moment, store_plan, store_units  # noqa: E402

AS_OF = date(2026, 11, 23)
TARGET = 200


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
    deadline = time.monotonic() + 120  # importing the CLI on a loaded machine takes a while
    while time.monotonic() < deadline:  # until it listens (a benchmark may wait; tests never do)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"the SMTP sink did not start on port {port}")


def _stop(sink: Any) -> None:
    if not isinstance(sink, subprocess.Popen):
        sink.stop()
        return
    sink.terminate()
    try:
        sink.wait(timeout=60)  # a loaded machine may take a while
    except subprocess.TimeoutExpired:
        sink.kill()
        sink.wait()


def _process_cpu(process: Any) -> float | None:
    """CPU seconds a child process has used so far (Linux /proc), or None where unknown."""
    if not isinstance(process, subprocess.Popen):
        return None
    try:
        fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


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
    print(f"store:    {engine.url.get_backend_name()}, {len(subjects)} assignments in the window")
    print(f"decide:   {len(entries)} notifications in {decided - started:.3f} s")
    print(
        f"queue:    {queued} rows in {enqueued - decided:.3f} s ({queued / (enqueued - decided):,.0f} rows/s)"
    )

    renderer = Renderer(make_environment(), sender=settings.mail_from, as_of=AS_OF, now=now)
    by_recipient: dict[str, list[Item]] = {}
    for notice, item in entries:
        by_recipient.setdefault(notice.recipient.address, []).append(item)
    digests = [digest_of(to, None, items, "bench.example") for to, items in by_recipient.items()]
    render_start, render_cpu = time.perf_counter(), time.process_time()
    size = sum(len(wire_bytes(renderer.render(digest))) for digest in digests)
    rendered, render_cpu = time.perf_counter(), time.process_time() - render_cpu
    print(
        f"render:   {len(digests)} emails in {rendered - render_start:.3f} s "
        f"({len(digests) / (rendered - render_start):,.0f} emails/s, "
        f"{render_cpu / len(digests) * 1000:.2f} ms CPU and {size / len(digests) / 1024:.1f} KB each)"
    )
    _deliver(engine, settings, renderer, sink_kind, port, mail, started + (rendered - render_start))


def _deliver(
    engine: Engine,
    settings: Settings,
    renderer: Renderer,
    sink_kind: str,
    port: int,
    mail: Path,
    started: float,
) -> None:
    sink = _start_sink(sink_kind, port, mail)
    load_before = os.getloadavg()[0]
    sink_before, children_before = _process_cpu(sink), _children_cpu()
    try:
        send_start, cpu_start = time.perf_counter(), time.process_time()
        result = deliver(
            engine,
            smtp_transport(settings),
            renderer.render,
            now=moment(AS_OF),
            domain=sender_domain(settings.mail_from),
            retry=RetryPolicy(lease=timedelta(minutes=15)),
        )
        sent, cpu_sent = time.perf_counter(), time.process_time()
        sink_after = _process_cpu(sink)
    finally:
        _stop(sink)
    if sink_before is not None and sink_after is not None:
        sink_cpu: float | None = sink_after - sink_before
    elif isinstance(sink, subprocess.Popen):  # no /proc: the sink's whole life, start-up included
        sink_cpu = _children_cpu() - children_before
    else:
        sink_cpu = None  # a thread of this process: counted with the sender
    stored = len(list(mail.glob("*.eml")))
    _report(result, sent - send_start, cpu_sent - cpu_start, sink_cpu, sink_kind, stored, load_before)
    print(
        f"overall:  {result.messages / (sent - started):,.0f} emails/s from decision to delivery "
        f"(the render-only pass above not counted)"
    )


def _report(
    result: Delivery,
    wall: float,
    sender_cpu: float,
    sink_cpu: float | None,
    sink_kind: str,
    stored: int,
    load_before: float,
) -> None:
    rate = result.messages / wall
    verdict = "met" if rate >= TARGET else "missed"
    print(
        f"deliver:  {result.messages} emails ({result.notifications} notifications) in {wall:.3f} s "
        f"= {rate:,.0f} emails/s to the {sink_kind} sink, target ≥ {TARGET}/s {verdict} "
        f"({stored} stored, failures: {len(result.failures)})"
    )
    sender_ms = sender_cpu / result.messages * 1000
    if sink_cpu is None:
        print(f"cpu:      {sender_ms:.2f} ms/email, sender and sink together (one process)")
    else:
        sink_ms = sink_cpu / result.messages * 1000
        print(
            f"cpu:      sender {sender_ms:.2f} ms/email, sink {sink_ms:.2f} ms/email → with a free core "
            f"each about {1000 / max(sender_ms, sink_ms):,.0f} emails/s (both at once), at worst "
            f"{1000 / (sender_ms + sink_ms):,.0f} emails/s (one after the other)"
        )
    print(
        f"load:     {load_before:.1f} before delivery, {os.getloadavg()[0]:.1f} after "
        f"(1-minute load average, {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
