"""A task table whose time column is split under its header into a start and an end."""

from __future__ import annotations

from extraction.extract import extract

TEXT = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 456/KH-UBND
Nghệ An, ngày 10 tháng 4 năm 2025
KẾ HOẠCH
Thực hiện phong trào thi đua năm 2025
I. MỤC ĐÍCH, YÊU CẦU
Tạo chuyển biến rõ nét.
II. NHIỆM VỤ
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
