"""The status CASE expression in SQL, for SQLite and PostgreSQL: models.status.evaluate_one, set-based.

Recurring deadlines are not here: their occurrences need the calendar walk of models.deadlines, so the
sweep evaluates those few rows in Python (store/sweep.py) and writes them through the same path.
"""

from __future__ import annotations

from models.status import BUCKETS, Lifecycle, Status

RECURRING = "recurring"


class Dialect:
    """Date arithmetic, the only thing that differs between the two databases here."""

    def __init__(self, name: str) -> None:
        self.postgres = name == "postgresql"

    def day(self, param: str) -> str:
        return f"CAST(:{param} AS DATE)" if self.postgres else f":{param}"

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


def status_case(sql: Dialect) -> str:
    """The status of one row `a` of layer 1: lifecycle, due, rep (first report on or before as_of),
    soon_from (first due-soon day), deadline_version."""
    as_of = sql.day("as_of")
    return f"""CASE
      WHEN a.lifecycle = {_q(Lifecycle.cancelled)} THEN {_q(Status.cancelled)}
      WHEN a.lifecycle = {_q(Lifecycle.paused)} THEN {_q(Status.paused)}
      WHEN a.due IS NULL THEN
        CASE WHEN a.rep IS NOT NULL THEN {_q(Status.done_on_time)} ELSE {_q(Status.no_deadline)} END
      WHEN a.rep IS NOT NULL THEN
        CASE WHEN a.rep <= a.due THEN {_q(Status.done_on_time)} ELSE {_q(Status.done_late)} END
      WHEN {as_of} > a.due THEN {_q(Status.overdue)}
      WHEN {as_of} >= a.soon_from THEN {_q(Status.due_soon)}
      WHEN a.deadline_version > 1 THEN {_q(Status.extended)}
      ELSE {_q(Status.not_due)}
    END"""


# The earliest report: the stored one, or worked out again (sweep_folded) when reports came in since.
FIRST_REPORT = "COALESCE(f.first_report, a.first_report_on)"


def _inputs(sql: Dialect, *, touched_only: bool) -> str:
    """Layer 1, one row per assignment: rep and soon_from from the row itself; the calendar is asked
    only when the stored due-soon day was worked out for another due date or horizon (:fresh = 0)."""
    as_of = sql.day("as_of")
    # IN (…) makes SQLite look each touched id up by key (a join would scan for a Bloom filter); the
    # LEFT JOIN keeps assignments the outer loop, sweep_folded looked up by key.
    joined = "assignments a LEFT JOIN sweep_folded f ON f.id = a.id WHERE"
    source = f"{joined} a.id IN (SELECT id FROM sweep_touched) AND" if touched_only else joined
    return f"""
      SELECT a.id AS id, a.plan_id AS plan_id, a.lifecycle AS lifecycle,
        a.deadline_version AS deadline_version,
        a.status AS old_status, a.reported_on AS old_reported_on, a.changes_on AS old_changes_on,
        a.effective_due AS due, a.due_soon_of AS due_soon_of,
        a.first_report_on AS old_first_report, {FIRST_REPORT} AS first_report,
        CASE WHEN {FIRST_REPORT} <= {as_of} THEN {FIRST_REPORT} END AS rep,
        CASE WHEN a.effective_due IS NULL THEN NULL
             WHEN :fresh = 1 AND a.due_soon_of = a.effective_due THEN a.due_soon_on
             ELSE (SELECT d.soon_from FROM due_soon_days d
                   WHERE d.horizon = :horizon AND d.due = a.effective_due)
        END AS soon_from
      FROM {source} (a.deadline_kind IS NULL OR a.deadline_kind <> '{RECURRING}')
      {FENCE}"""


# Each layer is read as a stream, not inlined into the next (SQLite and PostgreSQL do not flatten a
# subquery with OFFSET): otherwise every reference to `status` repeats the whole CASE.
FENCE = "LIMIT -1 OFFSET 0"


def evaluation_select(sql: Dialect, *, touched_only: bool) -> str:
    """id, plan_id, old_status, status, overdue_days, reported_on, changes_on, due, soon_from,
    first_report, stale for every non-recurring assignment (or only those in sweep_touched).
    `stale`: the stored columns differ from the new ones."""
    as_of = sql.day("as_of")
    days = sql.days_between(as_of, "due")
    buckets = " ".join(f"WHEN {days} <= {limit} THEN {sql.plus('due', limit + 1)}" for limit, _ in BUCKETS)
    fence = "OFFSET 0" if sql.postgres else FENCE
    return f"""
    SELECT id, plan_id, old_status, status, overdue_days, reported_on, changes_on, due, soon_from,
      first_report,
      CASE WHEN old_status IS NULL OR old_status <> status
             OR (old_reported_on IS NULL) <> (reported_on IS NULL) OR old_reported_on <> reported_on
             OR (old_changes_on IS NULL) <> (changes_on IS NULL) OR old_changes_on <> changes_on
             OR (old_first_report IS NULL) <> (first_report IS NULL) OR old_first_report <> first_report
             OR (due IS NOT NULL AND (:fresh = 0 OR due_soon_of IS NULL OR due_soon_of <> due))
           THEN 1 ELSE 0 END AS stale
    FROM (
      SELECT id, plan_id, old_status, old_reported_on, old_changes_on, due, soon_from, due_soon_of, status,
        old_first_report, first_report,
        CASE WHEN status = {_q(Status.overdue)} THEN {days} ELSE 0 END AS overdue_days,
        CASE WHEN status IN ({_q(Status.done_on_time)}, {_q(Status.done_late)}) THEN rep END AS reported_on,
        CASE
          WHEN status = {_q(Status.overdue)} THEN CASE {buckets} END
          WHEN status = {_q(Status.due_soon)} THEN {sql.plus("due", 1)}
          WHEN status IN ({_q(Status.not_due)}, {_q(Status.extended)}) THEN soon_from
        END AS changes_on
      FROM (
        SELECT a.*, {status_case(sql)} AS status
        FROM ({_inputs(sql, touched_only=touched_only).replace(FENCE, fence)}) a {fence}
      ) evaluated {fence}
    ) derived"""
