"""The `dondoc` terminal command: a thin typer layer over the services."""
