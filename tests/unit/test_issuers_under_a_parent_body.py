"""The issuer named in a head's two lines, a body under its parent ("SỞ Y TẾ TỈNH X / BỆNH VIỆN ĐA KHOA
TỈNH"): the body's own name with its place, the parent's name in its own case when the body is named by it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extraction.extract import extract
from extraction.readers import read_document
from tests.conftest import ROOT
from tests.fixtures.documents.build import build_corpus

FIXTURES = ROOT / "tests" / "fixtures" / "documents"
_BODY = """Vinh, ngày 5 tháng 4 năm 2025
KẾ HOẠCH
Tổ chức hoạt động năm 2025
I. NHIỆM VỤ
1. Các khoa, phòng tổ chức hoạt động trước ngày 30/5/2025.
"""


@pytest.mark.parametrize(
    ("head", "issuer"),
    [
        ("SỞ Y TẾ TỈNH NGHỆ AN\nBỆNH VIỆN ĐA KHOA TỈNH\n", "Bệnh viện Đa khoa tỉnh Nghệ An"),
        ("UBND THÀNH PHỐ VINH\nTRUNG TÂM VĂN HÓA THÀNH PHỐ\n", "Trung tâm Văn hóa thành phố Vinh"),
        ("SỞ Y TẾ TỈNH NGHỆ AN\nTRUNG TÂM Y TẾ HUYỆN NAM ĐÀN\n", "Trung tâm Y tế huyện Nam Đàn"),
        ("UBND HUYỆN NAM ĐÀN\nUBND XÃ NAM HƯNG\n", "Ủy ban nhân dân xã Nam Hưng"),
        ("CÔNG AN TỈNH NGHỆ AN\nCÔNG AN HUYỆN NAM ĐÀN\n", "Công an huyện Nam Đàn"),
        ("BỘ Y TẾ\nCỤC QUẢN LÝ DƯỢC\n", "Cục Quản lý dược Bộ Y tế"),
        (
            "CÔNG AN TỈNH NGHỆ AN\nPHÒNG CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI\n",
            "Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh Nghệ An",
        ),
        ("UBND TỈNH NGHỆ AN\nSỞ Y TẾ\n", "Sở Y tế tỉnh Nghệ An"),
        ("TỈNH ỦY NGHỆ AN\nBAN TUYÊN GIÁO\n", "Ban Tuyên giáo Tỉnh ủy Nghệ An"),
        ("UBND HUYỆN NAM ĐÀN\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n", "Phòng Giáo dục và Đào tạo huyện Nam Đàn"),
    ],
)
def test_a_body_under_its_parent_in_the_head_is_named_once_with_its_place(head: str, issuer: str) -> None:
    assert extract(head + "Số: 215/KH-BV\n" + _BODY).document.issuer == issuer


def test_a_parent_s_prevention_word_is_no_head_of_a_body() -> None:
    head = "BỘ CÔNG AN\nCỤC CẢNH SÁT PHÒNG CHÁY, CHỮA CHÁY\nSố: 215/KH-C07\n"
    assert extract(head + _BODY).document.issuer == "Cục Cảnh sát phòng cháy, chữa cháy Bộ Công an"


def test_the_issuers_of_the_built_fixtures_are_those_of_the_gold_file(tmp_path: Path) -> None:
    built = {path.name: path for path in build_corpus(tmp_path) if path.suffix in (".docx", ".pdf")}
    gold = yaml.safe_load((FIXTURES / "gold.yaml").read_text(encoding="utf-8"))["documents"]
    expected = {d["file"]: d["issuer"] for d in gold if d["file"] in built and d.get("issuer")}
    found = {name: extract(read_document(built[name]).text).document.issuer for name in expected}
    assert len(expected) == len(built) > 0
    assert found == expected
