"""SQLite's validity-window columns (0004_flows_5): STORED, worked out by expressions that give the
same windows as 0004_flows_2's, and the table rebuild that makes them keeps every row referring to it."""

from __future__ import annotations

import importlib
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import text

from store.database import alembic_config, make_engine, migrate

FIRST = importlib.import_module("store.migrations.versions.0004_flows_2_windows")
CHEAPER = importlib.import_module("store.migrations.versions.0004_flows_5_stored_windows")
NOW = datetime(2026, 1, 1, tzinfo=UTC)

STATUSES = [
    None, "Chưa đến hạn", "Sắp đến hạn", "Quá hạn", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
    "Không có hạn", "Gia hạn", "Hủy", "Tạm dừng",
]  # fmt: skip
DUE = date(2026, 3, 10)
# Days around one due date, at the distances the windows test for (a day before, 1, 31, 61, 121 after).
DAYS = [None] + [(DUE + timedelta(days=n)).isoformat() for n in (-7, -1, 0, 1, 2, 31, 32, 61, 121, 150)]
COLUMNS = (
    "status", "lifecycle", "deadline_kind", "deadline_version", "effective_due", "first_report_on",
    "reported_on", "changes_on", "due_soon_on", "due_soon_of", "status_as_of",
)  # fmt: skip


def _rows(count: int) -> list[dict[str, object]]:
    pick = random.Random(7).choice
    rows = []
    for _ in range(count):
        due = pick([None, DUE.isoformat(), DUE.isoformat(), (DUE + timedelta(days=20)).isoformat()])
        rows.append(
            {
                "status": pick(STATUSES),
                "lifecycle": pick(["active", "active", "active", "cancelled", "paused"]),
                "deadline_kind": pick([None, "on_date", "on_date", "recurring"]),
                "deadline_version": pick([1, 2]),
                "effective_due": due,
                "first_report_on": pick(DAYS),
                "reported_on": pick(DAYS),
                "changes_on": pick(DAYS),
                "due_soon_on": pick(DAYS),
                "due_soon_of": pick([None, due, DUE.isoformat()]),
                "status_as_of": pick(DAYS),
            }
        )
    return rows


def test_the_cheaper_windows_are_the_first_ones_on_every_kind_of_row() -> None:
    engine = make_engine("sqlite://")
    rows = _rows(20_000)
    with engine.begin() as connection:
        # DATE columns, as on assignments: the same affinity for the expressions' comparisons.
        connection.execute(
            text(
                "CREATE TABLE w (status VARCHAR(40), lifecycle VARCHAR(20), deadline_kind VARCHAR(20), "
                "deadline_version INTEGER, effective_due DATE, first_report_on DATE, reported_on DATE, "
                "changes_on DATE, due_soon_on DATE, due_soon_of DATE, status_as_of DATE)"
            )
        )
        names = ", ".join(COLUMNS)
        values = ", ".join(f":{c}" for c in COLUMNS)
        connection.execute(text(f"INSERT INTO w ({names}) VALUES ({values})"), rows)
        found = connection.execute(
            text(
                f"SELECT ({FIRST.lo_expression(False)}), ({CHEAPER.lo_expression()}), "
                f"({FIRST.hi_expression(False)}), ({CHEAPER.hi_expression()}) FROM w"
            )
        ).all()
    assert [(lo, hi) for lo, _, hi, _ in found] == [(lo, hi) for _, lo, _, hi in found]
    # The rows cover the windows' branches: open, bounded and closed (0) windows on both ends.
    assert {hi is None for *_, hi in found} == {True, False}
    assert {0, None} < {hi if hi in (0, None) else 1 for *_, hi in found}
    assert len({lo for _, lo, _, _ in found}) > 10


def test_sqlite_keeps_the_window_columns_stored(tmp_path: Path) -> None:
    """An UPDATE then reads the old window from the row instead of working it out again."""
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    migrate(engine)
    with engine.connect() as connection:
        hidden = {row[1]: row[6] for row in connection.exec_driver_sql("PRAGMA table_xinfo(assignments)")}
    assert (hidden["sweep_lo"], hidden["sweep_hi"]) == (3, 3)  # 2: VIRTUAL, 3: STORED


def test_rebuilding_assignments_keeps_the_rows_that_refer_to_them(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004_flows_4")
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO units (id, name, name_key, is_group, external, aliases, abbreviations, "
                "members, emails) VALUES (1, 'Đơn vị', 'đơn vị', 0, 0, '[]', '[]', '[]', '[]')"
            )
        )
        c.execute(
            text(
                "INSERT INTO plans (id, key, content_hash, kind, number, title, source, plan_file, "
                "loaded_at) VALUES (1, 'p', 'h', 'Kế hoạch', '1', '', '', '', :now)"
            ),
            {"now": NOW},
        )
        c.execute(
            text(
                "INSERT INTO tasks (id, plan_id, task_key, section, title, text, depends_on) "
                "VALUES (1, 1, 'T', '', '', '', '[]')"
            )
        )
        c.execute(
            text(
                "INSERT INTO assignments (id, plan_id, task_id, unit_id, key, role, lifecycle, "
                "deadline_version, tentative, overdue_days, effective_due, status, changes_on) "
                "VALUES (1, 1, 1, 1, 'a', 'lead', 'active', 1, 0, 3, '2026-03-10', 'Quá hạn', "
                "'2026-04-10')"
            )
        )
        c.execute(
            text(
                "INSERT INTO reports (assignment_id, reported_on, note, channel, recorded_by, "
                "recorded_at) VALUES (1, '2026-05-01', '', 'web', '', :now)"
            ),
            {"now": NOW},
        )
        c.execute(
            text(
                "INSERT INTO status_history (assignment_id, as_of, old_status, new_status, cause, "
                "recorded_at) VALUES (1, '2026-03-11', NULL, 'Quá hạn', 'sweep', :now)"
            ),
            {"now": NOW},
        )
        c.execute(text("ANALYZE"))
        before = c.execute(text("SELECT sweep_lo, sweep_hi FROM assignments")).one()
    migrate(engine)  # the rest of the revisions, 0004_flows_5 among them
    with engine.connect() as c:
        assert c.execute(text("SELECT COUNT(*) FROM reports")).scalar_one() == 1
        assert c.execute(text("SELECT COUNT(*) FROM status_history")).scalar_one() == 1
        assert (
            c.execute(text("SELECT sweep_lo, sweep_hi FROM assignments")).one()
            == before
            == (20522 + 1, 20553)
        )
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        analyzed = c.execute(text("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'assignments'")).scalar_one()
        assert analyzed > 0  # the planner's statistics came along
