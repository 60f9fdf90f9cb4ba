"""The sweep benchmark's store: n assignments over n/100 plans and 200 units, due dates spread over
two years (each assignment's its own, so a day's changes are scattered over the table: the worst case
for the pages a sweep writes), 30% reported, 1% cancelled, 2% extended, 10% without deadline, 0.1%
recurring — one bulk INSERT … SELECT per table, on SQLite or PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, Engine, text

PER_PLAN = 100  # assignments per plan
UNITS = 200
RECURRING = (
    '{"text":"định kỳ hằng tháng","kind":"recurring","start":"2025-01-01","due":"2025-01-31",'
    '"effective_due":"2025-02-03","recurrence":{"frequency":"monthly"}}'
)


class _Sql:
    """The few spellings that differ: a series of integers, a day plus n, a JSON literal, booleans."""

    def __init__(self, postgres: bool) -> None:
        self.postgres = postgres
        self.false = "false" if postgres else "0"

    def series(self, n: str) -> str:
        if self.postgres:
            return f"(SELECT generate_series(1, {n})::bigint AS i) s"  # i * 7919 passes 2^31
        recursive = f"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n})"
        return f"({recursive} SELECT i FROM s) s"

    def plus(self, day: str, days: str) -> str:
        return f"({day} + ({days})::int)" if self.postgres else f"date({day}, ({days}) || ' days')"

    def json(self, literal: str) -> str:
        return f"({literal})::json" if self.postgres else literal

    def day(self, iso: str) -> str:
        return f"DATE '{iso}'" if self.postgres else f"'{iso}'"

    def stamp(self, iso: str) -> str:
        return f"TIMESTAMPTZ '{iso} 00:00:00+00'" if self.postgres else f"'{iso} 00:00:00.000000'"


def _indexes(c: Connection, postgres: bool) -> list[tuple[str, str]]:
    if postgres:
        query = """SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('assignments', 'reports')
          AND indexname NOT IN (SELECT conname FROM pg_constraint)"""
    else:
        query = """SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
          AND tbl_name IN ('assignments', 'reports')"""
    return [(name, sql) for name, sql in c.execute(text(query))]


def generate(engine: Engine, n: int) -> None:
    postgres = engine.dialect.name == "postgresql"
    sql = _Sql(postgres)
    with engine.begin() as c:
        # Secondary indexes are built once after the rows are in: far faster than row by row.
        indexes = _indexes(c, postgres)
        if postgres:
            c.execute(text("SET session_replication_role = replica"))  # no foreign-key triggers
        else:
            c.execute(text("PRAGMA foreign_keys=OFF"))
            c.execute(text("PRAGMA cache_size=-262144"))
        for name, _ in indexes:
            c.execute(text(f"DROP INDEX {name}"))
        _insert(c, sql, n)
        for _, create in indexes:
            c.execute(text(create))
        if postgres:
            c.execute(text("SET session_replication_role = DEFAULT"))
            for table in ("units", "plans", "tasks", "assignments", "reports"):
                last = f"(SELECT MAX(id) FROM {table})"
                c.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {last})"))
        else:
            c.execute(text("PRAGMA foreign_keys=ON"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text("VACUUM ANALYZE" if postgres else "ANALYZE"))


def _insert(c: Connection, sql: _Sql, n: int) -> None:
    empty, no = sql.json("'[]'"), sql.false
    c.execute(
        text(
            "INSERT INTO units (id, name, name_key, is_group, external, aliases, abbreviations, members,"
            " emails)"
            f" SELECT i, 'Đơn vị ' || i, 'đơn vị ' || i, {no}, {no}, {empty}, {empty}, {empty}, {empty}"
            f" FROM {sql.series(str(UNITS))}"
        )
    )
    c.execute(
        text(
            "INSERT INTO plans (id, key, content_hash, kind, number, title, source, plan_file, loaded_at)"
            " SELECT i, 'plan-' || i, 'h' || i, 'Kế hoạch', i || '-KH/TU', 'Kế hoạch ' || i, 'bench', '',"
            f" {sql.stamp('2026-01-01')} FROM {sql.series(str(max(1, n // PER_PLAN)))}"
        )
    )
    c.execute(
        text(
            "INSERT INTO tasks (id, plan_id, task_key, section, title, text, depends_on)"
            f" SELECT i, 1 + (i - 1) / {PER_PLAN // 2}, 'T' || i, 'II.' || (i % 9 + 1),"
            f" 'Nhiệm vụ ' || i, '', {empty} FROM {sql.series(str(max(1, n // 2)))}"
        )
    )
    recurring = sql.json(f"'{RECURRING}'")
    start = sql.plus(sql.day("2025-09-01"), "(i * 7919) % 640")
    on_date = sql.json(
        """'{"text":"ngày","kind":"on_date","due":"' || d || '","effective_due":"' || d || '"}'"""
    )
    c.execute(
        text(f"""
        INSERT INTO assignments (id, plan_id, task_id, unit_id, key, role, lifecycle, deadline_version,
          deadline, deadline_kind, due, effective_due, tentative, overdue_days)
        SELECT i, 1 + (i - 1) / {PER_PLAN}, 1 + (i - 1) / 2, 1 + i % {UNITS}, 'T' || i || '~' || i,
          CASE WHEN i % 2 = 0 THEN 'lead' ELSE 'participant' END,
          CASE WHEN i % 100 = 7 THEN 'cancelled' ELSE 'active' END,
          CASE WHEN i % 50 = 3 THEN 2 ELSE 1 END,
          CASE WHEN i % 10 = 9 THEN NULL WHEN i % 1000 = 5 THEN {recurring} ELSE {on_date} END,
          CASE WHEN i % 10 = 9 THEN NULL WHEN i % 1000 = 5 THEN 'recurring' ELSE 'on_date' END,
          CASE WHEN i % 10 = 9 THEN NULL WHEN i % 1000 = 5 THEN {sql.day("2025-01-31")} ELSE d END,
          CASE WHEN i % 10 = 9 THEN NULL WHEN i % 1000 = 5 THEN {sql.day("2025-02-03")} ELSE d END,
          {no}, 0
        FROM (SELECT i, {start} AS d FROM {sql.series(str(n))}) x""")
    )
    c.execute(
        text(f"""
        INSERT INTO reports (assignment_id, reported_on, note, channel, recorded_by, recorded_at)
        SELECT id, {sql.plus(f"COALESCE(effective_due, {sql.day('2026-03-01')})", "(id * 31) % 21 - 12")},
          '', 'bench', '', {sql.stamp("2026-01-01")}
        FROM assignments WHERE id % 10 < 3""")
    )


def add_reports(engine: Engine, count: int, on: date) -> int:
    """`count` overdue assignments reported done on a day (the sweep folds them in)."""
    sql = _Sql(engine.dialect.name == "postgresql")
    with engine.begin() as c:
        return c.execute(
            text(f"""
            INSERT INTO reports (assignment_id, reported_on, note, channel, recorded_by, recorded_at)
            SELECT id, {sql.day(on.isoformat())}, '', 'bench', '', {sql.stamp(on.isoformat())}
            FROM assignments WHERE id % 10 >= 3 AND status = 'Quá hạn' ORDER BY id LIMIT :count"""),
            {"count": count},
        ).rowcount
