"""What several commands parse alike: days given as ISO dates."""

from __future__ import annotations

from datetime import date

import typer


def parse_day(value: str) -> date:
    """A day from the command line, or a usage error that shows the expected form."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-11-23") from None


def optional_day(value: str | None) -> date | None:
    return None if value is None else parse_day(value)
