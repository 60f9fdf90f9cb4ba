"""What the sweeps changed, read back from the history they committed: a sweep that stopped before
announcing its events or running its plan flows leaves them to the next one (events under the same
ids); nothing goes out twice."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, text

from services.plans import load_plan, load_units
from services.sweep import PlanChange, run_sweep
from services.sweep_events import PLAN_FLOWS, Pending, mark_sent, pending, pending_plan_changes
from store.database import make_engine, migrate
from tests.conftest import EXAMPLES

AS_OF = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, tzinfo=UTC)


def stored(engine: Engine) -> Engine:
    load_units(engine, EXAMPLES / "units.yaml")
    for path in sorted((EXAMPLES / "plans").glob("*.yaml")):
        load_plan(engine, path, now=NOW)
    return engine


def read(engine: Engine, limit: int = 50_000) -> Pending:
    with engine.begin() as connection:
        return pending(connection, limit)


def keys(found: Pending) -> list[tuple[object, ...]]:
    """What an announcement says of its change (its overdue days are the assignment's as it stands)."""
    return [(i.event_id, i.as_of, i.transition.assignment_id, i.transition.new_status)
            for i in found.announcements]


def sweep(engine: Engine, day: date) -> int:
    return run_sweep(engine, as_of=day, now=NOW, horizon=5).transition_count


def test_what_a_sweep_changed_waits_until_it_is_marked_sent(engine: Engine) -> None:
    changed = sweep(stored(engine), AS_OF)
    found = read(engine)
    assert changed > 0 and len(found.announcements) == changed and found.skipped == 0
    assert {item.as_of for item in found.announcements} == {AS_OF}
    assert any(item.transition.new_status == "Quá hạn" for item in found.announcements)
    assert read(engine).announcements == found.announcements  # read again: the same ids
    with engine.begin() as connection:
        mark_sent(connection, found.through)
    assert read(engine).announcements == []


def test_a_sweep_stopped_before_announcing_leaves_its_changes_to_the_next(engine: Engine) -> None:
    sweep(stored(engine), AS_OF)
    first = read(engine)  # then the process stopped: nothing sent, the mark did not move
    later = AS_OF + timedelta(days=40)
    more = sweep(engine, later)
    both = read(engine)
    assert more > 0 and keys(both)[: len(first.announcements)] == keys(first)
    assert [item.as_of for item in both.announcements[len(first.announcements):]] == [later] * more
    ids = [item.event_id for item in both.announcements]
    assert len(set(ids)) == len(ids)


def test_past_the_limit_changes_are_skipped_and_counted(engine: Engine) -> None:
    changed = sweep(stored(engine), AS_OF)
    found = read(engine, limit=3)
    assert len(found.announcements) == 3 and found.skipped == changed - 3
    with engine.begin() as connection:
        mark_sent(connection, found.through)
        mark_sent(connection, 0)  # never back
    assert read(engine).announcements == []


def test_history_written_before_the_mark_existed_is_not_announced(engine: Engine) -> None:
    stored(engine)
    sweep(engine, AS_OF)
    with engine.begin() as connection:  # as the migration found a store swept before it
        connection.execute(text("UPDATE event_marks SET through = (SELECT MAX(id) FROM status_history)"))
    assert read(engine).announcements == []


def test_two_stores_give_their_changes_different_event_ids(engine: Engine, tmp_path: Path) -> None:
    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    migrate(other)
    sweep(stored(engine), AS_OF)
    sweep(stored(other), AS_OF)
    ids = [{i.event_id for i in read(store).announcements} for store in (engine, other)]
    assert ids[0] and ids[1] and not ids[0] & ids[1]
    other.dispose()


def plans_behind(engine: Engine) -> tuple[dict[str, tuple[dict[str, int], int]], int]:
    with engine.begin() as connection:
        changes, through = pending_plan_changes(connection)
    return by_key(changes), through


def by_key(changes: list[PlanChange]) -> dict[str, tuple[dict[str, int], int]]:
    return {change.plan_key: (change.into, change.first) for change in changes}


def test_the_plans_behind_are_the_ones_the_sweep_changed_until_their_flows_ran(engine: Engine) -> None:
    outcome = run_sweep(stored(engine), as_of=AS_OF, now=NOW, horizon=5)
    behind, through = plans_behind(engine)
    assert behind == by_key(outcome.plan_changes) and behind
    with engine.begin() as connection:
        mark_sent(connection, through, PLAN_FLOWS)
    assert plans_behind(engine)[0] == {}
    assert len(read(engine).announcements) == outcome.transition_count  # the events' mark is its own


def test_a_sweep_stopped_before_its_plan_flows_leaves_its_plans_to_the_next(engine: Engine) -> None:
    first = run_sweep(stored(engine), as_of=AS_OF, now=NOW, horizon=5)  # then stopped: no plan flows
    later = run_sweep(engine, as_of=AS_OF + timedelta(days=40), now=NOW, horizon=5)
    behind, _ = plans_behind(engine)
    assert set(behind) == {c.plan_key for c in first.plan_changes} | {c.plan_key for c in later.plan_changes}
    for change in later.plan_changes:
        before = by_key(first.plan_changes).get(change.plan_key, ({}, 0))[0]
        for status, count in change.into.items():
            assert behind[change.plan_key][0][status] == before.get(status, 0) + count
