"""Unit names of the commune level (đặc khu, thôn and tổ dân phố, trạm), of public investment (chủ đầu tư)
and of the Government's texts (cơ quan ngang bộ, Bộ trưởng Bộ X, Kiểm toán nhà nước, Thông tấn xã)."""

from __future__ import annotations

import pytest

from extraction.units import read_units


@pytest.mark.parametrize(
    ("sentence", "names", "groups"),
    [
        ("UBND các xã, phường, đặc khu triển khai", ["UBND các xã, phường, đặc khu"], [True]),
        ("Ủy ban nhân dân đặc khu Phú Quốc chủ trì", ["Ủy ban nhân dân đặc khu Phú Quốc"], [False]),
        ("Trưởng các thôn, tổ dân phố tuyên truyền", ["Các thôn, tổ dân phố"], [True]),
        ("Trưởng Công an huyện chỉ đạo", ["Công an huyện"], [False]),
        ("Các chủ đầu tư khẩn trương giải ngân", ["Các chủ đầu tư"], [True]),
        ("Trạm Y tế xã tổ chức tiêm chủng", ["Trạm Y tế xã"], [False]),
        ("Bộ đội Biên phòng tỉnh phối hợp", ["Bộ đội Biên phòng tỉnh"], [False]),
        ("Trung tâm Phục vụ hành chính công tỉnh làm", ["Trung tâm Phục vụ hành chính công tỉnh"], [False]),
        ("Văn phòng Điều phối nông thôn mới tỉnh làm", ["Văn phòng Điều phối nông thôn mới tỉnh"], [False]),
        ("Các trường trung học phổ thông tổ chức", ["Các trường trung học phổ thông"], [True]),
        ("Các bộ, cơ quan ngang bộ chủ động", ["Các bộ, cơ quan ngang bộ"], [True]),
        ("Bộ trưởng Bộ Tài chính chỉ đạo", ["Bộ Tài chính"], [False]),
        ("Kiểm toán nhà nước chủ trì", ["Kiểm toán nhà nước"], [False]),
        (
            "Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam tuyên truyền",
            ["Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"],
            [False, False],
        ),
    ],
)
def test_local_bodies_are_read_whole(sentence: str, names: list[str], groups: list[bool]) -> None:
    found = read_units(sentence, persons=True)
    assert found is not None
    assert (found.names, found.groups) == (names, groups)


def test_truong_alone_is_a_word_not_a_unit() -> None:
    assert read_units("Trưởng thành từ phong trào thanh niên", persons=True) is None
