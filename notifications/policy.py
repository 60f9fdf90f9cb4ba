"""The notification policy as data: levels, their offsets and recipients, repeats and stops."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from models.errors import PlanFileError
from models.yaml_lines import LinedYaml, Path_

DEFAULT_POLICY = Path(__file__).with_name("default_policy.yaml")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


class PolicyError(PlanFileError):
    """A policy file that cannot be used, with the file and line of the problem."""


class LevelKind(StrEnum):
    reminder = "reminder"  # before the deadline: tentative deadlines get these only
    overdue = "overdue"  # after the deadline, to the units that must act
    escalation = "escalation"  # after the deadline, up the chain


class RecipientKind(StrEnum):
    lead = "lead"  # the unit of a lead (chủ trì) assignment
    participants = "participants"  # the unit of a participant (phối hợp) assignment
    coordinator = "coordinator"  # the unit that theo dõi, đôn đốc the plan
    parent = "parent"  # the assignment unit's parent in the registry
    issuer = "issuer"  # the body that issued the plan


class StopOn(StrEnum):
    report = "report"
    cancellation = "cancellation"
    pause = "pause"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Level(_Strict):
    name: str = Field(pattern=_NAME.pattern, max_length=40)
    kind: LevelKind
    offset: int = Field(description="Working days from the deadline in force (negative: before).")
    to: tuple[str, ...] = Field(min_length=1)
    label: str = ""

    @model_validator(mode="after")
    def _offset_fits_kind(self) -> Level:
        if self.kind is LevelKind.reminder and self.offset > 0:
            raise ValueError(f"a reminder comes on or before the deadline: offset {self.offset} is after it")
        if self.kind is not LevelKind.reminder and self.offset < 1:
            raise ValueError(f"an {self.kind.value} level comes after the deadline: offset must be 1 or more")
        return self


class Repeat(_Strict):
    """Repeat while still overdue: every `every` working days after the last level, `times` times."""

    every: int = Field(ge=1)
    times: int = Field(ge=0)
    to: tuple[str, ...] = ()  # empty: the last level's recipients
    name: str = Field(default="nhac-lai", pattern=_NAME.pattern, max_length=30)
    label: str = ""


class Coordinator(_Strict):
    """The unit that follows up a plan, found by the plan's document number or by its issuer."""

    unit: str = Field(min_length=1)
    plan: str | None = None
    issuer: str | None = None

    @model_validator(mode="after")
    def _matches_something(self) -> Coordinator:
        if not self.plan and not self.issuer:
            raise ValueError("a coordinator needs `plan` (document number) or `issuer`")
        return self


class Policy(_Strict):
    levels: tuple[Level, ...] = Field(min_length=1)
    repeat: Repeat | None = None
    stop_on: frozenset[StopOn] = frozenset(StopOn)
    coordinators: tuple[Coordinator, ...] = ()
    addresses: dict[str, tuple[str, ...]] = {}
    remind_external: bool = False

    @model_validator(mode="after")
    def _in_order(self) -> Policy:
        object.__setattr__(self, "levels", tuple(sorted(self.levels, key=lambda level: level.offset)))
        return self

    @property
    def last_offset(self) -> int:
        """The offset the repeats count from: the last level after the deadline (0 if none)."""
        return max((level.offset for level in self.levels if level.kind is not LevelKind.reminder), default=0)


def _problems(policy: Policy) -> list[tuple[Path_, str]]:
    """What pydantic cannot see field by field: unique names and offsets, known recipients."""
    found: list[tuple[Path_, str]] = []
    names: set[str] = set()
    offsets: set[int] = set()
    for index, level in enumerate(policy.levels):
        if level.name in names:
            found.append((("levels", index, "name"), f"level name {level.name!r} is used twice"))
        if level.offset in offsets:
            found.append((("levels", index, "offset"), f"two levels have offset {level.offset}"))
        names.add(level.name)
        offsets.add(level.offset)
        found += [(("levels", index, "to", n), p) for n, p in _recipient_problems(policy, level.to)]
    if policy.repeat is not None:
        found += [(("repeat", "to", n), p) for n, p in _recipient_problems(policy, policy.repeat.to)]
    for name, emails in policy.addresses.items():
        found += [
            (("addresses", name), f"{e!r} is not an email address") for e in emails if not _EMAIL.match(e)
        ]
    return found


def _recipient_problems(policy: Policy, tokens: tuple[str, ...]) -> list[tuple[int, str]]:
    known = {kind.value for kind in RecipientKind}
    return [
        (
            n,
            f"unknown recipient {token!r}: use {', '.join(sorted(known))}, a name from `addresses` "
            "or an email address",
        )
        for n, token in enumerate(tokens)
        if token not in known and token not in policy.addresses and not _EMAIL.match(token)
    ]


def parse_policy(text: str, source: str) -> Policy:
    """A policy from YAML text; every error names `source`, the line and the problem."""
    try:
        lined = LinedYaml(text, source)
    except PlanFileError as error:
        raise PolicyError(error.source, error.line, error.problem) from None
    if not isinstance(lined.data, dict):
        raise PolicyError(source, 1, "a policy is a mapping with `levels:` (see the default policy)")
    try:
        policy = Policy.model_validate(lined.data)
    except ValidationError as error:
        first = error.errors()[0]
        loc: Path_ = tuple(first["loc"])
        raise PolicyError(source, lined.line_of(loc), _message(loc, first)) from None
    # Problems are reported against the file's own order, so re-read the levels unsorted.
    unsorted = policy.model_copy(
        update={"levels": tuple(Level.model_validate(x) for x in lined.data["levels"])}
    )
    problems = _problems(unsorted)
    if problems:
        path, message = problems[0]
        raise PolicyError(source, lined.line_of(path), message)
    return policy


def _message(loc: Path_, error: Any) -> str:
    where = ".".join(str(part) for part in loc)
    return f"{where}: {error['msg']}" if where else str(error["msg"])


def load_policy(path: Path | None = None) -> Policy:
    """The policy in `path`, or the packaged default."""
    path = path or DEFAULT_POLICY
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PolicyError(str(path), None, f"cannot read the policy: {error}") from None
    return parse_policy(text, str(path))
