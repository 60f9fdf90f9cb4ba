"""`dondoc extract` prints the stable JSON shape; `dondoc eval` ends with the figures line."""

import json
import re

import typer
from typer.testing import CliRunner

from cli import extract_commands

PLAN = """KẾ HOẠCH
I. NHIỆM VỤ
1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát biên chế. Hoàn thành trong quý II năm 2024.
"""


def _app() -> typer.Typer:
    app = typer.Typer()
    extract_commands.register(app)
    app.callback()(lambda: None)
    return app


def test_extract_prints_document_and_assignments_as_json(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(_app(), ["extract", str(source)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"document", "assignments", "events", "indicators"}
    assert data["document"]["kind"] == "Kế hoạch"
    lead, participant = data["assignments"]
    assert (lead["unit"], lead["role"], lead["section"]) == ("Sở Nội vụ", "lead", "I.1")
    assert (participant["unit"], participant["role"]) == ("Sở Tài chính", "participant")
    assert lead["deadline"]["due"] == "2024-06-30" and lead["deadline"]["kind"] == "quarter"


def test_eval_ends_with_the_figures_line(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "documents:\n- file: plan.txt\n  assignments:\n"
        "  - {section: I.1, unit: Sở Nội vụ, role: lead, deadline: {due: 2024-06-30}}\n"
        "  - {section: I.1, unit: Sở Tư pháp, role: participant, deadline: null}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(_app(), ["eval", str(gold), "--docs", str(tmp_path)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    figures = r"assignments P=0\.50 R=0\.50 F1=0\.50 · due accuracy 1\.00 · unit names whole 1\.00"
    assert re.fullmatch(figures, last)
    assert "MISS" in result.output and "Sở Tư pháp" in result.output


def test_a_unit_name_found_cut_short_still_matches_but_is_not_counted_whole(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "documents:\n- file: plan.txt\n  assignments:\n"
        "  - {section: I.1, unit: Sở Nội vụ tỉnh Hà Tĩnh, role: lead, deadline: {due: 2024-06-30}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(_app(), ["eval", str(gold), "--docs", str(tmp_path)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    figures = r"assignments P=0\.50 R=1\.00 F1=0\.67 · due accuracy 1\.00 · unit names whole 0\.00"
    assert re.fullmatch(figures, last)
    assert "NAME     plan.txt:3 I.1: found 'Sở Nội vụ', gold 'Sở Nội vụ tỉnh Hà Tĩnh'" in result.output
