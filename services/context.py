"""The shell's clock and database handle: the one place that reads the time and opens the store."""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from services.settings import Settings

if TYPE_CHECKING:  # the store is opened on first use: a CLI's --help never loads SQLAlchemy
    from sqlalchemy import Engine


class Context:
    """Built once at an entry point (CLI command, flow run, HTTP app) and passed to the services."""

    def __init__(self, settings: Settings | None = None, *, migrate_schema: bool = True) -> None:
        self.settings = settings or Settings()
        self._migrate = migrate_schema

    @cached_property
    def engine(self) -> Engine:
        from store.database import make_engine, migrate

        if self.settings.database_url is None:
            self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(self.settings.database)
        if self._migrate:
            migrate(engine)
        return engine

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.settings.timezone)

    def now(self) -> datetime:
        return datetime.now(self.zone)

    def today(self) -> date:
        return self.now().date()
