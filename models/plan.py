"""A plan: its document, its tasks, who leads and who takes part, by when, and how tasks depend."""

from __future__ import annotations

import hashlib
from collections import Counter
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.deadlines import Deadline
from models.documents import Document
from models.text import ascii_slug, name_key
from models.units import Unit


class Role(StrEnum):
    lead = "lead"  # chủ trì
    participant = "participant"  # phối hợp, tham gia


class SourceSpan(BaseModel):
    """Where in the source document a task was read: lines, inclusive."""

    model_config = ConfigDict(frozen=True)

    first_line: int = Field(ge=1)
    last_line: int = Field(ge=1)


class Dependency(BaseModel):
    """An edge of the plan's DAG: this task waits for `task`, for the stated reason.

    `kind` says where the edge came from ("stated" by the coordinator, or one that models/dag.py
    derived and `dondoc dag --write` wrote into the plan file); `ignored: true` keeps a derived edge
    out of the DAG, so a coordinator can reject a wrong guess without it coming back.
    """

    model_config = ConfigDict(frozen=True)

    task: str
    reason: str = ""
    kind: str = "stated"
    ignored: bool = False


class Assignment(BaseModel):
    """One (task, unit, role), with the deadline in force for that unit."""

    model_config = ConfigDict(frozen=True)

    task: str
    unit: str
    role: Role
    deadline: Deadline | None = None

    @property
    def key(self) -> str:
        return assignment_key(self.task, self.unit, self.role)


class Task(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(min_length=1)
    section: str = ""
    title: str = Field(min_length=1)
    text: str = ""
    span: SourceSpan | None = None
    deadline: Deadline | None = None
    depends_on: tuple[Dependency, ...] = ()


class Plan(BaseModel):
    """A plan document with its tasks and assignments. Units are named; the registry resolves them."""

    model_config = ConfigDict(frozen=True)

    key: str = Field(min_length=1)
    document: Document
    title: str = ""
    tasks: tuple[Task, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    units: tuple[Unit, ...] = ()  # units the plan file declares for itself

    @model_validator(mode="after")
    def _check(self) -> Plan:
        task_ids = [task.id for task in self.tasks]
        duplicates = sorted(t for t, n in Counter(task_ids).items() if n > 1)
        if duplicates:
            raise ValueError(f"task ids must be unique; repeated: {', '.join(duplicates)}")
        known = set(task_ids)
        for task in self.tasks:
            for dependency in task.depends_on:
                if dependency.task not in known:
                    raise ValueError(f"task {task.id} depends on unknown task {dependency.task!r}")
        keys: set[str] = set()
        digests: dict[str, str] = {}  # a plan names the same few units again and again
        for assignment in self.assignments:
            if assignment.task not in known:
                raise ValueError(f"assignment to unknown task {assignment.task!r}")
            unit = assignment.unit
            digest = digests[unit] if unit in digests else digests.setdefault(unit, _unit_digest(unit))
            key = _key(assignment.task, digest, assignment.role)
            if key in keys:
                raise ValueError(f"task {assignment.task} gives {assignment.unit!r} the same role twice")
            keys.add(key)
        assigned = {a.task for a in self.assignments}
        leads_missing = [t for t in task_ids if t not in assigned]
        if leads_missing:
            raise ValueError(f"task {leads_missing[0]} has no unit assigned")
        return self

    def task(self, task_id: str) -> Task:
        return next(task for task in self.tasks if task.id == task_id)

    def assignments_of(self, task_id: str) -> list[Assignment]:
        return [a for a in self.assignments if a.task == task_id]


def assignment_key(task: str, unit: str, role: Role | str) -> str:
    """A stable key for (task, unit, role) inside a plan: it survives re-loads and unit re-spellings."""
    return _key(task, _unit_digest(unit), role)


def _unit_digest(unit: str) -> str:
    return hashlib.sha1(name_key(unit).encode()).hexdigest()[:10]


def _key(task: str, digest: str, role: Role | str) -> str:
    # A plan checks thousands of keys of validated assignments: their role needs no enum look-up.
    return f"{task}~{digest}~{role.value if isinstance(role, Role) else Role(role).value}"


def plan_key(document: Document, content_hash: str) -> str:
    """A plan's identity: its number and issuer when it has them, else the hash of its content."""
    if document.number:
        year = f"/{document.issued.year}" if document.issued else ""
        return f"{document.number}{year}@{ascii_slug(document.issuer or '') or 'unknown'}"
    return f"sha256:{content_hash[:16]}"
