"""Who receives a step: lead and participants, the chain above them, groups and external units."""

from __future__ import annotations

from models.plan import Role
from models.units import Unit, UnitRegistry
from notifications.policy import LevelKind, parse_policy
from notifications.recipients import Addressee, Reason, resolve
from tests.notify_support import GROUP, HELPER, ISSUER, LEAD, MINISTRY, registry, registry_units

POLICY = parse_policy(
    "levels:\n  - {name: a, kind: escalation, offset: 1, to: [lead]}\n"
    "coordinators:\n  - {plan: 45-KH/TU, unit: Ban Tuyên giáo Thành ủy}\n"
    "addresses: {bch: [BiThu@TU.example, vanphong@tu.example]}\n",
    "p.yaml",
)


def addresses(tokens: tuple[str, ...], who: Addressee, kind: LevelKind = LevelKind.escalation) -> list[str]:
    found, _ = resolve(tokens, kind, who, POLICY, registry())
    return [recipient.address for recipient in found]


def lead(unit: str = LEAD, number: str | None = "45-KH/TU") -> Addressee:
    return Addressee(unit=unit, role=Role.lead, plan_number=number, issuer=ISSUER)


def test_lead_and_participants_reach_only_the_assignment_of_that_role():
    helper = Addressee(unit=HELPER, role=Role.participant, issuer=ISSUER, accountable=False)
    assert addresses(("lead", "participants"), lead()) == ["vanphong@tu.example"]
    assert addresses(("lead", "participants"), helper) == ["tochuc@tu.example", "tochuc2@tu.example"]


def test_a_group_unit_fans_out_to_every_member():
    assert addresses(("lead",), lead(GROUP)) == ["a@hu.example", "b@hu.example"]


def test_the_parent_comes_from_the_registry_chain_and_a_group_reaches_its_members_parents():
    assert addresses(("parent",), lead()) == ["thuongtruc@tu.example"]
    assert addresses(("parent",), lead(GROUP)) == ["thuongtruc@tu.example"]


def test_the_coordinator_is_found_by_plan_number_and_else_the_issuer_stands_in():
    assert addresses(("coordinator",), lead()) == ["tuyengiao@tu.example"]
    assert addresses(("coordinator",), lead(number="99-KH/TU")) == ["thuongtruc@tu.example"]


def test_an_external_unit_is_never_escalated_to_and_gets_no_reminder_by_default():
    ministry = Addressee(unit=MINISTRY, role=Role.lead, issuer=ISSUER)
    assert addresses(("lead",), ministry) == []
    assert addresses(("lead",), ministry, LevelKind.reminder) == []
    reminding = POLICY.model_copy(update={"remind_external": True})
    found, _ = resolve(("lead",), LevelKind.reminder, ministry, reminding, registry())
    assert [r.address for r in found] == ["bo@gov.example"]
    found, _ = resolve(("lead",), LevelKind.escalation, ministry, reminding, registry())
    assert found == []


def test_an_external_parent_is_skipped_when_escalating():
    units = [*registry_units(), Unit(name="Sở X", parent=MINISTRY, emails=("so@x.example",))]
    found, _ = resolve(("parent",), LevelKind.escalation, lead("Sở X"), POLICY, UnitRegistry(units))
    assert found == []


def test_the_chain_hears_only_of_accountable_assignments():
    helper = Addressee(unit=HELPER, role=Role.participant, issuer=ISSUER, accountable=False)
    assert addresses(("coordinator", "parent", "issuer"), helper) == []
    lone_helper = helper.model_copy(update={"accountable": True})  # a task with no lead
    assert addresses(("issuer",), lone_helper) == ["thuongtruc@tu.example"]


def test_each_address_is_listed_once_with_the_first_reason_and_named_addresses_are_lowercased():
    found, _ = resolve(("lead", "bch", "issuer", "parent"), LevelKind.escalation, lead(), POLICY, registry())
    assert [(r.address, r.reason) for r in found] == [
        ("vanphong@tu.example", Reason.lead),
        ("bithu@tu.example", Reason.address),
        ("thuongtruc@tu.example", Reason.issuer),
    ]


def test_units_that_cannot_be_reached_are_reported_not_dropped_silently():
    units = [*registry_units(), Unit(name="Chi bộ không có thư", parent=ISSUER)]
    found, problems = resolve(
        ("lead",), LevelKind.overdue, lead("Chi bộ không có thư"), POLICY, UnitRegistry(units)
    )
    assert found == [] and problems == ["Chi bộ không có thư: no email address in the unit registry"]
    unknown_issuer = Addressee(unit=LEAD, role=Role.lead, issuer="Ban Không Có")
    _, problems = resolve(("issuer",), LevelKind.escalation, unknown_issuer, POLICY, registry())
    assert problems == ["Ban Không Có: not in the unit registry, so no address"]
