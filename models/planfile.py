"""The plan file: YAML a coordinator can read and correct by hand, validated with file and line."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from models.deadlines import Deadline, DeadlineKind, Recurrence
from models.documents import Document
from models.errors import DondocError, PlanFileError
from models.plan import Assignment, Dependency, Plan, Role, SourceSpan, Task, plan_key
from models.units import Unit, UnitRegistry
from models.yaml_lines import LinedYaml

# Reads a deadline phrase ("Tháng 01/2024") when a plan file gives only the phrase; the grammar lives
# in extraction and is passed in so that the core does not depend on it.
PhraseReader = Callable[[str, int | None], Deadline]

HEADER = (
    "# dondoc plan file: review and correct by hand, then load it with `dondoc plan load FILE`.\n"
    "# Units are named as in the unit registry. A deadline keeps the phrase as written (text) and its\n"
    "# normalised dates; effective_due is the day in force (a weekend or holiday moves it forward).\n"
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DeadlineEntry(_Strict):
    text: str = Field(min_length=1)
    kind: DeadlineKind | None = None
    start: date | None = None
    due: date | None = None
    effective_due: date | None = None
    tentative: bool = False
    confidence: float = Field(default=1.0, ge=0, le=1)
    recurrence: Recurrence | None = None
    # "trong 5 ngày làm việc kể từ ngày nhận được văn bản": the count, while the day it runs from is unknown.
    working_days: int | None = Field(default=None, ge=0)


class UnitEntry(_Strict):
    unit: str = Field(min_length=1)
    deadline: DeadlineEntry | str | None = None


class TaskEntry(_Strict):
    id: str = Field(min_length=1)
    section: str = ""
    title: str = Field(min_length=1)
    text: str = ""
    lines: tuple[int, int] | None = None
    deadline: DeadlineEntry | str | None = None
    lead: list[UnitEntry | str] = []
    participants: list[UnitEntry | str] = []
    depends_on: list[Dependency] = []

    @field_validator("id", "section", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        # "1.2" reads as a float in YAML; ids and sections are text.
        return str(value) if isinstance(value, int | float) else value

    @model_validator(mode="after")
    def _has_unit(self) -> TaskEntry:
        if not self.lead and not self.participants:
            raise ValueError(f"task {self.id} has no unit: give it a `lead` (and `participants` if any)")
        return self


class PlanFile(_Strict):
    key: str | None = None
    document: Document
    title: str = ""
    units: list[Unit] = []
    tasks: list[TaskEntry] = []


def parse_plan(
    text: str,
    source: str,
    *,
    registry: UnitRegistry | None = None,
    read_phrase: PhraseReader | None = None,
) -> Plan:
    """A plan from plan-file text; every problem raises PlanFileError naming `source` and the line."""
    lined = LinedYaml(text, source)
    if not isinstance(lined.data, dict):
        raise PlanFileError(source, 1, "a plan file is a mapping with `document:` and `tasks:`")
    try:
        entry = PlanFile.model_validate(lined.data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise PlanFileError(source, lined.line_of(tuple(first["loc"])), f"{where}: {first['msg']}") from None
    builder = _Builder(entry, lined, read_phrase)
    plan = builder.build(content_hash(text))
    if registry is not None:
        _check_units(plan, entry, lined, registry)
    return plan


class _Builder:
    def __init__(self, entry: PlanFile, lined: LinedYaml, read_phrase: PhraseReader | None) -> None:
        self.entry, self.lined, self.read_phrase = entry, lined, read_phrase
        issued = entry.document.issued
        self.year = issued.year if issued else None

    def build(self, content_hash: str) -> Plan:
        tasks: list[Task] = []
        assignments: list[Assignment] = []
        for index, task in enumerate(self.entry.tasks):
            path: tuple[str | int, ...] = ("tasks", index)
            deadline = self.deadline(task.deadline, (*path, "deadline"))
            span = SourceSpan(first_line=task.lines[0], last_line=task.lines[1]) if task.lines else None
            tasks.append(Task(id=task.id, section=task.section, title=task.title, text=task.text,
                              span=span, deadline=deadline, depends_on=tuple(task.depends_on)))
            for role, field in ((Role.lead, "lead"), (Role.participant, "participants")):
                for position, unit in enumerate(getattr(task, field)):
                    where = (*path, field, position)
                    assignments.append(self.assignment(task.id, role, unit, deadline, where))
        document = self.entry.document
        key = self.entry.key or plan_key(document, content_hash)
        try:
            return Plan(key=key, document=document, title=self.entry.title or document.title or "",
                        tasks=tuple(tasks), assignments=tuple(assignments), units=tuple(self.entry.units))
        except ValidationError as error:
            message = error.errors()[0]["msg"].removeprefix("Value error, ")
            raise PlanFileError(self.lined.source, self.lined.line_of(("tasks",)), message) from None

    def assignment(
        self, task: str, role: Role, unit: UnitEntry | str, task_deadline: Deadline | None,
        path: tuple[str | int, ...],
    ) -> Assignment:
        if isinstance(unit, str):
            return Assignment(task=task, unit=unit, role=role, deadline=task_deadline)
        own = self.deadline(unit.deadline, (*path, "deadline"))
        return Assignment(task=task, unit=unit.unit, role=role, deadline=own or task_deadline)

    def deadline(self, given: DeadlineEntry | str | None, path: tuple[str | int, ...]) -> Deadline | None:
        if given is None:
            return None
        line = self.lined.line_of(path)
        try:
            if isinstance(given, str) or given.kind is None:
                return self._from_phrase(given if isinstance(given, str) else given.text)
            return _checked_deadline(given)
        except (ValidationError, ValueError) as error:
            if isinstance(error, DondocError) and not isinstance(error, PlanFileError):
                raise PlanFileError(self.lined.source, line, str(error)) from None
            message = error.errors()[0]["msg"] if isinstance(error, ValidationError) else str(error)
            raise PlanFileError(self.lined.source, line, f"deadline: {message}") from None

    def _from_phrase(self, phrase: str) -> Deadline:
        if self.read_phrase is None:
            raise ValueError(f"give the kind and dates of {phrase!r} (no phrase reader here)")
        return self.read_phrase(phrase, self.year)


def _checked_deadline(given: DeadlineEntry) -> Deadline:
    fields = given.model_dump(exclude={"effective_due"})
    deadline = Deadline.model_validate(fields)
    if given.effective_due is not None and given.effective_due != deadline.effective_due:
        raise ValueError(
            f"effective_due {given.effective_due} does not follow from due {given.due} "
            f"(it is {deadline.effective_due}); fix `due` or delete `effective_due`"
        )
    return deadline


def _check_units(plan: Plan, entry: PlanFile, lined: LinedYaml, registry: UnitRegistry) -> None:
    known = UnitRegistry([*registry, *plan.units])
    for index, task in enumerate(entry.tasks):
        for field in ("lead", "participants"):
            for position, unit in enumerate(getattr(task, field)):
                name = unit if isinstance(unit, str) else unit.unit
                if name not in known:
                    line = lined.line_of(("tasks", index, field, position))
                    known.get(name, where=f"{lined.source}:{line}")


def dump_plan(plan: Plan) -> str:
    """The plan file for `plan`; parse_plan(dump_plan(p)) == p."""
    tasks = []
    for task in plan.tasks:
        entry: dict[str, Any] = {"id": task.id, "section": task.section, "title": task.title}
        if task.text:
            entry["text"] = task.text
        if task.span:
            entry["lines"] = [task.span.first_line, task.span.last_line]
        if task.deadline:
            entry["deadline"] = _deadline_data(task.deadline)
        for role, field in ((Role.lead, "lead"), (Role.participant, "participants")):
            units = [_unit_data(a, task.deadline) for a in plan.assignments_of(task.id) if a.role is role]
            if units:
                entry[field] = units
        if task.depends_on:
            entry["depends_on"] = [d.model_dump(exclude_defaults=True) for d in task.depends_on]
        tasks.append(entry)
    data: dict[str, Any] = {
        "key": plan.key,
        "document": {"kind": plan.document.kind, **plan.document.model_dump(exclude_defaults=True)},
        "title": plan.title,
        "units": [unit.model_dump(mode="python", exclude_defaults=True) for unit in plan.units],
        "tasks": tasks,
    }
    if not data["units"]:
        del data["units"]
    text = yaml.dump(_plain(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return HEADER + text


class _Dumper(yaml.SafeDumper):
    """Writes every value in place: no `&id001` anchors for a coordinator to puzzle over."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _deadline_data(deadline: Deadline) -> dict[str, Any]:
    return deadline.model_dump(mode="python", exclude_defaults=True)


def _unit_data(assignment: Assignment, task_deadline: Deadline | None) -> str | dict[str, Any]:
    if assignment.deadline == task_deadline:
        return assignment.unit
    own = _deadline_data(assignment.deadline) if assignment.deadline else None
    return {"unit": assignment.unit, "deadline": own}


def _plain(value: Any) -> Any:
    """Enums and tuples as the plain scalars and lists YAML writes readably."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


