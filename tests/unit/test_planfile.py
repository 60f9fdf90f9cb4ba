"""The plan file: load → save → load is the identity; each bad file gives one clear error with its line."""

from datetime import date

import pytest

from models.deadlines import Deadline, DeadlineKind, Frequency, Recurrence
from models.errors import PlanFileError, UnitNotFound
from models.planfile import dump_plan, parse_plan
from models.units import UnitRegistry
from tests.factories import make_deadline, make_plan, make_units

REGISTRY = UnitRegistry(make_units())
K = DeadlineKind

GOOD = """\
document:
  kind: Kế hoạch
  number: 10-KH/TU
  issued: 2024-01-05
  issuer: Ban Thường vụ Thành ủy
tasks:
  - id: II.1-1
    section: II.1
    title: Tổ chức hội nghị sơ kết
    deadline: {text: trước ngày 10/4/2024, kind: before_date, due: 2024-04-09}
    lead: [Ban Tuyên giáo Thành ủy]
    participants: [Văn phòng Thành ủy]
"""

EVERY_KIND = [
    make_deadline(date(2024, 4, 9)),
    Deadline(text="chậm nhất ngày 10/4/2024", kind=K.on_date, due=date(2024, 4, 10)),
    Deadline(
        text="Dự kiến tháng 9/2024",
        kind=K.month,
        start=date(2024, 9, 1),
        due=date(2024, 9, 30),
        tentative=True,
    ),
    Deadline(text="trong quý I năm 2023", kind=K.quarter, start=date(2023, 1, 1), due=date(2023, 3, 31)),
    Deadline(text="6 tháng đầu năm 2024", kind=K.half_year, start=date(2024, 1, 1), due=date(2024, 6, 30)),
    Deadline(text="trong năm 2025", kind=K.year, start=date(2025, 1, 1), due=date(2025, 12, 31)),
    Deadline(text="cuối năm 2023", kind=K.year_end, start=date(2023, 12, 1), due=date(2023, 12, 31)),
    Deadline(
        text="đợt sinh hoạt chính trị hè",
        kind=K.season,
        start=date(2023, 6, 1),
        due=date(2023, 8, 31),
        confidence=0.6,
    ),
    Deadline(text="trước năm 2030", kind=K.before_year, due=date(2029, 12, 31)),
    Deadline(text="chậm nhất năm 2026", kind=K.by_year, due=date(2026, 12, 31)),
    Deadline(
        text="trong 10 ngày làm việc kể từ 05/4/2024",
        kind=K.working_days,
        start=date(2024, 4, 5),
        due=date(2024, 4, 19),
    ),
    Deadline(
        text="trong 05 ngày làm việc kể từ ngày nhận được văn bản",
        kind=K.working_days,
        confidence=0.5,
        working_days=5,
    ),
    Deadline(
        text="trước ngày 20 hằng tháng",
        kind=K.recurring,
        start=date(2024, 1, 1),
        due=date(2024, 1, 19),
        recurrence=Recurrence(frequency=Frequency.monthly, day=20, strictly_before=True),
    ),
    Deadline(text="Thường xuyên", kind=K.ongoing),
]


@pytest.mark.parametrize("deadline", EVERY_KIND, ids=[d.kind.value for d in EVERY_KIND])
def test_every_deadline_kind_round_trips_through_the_plan_file(deadline: Deadline) -> None:
    plan = make_plan(deadline=deadline)
    again = parse_plan(dump_plan(plan), "again.yaml", registry=REGISTRY)
    assert again == plan
    assert parse_plan(dump_plan(again), "third.yaml") == plan


def test_a_participant_with_its_own_deadline_round_trips() -> None:
    plan = make_plan()
    own = make_deadline(date(2024, 3, 29))
    changed = plan.model_copy(
        update={
            "assignments": (plan.assignments[0], plan.assignments[1].model_copy(update={"deadline": own}))
        }
    )
    assert parse_plan(dump_plan(changed), "x.yaml") == changed


def test_a_good_file_loads_with_its_units_and_deadlines() -> None:
    plan = parse_plan(GOOD, "good.yaml", registry=REGISTRY)
    assert [(a.unit, a.role.value) for a in plan.assignments] == [
        ("Ban Tuyên giáo Thành ủy", "lead"),
        ("Văn phòng Thành ủy", "participant"),
    ]
    assert plan.key == "10-KH/TU/2024@ban-thuong-vu-thanh-uy"


def _error(text: str, **kwargs: object) -> PlanFileError | UnitNotFound:
    with pytest.raises((PlanFileError, UnitNotFound)) as caught:
        parse_plan(text, "plan.yaml", **kwargs)  # type: ignore[arg-type]
    return caught.value


def test_an_unknown_unit_names_the_file_and_line_and_suggests_a_spelling() -> None:
    error = _error(GOOD.replace("[Văn phòng Thành ủy]", "[Văn phòng Thành ủi]"), registry=REGISTRY)
    assert str(error).startswith("plan.yaml:12: unknown unit 'Văn phòng Thành ủi'")
    assert "did you mean 'Văn phòng Thành ủy'" in str(error)


def test_an_impossible_date_names_the_line() -> None:
    error = _error(GOOD.replace("due: 2024-04-09", "due: 2024-02-31"))
    assert str(error) == "plan.yaml:10: '2024-02-31' is not a valid value: day is out of range for month"


def test_a_task_without_a_unit_is_refused_at_its_line() -> None:
    text = GOOD.replace("    lead: [Ban Tuyên giáo Thành ủy]\n    participants: [Văn phòng Thành ủy]\n", "")
    error = _error(text)
    assert isinstance(error, PlanFileError) and error.line == 7
    assert "task II.1-1 has no unit" in str(error)


def test_broken_yaml_names_the_line() -> None:
    error = _error(GOOD.replace("lead: [Ban", "lead: [[Ban"))
    assert isinstance(error, PlanFileError) and error.line is not None and "broken YAML" in str(error)


def test_an_unknown_field_is_refused_at_its_line() -> None:
    error = _error(GOOD.replace("    section: II.1\n", "    secton: II.1\n"))
    assert isinstance(error, PlanFileError) and error.line == 8 and "secton" in str(error)


def test_a_stale_effective_due_is_refused_with_what_it_should_be() -> None:
    text = GOOD.replace("due: 2024-04-09}", "due: 2024-04-06, effective_due: 2024-04-06}")
    assert "it is 2024-04-08" in str(_error(text))


def test_a_key_given_twice_is_refused() -> None:
    assert "given twice" in str(
        _error(GOOD.replace("  number: 10-KH/TU\n", "  number: 10-KH/TU\n  number: 2\n"))
    )


def test_a_dependency_on_an_unknown_task_is_refused() -> None:
    text = GOOD + "    depends_on: [{task: II.9-9, reason: sau khi}]\n"
    assert "unknown task 'II.9-9'" in str(_error(text))


def test_a_deadline_given_only_as_a_phrase_is_read_by_the_phrase_reader() -> None:
    text = GOOD.replace(
        "deadline: {text: trước ngày 10/4/2024, kind: before_date, due: 2024-04-09}",
        "deadline: Tháng 01/2024",
    )

    def reader(phrase: str, year: int | None) -> Deadline:
        assert (phrase, year) == ("Tháng 01/2024", 2024)
        return Deadline(text=phrase, kind=K.month, start=date(2024, 1, 1), due=date(2024, 1, 31))

    plan = parse_plan(text, "plan.yaml", read_phrase=reader)
    assert plan.tasks[0].deadline is not None and plan.tasks[0].deadline.due == date(2024, 1, 31)
