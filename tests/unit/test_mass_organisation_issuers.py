"""The issuer of a mass organisation's document (Đoàn, Hội Liên hiệp Phụ nữ, Mặt trận Tổ quốc): the body in
its head, not the whole organisation named above it or in the other column as a party's name is."""

from __future__ import annotations

import pytest
import yaml

from extraction.extract import extract
from extraction.readers import read_document
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "documents"
_BODY = """Cần Thơ, ngày 5 tháng 4 năm 2025
KẾ HOẠCH
Tổ chức ngày hội thanh niên năm 2025
I. NHIỆM VỤ
1. Các cơ sở đoàn tổ chức hoạt động trước ngày 30/5/2025.
"""


@pytest.mark.parametrize(
    ("head", "issuer"),
    [
        (
            "BCH ĐOÀN THÀNH PHỐ CẦN THƠ\n***\nSố: 41-KH/ĐTN\n\nĐOÀN TNCS HỒ CHÍ MINH\n",
            "Ban Chấp hành Đoàn thành phố Cần Thơ",
        ),
        ("ĐOÀN TNCS HỒ CHÍ MINH\nTỈNH ĐOÀN HẬU GIANG\n***\nSố: 41-KH/TĐTN\n", "Tỉnh đoàn Hậu Giang"),
        (
            "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH\nBAN CHẤP HÀNH ĐOÀN TỈNH SÓC TRĂNG\nSố: 41-KH/TĐTN\n",
            "Ban Chấp hành Đoàn tỉnh Sóc Trăng",
        ),
        (
            "BCH ĐOÀN HUYỆN PHONG ĐIỀN\n***\nSố: 41-KH/HĐTN\nĐOÀN TNCS HỒ CHÍ MINH\n",
            "Ban Chấp hành Đoàn huyện Phong Điền",
        ),
        ("HUYỆN ĐOÀN CỜ ĐỎ\n***\nSố: 41-KH/HĐTN\nĐOÀN TNCS HỒ CHÍ MINH\n", "Huyện đoàn Cờ Đỏ"),
        (
            "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM\nHỘI LHPN TỈNH VĨNH LONG\nSố: 41/KH-HPN\n",
            "Hội Liên hiệp Phụ nữ tỉnh Vĩnh Long",
        ),
        (
            "MẶT TRẬN TỔ QUỐC VIỆT NAM\nỦY BAN MTTQ TỈNH BẠC LIÊU\nSố: 41/KH-MTTQ-BTT\n",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bạc Liêu",
        ),
        (
            "ỦY BAN MTTQ VIỆT NAM\nTỈNH TRÀ VINH\nBAN THƯỜNG TRỰC\nSố: 41/KH-MTTQ-BTT\n",
            "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trà Vinh",
        ),
    ],
)
def test_a_mass_organisation_s_body_in_the_head_issues_the_document(head: str, issuer: str) -> None:
    assert extract(head + _BODY).document.issuer == issuer


def test_a_level_after_a_department_s_name_keeps_its_small_letter() -> None:
    head = "UBND TỈNH KIÊN GIANG\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nSố: 41/KH-STNMT\n"
    assert extract(head + _BODY).document.issuer == "Sở Tài nguyên và Môi trường tỉnh Kiên Giang"
    head = "UBND TỈNH KIÊN GIANG\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 41/KH-SLĐTBXH\n"
    assert extract(head + _BODY).document.issuer == "Sở Lao động - Thương binh và Xã hội tỉnh Kiên Giang"


def test_the_issuers_of_the_text_fixtures_are_those_of_the_gold_file() -> None:
    gold = yaml.safe_load((FIXTURES / "gold.yaml").read_text(encoding="utf-8"))["documents"]
    texts = [d for d in gold if d["file"].endswith((".txt", ".md"))]
    expected = {d["file"]: d["issuer"] for d in texts if d.get("issuer")}
    found = {name: extract(read_document(FIXTURES / name).text).document.issuer for name in expected}
    assert found == expected
