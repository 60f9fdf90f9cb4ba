"""The daily sweep in SQL: find what may have changed by index, evaluate it set-based, write the
history and the new status columns in a few statements, and say which plans changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, DateTime, bindparam, text

from models.deadlines import Deadline
from models.status import Lifecycle, Tracked, evaluate_one
from models.workdays import add_working_days
from store.sweep_sql import RECURRING, Dialect, evaluation_select


class Transition(BaseModel):
    model_config = ConfigDict(frozen=True)

    assignment_id: int
    plan_id: int
    old_status: str | None
    new_status: str
    overdue_days: int


class PassResult(BaseModel):
    touched: int
    written: int
    transitions: int
    changed_plan_ids: list[int]
    recurring: int


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def ensure_due_soon_days(connection: Connection, horizon: int) -> int:
    """Fill due_soon_days for every day between the earliest and latest due date in the store."""
    # Two statements: SQLite answers a lone MIN or MAX from the index, both together by a scan.
    low = _day(connection.execute(text("SELECT MIN(effective_due) FROM assignments")).scalar())
    high = _day(connection.execute(text("SELECT MAX(effective_due) FROM assignments")).scalar())
    if low is None or high is None:
        return 0
    span = (high - low).days + 1
    query = "SELECT due FROM due_soon_days WHERE horizon = :h AND due BETWEEN :low AND :high"
    params = {"h": horizon, "low": low.isoformat(), "high": high.isoformat()}
    have = {_day(d) for (d,) in connection.execute(text(query), params)}
    if len(have) >= span:
        return 0
    rows = [
        {"h": horizon, "due": day.isoformat(), "soon": add_working_days(day, -horizon).isoformat()}
        for day in (low + timedelta(days=n) for n in range(span))
        if day not in have
    ]
    connection.execute(
        text("INSERT INTO due_soon_days (horizon, due, soon_from) VALUES (:h, :due, :soon)"), rows
    )
    return len(rows)


SQLITE_CACHE_KIB = 256 * 1024
_EVAL_COLUMNS = "id, plan_id, old_status, status, overdue_days, reported_on, changes_on, due, soon_from"


def fold_reports(connection: Connection, watermark: int) -> int:
    """Keep each assignment's earliest report on its row, for the reports recorded after `watermark`."""
    return connection.execute(
        text("""
        UPDATE assignments SET first_report_on =
          (SELECT MIN(r.reported_on) FROM reports r WHERE r.assignment_id = assignments.id)
        WHERE id IN (SELECT assignment_id FROM reports WHERE id > :watermark)"""),
        {"watermark": watermark},
    ).rowcount


def _temp_tables(connection: Connection, sql: Dialect) -> None:
    temp = "CREATE TEMPORARY TABLE" if sql.postgres else "CREATE TEMP TABLE"
    connection.execute(text("DROP TABLE IF EXISTS sweep_touched"))
    connection.execute(text("DROP TABLE IF EXISTS sweep_eval"))
    connection.execute(text(f"{temp} sweep_touched (id INTEGER PRIMARY KEY)"))
    connection.execute(
        text(
            f"{temp} sweep_eval (id INTEGER PRIMARY KEY, plan_id INTEGER, old_status VARCHAR(40), "
            f"status VARCHAR(40), overdue_days INTEGER, reported_on {sql.date_type}, "
            f"changes_on {sql.date_type}, due {sql.date_type}, soon_from {sql.date_type})"
        )
    )


EPOCH = date(1970, 1, 1)  # sweep_lo and sweep_hi count days from here


def _collect(
    connection: Connection, as_of: date, *, last_as_of: date | None, watermark: int, fresh: bool
) -> int:
    """Every assignment whose stored columns may be wrong as of `as_of`: its validity window
    [sweep_lo, sweep_hi) does not hold the day (no status yet counts as sweep_hi = 0), found by two
    index range scans; and, for recurring deadlines (whose window the first report does not cut),
    those with reports recorded since the last sweep or whose report's day has come since it. Due-soon
    days worked out for another horizon (`fresh` false) send every row with a due date."""
    since = (last_as_of or as_of).isoformat()
    parts = [
        "SELECT id FROM assignments WHERE sweep_hi <= :day",
        "SELECT id FROM assignments WHERE sweep_lo > :day",
        "SELECT assignment_id FROM reports WHERE id > :watermark",
        "SELECT assignment_id FROM reports WHERE reported_on > :since AND reported_on <= :as_of",
    ]
    if not fresh:
        parts.append("SELECT id FROM assignments WHERE effective_due IS NOT NULL")
    return connection.execute(
        text("INSERT INTO sweep_touched (id) " + " UNION ".join(parts)),
        {"day": (as_of - EPOCH).days, "as_of": as_of.isoformat(), "watermark": watermark, "since": since},
    ).rowcount


def _evaluate_recurring(connection: Connection, as_of: date, horizon: int, *, touched_only: bool) -> int:
    """Recurring deadlines in Python (their occurrences need the calendar walk), same temp table."""
    scope = "AND a.id IN (SELECT id FROM sweep_touched)" if touched_only else ""
    rows = connection.execute(
        text(f"""
        SELECT a.id, a.plan_id, a.key, a.status, a.deadline, a.lifecycle, a.deadline_version,
               a.reported_on, a.changes_on
        FROM assignments a WHERE a.deadline_kind = '{RECURRING}' {scope}""")
    ).all()
    if not rows:
        return 0
    ids = [row.id for row in rows]
    reports: dict[int, list[date]] = {}
    for assignment_id, on in connection.execute(
        text("SELECT assignment_id, reported_on FROM reports WHERE assignment_id IN :ids").bindparams(
            _expanding("ids")
        ),
        {"ids": ids},
    ):
        reports.setdefault(assignment_id, []).append(_day(on))  # type: ignore[arg-type]
    values = [_recurring_values(row, reports.get(row.id, []), as_of, horizon) for row in rows]
    if not touched_only:
        values = [v for v, row in zip(values, rows, strict=True) if _differs(v, row)]
    if values:
        connection.execute(
            text(
                f"INSERT INTO sweep_eval ({_EVAL_COLUMNS}) VALUES (:id, :plan_id, :old_status, :status, "
                ":overdue_days, :reported_on, :changes_on, NULL, NULL)"
            ),
            values,
        )
    return len(rows)


def _expanding(name: str) -> Any:
    return bindparam(name, expanding=True)


def _recurring_values(row: Any, reports: Sequence[date], as_of: date, horizon: int) -> dict[str, Any]:
    deadline = Deadline.model_validate(
        row.deadline if isinstance(row.deadline, dict) else _json(row.deadline)
    )
    item = Tracked(
        key=row.key, deadline=deadline, lifecycle=Lifecycle(row.lifecycle), extended=row.deadline_version > 1
    )
    found = evaluate_one(item, reports, as_of, horizon)
    return {
        "id": row.id,
        "plan_id": row.plan_id,
        "old_status": row.status,
        "status": found.status.value,
        "overdue_days": found.overdue_days,
        "reported_on": found.reported_on.isoformat() if found.reported_on else None,
        "changes_on": found.changes_on.isoformat() if found.changes_on else None,
    }


def _json(value: Any) -> Any:
    import json

    return json.loads(value)


def _differs(values: dict[str, Any], row: Any) -> bool:
    stored = (row.status, _iso(row.reported_on), _iso(row.changes_on))
    return stored != (values["status"], values["reported_on"], values["changes_on"])


def _iso(value: Any) -> str | None:
    day = _day(value)
    return day.isoformat() if day else None


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
    """One set-based pass: the rows whose validity window does not hold `as_of` (and, when `full`,
    every recurring one) evaluated into sweep_eval, keeping those whose stored columns are stale; then
    the history rows and the assignments' columns are written from it in two statements. `fresh`:
    the stored due-soon days are for this horizon."""
    sql = Dialect(connection.dialect.name)
    if not sql.postgres:
        # The default 2 MB page cache thrashes when many scattered rows and their indexes change.
        connection.execute(text(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}"))
    ensure_due_soon_days(connection, horizon)
    fold_reports(connection, watermark)
    _temp_tables(connection, sql)
    params = {"as_of": as_of.isoformat(), "horizon": horizon, "fresh": int(fresh)}
    touched = _collect(connection, as_of, last_as_of=last_as_of, watermark=watermark, fresh=fresh)
    select = evaluation_select(sql, touched_only=True)
    connection.execute(
        text(
            f"INSERT INTO sweep_eval ({_EVAL_COLUMNS}) "
            f"SELECT {_EVAL_COLUMNS} FROM ({select}) e WHERE stale = 1"
        ),
        params,
    )
    recurring = _evaluate_recurring(connection, as_of, horizon, touched_only=not full)
    return _write(connection, sql, as_of=as_of, now=now, touched=touched, recurring=recurring)


_CHANGED = "(old_status IS NULL OR old_status <> status)"


def _write(
    connection: Connection, sql: Dialect, *, as_of: date, now: datetime, touched: int, recurring: int
) -> PassResult:
    params = {"as_of": as_of.isoformat(), "now": now}
    transitions = connection.execute(
        text(f"""
        INSERT INTO status_history (assignment_id, as_of, old_status, new_status, cause, recorded_at)
        SELECT id, {sql.day("as_of")}, old_status, status, 'sweep', :now
        FROM sweep_eval WHERE {_CHANGED}""").bindparams(bindparam("now", type_=DateTime(timezone=True))),
        params,
    ).rowcount
    count = connection.execute(text("SELECT COUNT(*) FROM sweep_eval")).scalar_one()
    size = connection.execute(text("SELECT COALESCE(MAX(id), 0) FROM assignments")).scalar_one()
    written = connection.execute(text(_update_statement(sql, many=count * 5 > size)), params).rowcount
    plans = [
        pid
        for (pid,) in connection.execute(
            text(f"SELECT DISTINCT plan_id FROM sweep_eval WHERE {_CHANGED} ORDER BY plan_id")
        )
    ]
    return PassResult(
        touched=touched, written=written, transitions=transitions, changed_plan_ids=plans, recurring=recurring
    )


_SET = """status = e.status, status_as_of = {as_of}, overdue_days = e.overdue_days,
  reported_on = e.reported_on, changes_on = e.changes_on,
  due_soon_on = COALESCE(e.soon_from, assignments.due_soon_on),
  due_soon_of = CASE WHEN e.soon_from IS NULL THEN assignments.due_soon_of ELSE e.due END"""


def _update_statement(sql: Dialect, *, many: bool) -> str:
    """Copy sweep_eval onto assignments. SQLite plans UPDATE … FROM as a scan of assignments: right
    when most rows change (`many`), wasteful for a daily handful, which are found by key instead."""
    if sql.postgres or many:
        return (
            f"UPDATE assignments SET {_SET.format(as_of=sql.day('as_of'))} FROM sweep_eval e "
            "WHERE assignments.id = e.id"
        )
    columns = "status, status_as_of, overdue_days, reported_on, changes_on, due_soon_on, due_soon_of"
    return f"""UPDATE assignments SET ({columns}) = (
        SELECT e.status, :as_of, e.overdue_days, e.reported_on, e.changes_on,
          COALESCE(e.soon_from, assignments.due_soon_on),
          CASE WHEN e.soon_from IS NULL THEN assignments.due_soon_of ELSE e.due END
        FROM sweep_eval e WHERE e.id = assignments.id)
      WHERE id IN (SELECT id FROM sweep_eval)"""


def transitions(connection: Connection, limit: int) -> list[Transition]:
    """The status changes of the pass just made (still in sweep_eval), at most `limit` of them."""
    rows = connection.execute(
        text(f"""
        SELECT id, plan_id, old_status, status, overdue_days FROM sweep_eval WHERE {_CHANGED}
        ORDER BY id LIMIT :limit"""),
        {"limit": limit},
    )
    return [
        Transition(
            assignment_id=r.id,
            plan_id=r.plan_id,
            old_status=r.old_status,
            new_status=r.status,
            overdue_days=r.overdue_days or 0,
        )
        for r in rows
    ]


def drop_temp_tables(connection: Connection) -> None:
    connection.execute(text("DROP TABLE IF EXISTS sweep_touched"))
    connection.execute(text("DROP TABLE IF EXISTS sweep_eval"))
