"""`dondoc notify`, `dondoc outbox`, `dondoc policy`, `dondoc mail sink`: reminders and escalation."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cli.options import optional_day
from notifications.policy import DEFAULT_POLICY, load_policy
from notifications.states import OutboxState
from services.context import Context

if TYPE_CHECKING:  # sending (templates, SMTP) loads when `dondoc notify` runs, not for --help
    from notifications.service import NotifyResult

out = Console()
mail_app = typer.Typer(help="Mail tools: a local SMTP sink that keeps every message as a .eml file.")
policy_app = typer.Typer(
    help="The reminder and escalation policy (YAML): check it, or start from the default."
)


def notify(
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Decide as of this day (default: today).")
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Write each email as a .eml file instead of queueing and sending."),
    ] = False,
) -> None:
    """Send the reminders and escalations due today: one digest per recipient, each notification once.

    Uses the policy in DONDOC_NOTIFICATION_POLICY (the packaged default if unset) and the SMTP server
    in DONDOC_SMTP_* (a local sink on 127.0.0.1:8025 by default: `dondoc mail sink`).
    """
    from notifications.service import run_notifications

    context = Context()
    day = optional_day(as_of) or context.today()
    result = run_notifications(context.engine, context.settings, day, context.now(), dry_run=dry_run)
    _print_result(result)
    if result.delivery.failures:
        raise typer.Exit(1)


def _print_result(result: NotifyResult) -> None:
    if result.held:
        out.print(f"{result.as_of}: {escape(result.held)} — nothing is sent; held to the next working day")
        return
    for problem in result.problems:
        out.print(f"[yellow]warning:[/] {escape(problem)}", highlight=False)
    if result.dry_run_files:
        folder = result.dry_run_files[0].parent
        out.print(
            f"{result.as_of}: {result.decided} notification(s) due; {len(result.dry_run_files)} email(s) "
            f"written to {folder} (nothing queued or sent)"
        )
        return
    if not result.dry_run_files and result.decided == 0 and result.delivery.claimed == 0:
        out.print(f"{result.as_of}: nothing due")
        return
    delivery = result.delivery
    out.print(
        f"{result.as_of}: {result.decided} notification(s) due, {result.queued} queued; "
        f"sent {delivery.notifications} in {delivery.messages} email(s); "
        f"{delivery.retrying} to retry, {delivery.failed} failed"
        + (f"; {result.withdrawn} withdrawn (no longer due)" if result.withdrawn else "")
    )
    for failure in delivery.failures:
        kind = "[red]failed[/]" if failure.permanent else "[yellow]will retry[/]"
        out.print(f"  {kind} {escape(failure.recipient)}: {escape(failure.error)}", highlight=False)


def outbox(
    status: Annotated[
        OutboxState | None,
        typer.Option("--status", help="Only rows in this state: queued, sent, failed or withdrawn."),
    ] = None,
    limit: Annotated[int, typer.Option(help="How many rows, newest first.")] = 50,
    requeue_failed: Annotated[
        bool, typer.Option("--requeue-failed", help="Queue failed rows again (after fixing the cause).")
    ] = False,
) -> None:
    """List what was queued, sent or failed, with attempts and the last error."""
    from notifications import outbox as store

    context = Context()
    if requeue_failed:
        out.print(f"{store.requeue_failed(context.engine, now=context.now())} row(s) queued again")
        return
    counts = store.counts(context.engine)
    table = Table(
        "id",
        "state",
        "as of",
        "recipient",
        "level",
        "task",
        "attempts",
        "next / sent",
        "last error",
        title="Outbox · " + ", ".join(f"{state} {count}" for state, count in counts.items()),
    )
    for row in store.rows(context.engine, state=status, limit=limit):
        when = row.sent_at if row.state == OutboxState.sent else row.next_attempt_at
        lease = " (claimed)" if row.lease_token else ""
        table.add_row(
            str(row.id),
            row.state + lease,
            str(row.as_of),
            row.recipient,
            row.level,
            escape(str(row.item.get("task", ""))[:60]),
            str(row.attempts),
            f"{when:%Y-%m-%d %H:%M} UTC" if when else "—",
            escape(row.last_error or ""),
        )
    out.print(table)


def sink(
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8025,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    directory: Annotated[
        Path | None, typer.Option("--dir", help="Folder for the .eml files (default: DATA_DIR/mail).")
    ] = None,
) -> None:
    """Run a local SMTP server that stores every message as a .eml file, until Ctrl-C."""
    from notifications.sink import Mailbox, start_sink

    folder = directory or Context(migrate_schema=False).settings.mail_dir
    controller = start_sink(Mailbox(folder), host=host, port=port)
    out.print(f"SMTP sink on {host}:{port}; mail lands in {folder.resolve()} (Ctrl-C stops)")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


def check(
    file: Annotated[Path | None, typer.Argument(help="Policy YAML (default: the packaged policy).")] = None,
) -> None:
    """Validate a policy file; errors name the line."""
    policy = load_policy(file)
    levels = ", ".join(f"{level.name} ({level.offset:+d})" for level in policy.levels)
    out.print(f"{file or DEFAULT_POLICY}: valid — levels {levels}", highlight=False)


def default() -> None:
    """Print the packaged default policy, to start your own: `dondoc policy default > policy.yaml`."""
    typer.echo(DEFAULT_POLICY.read_text(encoding="utf-8"), nl=False)


def register(app: typer.Typer) -> None:
    app.command("notify")(notify)
    app.command("outbox")(outbox)
    mail_app.command("sink")(sink)
    policy_app.command("check")(check)
    policy_app.command("default")(default)
    app.add_typer(mail_app, name="mail")
    app.add_typer(policy_app, name="policy")
