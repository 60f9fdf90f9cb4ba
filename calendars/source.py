"""Reading assignments from the store for the calendars: one SQL query for the rows (all of them, or
the tasks of some), statuses taken from the columns the sweep keeps and evaluated here only where those
are missing or out of date as of the day asked for.

Each row's fingerprint is a hash of what its entry is made from, taken straight from the row (the
deadline as stored, names, status), so that an unchanged assignment costs a hash; the entry's fields
(a Draft) are worked out only for the assignments whose fingerprint moved."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, cast
from urllib.parse import quote

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from calendars.drafts import Draft, uid
from calendars.mapping import PRODID
from models.deadlines import WINDOW_KINDS, Deadline, DeadlineKind
from models.status import Lifecycle, Tracked, evaluate_one

_WINDOWS = frozenset(kind.value for kind in WINDOW_KINDS)
_RECURRING = DeadlineKind.recurring.value
_CHUNK = 5000  # ids per IN (…): well under SQLite's and PostgreSQL's parameter limits

# A task's text and a unit's name are read once each (below), not once per assignment: the driver
# makes a new string for every column of every row, the long Vietnamese ones the dearest.
_ROWS = """
SELECT a.id, a.plan_id, a.task_id, a.unit_id, a.key, a.role, a.lifecycle, a.deadline, a.deadline_kind,
       a.deadline_version, a.status, a.status_as_of, a.changes_on, a.reported_on,
       c.fingerprint, c.schedule, c.sequence, c.last_modified, c.sort_key, c.revision
FROM assignments a LEFT JOIN calendar_entries c ON c.assignment_id = a.id
"""
_OF_TASKS = "WHERE a.task_id IN (SELECT task_id FROM assignments WHERE id IN :ids)"


class Stored(NamedTuple):  # named tuples: a full build makes one of each per assignment, cheaply
    """What was published last for an assignment (see calendars.revisions)."""

    fingerprint: str
    schedule: str
    sequence: int
    last_modified: datetime | str  # as the database hands it back: see `moment`
    sort_key: str | None
    revision: str | None


class Source(NamedTuple):
    """What an assignment's entry is made from, as read: its fingerprint is a hash of these."""

    plan: tuple[str, str | None, str, str]  # key, number, title, link
    key: str
    role: str
    task: str
    section: str
    deadline: Any  # the stored JSON: text (SQLite) or already parsed (PostgreSQL)
    units: tuple[tuple[str, ...], tuple[str, ...]]  # the task's leads and participants
    status: str
    effective: str | None  # the day in force when it is not the deadline's own (a recurring one)
    reported: str | None


class Item(NamedTuple):
    """One assignment: where it belongs, what it would publish now, what it published last."""

    id: int
    plan_id: int
    unit_id: int
    version: int
    fingerprint: str
    stored: Stored | None
    source: Source

    def draft(self) -> Draft:
        return make_draft(self.source)


def read_items(
    session: Session, *, as_of: date, horizon: int, ui_url: str, ids: Collection[int] | None = None
) -> list[Item]:
    """Every assignment (or, with `ids`, every assignment of the same tasks: they name each other)."""
    if ids is None:
        rows = fetch_all(session, _ROWS + "ORDER BY a.id")
    else:
        query = text(_ROWS + _OF_TASKS).bindparams(bindparam("ids", expanding=True))
        found = {row[0]: tuple(row) for part in chunks(sorted(ids))
                 for row in session.execute(query, {"ids": part})}
        rows = [found[key] for key in sorted(found)]
    if not rows:
        return []
    plans = _plans(session, {row[1] for row in rows}, ui_url)
    reports = _reports(session, None if ids is None else [row[0] for row in rows])
    tasks = _task_parts(_tasks(session, None if ids is None else {row[2] for row in rows}),
                        _task_units(rows, _unit_names(session)))
    day = as_of.isoformat()
    heads = {plan_id: (plan, _plan_part(plan)) for plan_id, plan in plans.items()}
    return [_item(row, heads[row[1]], tasks[row[2]], reports.get(row[0], ()), day, as_of, horizon)
            for row in rows]


def fetch_all(session: Session, query: str) -> list[tuple[Any, ...]]:
    """A parameterless query's rows as plain tuples, straight from the driver: for the queries that
    read every assignment, where SQLAlchemy's row objects cost more than the database."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(query)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def chunks(items: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])


def _plans(session: Session, ids: set[int], ui_url: str) -> dict[int, PlanFields]:
    query = text("SELECT id, key, number, title FROM plans WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    return {
        id_: (key, number, title or "", plan_url(ui_url, key))
        for chunk in chunks(sorted(ids)) for id_, key, number, title in session.execute(query, {"ids": chunk})
    }


def _tasks(session: Session, ids: set[int] | None) -> dict[int, tuple[str, str]]:
    """Each task's (section, title): of every task, or of those given."""
    query = "SELECT id, section, title FROM tasks"
    if ids is None:
        rows: Iterable[Any] = fetch_all(session, query)
    else:
        statement = text(query + " WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
        rows = (row for chunk in chunks(sorted(ids)) for row in session.execute(statement, {"ids": chunk}))
    return {id_: (section or "", title) for id_, section, title in rows}


def _unit_names(session: Session) -> dict[int, str]:
    return dict(fetch_all(session, "SELECT id, name FROM units"))


def _reports(session: Session, ids: list[int] | None) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    query = "SELECT assignment_id, reported_on FROM reports"
    if ids is None:
        batches: Iterable[Any] = session.execute(text(query))
    else:
        statement = text(query + " WHERE assignment_id IN :ids").bindparams(bindparam("ids", expanding=True))
        batches = (row for chunk in chunks(ids) for row in session.execute(statement, {"ids": chunk}))
    for assignment_id, day in batches:
        found[assignment_id].append(day if isinstance(day, str) else day.isoformat())
    return found


def _task_units(rows: Sequence[Any], names: Mapping[int, str]) -> dict[int, UnitNames]:
    """Each task's lead and participant unit names, in assignment order."""
    leads: dict[int, list[str]] = defaultdict(list)
    participants: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        (leads if row[5] == "lead" else participants)[row[2]].append(names[row[3]])
    return {task: (tuple(leads[task]), tuple(participants[task])) for task in {row[2] for row in rows}}


PlanFields = tuple[str, str | None, str, str]  # key, number, title, link
UnitNames = tuple[tuple[str, ...], tuple[str, ...]]  # a task's leads and participants
# What a task's assignments share: title, section, unit names, and their parts of the fingerprint's
# text (as UTF-8, made once per task: see _fingerprint).
TaskParts = tuple[str, str, UnitNames, bytes, bytes]


def _task_parts(tasks: Mapping[int, tuple[str, str]], units: Mapping[int, UnitNames]) -> dict[int, TaskParts]:
    found = {}
    for task_id, (leads, participants) in units.items():
        section, title = tasks[task_id]
        found[task_id] = (title, section, (leads, participants), _SEP.join(
            (title.encode(), section.encode())), _SEP.join((_LIST_B.join(map(str.encode, leads)),
                                                          _LIST_B.join(map(str.encode, participants)))))
    return found


def _plan_part(plan: PlanFields) -> bytes:
    key, number, title, url = plan
    return _SEPARATOR.join((PRODID, key, number or _NONE, title, url)).encode()


def _item(
    row: Any, plan: tuple[PlanFields, bytes], task: TaskParts, reports: Sequence[str], day: str, as_of: date,
    horizon: int,
) -> Item:
    (id_, plan_id, _, unit_id, key, role, lifecycle, deadline, kind, version, status, evaluated, changes,
     reported, content, scheduled, sequence, modified, placed, revision) = row
    first = min((r for r in reports if r <= day), default=None) if reports else None
    columns = (status, iso(evaluated), iso(changes), iso(reported))
    effective = None
    if not _stored_holds(*columns, lifecycle, kind, first, day):
        parsed = _parsed(deadline)
        status, effective, first = _evaluate(key, lifecycle, version, parsed, reports, as_of, horizon)
        effective = effective if kind == _RECURRING else None
    elif lifecycle != _ACTIVE:
        first = iso(reported)
    # tuple.__new__: a named tuple's own constructor is a Python function, a call a row for each.
    title, section, units, task_part, units_part = task
    source = _new(Source, (plan[0], key, role, title, section, deadline, units, status, effective, first))
    stored = None if content is None else _new(Stored, (content, scheduled, sequence, modified, placed,
                                                         revision))
    made = _fingerprint(plan[1], key, role, task_part, deadline, units_part, status, effective, first)
    return _new(Item, (id_, plan_id, unit_id, version or 1, made, stored, source))


_new = tuple.__new__


def _fingerprint(plan: bytes, key: str, role: str, task: bytes, deadline: Any, units: bytes, status: str,
                 effective: str | None, reported: str | None) -> str:
    """`fingerprint` of the Source these make, from the parts a plan's and a task's rows share,
    already UTF-8: the same bytes hashed, without encoding a task's text once per assignment."""
    deadline = deadline if isinstance(deadline, str) else repr(deadline)
    return hashlib.sha256(_SEP.join((
        plan, f"{key}\x1f{role}".encode(), task, deadline.encode(), units,
        f"{status}\x1f{effective or _NONE}\x1f{reported or _NONE}".encode(),
    ))).hexdigest()


def fingerprint(source: Source) -> str:
    """A hash of what an entry is made from and of the format it is written in; stable across
    processes (the same row read again gives the same text). Fields joined by a separator no field
    holds (it is a control character, dropped from anything published), absent ones by another."""
    key, number, title, url = source.plan
    deadline = source.deadline if isinstance(source.deadline, str) else repr(source.deadline)
    leads, participants = source.units
    return hashlib.sha256(_SEPARATOR.join((
        PRODID, key, number or _NONE, title, url, source.key, source.role, source.task, source.section,
        deadline, _LIST.join(leads), _LIST.join(participants), source.status, source.effective or _NONE,
        source.reported or _NONE,
    )).encode()).hexdigest()


_SEPARATOR, _LIST, _NONE = "\x1f", "\x1e", "\x00"
_SEP, _LIST_B = _SEPARATOR.encode(), _LIST.encode()


def make_draft(source: Source) -> Draft:
    text, due, effective, start, tentative = _deadline_fields(source.deadline)
    plan_key, number, plan_title, url = source.plan
    return _new(Draft, (
        uid(plan_key, source.key), source.role, source.task, source.section, plan_title, number, url,
        text, due, source.effective or effective, start, due if start else None, tentative, source.units[0],
        source.units[1], source.status, source.reported,
    ))


DeadlineFields = tuple[str | None, str | None, str | None, str | None, bool]  # text, due, in force, window


def _deadline_fields(stored: Any) -> DeadlineFields:
    """What a draft takes from the stored deadline: once per text, not once per row. A plan gives
    many tasks the same deadline ("trước ngày 31/12/2026", "Quý IV/2026"), and a task's assignments
    share theirs: the fields are kept by text (a bounded memo; PostgreSQL hands back parsed JSON,
    which is not kept)."""
    if isinstance(stored, str):
        fields = _FIELDS.get(stored)
        if fields is None:
            fields = _fields_of(_parsed(stored))
            if len(_FIELDS) >= _FIELDS_KEPT:
                _FIELDS.clear()
            _FIELDS[stored] = fields
        return fields
    return _fields_of(stored)


def _fields_of(deadline: Mapping[str, Any] | None) -> DeadlineFields:
    if deadline is None:
        return (None, None, None, None, False)
    start = deadline.get("start") if deadline.get("kind") in _WINDOWS else None
    return (deadline.get("text"), deadline.get("due"), deadline.get("effective_due"), start,
            bool(deadline.get("tentative")))


_FIELDS: dict[str, DeadlineFields] = {}
_FIELDS_KEPT = 8192  # distinct deadline texts of a store: a few thousand at most


def _parsed(deadline: Any) -> Mapping[str, Any] | None:
    if not isinstance(deadline, str):
        return cast(Mapping[str, Any] | None, deadline)
    # A task's assignments are read one after another and nearly always share their deadline's
    # text: it is parsed once for them. One slot (swapped whole), so nothing else is kept.
    text, found = _LAST_PARSED[0]
    if text != deadline:
        found = json.loads(deadline)  # callers only read it (a Mapping)
        _LAST_PARSED[0] = (deadline, found)
    return found


_LAST_PARSED: list[tuple[str | None, Mapping[str, Any]]] = [(None, {})]


_ACTIVE = Lifecycle.active.value


def _evaluate(
    key: str, lifecycle: str, version: int | None, deadline: Mapping[str, Any] | None,
    reports: Sequence[str], as_of: date, horizon: int,
) -> tuple[str, str | None, str | None]:
    """(status, day in force, report day) as of `as_of`, by the one status rule (models.status)."""
    parsed = Deadline.model_validate(deadline) if deadline else None
    tracked = Tracked(key=key, deadline=parsed, lifecycle=Lifecycle(lifecycle), extended=(version or 1) > 1)
    found = evaluate_one(tracked, [date.fromisoformat(r) for r in reports], as_of, horizon)
    effective = found.effective_due or (parsed.effective_due if parsed else None)
    return found.status.value, iso(effective), iso(found.reported_on)


def _stored_holds(
    status: str | None, evaluated: str | None, changes: str | None, reported: str | None, lifecycle: str,
    kind: str | None, first_report: str | None, day: str,
) -> bool:
    """The stored status is right for `day`: evaluated on or before it, not due to change by it, no
    report it has not seen, and not a recurring deadline (whose day in force the columns do not keep)."""
    if status is None or evaluated is None or evaluated > day or (changes is not None and changes <= day):
        return False
    if kind == _RECURRING:
        return False
    return lifecycle != _ACTIVE or first_report == reported


def iso(value: date | str | None) -> str | None:
    """A day as ISO text: SQLite hands back text, PostgreSQL dates."""
    return value if value is None or isinstance(value, str) else value.isoformat()


def moment(value: datetime | str) -> datetime:
    """A stored timestamp as an aware UTC datetime (SQLite keeps it as text without a zone)."""
    found = datetime.fromisoformat(value) if isinstance(value, str) else value
    return found.replace(tzinfo=UTC) if found.tzinfo is None else found.astimezone(UTC)


def plan_url(ui_url: str, plan_key: str) -> str:
    """The plan's summary in the Prefect UI (the same link the reminder mail gives); the UI's runs page
    when the flows area is not installed."""
    ui = ui_url.rstrip("/")
    try:
        from flows.content import artifact_keys
        from services.plan_view import plan_slug
    except ImportError:
        return f"{ui}/runs"
    return f"{ui}/artifacts/key/{quote(artifact_keys(plan_slug(plan_key))['summary'])}"
