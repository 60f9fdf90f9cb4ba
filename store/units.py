"""Storing the unit registry and reading it back."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.text import name_key
from models.units import Unit, UnitRegistry
from store.tables import UnitRow


def save_units(session: Session, units: Iterable[Unit]) -> int:
    """Insert or update units by canonical name; returns how many rows changed."""
    existing = {row.name: row for row in session.scalars(select(UnitRow))}
    changed = 0
    for unit in units:
        values = _values(unit)
        row = existing.get(unit.name)
        if row is None:
            row = UnitRow(**values)
            session.add(row)
            existing[unit.name] = row
            changed += 1
        elif any(getattr(row, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(row, field, value)
            changed += 1
    session.flush()
    return changed


def _values(unit: Unit) -> dict[str, object]:
    return {
        "name": unit.name,
        "name_key": name_key(unit.name),
        "parent": unit.parent,
        "is_group": unit.is_group,
        "external": unit.external,
        "aliases": list(unit.aliases),
        "abbreviations": list(unit.abbreviations),
        "members": list(unit.members),
        "emails": list(unit.emails),
    }


def to_unit(row: UnitRow) -> Unit:
    return Unit(
        name=row.name,
        aliases=tuple(row.aliases),
        abbreviations=tuple(row.abbreviations),
        parent=row.parent,
        group=row.is_group,
        members=tuple(row.members),
        emails=tuple(row.emails),
        external=row.external,
    )


def load_registry(session: Session) -> UnitRegistry:
    return UnitRegistry(to_unit(row) for row in session.scalars(select(UnitRow).order_by(UnitRow.name)))


def unit_ids(session: Session) -> dict[str, int]:
    """Unit ids by canonical name."""
    return {name: id_ for id_, name in session.execute(select(UnitRow.id, UnitRow.name))}
