"""The office of a party committee after a list of kinds of bodies is a unit of its own, as an office with
a level word is ("các ban, Văn phòng Tỉnh ủy"): the committee's name tells its level ("Thành ủy")."""

from __future__ import annotations

from extraction.units import read_units


def _names(text: str) -> list[str]:
    found = read_units(text, persons=True)
    assert found is not None
    return found.names


def test_van_phong_thanh_uy_after_a_list_of_kinds_stands_alone() -> None:
    text = "Các ban đảng, Văn phòng Thành ủy xây dựng kế hoạch thực hiện."
    assert _names(text) == ["Các ban đảng", "Văn phòng Thành ủy"]


def test_van_phong_thi_uy_after_a_longer_list_stands_alone() -> None:
    text = "Các đảng đoàn, ban cán sự đảng, Văn phòng Thị ủy báo cáo kết quả."
    assert _names(text)[-1] == "Văn phòng Thị ủy"


def test_kinds_under_one_cac_stay_one_group() -> None:
    text = "Các phòng, ban, đơn vị thuộc huyện báo cáo kết quả."
    assert _names(text) == ["Các phòng, ban, đơn vị thuộc huyện"]
