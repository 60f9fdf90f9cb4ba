"""Alembic's entry point: runs on the connection dondoc hands it, or on the configured URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import calendars.tables  # noqa: F401  (feed tokens and published revisions, branch "calendars")
import notifications.tables  # noqa: F401  (the outbox, branch "notifications")
import reports.tables  # noqa: F401  (report intake and coordinators' actions, branch "reports")
import store.sweep_tables  # noqa: F401  (the sweep's tables, branch "flows")
from store.tables import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run()
