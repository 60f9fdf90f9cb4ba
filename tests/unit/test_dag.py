"""The plan's DAG: stated and derived edges, cycles, critical path, slack, endangered tasks, lineage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.dag import DependencyCycle, EdgeKind, build_dag, with_derived_edges
from models.documents import Document, DocumentKind, Reference
from models.lineage import lineage
from models.plan import Assignment, Dependency, Plan, Role, Task
from models.planfile import dump_plan, parse_plan
from models.schedule import endangered, schedule, task_dues
from tests.factories import HELPER, LEAD, make_deadline

SUMMARY_UNIT = "Ban Tuyên giáo Thành ủy"
DISTRICTS = "Các quận ủy, huyện ủy"


def _task(
    id_: str,
    title: str,
    due: date | None = None,
    text: str = "",
    section: str | None = None,
    depends_on: tuple[Dependency, ...] = (),
) -> Task:
    return Task(
        id=id_,
        section=section or id_.split("-")[0],
        title=title,
        text=text,
        deadline=make_deadline(due) if due else None,
        depends_on=depends_on,
    )


def _plan(
    *tasks: Task,
    units: dict[str, list[tuple[str, Role]]] | None = None,
    number: str = "7-KH/TU",
    references: tuple[Reference, ...] = (),
    issued: date = date(2024, 1, 5),
    issuer: str = "Ban Thường vụ Thành ủy",
) -> Plan:
    units = units or {}
    assignments = [
        Assignment(task=t.id, unit=unit, role=role, deadline=t.deadline)
        for t in tasks
        for unit, role in units.get(t.id, [(LEAD, Role.lead)])
    ]
    document = Document(
        kind=DocumentKind.plan, number=number, issued=issued, issuer=issuer, references=references
    )
    return Plan(key=f"{number}@x", document=document, tasks=tasks, assignments=tuple(assignments))


def test_a_stated_edge_keeps_its_reason_and_a_text_cue_finds_the_task_it_names() -> None:
    plan = _plan(
        _task("II.1-1", "Biên soạn tài liệu học tập chuyên đề", date(2024, 2, 28)),
        _task(
            "II.2-1",
            "Tổ chức hội nghị quán triệt",
            date(2024, 3, 29),
            text="Trên cơ sở tài liệu học tập chuyên đề của thành phố, tổ chức hội nghị.",
        ),
        _task(
            "II.3-1",
            "Sơ kết giữa năm",
            date(2024, 7, 14),
            depends_on=(Dependency(task="II.2-1", reason="sau hội nghị"),),
        ),
    )
    edges = {(e.source, e.target): e for e in build_dag(plan).edges}
    assert edges[("II.2-1", "II.3-1")].kind == EdgeKind.stated
    assert edges[("II.2-1", "II.3-1")].reason == "sau hội nghị"
    cue = edges[("II.1-1", "II.2-1")]
    assert cue.kind == EdgeKind.text_cue and cue.reason.startswith("Trên cơ sở tài liệu học tập")


def test_a_cue_that_names_no_task_adds_no_edge() -> None:
    plan = _plan(
        _task("II.1-1", "Biên soạn tài liệu học tập chuyên đề", date(2024, 2, 28)),
        _task("II.2-1", "Tổ chức hội nghị", date(2024, 3, 29), text="Trên cơ sở chỉ đạo của Trung ương."),
    )
    assert build_dag(plan).edges == ()


def test_serving_a_later_task_makes_that_task_wait() -> None:
    plan = _plan(
        _task("II.1-1", "Hội nghị biểu dương điển hình tiên tiến", date(2024, 11, 29)),
        _task(
            "II.2-1",
            "Lựa chọn điển hình",
            date(2024, 10, 31),
            text="Lựa chọn điển hình để phục vụ hội nghị biểu dương điển hình tiên tiến.",
        ),
    )
    assert [(e.source, e.target) for e in build_dag(plan).edges] == [("II.2-1", "II.1-1")]


def test_reports_sent_through_a_unit_feed_that_units_summary() -> None:
    units = {"II.4-1": [(DISTRICTS, Role.lead)], "III.1-1": [(SUMMARY_UNIT, Role.lead)]}
    plan = _plan(
        _task(
            "II.4-1",
            "Báo cáo kết quả thực hiện",
            date(2024, 12, 4),
            text=f"Báo cáo gửi Ban Thường vụ Thành ủy (qua {SUMMARY_UNIT}) trước ngày 05/12/2024.",
        ),
        _task("III.1-1", "Tổng hợp, báo cáo kết quả năm", date(2024, 12, 31)),
        units=units,
    )
    (edge,) = build_dag(plan).edges
    assert (edge.source, edge.target, edge.kind) == ("II.4-1", "III.1-1", EdgeKind.reporting)
    assert SUMMARY_UNIT in edge.reason


def test_the_same_task_named_in_another_section_joins_it() -> None:
    units = {"II.2-1": [(LEAD, Role.lead)], "III.4-1": [(HELPER, Role.participant)]}
    plan = _plan(
        _task("II.2-1", "Tổ chức Hội nghị sơ kết 5 năm thực hiện Chỉ thị", date(2024, 6, 28)),
        _task("III.4-1", "Tham mưu tổ chức Hội nghị sơ kết 5 năm thực hiện Chỉ thị", date(2024, 6, 28)),
        units=units,
    )
    (edge,) = build_dag(plan).edges
    assert (edge.source, edge.target, edge.kind) == ("III.4-1", "II.2-1", EdgeKind.same_task)


def test_a_cycle_is_reported_with_the_path_that_closes_it() -> None:
    plan = _plan(
        _task("A-1", "Việc một", depends_on=(Dependency(task="C-1", reason="cần kết quả C"),)),
        _task("B-1", "Việc hai", depends_on=(Dependency(task="A-1"),)),
        _task("C-1", "Việc ba", depends_on=(Dependency(task="B-1"),)),
    )
    dag = build_dag(plan)
    with pytest.raises(DependencyCycle) as raised:
        dag.check()
    assert raised.value.path == ("A-1", "B-1", "C-1", "A-1")
    assert "A-1 → B-1 → C-1 → A-1" in str(raised.value) and "cần kết quả C" in str(raised.value)
    assert len(dag.edges) == 3  # nothing was dropped to make it fit


def test_an_ignored_derived_edge_stays_out_and_written_edges_round_trip_through_the_plan_file() -> None:
    plan = _plan(
        _task("II.1-1", "Biên soạn tài liệu học tập chuyên đề", date(2024, 2, 28)),
        _task("II.2-1", "Tổ chức hội nghị", date(2024, 3, 29), text="Trên cơ sở tài liệu học tập chuyên đề."),
    )
    written = with_derived_edges(plan)
    text = dump_plan(written)
    assert "kind: text_cue" in text
    again = parse_plan(text, "plan.yaml")
    assert again == written and build_dag(again).edges == build_dag(plan).edges
    rejected = parse_plan(text.replace("kind: text_cue", "kind: text_cue\n    ignored: true"), "plan.yaml")
    assert build_dag(rejected).edges == ()


def _chain_plan() -> Plan:
    return _plan(
        _task("A-1", "Chuẩn bị tài liệu", date(2024, 3, 1)),
        _task("B-1", "Hội nghị", date(2024, 4, 1), depends_on=(Dependency(task="A-1"),)),
        _task("C-1", "Báo cáo kết quả", date(2024, 6, 3), depends_on=(Dependency(task="B-1"),)),
        _task("D-1", "Tuyên truyền", date(2024, 5, 2), depends_on=(Dependency(task="A-1"),)),
    )


def test_the_critical_path_runs_through_the_task_that_ends_the_plan_and_has_no_slack() -> None:
    plan = _chain_plan()
    found = schedule(build_dag(plan), task_dues(plan))
    assert found.critical_path == ("A-1", "B-1", "C-1")
    assert found.end == date(2024, 6, 3)
    assert {t: found.slack[t] for t in ("A-1", "B-1", "C-1")} == {"A-1": 0, "B-1": 0, "C-1": 0}
    assert found.slack["D-1"] == (date(2024, 6, 3) - date(2024, 5, 2)).days
    assert found.conflicts == ()


def test_a_task_due_after_the_task_that_waits_for_it_is_a_conflict() -> None:
    plan = _plan(
        _task("A-1", "Chuẩn bị", date(2024, 5, 2)),
        _task("B-1", "Hội nghị", date(2024, 4, 1), depends_on=(Dependency(task="A-1"),)),
    )
    (conflict,) = schedule(build_dag(plan), task_dues(plan)).conflicts
    assert (conflict.first, conflict.then) == ("A-1", "B-1")


def test_an_overdue_task_endangers_what_waits_for_it_unless_done() -> None:
    dag = build_dag(_chain_plan())
    assert endangered(dag, ["A-1"]) == {"A-1": ["B-1", "C-1", "D-1"]}
    assert endangered(dag, ["A-1"], done=["D-1"]) == {"A-1": ["B-1", "C-1"]}


def test_a_child_plan_does_its_parents_plan_making_task_and_a_later_child_deadline_is_flagged() -> None:
    parent = _plan(
        _task("II.1-1", "Các cấp ủy xây dựng kế hoạch thực hiện", date(2024, 3, 29)),
        _task("II.4-1", "Báo cáo kết quả thực hiện kế hoạch năm 2024", date(2024, 11, 29)),
        units={"II.1-1": [(DISTRICTS, Role.lead)], "II.4-1": [(DISTRICTS, Role.lead)]},
    )
    child = _plan(
        _task("II.5-1", "Báo cáo kết quả thực hiện kế hoạch năm 2024", date(2024, 12, 10)),
        number="3-KH/HU",
        issued=date(2024, 4, 2),
        issuer="Ban Thường vụ Huyện ủy",
        references=(Reference(number="7-KH/TU", date=date(2024, 1, 5), implements=True),),
    )
    found = lineage(parent, child)
    assert found is not None
    assert found.fulfils == ("II.1-1",) and found.plan_late == ("II.1-1",)
    (late,) = found.late
    assert (late.child_task, late.parent_task) == ("II.5-1", "II.4-1")
    assert lineage(child, parent) is None


def test_on_the_seeds_the_office_helping_with_the_conference_joins_it_and_nothing_is_circular(
    seeds_dir: Path,
) -> None:
    extraction = pytest.importorskip("extraction.extract")
    readers = pytest.importorskip("extraction.readers")
    dags = {
        path.name[:3]: build_dag(extraction.extract(readers.read_document(path).text).plan)
        for path in sorted(seeds_dir.glob("*.txt"))
    }
    assert all(dag.cycle() is None for dag in dags.values())
    joined = [(e.source, e.target) for e in dags["001"].edges if e.kind == EdgeKind.same_task]
    assert any(s.startswith("III.4") and t.startswith("II.2.2") for s, t in joined)
