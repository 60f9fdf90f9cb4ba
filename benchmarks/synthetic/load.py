"""Bulk loading synthetic plans into an empty, migrated store, on SQLite or PostgreSQL.

Rows are built in Python (rows.py) a batch at a time and written by the database's fastest plain
path: SQLite's executemany on its own connection (one prepared statement per table), PostgreSQL's
COPY … FROM STDIN (psycopg). Secondary indexes are dropped first and built once after, foreign-key
checks are off while loading (the rows are consistent by construction), statistics are refreshed at
the end. Everything is one transaction.

    load(engine, seed=7, assignments=1_000_000, as_of=date(2026, 6, 15))
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, text

from benchmarks.synthetic.plans import PlanSpec, specs, take_assignments
from benchmarks.synthetic.rows import COLUMNS, TABLES, Rows, unit_rows
from benchmarks.synthetic.world import build_world

Writer = Callable[[str, list[tuple[Any, ...]]], None]
BATCH = 50_000  # assignments per write: memory stays flat at any size
LOADED_AT = datetime(2026, 1, 1, tzinfo=UTC)
_LOADING = {
    "postgresql": ("SET session_replication_role = replica",),  # no foreign-key triggers
    "sqlite": ("PRAGMA foreign_keys=OFF", "PRAGMA cache_size=-262144"),
}
INDEXED = ("assignments", "reports", "tasks", "deadline_versions", "plan_references")


@dataclass(frozen=True)
class Loaded:
    plans: int
    tasks: int
    assignments: int
    reports: int
    units: int
    rows: int  # every row written, all tables
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def load(engine: Engine, *, seed: int, assignments: int, as_of: date) -> Loaded:
    """`assignments` assignments of the seed's world (its units, then plans in order) into `engine`."""
    started = time.perf_counter()
    postgres = engine.dialect.name == "postgresql"
    world = build_world(seed)
    units = unit_rows(world.units)
    with engine.begin() as connection:
        # Before any write: SQLite changes foreign_keys only outside a transaction (pysqlite begins one
        # at the first INSERT).
        for setting in _LOADING["postgresql" if postgres else "sqlite"]:
            connection.execute(text(setting))
        indexes = _drop_indexes(connection, postgres)
        write = _copy_writer(connection) if postgres else _sqlite_writer(connection)
        write("units", units)
        rows = Rows(
            unit_ids={row[1]: row[0] for row in units},
            seed=seed,
            as_of=as_of,
            stamp=LOADED_AT if postgres else LOADED_AT.strftime("%Y-%m-%d %H:%M:%S.%f"),
            day=(lambda d: d) if postgres else _iso,
        )
        written = len(units) + _write_plans(write, rows, take_assignments(specs(world, seed), assignments))
        _finish(connection, postgres, indexes)
    if not postgres:
        engine.dispose()  # the loading connection has foreign keys off: new ones get them back on
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))
    n = {table: next_id - 1 for table, next_id in rows.next_id.items()}
    return Loaded(n["plans"], n["tasks"], n["assignments"], n["reports"], len(units), written,
                  time.perf_counter() - started)  # fmt: skip


def _write_plans(write: Writer, rows: Rows, plans: Iterable[PlanSpec]) -> int:
    written = 0
    for spec in plans:
        rows.add(spec)
        if rows.count >= BATCH:
            written += _flush(write, rows)
    return written + _flush(write, rows)


def _finish(connection: Connection, postgres: bool, indexes: list[tuple[str, str]]) -> None:
    for _, create in indexes:
        connection.execute(text(create))
    if postgres:
        connection.execute(text("SET session_replication_role = DEFAULT"))
        for table in ("units", *TABLES[1:]):
            last = f"(SELECT COALESCE(MAX(id), 1) FROM {table})"
            connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {last})"))


def _flush(write: Writer, rows: Rows) -> int:
    rows.count = 0
    taken = rows.take()
    for table in TABLES[1:]:
        write(table, taken[table])
    return sum(len(batch) for batch in taken.values())


@cache
def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _sqlite_writer(connection: Connection) -> Writer:
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    def write(table: str, batch: list[tuple[Any, ...]]) -> None:
        if batch:
            marks = ", ".join("?" * len(batch[0]))
            cursor.executemany(f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({marks})", batch)

    return write


def _copy_writer(connection: Connection) -> Writer:
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    def write(table: str, batch: list[tuple[Any, ...]]) -> None:
        if batch:
            with cursor.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
                for row in batch:
                    copy.write_row(row)

    return write


def _drop_indexes(connection: Connection, postgres: bool) -> list[tuple[str, str]]:
    """Drop the secondary indexes of the big tables; return (name, CREATE statement) to rebuild them."""
    names = ", ".join(f"'{t}'" for t in INDEXED)
    if postgres:
        query = f"""SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ({names})
          AND indexname NOT IN (SELECT conname FROM pg_constraint)"""
    else:
        query = f"""SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
          AND tbl_name IN ({names})"""
    found = [(name, create) for name, create in connection.execute(text(query))]
    for name, _ in found:
        connection.execute(text(f"DROP INDEX {name}"))
    return found
