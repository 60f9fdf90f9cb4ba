"""Task tables aligned with spaces or tabs (text saved from a PDF with its layout) read as tables."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.extract import extract
from extraction.gap_tables import _GAPPED, gap_tables_as_pipes
from extraction.readers import read_document
from tests.factories import PLAN_HEAD, assignment_rows

HEAD = PLAN_HEAD + "II. NHIỆM VỤ\n"
# Centred headers, a group row, cells wrapped onto a second line, an empty participants' cell.
TABLE = """\
 STT        Nhiệm vụ                          Cơ quan chủ trì        Cơ quan phối hợp          Thời gian
  I    Công tác tuyên truyền
  1    Tổ chức hội nghị phát động         Sở Nội vụ              Các sở, ngành             Tháng 5/2025
       phong trào thi đua toàn tỉnh
  2    Xây dựng chuyên mục thi đua        Đài Phát thanh và      Sở Văn hóa, Thể thao      Quý II-III/2025
       trên sóng phát thanh               Truyền hình tỉnh       và Du lịch
 II    Công tác khen thưởng
  1    Tổng kết, khen thưởng              Sở Nội vụ                                        Trước 15/12/2025

III. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo kết quả về Sở Nội vụ trước ngày 20/12/2025.
"""
EXPECTED = [
    ("I.1", "Sở Nội vụ", "lead", "2025-05-31"),
    ("I.1", "Các sở, ngành", "participant", "2025-05-31"),
    ("I.2", "Đài Phát thanh và Truyền hình tỉnh", "lead", "2025-09-30"),
    ("I.2", "Sở Văn hóa, Thể thao và Du lịch", "participant", "2025-09-30"),
    ("II.1", "Sở Nội vụ", "lead", "2025-12-14"),
]


def _table_assignments(text: str) -> list[tuple[str, str, str, str]]:
    return [row for row in assignment_rows(extract(text).plan) if row[0] != "III"]


def test_a_table_aligned_with_spaces_gives_one_assignment_per_unit_and_row() -> None:
    assert _table_assignments(HEAD + TABLE) == EXPECTED


def test_a_table_split_by_tabs_places_cells_by_their_order(tmp_path: Path) -> None:
    tabbed = (
        "TT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n"
        "1\tTổ chức hội nghị\tSở Nội vụ\tCác sở, ngành\tTháng 5/2025\n"
        "2\tSơ kết 6 tháng\tSở Nội vụ\tUBND các huyện\tTrước 15/7/2025\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(HEAD + tabbed, encoding="utf-8")
    assert _table_assignments(read_document(path).text) == [
        ("1", "Sở Nội vụ", "lead", "2025-05-31"),
        ("1", "Các sở, ngành", "participant", "2025-05-31"),
        ("2", "Sở Nội vụ", "lead", "2025-07-14"),
        ("2", "UBND các huyện", "participant", "2025-07-14"),
    ]


def test_every_line_stays_where_it_was_and_the_rest_of_the_text_is_untouched() -> None:
    rewritten = gap_tables_as_pipes(HEAD + TABLE)
    assert rewritten.count("\n") == (HEAD + TABLE).count("\n")
    lines = rewritten.split("\n")
    assert lines[9] == "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |"
    assert lines[11].startswith("| 1 | Tổ chức hội nghị phát động phong trào thi đua toàn tỉnh | Sở Nội vụ |")
    assert lines[-3:] == TABLE.split("\n")[-3:]


def test_a_paragraph_with_double_spaces_is_no_table() -> None:
    text = "Sở Nội vụ  chủ trì,  phối hợp  với Sở Tư pháp.\nThời gian  thực hiện:  tháng 5/2025."
    assert gap_tables_as_pipes(text) == text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t\u00a0\u2003ab1|.", max_size=30))
def test_only_a_line_with_a_tab_or_two_spaces_running_has_a_gap(line: str) -> None:
    # The header test asks the gap pattern only about such lines.
    assert bool(_GAPPED.findall(line)) <= ("\t" in line or "  " in line)
