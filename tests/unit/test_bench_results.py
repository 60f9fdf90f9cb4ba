"""The `make bench` harness's pure parts: reading the scripts' output, figure lines, earlier runs."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks import parse
from benchmarks.results import Baseline, Figure, Run, previous_figures, size_label, write
from benchmarks.stages_scripts import email_figures, feed_figures, sweep_figures

SWEEP_OUTPUT = """sweep benchmark — SQLite 3.40.1, Python 3.11.7, 2 CPUs, load average 4.5
a line the harness does not know

== sqlite · 100,000 assignments (1,000 plans), generated in 1.6 s
  first pass (all new)           4204.6 ms  cpu  4120.9 ms  (checkpoint 104.6 ms)  peak   85.3 MiB  ev 1
  full re-evaluation              144.1 ms  cpu   127.9 ms  (checkpoint  23.9 ms)  peak    0.0 MiB  ev 2
  daily sweep                      94.0 ms  cpu    85.3 ms  (checkpoint  13.8 ms)  peak    2.5 MiB  ev 3
                                   every run, ms (evaluated): 94 (355), 96 (355)
  Prefect task runs of the daily sweep: 5,004 (4 + one per assignment of the 50 plans given a flow run, \
of 195 changed; a flow for every changed plan would make 19,504)
  naive ORM loop                19003.6 ms  (timed on 10,000 rows, scaled); the daily sweep is 202× faster

== postgresql · 1,000,000 assignments (10,000 plans), generated in 46.1 s
  daily sweep                     150.0 ms  cpu    85.3 ms  (checkpoint   0.0 ms)  peak    1.0 MiB  ev 3
"""


def test_the_sweep_parser_reads_each_database_and_size_and_skips_unknown_lines() -> None:
    sqlite, postgres = parse.sweep(SWEEP_OUTPUT)
    assert (sqlite.dialect, sqlite.size, postgres.dialect, postgres.size) == (
        "sqlite",
        100_000,
        "postgresql",
        10**6,
    )
    assert sqlite.ms == {"first pass": 4204.6, "full re-evaluation": 144.1, "daily sweep": 94.0}
    assert sqlite.peak_mib["daily sweep"] == 2.5
    assert (sqlite.task_runs, sqlite.task_runs_flow_per_plan, sqlite.naive_ms) == (5004, 19504, 19003.6)
    assert postgres.naive_ms is None and postgres.ms == {"daily sweep": 150.0}


def test_sweep_figures_take_the_naive_loop_as_baseline_timed_per_row_where_the_script_did_not() -> None:
    figures = {f.name: f for f in sweep_figures(parse.sweep(SWEEP_OUTPUT), {"postgresql": 0.001})}
    daily = figures["sweep.sqlite.100k.daily_seconds"]
    assert daily.value == 0.094 and daily.baseline == Baseline(19.0036, "s", "naive ORM loop")
    assert figures["sweep.postgresql.1m.daily_seconds"].baseline == Baseline(1000.0, "s", "naive ORM loop")
    runs = figures["prefect.sqlite.100k.task_runs_per_daily_sweep"]
    assert (runs.value, runs.baseline and runs.baseline.value) == (5004, 19504)


def test_feed_and_email_figures_come_from_their_labelled_lines() -> None:
    feeds = """cpu_reference 0.57 s
full_rebuild_first 4,648 events/s CPU time, 4,000 events/s wall (best of 1: 14.06 s CPU, 15.2 s wall)
full_rebuild_rendering_all 9,944 events/s CPU time, 8,000 events/s wall (best of 3: 6.5 s CPU, 7.16 s wall)
full_rebuild 9,944 events/s (target >= 50,000: every feed rewritten)
rebuild_after_one_change_by_id 724 ms (3 of 351 feeds rewritten)
load_generator wrk; server workers 1; feed 50,293 bytes
requests_304 8,043 requests/s (wrk -t2 -c32, 0 non-2xx/3xx)
requests_200_feed 4,553 requests/s (wrk -t2 -c32, 0 non-2xx/3xx)
requests_200_feed_gzip 9,000 requests/s (wrk)
"""
    found = {f.name: f for f in feed_figures(feeds)}
    assert found["feeds.full_rebuild"].value == 9944
    baseline = Baseline(7160.0, "ms", "a full rebuild rendering every feed")
    assert found["feeds.incremental_rebuild"].baseline == baseline
    assert (found["feeds.server_304"].value, found["feeds.server_50kb_feed"].value) == (8043, 4553)
    assert found["feeds.server_304"].note == "load generator: wrk"
    earlier = "full_rebuild_first 4,648 events/s, 9,544 components/s (14.06 s; 351 feeds x2)\n"
    earlier += "full_rebuild_rendering_all 4,344 events/s (15.05 s; 351 feeds x2)\n"
    earlier += "rebuild_after_one_change_by_id 7 ms\n"
    older = {f.name: f for f in feed_figures(earlier)}
    assert older["feeds.full_rebuild"].value == 4648
    assert older["feeds.incremental_rebuild"].baseline == Baseline(15050.0, "ms", baseline.kind)
    mail = "render:   1001 emails in 1.3 s (771 emails/s, 0.55 ms CPU)\ndeliver:  1001 emails = 140 emails/s"
    assert [(f.name, f.value) for f in email_figures(mail)] == [
        ("emails.delivered", 140),
        ("emails.rendered", 771),
    ]


def test_a_figure_line_gives_times_better_ratios_for_rates_and_for_durations() -> None:
    rate = Figure("a.rate", 2.0, "MB/s", baseline=Baseline(1.0, "MB/s", "target"))
    duration = Figure("a.time", 0.5, "s", "lower", Baseline(10.0, "s", "naive ORM loop"))
    assert rate.line() == "a.rate 2 MB/s baseline 1 MB/s ratio 2 (target)"
    assert duration.line(Figure("a.time", 1.0, "s", "lower")) == (
        "a.time 0.5 s baseline 10 s ratio 20 (naive ORM loop) previous 1 s ratio 2"
    )
    assert [size_label(n) for n in (10_000, 100_000, 1_000_000, 1234)] == ["10k", "100k", "1m", "1234"]


def test_the_previous_run_is_the_latest_earlier_one_of_the_same_kind(tmp_path: Path) -> None:
    for name, quick, value in (
        ("20260101T000000Z-a.json", False, 1.0),
        ("20260102T000000Z-b.json", True, 2.0),
        ("20260103T000000Z-c.json", False, 3.0),
        ("20260109T000000Z-d.json", False, 9.0),
    ):
        figure = {"name": "x", "value": value, "unit": "s", "better": "lower", "baseline": None, "note": ""}
        (tmp_path / name).write_text(json.dumps({"quick": quick, "figures": [figure]}))
    name, figures = previous_figures(tmp_path, quick=False, before="20260105T000000Z-e.json")
    assert (name, figures["x"].value) == ("20260103T000000Z-c.json", 3.0)
    assert previous_figures(tmp_path, quick=True, before="20260101T000000Z-z.json") == (None, {})


def test_a_run_is_written_as_json_that_reads_back(tmp_path: Path) -> None:
    run = Run(quick=True, commit="abc1234")
    run.figures.append(Figure("a.time", 0.5, "s", "lower", Baseline(10.0, "s", "naive ORM loop")))
    path = write(run, tmp_path)
    assert path.name.endswith("-abc1234.json")
    data = json.loads(path.read_text())
    assert data["quick"] is True and data["figures"][0]["baseline"]["kind"] == "naive ORM loop"
    _, figures = previous_figures(tmp_path, quick=True, before="99999999T999999Z")
    assert figures["a.time"] == run.figures[0]
