"""Loading unit registries and plan files into the store, and listing what is there."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine, func, select

from models.deadlines import Deadline
from models.errors import PlanFileError
from models.planfile import content_hash, parse_plan
from models.units import Unit
from models.yaml_lines import LinedYaml
from store.database import transaction
from store.plans import SaveOutcome, save_plan
from store.tables import AssignmentRow, PlanRow, TaskRow
from store.units import load_registry, save_units


def read_units_file(path: Path) -> list[Unit]:
    """The units of a registry file (`units:` list); errors name the file and line."""
    lined = LinedYaml(_read(path), str(path))
    entries = lined.data.get("units") if isinstance(lined.data, dict) else None
    if not isinstance(entries, list):
        raise PlanFileError(str(path), 1, "a unit registry is a mapping with a `units:` list")
    units = []
    for index, entry in enumerate(entries):
        try:
            units.append(Unit.model_validate(entry))
        except ValidationError as error:
            first = error.errors()[0]
            loc = ("units", index, *first["loc"])
            raise PlanFileError(str(path), lined.line_of(loc), f"unit: {first['msg']}") from None
    return units


def load_units(engine: Engine, path: Path) -> int:
    units = read_units_file(path)
    with transaction(engine) as session:
        return save_units(session, units)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PlanFileError(str(path), None, f"cannot read the file: {error}") from None


def _phrase_reader(phrase: str, year: int | None) -> Deadline:
    # The grammar lives in extraction; imported here so a plan file may give just the phrase.
    from extraction.deadlines import parse_deadline

    return parse_deadline(phrase, year=year)


def load_plan(engine: Engine, path: Path, *, now: datetime) -> tuple[str, SaveOutcome]:
    """Validate and store one plan file in one transaction; returns the plan key and what happened."""
    text = _read(path)
    with transaction(engine) as session:
        plan = parse_plan(text, str(path), registry=load_registry(session), read_phrase=_phrase_reader)
        row, outcome = save_plan(
            session, plan, plan_file=text, content_hash=content_hash(text), source=str(path), now=now
        )
        return row.key, outcome


class PlanSummary(BaseModel):
    key: str
    kind: str
    number: str | None
    issued: object
    issuer: str | None
    title: str
    tasks: int
    assignments: int


def list_plans(engine: Engine) -> list[PlanSummary]:
    with transaction(engine) as session:
        tasks = select(func.count(TaskRow.id)).where(TaskRow.plan_id == PlanRow.id).scalar_subquery()
        assignments = (
            select(func.count(AssignmentRow.id)).where(AssignmentRow.plan_id == PlanRow.id).scalar_subquery()
        )
        rows = session.execute(select(PlanRow, tasks, assignments).order_by(PlanRow.issued, PlanRow.key))
        return [
            PlanSummary(
                key=row.key,
                kind=row.kind,
                number=row.number,
                issued=row.issued,
                issuer=row.issuer,
                title=row.title,
                tasks=n_tasks,
                assignments=n_assignments,
            )
            for row, n_tasks, n_assignments in rows
        ]
