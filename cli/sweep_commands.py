"""Placeholder: this area's commands are being written; register() adds them to `dondoc`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
