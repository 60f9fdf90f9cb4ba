"""Units: the bodies that lead or take part in tasks, their aliases, parents and group members."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from models.errors import UnitNotFound
from models.text import name_key


class Unit(BaseModel):
    """A unit by its canonical name; a group unit ("các quận ủy, huyện ủy ...") lists its members."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    parent: str | None = None
    group: bool = False
    members: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    # Outside the issuer's authority (a ministry named in a city plan): recorded, never escalated to.
    external: bool = False

    @property
    def is_group(self) -> bool:
        return self.group or bool(self.members)

    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.abbreviations)


class UnitRegistry:
    """Finds a unit by any of its spellings and expands groups to their members."""

    def __init__(self, units: Iterable[Unit] = ()) -> None:
        self._units: dict[str, Unit] = {}
        self._by_key: dict[str, str] = {}
        for unit in units:
            self.add(unit)

    def add(self, unit: Unit) -> None:
        self._units[unit.name] = unit
        for spelling in unit.spellings():
            self._by_key[name_key(spelling)] = unit.name

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._units.values())

    def __len__(self) -> int:
        return len(self._units)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name_key(name) in self._by_key

    def find(self, name: str) -> Unit | None:
        canonical = self._by_key.get(name_key(name))
        return self._units[canonical] if canonical else None

    def get(self, name: str, *, where: str = "") -> Unit:
        unit = self.find(name)
        if unit is None:
            raise UnitNotFound(name, where=where, known=sorted(self._units))
        return unit

    def members_of(self, name: str) -> list[Unit]:
        """A group's member units (recursively); a plain unit is its own only member."""
        unit = self.get(name)
        if not unit.members:
            return [unit]
        found: list[Unit] = []
        for member in unit.members:
            for leaf in self.members_of(member):
                if leaf not in found:
                    found.append(leaf)
        return found

    def chain(self, name: str) -> list[Unit]:
        """The unit and its parents, nearest first (who an escalation climbs to)."""
        found: list[Unit] = []
        unit: Unit | None = self.get(name)
        while unit is not None and unit not in found:
            found.append(unit)
            unit = self.find(unit.parent) if unit.parent else None
        return found
