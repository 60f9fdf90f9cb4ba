"""The status of many assignments in SQL, for SQLite and PostgreSQL: models.status.evaluate_one, set-based.

One statement, one pass over the rows, no per-row lookup: an active assignment with no report yet
stands where its due date falls among a few days worked out once per pass (bound parameters): the day
itself, the latest due date already due soon (store.sweep_inputs.soon_until), the edges of the overdue
buckets. Its first due-soon day is kept on the row (due_soon_on, for the due date in due_soon_of), so
the calendar is asked only for rows whose kept day is for another due date or horizon.
Recurring deadlines are not here: their occurrences need the calendar walk of models.deadlines, so the
sweep evaluates those few rows in Python (store/sweep_recurring.py) and writes them through the same path.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from models.status import BUCKETS, Lifecycle, Status

RECURRING = "recurring"


class Dialect:
    """What differs between the two databases here: typed day parameters, date arithmetic, NULL-safe
    inequality."""

    def __init__(self, name: str) -> None:
        self.postgres = name == "postgresql"

    def day(self, param: str) -> str:
        return f"CAST(:{param} AS DATE)" if self.postgres else f":{param}"

    def bare(self, column: str) -> str:
        """A DATE column without its type affinity: SQLite would otherwise try to read every value it
        is compared with as a number first (the values are ISO text), which costs more than the rest
        of the comparison (+: a no-op that drops the affinity)."""
        return column if self.postgres else f"+{column}"

    def plus(self, column: str, days: int) -> str:
        return f"({column} + {days})" if self.postgres else f"date({column}, '+{days} days')"

    def days_between(self, later: str, earlier: str) -> str:
        if self.postgres:
            return f"({later} - {earlier})"
        return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"

    def differs(self, left: str, right: str) -> str:
        """NULL-safe inequality."""
        return f"({left} IS DISTINCT FROM {right})" if self.postgres else f"({left} IS NOT {right})"

    @property
    def date_type(self) -> str:
        return "DATE" if self.postgres else "TEXT"


def _q(status: Status | Lifecycle) -> str:
    return "'" + status.value.replace("'", "''") + "'"


class Columns(NamedTuple):
    """The evaluated columns of one kind of row, as SQL expressions over `a` (assignments) and the
    earliest report `rep`."""

    status: str
    reported_on: str
    changes_on: str
    overdue_days: str


# The first due-soon day of a row's due date: kept on the row when it is for that due date and this
# horizon (:fresh), else looked up (only then: CASE evaluates lazily).
def _soon_from(sql: Dialect) -> str:
    kept = f"{sql.bare('a.due_soon_of')} = {sql.bare('a.effective_due')}"
    return f"""CASE WHEN a.effective_due IS NULL THEN NULL WHEN :fresh = 1 AND {kept} THEN a.due_soon_on
      ELSE (SELECT d.soon_from FROM due_soon_days d
            WHERE d.horizon = :horizon AND d.due = a.effective_due) END"""


def _open(sql: Dialect) -> Columns:
    """An active assignment with a due date and no report by the day."""
    due, as_of = sql.bare("a.effective_due"), sql.day("as_of")
    overdue, soon = f"{due} < {as_of}", f"{due} <= {sql.day('soon_until')}"
    buckets = " ".join(
        f"WHEN {due} >= {sql.day(f'edge_{limit}')} THEN {sql.plus(due, limit + 1)}" for limit, _ in BUCKETS
    )
    return Columns(
        f"CASE WHEN {overdue} THEN {_q(Status.overdue)} WHEN {soon} THEN {_q(Status.due_soon)} "
        f"WHEN a.deadline_version > 1 THEN {_q(Status.extended)} ELSE {_q(Status.not_due)} END",
        "NULL",
        f"CASE WHEN {overdue} THEN CASE {buckets} END "
        f"WHEN {soon} THEN {sql.plus(due, 1)} ELSE {_soon_from(sql)} END",
        f"CASE WHEN {overdue} THEN {sql.days_between(as_of, due)} ELSE 0 END",
    )


def day_params(as_of: date, soon_until: date, horizon: int, *, fresh: bool) -> dict[str, Any]:
    """The statement's parameters: `edge_<n>` is the earliest due date overdue by at most n days;
    a due date after `waiting_after` is neither overdue nor due soon."""
    edges = {f"edge_{limit}": (as_of - timedelta(days=limit)).isoformat() for limit, _ in BUCKETS}
    return {
        "as_of": as_of.isoformat(),
        "soon_until": soon_until.isoformat(),
        "waiting_after": max(soon_until, as_of - timedelta(days=1)).isoformat(),
        "horizon": horizon,
        "fresh": int(fresh),
        **edges,
    }


def _kinds(sql: Dialect, rep: str) -> list[tuple[str, Columns]]:
    """evaluate_one's branches, in its order: (when, columns); the last applies otherwise."""
    due = sql.bare("a.effective_due")
    on_time = f"CASE WHEN {due} IS NULL OR {rep} <= {due} THEN {_q(Status.done_on_time)} "
    return [
        (
            f"a.lifecycle <> {_q(Lifecycle.active)}",
            Columns(
                f"CASE a.lifecycle WHEN {_q(Lifecycle.cancelled)} THEN {_q(Status.cancelled)} "
                f"ELSE {_q(Status.paused)} END",
                "NULL",
                "NULL",
                "0",
            ),
        ),
        (
            f"{rep} <= {sql.day('as_of')}",
            Columns(on_time + f"ELSE {_q(Status.done_late)} END", rep, "NULL", "0"),
        ),
        ("a.effective_due IS NULL", Columns(_q(Status.no_deadline), "NULL", "NULL", "0")),
        ("", _open(sql)),
    ]


def _case(sql: Dialect, rep: str, pick: str) -> str:
    """One CASE over the kinds of row: each kind's `pick` (a field of Columns)."""
    kinds = _kinds(sql, rep)
    whens = " ".join(f"WHEN {when} THEN {getattr(columns, pick)}" for when, columns in kinds[:-1])
    return f"CASE {whens} ELSE {getattr(kinds[-1][1], pick)} END"


def _differs(sql: Dialect, status: str, reported_on: str, changes_on: str) -> str:
    stored = ("a.status", sql.bare("a.reported_on"), sql.bare("a.changes_on"))
    new = (status, reported_on, changes_on)
    return " OR ".join(sql.differs(s, n) for s, n in zip(stored, new, strict=True))


def _open_stale(sql: Dialect) -> str:
    """An open row's stored columns differ from _open's. Each column read is a large part of a full
    pass's cost per row, so the due date is placed among the days once, in one ladder that gives
    status and next change day together, the commonest place (not yet due) first. The kept due-soon
    day is read as it is: a row whose kept day is for another due date or horizon is stale anyway
    (evaluation_insert's second test)."""
    due, limits = sql.bare("a.effective_due"), sorted(limit for limit, _ in BUCKETS)
    waiting = f"CASE WHEN a.deadline_version > 1 THEN {_q(Status.extended)} ELSE {_q(Status.not_due)} END"
    overdue = _q(Status.overdue)
    ladder = [
        (f"{due} > {sql.day('waiting_after')}", _differs(sql, waiting, "NULL", sql.bare("a.due_soon_on"))),
        (f"{due} >= {sql.day('as_of')}", _differs(sql, _q(Status.due_soon), "NULL", sql.plus(due, 1))),
        (f"{due} < {sql.day(f'edge_{limits[-1]}')}", _differs(sql, overdue, "NULL", "NULL")),
    ]
    for shorter, longer in zip(reversed(limits[:-1]), reversed(limits[1:]), strict=True):
        changes = sql.plus(due, longer + 1)
        ladder.append((f"{due} < {sql.day(f'edge_{shorter}')}", _differs(sql, overdue, "NULL", changes)))
    whens = " ".join(f"WHEN {when} THEN {value}" for when, value in ladder)
    return f"CASE {whens} ELSE {_differs(sql, overdue, 'NULL', sql.plus(due, limits[0] + 1))} END"


def _stale(sql: Dialect, rep: str) -> str:
    """The stored status, report day or next change day differ from the evaluated ones."""
    kinds = _kinds(sql, rep)[:-1]
    whens = " ".join(f"WHEN {when} THEN {_differs(sql, *columns[:3])}" for when, columns in kinds)
    return f"CASE {whens} ELSE {_open_stale(sql)} END"


def evaluation_insert(sql: Dialect, *, touched_only: bool, folded: bool) -> str:
    """INSERT into sweep_eval every assignment (only those in sweep_touched, with `touched_only`) whose
    stored columns differ from the evaluated ones. `folded`: sweep_folded holds earliest reports worked
    out again in this pass; without it the stored one is the earliest. Rows with a recurring deadline
    are evaluated here as if they had none: store.sweep_recurring replaces them (testing each row's
    kind here would cost a tenth of a full pass, for the few such rows)."""
    first = sql.bare("a.first_report_on")
    rep = f"COALESCE(f.first_report, {first})" if folded else first
    folded_join = "LEFT JOIN sweep_folded f ON f.id = a.id" if folded else ""
    # IN (…) makes SQLite look each touched id up by key (a join would scan for a Bloom filter).
    touched = "a.id IN (SELECT id FROM sweep_touched) AND" if touched_only else ""
    stale = [
        _stale(sql, rep),
        # The due-soon day kept on the row (for its validity window) is for another due date or horizon.
        f"(a.effective_due IS NOT NULL AND (:fresh = 0 OR "
        f"{sql.differs(sql.bare('a.due_soon_of'), sql.bare('a.effective_due'))}))",
    ]
    if folded:
        stale.append(sql.differs(first, rep))
    return f"""
    INSERT INTO sweep_eval
      (id, plan_id, old_status, status, overdue_days, reported_on, changes_on, due, soon_from, first_report)
    SELECT a.id, a.plan_id, a.status, {_case(sql, rep, "status")}, {_case(sql, rep, "overdue_days")},
      {_case(sql, rep, "reported_on")}, {_case(sql, rep, "changes_on")}, a.effective_due,
      {_soon_from(sql)}, {rep}
    FROM assignments a {folded_join}
    WHERE {touched} ({" OR ".join(stale)})"""
