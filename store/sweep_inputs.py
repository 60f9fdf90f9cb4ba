"""What the sweep keeps on each assignment so that its status needs no join: the earliest report
(first_report_on, worked out again in the pass for rows with new reports) and the first due-soon day
of its effective due (due_soon_on, for due_soon_of), looked up in due_soon_days, which brings
Vietnam's working-day calendar to SQL."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, text

from models.workdays import add_working_days


def as_day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _due_span(connection: Connection) -> tuple[date, date] | None:
    # Two statements: SQLite answers a lone MIN or MAX from the index, both together by a scan.
    low = as_day(connection.execute(text("SELECT MIN(effective_due) FROM assignments")).scalar())
    high = as_day(connection.execute(text("SELECT MAX(effective_due) FROM assignments")).scalar())
    return None if low is None or high is None else (low, high)


def _count_days(connection: Connection, horizon: int, low: date, high: date) -> int:
    query = "SELECT COUNT(*) FROM due_soon_days WHERE horizon = :h AND due BETWEEN :low AND :high"
    params = {"h": horizon, "low": low.isoformat(), "high": high.isoformat()}
    return int(connection.execute(text(query), params).scalar_one())


def _stored_days(connection: Connection, horizon: int, low: date, high: date) -> dict[date, date]:
    query = "SELECT due, soon_from FROM due_soon_days WHERE horizon = :h AND due BETWEEN :low AND :high"
    params = {"h": horizon, "low": low.isoformat(), "high": high.isoformat()}
    return {as_day(due): as_day(soon) for due, soon in connection.execute(text(query), params)}  # type: ignore[misc]


def ensure_due_soon_days(connection: Connection, horizon: int, *, recheck: bool = False) -> list[date]:
    """Fill due_soon_days for every day between the earliest and latest due date in the store; with
    `recheck`, also work the stored ones out again (the holiday calendar may have changed: days off
    in lieu are announced each year) and correct them. Returns the due dates whose day was corrected."""
    span = _due_span(connection)
    if span is None:
        return []
    low, high = span
    days = [low + timedelta(days=n) for n in range((high - low).days + 1)]
    if not recheck and _count_days(connection, horizon, low, high) >= len(days):
        return []
    have = _stored_days(connection, horizon, low, high)
    wanted = {day: add_working_days(day, -horizon) for day in days if recheck or day not in have}
    missing = [
        {"h": horizon, "due": due.isoformat(), "soon": soon.isoformat()}
        for due, soon in wanted.items()
        if due not in have
    ]
    if missing:
        connection.execute(
            text("INSERT INTO due_soon_days (horizon, due, soon_from) VALUES (:h, :due, :soon)"), missing
        )
    corrected = [day for day, soon in wanted.items() if day in have and have[day] != soon]
    if corrected:
        connection.execute(
            text("UPDATE due_soon_days SET soon_from = :soon WHERE horizon = :h AND due = :due"),
            [{"h": horizon, "due": d.isoformat(), "soon": wanted[d].isoformat()} for d in corrected],
        )
        # Their rows' stored due-soon day is stale: forgetting which due it was for opens their window.
        connection.execute(
            text("UPDATE assignments SET due_soon_of = NULL WHERE effective_due IN :days").bindparams(
                bindparam("days", expanding=True)
            ),
            {"days": [d.isoformat() for d in corrected]},
        )
    return corrected


def soon_until(connection: Connection, as_of: date, horizon: int) -> date:
    """The latest due date already due soon (or overdue) on `as_of`. A due-soon day moves forward with
    its due date, so the due dates whose due-soon day has come are those up to this one, and the pass
    tells due soon from not yet due by one comparison instead of a lookup per row. Call after
    ensure_due_soon_days."""
    span = _due_span(connection)
    low = as_of - timedelta(days=1)  # no due date in the store: nothing is due soon
    if span is None:
        return low
    query = """SELECT MAX(due) FROM due_soon_days
               WHERE horizon = :h AND due BETWEEN :low AND :high AND soon_from <= :as_of"""
    params = {
        "h": horizon,
        "low": span[0].isoformat(),
        "high": span[1].isoformat(),
        "as_of": as_of.isoformat(),
    }
    return as_day(connection.execute(text(query), params).scalar()) or low


def fold_reports(connection: Connection, watermark: int) -> int:
    """The earliest report of each assignment with reports recorded after `watermark`, into the temp
    table sweep_folded; the pass writes it to first_report_on with the rest of the row."""
    return connection.execute(
        text("""
        INSERT INTO sweep_folded (id, first_report)
        SELECT r.assignment_id, MIN(r.reported_on) FROM reports r
        WHERE r.assignment_id IN (SELECT assignment_id FROM reports WHERE id > :watermark)
        GROUP BY r.assignment_id"""),
        {"watermark": watermark},
    ).rowcount
