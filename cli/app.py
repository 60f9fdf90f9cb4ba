"""The `dondoc` command: each area's commands live in their own module and are added here."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.markup import escape

from models.errors import DondocError

app = typer.Typer(
    name="dondoc",
    help="dondoc — đôn đốc: track plan documents' tasks, units and deadlines; remind, escalate, publish.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
err = Console(stderr=True)


def _register() -> None:
    # Imported here so that `dondoc --help` stays fast and each area owns its own module.
    from cli import (
        extract_commands,
        feeds_commands,
        ingest_commands,
        notify_commands,
        plan_commands,
        report_commands,
        sweep_commands,
        up_commands,
    )

    modules = (plan_commands, extract_commands, sweep_commands, notify_commands, feeds_commands, up_commands,
               report_commands, ingest_commands)
    for module in modules:
        module.register(app)


def main() -> None:
    _register()
    try:
        app(standalone_mode=False)
    except DondocError as error:
        err.print("[bold red]error:[/]", escape(str(error)), soft_wrap=True, highlight=False)
        sys.exit(error.exit_code)
    except typer.Abort:
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as error:  # click's usage errors arrive here in non-standalone mode
        import click

        if isinstance(error, click.ClickException):
            error.show()
            sys.exit(error.exit_code)
        raise


if __name__ == "__main__":
    main()
