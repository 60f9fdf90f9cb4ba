"""`dondoc feeds list|rotate|revoke|build` and `dondoc serve`: calendar feeds and the HTTP server."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from cli.options import parse_day
from services.context import Context

out = Console(soft_wrap=True, highlight=False)
feeds_app = typer.Typer(
    help="Calendar feeds: one secret link per unit (and per plan, and one for coordinators).",
    no_args_is_help=True,
)
TARGET_HELP = 'A unit\'s name or alias, "plan:KEY" (see `dondoc plans`), or "all" (the coordinators\' feed).'


@feeds_app.command("list")
def feeds_list() -> None:
    """Print each feed's link (paste it into Google Calendar, Outlook, Apple Calendar, Thunderbird)."""
    from calendars import service  # here, not at the top: `dondoc --help` need not load calendars

    context = Context()
    base = context.settings.public_base_url
    for link in service.links(context):
        out.print(f"[bold]{link.label}[/]", markup=True)
        if link.token is None:
            out.print("    (revoked — `dondoc feeds rotate` issues a new link)")
            continue
        out.print(f"    {link.url(base)}")
        out.print(f"    {link.webcal(base)}")


@feeds_app.command("rotate")
def feeds_rotate(target: Annotated[str, typer.Argument(help=TARGET_HELP)]) -> None:
    """Issue a new link for a feed; the old link stops working at once."""
    from calendars import service

    context = Context()
    link = service.rotate(context, target)
    base = context.settings.public_base_url
    out.print(f"{link.label}: new link\n    {link.url(base)}\n    {link.webcal(base)}")


@feeds_app.command("revoke")
def feeds_revoke(target: Annotated[str, typer.Argument(help=TARGET_HELP)]) -> None:
    """Switch a feed's link off: it answers 404 from now on (rotate to issue a new one)."""
    from calendars import service

    link, changed = service.revoke(Context(), target)
    out.print(f"{link.label}: {'link revoked' if changed else 'had no live link'}")


@feeds_app.command("build")
def feeds_build(
    all_feeds: Annotated[bool, typer.Option("--all", help="Rewrite every feed, changed or not.")] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Statuses as of this day (default: today).")
    ] = None,
) -> None:
    """Write the feeds whose assignments changed to DATA_DIR/feeds/ (atomically: temp file, rename)."""
    from calendars import service

    context = Context()
    day = parse_day(as_of) if as_of else None
    result = service.rebuild_changed(context, as_of=day, force=all_feeds)
    out.print(
        f"{len(result.written)} of {result.feeds} feed(s) written ({result.components} component(s), "
        f"{result.entries} assignment(s)) in {service.feeds_dir(context)}"
    )


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    workers: Annotated[int, typer.Option(help="Worker processes (one per core at most).")] = 1,
    access_log: Annotated[bool, typer.Option(help="Log each request (feed tokens are redacted).")] = True,
    refresh: Annotated[
        int, typer.Option(help="Seconds between rebuilds of changed feeds; 0 turns it off.")
    ] = 600,
) -> None:
    """Serve calendar feeds (GET /calendars/<token>.ics) and the other areas' pages until Ctrl-C."""
    from calendars.serve import serve as run

    run(Context(), host=host, port=port, workers=workers, access_log=access_log, refresh_seconds=refresh)


def register(app: typer.Typer) -> None:
    app.add_typer(feeds_app, name="feeds")
    app.command("serve")(serve)
