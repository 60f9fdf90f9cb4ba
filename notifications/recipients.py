"""Who receives a step: units resolved through the registry (groups fan out), named addresses."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from models.plan import Role
from models.text import name_key
from models.units import Unit, UnitRegistry
from notifications.policy import LevelKind, Policy, RecipientKind

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


class Reason(StrEnum):
    """Why a recipient gets the item; the templates say it in Vietnamese."""

    lead = "lead"
    participant = "participant"
    coordinator = "coordinator"
    parent = "parent"
    issuer = "issuer"
    address = "address"


class Recipient(BaseModel):
    model_config = ConfigDict(frozen=True)

    address: str
    unit: str | None = None
    reason: Reason


class Addressee(BaseModel):
    """What recipient resolution needs of an assignment."""

    model_config = ConfigDict(frozen=True)

    unit: str
    role: Role
    plan_number: str | None = None
    issuer: str | None = None
    accountable: bool = True  # a lead, or a unit of a task that has no lead: the chain hears of it


def resolve(
    tokens: tuple[str, ...], kind: LevelKind, who: Addressee, policy: Policy, registry: UnitRegistry
) -> tuple[list[Recipient], list[str]]:
    """The recipients of `tokens` for one assignment, each address once (first reason wins), and
    the problems met (a unit with no email, an unknown issuer)."""
    found: dict[str, Recipient] = {}
    problems: list[str] = []
    escalating = kind is not LevelKind.reminder
    for token in tokens:
        for unit, reason in _units(token, who, policy, registry, problems):
            if unit.external and (escalating or not policy.remind_external):
                continue
            if not unit.emails:
                problems.append(f"{unit.name}: no email address in the unit registry")
            for email in unit.emails:
                found.setdefault(
                    email.strip().lower(),
                    Recipient(address=email.strip().lower(), unit=unit.name, reason=reason),
                )
        for email in _addresses(token, policy):
            found.setdefault(email, Recipient(address=email, reason=Reason.address))
    return list(found.values()), problems


def _addresses(token: str, policy: Policy) -> list[str]:
    if token in policy.addresses:
        return [email.strip().lower() for email in policy.addresses[token]]
    return [token.strip().lower()] if _EMAIL.match(token) else []


def _units(
    token: str, who: Addressee, policy: Policy, registry: UnitRegistry, problems: list[str]
) -> list[tuple[Unit, Reason]]:
    if token == RecipientKind.lead:
        return _members(who.unit, Reason.lead, registry, problems) if who.role is Role.lead else []
    if token == RecipientKind.participants:
        wanted = who.role is Role.participant
        return _members(who.unit, Reason.participant, registry, problems) if wanted else []
    if not who.accountable or token not in {kind.value for kind in RecipientKind}:
        return []
    if token == RecipientKind.parent:
        return [(parent, Reason.parent) for parent in _parents(who.unit, registry)]
    name = coordinator_of(policy, who) if token == RecipientKind.coordinator else who.issuer
    if name is None:
        problems.append(f"plan {who.plan_number or '?'}: no issuer to send the {token} level to")
        return []
    reason = Reason.coordinator if token == RecipientKind.coordinator else Reason.issuer
    return _members(name, reason, registry, problems)


def _members(
    name: str, reason: Reason, registry: UnitRegistry, problems: list[str]
) -> list[tuple[Unit, Reason]]:
    if registry.find(name) is None:
        problems.append(f"{name}: not in the unit registry, so no address")
        return []
    return [(unit, reason) for unit in registry.members_of(name)]


def _parents(name: str, registry: UnitRegistry) -> list[Unit]:
    """The unit's parent; a group without one reaches its members' parents."""
    unit = registry.find(name)
    if unit is None:
        return []
    chain = registry.chain(unit.name)
    if len(chain) > 1:
        return [chain[1]]
    parents: list[Unit] = []
    for member in registry.members_of(unit.name) if unit.is_group else []:
        for parent in registry.chain(member.name)[1:2]:
            if parent not in parents:
                parents.append(parent)
    return parents


def coordinator_of(policy: Policy, who: Addressee) -> str | None:
    """The coordinating unit named for the plan (by number, then issuer), else the issuer itself."""
    for entry in policy.coordinators:
        if entry.plan and who.plan_number and name_key(entry.plan) == name_key(who.plan_number):
            return entry.unit
    for entry in policy.coordinators:
        if entry.issuer and who.issuer and name_key(entry.issuer) == name_key(who.issuer):
            return entry.unit
    return who.issuer
