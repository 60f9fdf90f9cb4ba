"""The day parameters of the sweep's set-based statement (store.sweep_sql.day_params)."""

from __future__ import annotations

from datetime import date

from store.sweep_sql import day_params

AS_OF = date(2026, 6, 15)


def test_due_dates_after_the_latest_one_due_soon_are_waiting() -> None:
    params = day_params(AS_OF, date(2026, 6, 22), 5, fresh=True)
    assert params["waiting_after"] == "2026-06-22"


def test_with_nothing_due_soon_every_due_date_from_the_day_on_is_waiting() -> None:
    # soon_until before the day: no due date is due soon, an earlier one is overdue, not waiting.
    params = day_params(AS_OF, date(2026, 6, 1), 5, fresh=True)
    assert params["waiting_after"] == "2026-06-14"
    assert (params["edge_30"], params["edge_60"], params["edge_120"]) == (
        "2026-05-16",
        "2026-04-16",
        "2026-02-15",
    )
