"""The daily sweep in SQL: find by index the assignments whose stored status may be wrong as of a
day, evaluate them set-based, write the history and the new status columns in a few statements, and
say which plans changed."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel
from sqlalchemy import Connection, DateTime, bindparam, text

from store.sweep_inputs import ensure_due_soon_days, fold_reports, soon_until
from store.sweep_recurring import evaluate_recurring
from store.sweep_sql import Dialect, day_params, evaluation_insert

SQLITE_CACHE_KIB = 256 * 1024
SQLITE_MMAP_BYTES = 4 << 30  # address space, not memory: pages stay the file's, shared with the OS
EPOCH = date(1970, 1, 1)  # sweep_lo and sweep_hi count days from here


class PassResult(BaseModel):
    touched: int
    written: int
    transitions: int
    changed_plans: int
    recurring: int
    recalendared: int = 0  # due dates whose due-soon day the holiday calendar moved (full pass)


def _temp_tables(connection: Connection, sql: Dialect) -> None:
    temp = "CREATE TEMPORARY TABLE" if sql.postgres else "CREATE TEMP TABLE"
    drop_temp_tables(connection)
    connection.execute(text(f"{temp} sweep_touched (id INTEGER PRIMARY KEY)"))
    connection.execute(
        text(
            f"{temp} sweep_eval (id INTEGER PRIMARY KEY, plan_id INTEGER, old_status VARCHAR(40), "
            f"status VARCHAR(40), overdue_days INTEGER, reported_on {sql.date_type}, "
            f"changes_on {sql.date_type}, due {sql.date_type}, soon_from {sql.date_type}, "
            f"first_report {sql.date_type})"
        )
    )
    connection.execute(text(f"{temp} sweep_folded (id INTEGER PRIMARY KEY, first_report {sql.date_type})"))


def _collect(
    connection: Connection,
    as_of: date,
    *,
    last_as_of: date | None,
    watermark: int,
    fresh: bool,
    everything: bool = False,
) -> int:
    """Every assignment whose stored columns may be wrong as of `as_of`: its validity window
    [sweep_lo, sweep_hi) does not hold the day (no status yet is sweep_hi = 0), found by two index
    range scans; and, for recurring deadlines (whose window a later report does not cut), those with
    reports recorded since the last sweep or whose report's day has come since it. Due-soon days
    worked out for another horizon (`fresh` false) send every row with a due date; `everything`, a
    full re-evaluation, sends every row: the windows themselves are not trusted."""
    if everything:  # evaluated straight from assignments: sweep_touched stays empty
        return int(connection.execute(text("SELECT COUNT(*) FROM assignments")).scalar_one())
    parts = [
        "SELECT id FROM assignments WHERE sweep_hi <= :day",
        "SELECT id FROM assignments WHERE sweep_lo > :day",
        "SELECT assignment_id FROM reports WHERE id > :watermark",
        "SELECT assignment_id FROM reports WHERE reported_on > :since AND reported_on <= :as_of",
    ]
    if not fresh:
        parts.append("SELECT id FROM assignments WHERE effective_due IS NOT NULL")
    params = {
        "day": (as_of - EPOCH).days,
        "as_of": as_of.isoformat(),
        "watermark": watermark,
        "since": (last_as_of or as_of).isoformat(),
    }
    # UNION ALL and the key's own conflict check: a UNION would first sort every id into a temp
    # B-tree of its own to drop the repeats that sweep_touched's key drops anyway. (Each part ends
    # in a WHERE: after a bare FROM, SQLite would read ON CONFLICT as a join's ON.)
    union = " UNION ALL ".join(parts)
    statement = text(f"INSERT INTO sweep_touched (id) {union} ON CONFLICT DO NOTHING")
    return connection.execute(statement, params).rowcount


def _analyze(connection: Connection, sql: Dialect, table: str) -> None:
    """PostgreSQL knows nothing of a fresh temp table's size and may scan all assignments to join it."""
    if sql.postgres:
        connection.execute(text(f"ANALYZE {table}"))


def evaluate_pass(
    connection: Connection,
    *,
    as_of: date,
    horizon: int,
    now: datetime,
    full: bool,
    watermark: int,
    fresh: bool = True,
    last_as_of: date | None = None,
) -> PassResult:
    """One set-based pass over every assignment: those whose validity window does not hold `as_of`
    are evaluated into sweep_eval, keeping the ones whose stored columns are stale; then the history
    rows and the assignments' columns are written from it in two statements. A row outside the window
    indexes is one whose stored status is proved right by its own columns. `full` evaluates every
    assignment, windows or not, and works every stored due-soon day out again from the holiday
    calendar. `fresh`: they are for this horizon."""
    sql = Dialect(connection.dialect.name)
    if not sql.postgres:
        # The default 2 MB page cache thrashes when many scattered rows and their indexes change; a
        # full pass reads every page once, which a memory map spares copying into that cache.
        connection.execute(text(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}"))
        connection.execute(text(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}"))
    recalendared = ensure_due_soon_days(connection, horizon, recheck=full)
    _temp_tables(connection, sql)
    folded = fold_reports(connection, watermark)
    touched = _collect(
        connection, as_of, last_as_of=last_as_of, watermark=watermark, fresh=fresh, everything=full
    )
    _analyze(connection, sql, "sweep_folded")
    _analyze(connection, sql, "sweep_touched")
    connection.execute(
        text(evaluation_insert(sql, touched_only=not full, folded=folded > 0)),
        day_params(as_of, soon_until(connection, as_of, horizon), horizon, fresh=fresh),
    )
    recurring = evaluate_recurring(connection, as_of, horizon, everything=full)
    _analyze(connection, sql, "sweep_eval")
    result = _write(connection, sql, as_of=as_of, now=now, touched=touched, recurring=recurring)
    return result.model_copy(update={"recalendared": len(recalendared)})


CHANGED = "(e.old_status IS NULL OR e.old_status <> e.status)"  # a row of sweep_eval e


def _write(
    connection: Connection, sql: Dialect, *, as_of: date, now: datetime, touched: int, recurring: int
) -> PassResult:
    params = {"as_of": as_of.isoformat(), "now": now}
    transitions = connection.execute(
        text(f"""
        INSERT INTO status_history (assignment_id, as_of, old_status, new_status, cause, recorded_at)
        SELECT id, {sql.day("as_of")}, old_status, status, 'sweep', :now
        FROM sweep_eval e WHERE {CHANGED}""").bindparams(bindparam("now", type_=DateTime(timezone=True))),
        params,
    ).rowcount
    count = connection.execute(text("SELECT COUNT(*) FROM sweep_eval")).scalar_one()
    size = connection.execute(text("SELECT COALESCE(MAX(id), 0) FROM assignments")).scalar_one()
    written = connection.execute(text(_update_statement(sql, many=count * 5 > size)), params).rowcount
    if sql.postgres and written * 10 > size:
        # The window columns' statistics still describe the rows before this pass (a first pass: no
        # status, every row in range): without fresh ones the next sweep scans instead of using them.
        connection.execute(text("ANALYZE assignments"))
    plans = connection.execute(
        text(f"SELECT COUNT(DISTINCT plan_id) FROM sweep_eval e WHERE {CHANGED}")
    ).scalar_one()
    return PassResult(
        touched=touched, written=written, transitions=transitions, changed_plans=plans, recurring=recurring
    )


_SET = """status = e.status, status_as_of = {as_of}, overdue_days = e.overdue_days,
  reported_on = e.reported_on, changes_on = e.changes_on,
  due_soon_on = COALESCE(e.soon_from, assignments.due_soon_on),
  due_soon_of = CASE WHEN e.soon_from IS NULL THEN assignments.due_soon_of ELSE e.due END,
  first_report_on = e.first_report"""


def _update_statement(sql: Dialect, *, many: bool) -> str:
    """Copy sweep_eval onto assignments. SQLite plans UPDATE … FROM as a scan of assignments: right
    when most rows change (`many`), wasteful for a daily handful, which are found by key instead."""
    if sql.postgres or many:
        return (
            f"UPDATE assignments SET {_SET.format(as_of=sql.day('as_of'))} FROM sweep_eval e "
            "WHERE assignments.id = e.id"
        )
    columns = (
        "status, status_as_of, overdue_days, reported_on, changes_on, due_soon_on, due_soon_of, "
        "first_report_on"
    )
    return f"""UPDATE assignments SET ({columns}) = (
        SELECT e.status, :as_of, e.overdue_days, e.reported_on, e.changes_on,
          COALESCE(e.soon_from, assignments.due_soon_on),
          CASE WHEN e.soon_from IS NULL THEN assignments.due_soon_of ELSE e.due END, e.first_report
        FROM sweep_eval e WHERE e.id = assignments.id)
      WHERE id IN (SELECT id FROM sweep_eval)"""


def drop_temp_tables(connection: Connection) -> None:
    connection.execute(text("DROP TABLE IF EXISTS sweep_touched"))
    connection.execute(text("DROP TABLE IF EXISTS sweep_eval"))
    connection.execute(text("DROP TABLE IF EXISTS sweep_folded"))
