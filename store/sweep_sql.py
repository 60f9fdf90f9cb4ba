"""The status CASE expression in SQL, for SQLite and PostgreSQL: models.status.evaluate_one, set-based.

Recurring deadlines are not here: their occurrences need the calendar walk of models.deadlines, so the
sweep evaluates those few rows in Python (store/sweep.py) and writes them through the same path.
"""

from __future__ import annotations

from datetime import date, timedelta

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


def _inputs(sql: Dialect, *, touched_only: bool) -> str:
    """Layer 1, one row per assignment: rep and soon_from from the row itself; the calendar is asked
    only when the stored due-soon day was worked out for another due date or horizon (:fresh = 0)."""
    as_of = sql.day("as_of")
    # IN (…) makes SQLite look each touched id up by key (a join would scan for a Bloom filter).
    source = (
        "assignments a WHERE a.id IN (SELECT id FROM sweep_touched) AND"
        if touched_only
        else "assignments a WHERE"
    )
    return f"""
      SELECT a.id AS id, a.plan_id AS plan_id, a.lifecycle AS lifecycle,
        a.deadline_version AS deadline_version,
        a.status AS old_status, a.reported_on AS old_reported_on, a.changes_on AS old_changes_on,
        a.effective_due AS due, a.due_soon_of AS due_soon_of,
        CASE WHEN a.first_report_on <= {as_of} THEN a.first_report_on END AS rep,
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
    """id, plan_id, old_status, status, overdue_days, reported_on, changes_on, due, soon_from, stale
    for every non-recurring assignment (or only those in sweep_touched). `stale`: the stored columns
    differ from the new ones."""
    as_of = sql.day("as_of")
    days = sql.days_between(as_of, "due")
    buckets = " ".join(f"WHEN {days} <= {limit} THEN {sql.plus('due', limit + 1)}" for limit, _ in BUCKETS)
    fence = "OFFSET 0" if sql.postgres else FENCE
    return f"""
    SELECT id, plan_id, old_status, status, overdue_days, reported_on, changes_on, due, soon_from,
      CASE WHEN old_status IS NULL OR old_status <> status
             OR (old_reported_on IS NULL) <> (reported_on IS NULL) OR old_reported_on <> reported_on
             OR (old_changes_on IS NULL) <> (changes_on IS NULL) OR old_changes_on <> changes_on
             OR (due IS NOT NULL AND (:fresh = 0 OR due_soon_of IS NULL OR due_soon_of <> due))
           THEN 1 ELSE 0 END AS stale
    FROM (
      SELECT id, plan_id, old_status, old_reported_on, old_changes_on, due, soon_from, due_soon_of, status,
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


def stale_predicate(sql: Dialect) -> str:
    """True for a row `a` whose stored status, report day or next change day may not be what it would
    be as of :as_of. It asks, for the stored status, whether the row's columns still satisfy that
    status's condition in evaluate_one, with comparisons only (no date arithmetic, no lookups), so a
    full pass is one narrow scan of the covering index; each row it flags is evaluated afresh.

    The constants are as_of minus 30/60/120 days (:back_30 …) and plus 1/30/60 (:ahead_1 …). They
    rely on what the sweep writes: an overdue row's next change day is due + 31, 61 or 121 (none
    after 120 days) — for a row still overdue it is right exactly when it falls in the window of its
    current age bucket; a due-soon row's is due + 1; a not-yet-due row's is its due-soon day."""
    as_of = sql.day("as_of")
    no_report = f"(a.first_report_on IS NULL OR a.first_report_on > {as_of})"
    reported = f"a.first_report_on <= {as_of} AND a.reported_on = a.first_report_on AND a.changes_on IS NULL"
    open_ = (
        f"a.lifecycle = 'active' AND a.effective_due IS NOT NULL AND {no_report} AND a.reported_on IS NULL"
    )
    soon_known = "a.due_soon_of = a.effective_due AND :fresh = 1"
    within = f"a.changes_on BETWEEN {sql.day('ahead_1')} AND"
    bucket = (
        f"CASE WHEN a.effective_due >= {sql.day('back_30')} THEN {within} {sql.day('ahead_30')} "
        f"WHEN a.effective_due >= {sql.day('back_60')} THEN {within} {sql.day('ahead_30')} "
        f"WHEN a.effective_due >= {sql.day('back_120')} THEN {within} {sql.day('ahead_60')} "
        "ELSE a.changes_on IS NULL END"
    )
    closed = "a.reported_on IS NULL AND a.changes_on IS NULL"
    valid = f"""CASE a.status
      WHEN {_q(Status.done_on_time)} THEN a.lifecycle = 'active' AND {reported}
        AND (a.effective_due IS NULL OR a.first_report_on <= a.effective_due)
      WHEN {_q(Status.overdue)} THEN {open_} AND a.effective_due < {as_of} AND {bucket}
      WHEN {_q(Status.not_due)} THEN {open_} AND {soon_known} AND a.due_soon_on > {as_of}
        AND a.deadline_version = 1 AND a.changes_on = a.due_soon_on
      WHEN {_q(Status.done_late)} THEN a.lifecycle = 'active' AND {reported}
        AND a.first_report_on > a.effective_due
      WHEN {_q(Status.no_deadline)} THEN a.lifecycle = 'active' AND a.effective_due IS NULL AND {no_report}
        AND {closed}
      WHEN {_q(Status.due_soon)} THEN {open_} AND {soon_known} AND a.due_soon_on <= {as_of}
        AND a.effective_due >= {as_of} AND a.changes_on IS NOT NULL
      WHEN {_q(Status.extended)} THEN {open_} AND {soon_known} AND a.due_soon_on > {as_of}
        AND a.deadline_version > 1 AND a.changes_on = a.due_soon_on
      WHEN {_q(Status.cancelled)} THEN a.lifecycle = 'cancelled' AND {closed}
      WHEN {_q(Status.paused)} THEN a.lifecycle = 'paused' AND {closed}
    END"""
    return f"NOT COALESCE({valid}, FALSE)"


def stale_bounds(as_of: date) -> dict[str, str]:
    """The constants stale_predicate compares with."""
    days = {"back_30": -30, "back_60": -60, "back_120": -120, "ahead_1": 1, "ahead_30": 30, "ahead_60": 60}
    return {name: (as_of + timedelta(days=n)).isoformat() for name, n in days.items()}
