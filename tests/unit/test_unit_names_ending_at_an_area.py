"""A body's name that runs on past a verb's word ("đầu tư") to the area it serves: "Ban Quản lý dự án đầu tư
xây dựng khu vực" ends at "khu vực", or at the area's name or numeral after it."""

from __future__ import annotations

import pytest

from extraction.extract import extract

_HEAD = "ỦY BAN NHÂN DÂN\nXÃ PHÚ LỘC\nSố: 41/KH-UBND\nKẾ HOẠCH\nNâng cấp giao thông năm 2025\nII. NHIỆM VỤ\n"


def _units(line: str) -> list[str]:
    return [assignment.unit for assignment in extract(_HEAD + line + "\n").plan.assignments]


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        (
            "1. Giao Ban Quản lý dự án đầu tư xây dựng khu vực đôn đốc nhà thầu hoàn thành trong quý III.",
            "Ban Quản lý dự án đầu tư xây dựng khu vực",
        ),
        (
            "1. Giao Ban Quản lý dự án đầu tư xây dựng khu vực Nam Đàn đôn đốc nhà thầu thi công.",
            "Ban Quản lý dự án đầu tư xây dựng khu vực Nam Đàn",
        ),
        (
            "1. Giao Ban Quản lý dự án đầu tư xây dựng khu vực I tổ chức thi công.",
            "Ban Quản lý dự án đầu tư xây dựng khu vực I",
        ),
    ],
)
def test_a_project_board_s_name_ends_at_the_area_it_serves(line: str, unit: str) -> None:
    assert _units(line) == [unit]


def test_a_project_board_named_down_to_its_level_keeps_its_whole_name() -> None:
    line = "1. Giao Ban Quản lý dự án đầu tư xây dựng công trình dân dụng tỉnh triển khai dự án."
    assert _units(line) == ["Ban Quản lý dự án đầu tư xây dựng công trình dân dụng tỉnh"]
