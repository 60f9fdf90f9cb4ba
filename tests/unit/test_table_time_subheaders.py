"""Task tables: a time column split under its header into a start and an end; one column of performers."""

from __future__ import annotations

from extraction.extract import extract
from tests.factories import PLAN_HEAD

TEXT = PLAN_HEAD + """II. NHIỆM VỤ
| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | |
|---|---|---|---|---|---|
| | | | | Bắt đầu | Hoàn thành |
| 1 | Tổ chức hội nghị phát động | Sở Nội vụ | Các sở, ngành | Tháng 3/2025 | Tháng 5/2025 |
| 2 | Sơ kết 6 tháng | Sở Nội vụ | UBND các huyện | 01/6/2025 | 15/7/2025 |
"""


def test_the_deadline_is_the_end_column_not_the_start() -> None:
    plan = extract(TEXT).plan
    dues = {task.section: str(task.deadline.due) for task in plan.tasks if task.deadline}
    assert dues == {"1": "2025-05-31", "2": "2025-07-15"}
    assert len(plan.tasks) == 2  # the second header row is no task


PERFORMERS = TEXT.split("| TT |")[0] + """| TT | Nội dung | Đơn vị thực hiện | Thời gian |
|---|---|---|---|
| 1 | Tổ chức hội nghị phát động | Sở Nội vụ | Tháng 5/2025 |
| 2 | Sơ kết 6 tháng | Sở Nội vụ (chủ trì); Sở Tài chính, UBND các huyện | Tháng 7/2025 |
| 3 | Tuyên truyền | Báo Nghệ An, Đài Phát thanh và Truyền hình tỉnh | Thường xuyên |
"""


def test_one_column_of_performers_gives_the_marked_lead_and_otherwise_every_unit_the_lead() -> None:
    plan = extract(PERFORMERS).plan
    tasks = {task.id: task.section for task in plan.tasks}
    found = [(tasks[a.task], a.unit, a.role.value) for a in plan.assignments]
    assert found == [
        ("1", "Sở Nội vụ", "lead"),
        ("2", "Sở Nội vụ", "lead"),
        ("2", "Sở Tài chính", "participant"),
        ("2", "UBND các huyện", "participant"),
        ("3", "Báo Nghệ An", "lead"),
        ("3", "Đài Phát thanh và Truyền hình tỉnh", "lead"),
    ]


def test_a_unit_of_measure_column_names_no_unit() -> None:
    from extraction.table_columns import column_kind

    assert column_kind("Đơn vị tính") == "measure"
    assert column_kind("Kinh phí thực hiện") == "cost"
    assert column_kind("Nội dung thực hiện") == "task"
