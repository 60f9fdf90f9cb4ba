"""The deployments of prefect.yaml on a Prefect server backed by PostgreSQL, run by two workers of a
process work pool, as they would run across machines (README: "Running across machines").

A throwaway PostgreSQL holds two databases, Prefect's and dondoc's. The test starts `prefect server
start` on it, creates the process pool, registers the deployments with `prefect deploy --all`, and
starts two `prefect worker start` processes, each in its own folder with its own PREFECT_HOME (only
the database, the Prefect API, the shared data folder and the SMTP relay are common, as between
machines). It loads four plans, runs the `daily-sweep` deployment as of a day, and reads back through
the Prefect API: one `plan` run per changed plan, all Completed, each claimed by exactly one worker
and both workers used; starting the plans again with the same idempotency keys makes no run; every
notification mailed once; a second sweep starts no plan run and mails nothing again.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

import pytest
from sqlalchemy import create_engine, text

from flows.fanout import idempotency_key, start_plan_runs
from notifications.sink import Mailbox, start_sink
from services.sweep import PlanChange
from tests.conftest import EXAMPLES, ROOT
from tests.e2e.cluster import Processes, databases, run, wait_http
from tests.pg import free_port

if TYPE_CHECKING:
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.client.schemas.objects import FlowRun

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.timeout(600)]
AS_OF = "2026-11-23"
POOL = "dondoc"
WORKERS = ("worker-a", "worker-b")
SUBMITTED = "prefect.worker.submitted-flow-run"


@dataclass
class Cluster:
    env: dict[str, str]  # what a dondoc command or Prefect client needs: the API, the store
    api_url: str
    dondoc_url: str
    mailbox: Mailbox
    processes: Processes


@pytest.fixture
def cluster(postgres_url: str, tmp_path: Path) -> Iterator[Cluster]:
    mailbox = Mailbox(in_memory=True)
    smtp_port = free_port()
    sink = start_sink(mailbox, port=smtp_port)
    try:
        with databases(postgres_url, "prefect", "dondoc") as urls:
            processes = Processes(tmp_path)
            try:  # every process stops before its database is dropped, whatever happened
                yield _start(processes, urls, smtp_port, tmp_path, mailbox)
            finally:
                processes.stop()
    finally:
        sink.stop()


def _start(
    processes: Processes, urls: dict[str, str], smtp_port: int, tmp_path: Path, mailbox: Mailbox
) -> Cluster:
    env = _environment(tmp_path, urls["dondoc"], smtp_port)
    _start_server(processes, env, urls["prefect"], tmp_path)
    # The store needs no Prefect: the demo units and plans load while the server starts.
    _dondoc(env, "units", "load", str(EXAMPLES / "units.yaml"))
    _dondoc(env, "plan", "load", *map(str, _plan_files(tmp_path / "plans")))
    wait_http(f"{env['PREFECT_API_URL']}/health", processes)
    prefect = [sys.executable, "-m", "prefect"]
    run([*prefect, "work-pool", "create", POOL, "--type", "process"], env, ROOT)
    run([*prefect, "--no-prompt", "deploy", "--all"], env, ROOT)
    for name in WORKERS:
        _start_worker(processes, env, name, tmp_path / name)
    return Cluster(env, env["PREFECT_API_URL"], urls["dondoc"], mailbox, processes)


def _environment(tmp_path: Path, dondoc_url: str, smtp_port: int) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PREFECT_", "DONDOC_"))}
    return {
        **env,
        "PREFECT_API_URL": f"http://127.0.0.1:{free_port()}/api",
        "PREFECT_HOME": str(tmp_path / "prefect-client"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DONDOC_DATABASE_URL": dondoc_url,
        "DONDOC_DATA_DIR": str(tmp_path / "shared"),  # feeds and the feed key: a shared folder
        "DONDOC_SMTP_HOST": "127.0.0.1",
        "DONDOC_SMTP_PORT": str(smtp_port),
        "DONDOC_PUBLIC_BASE_URL": "http://127.0.0.1:9",
        "COLUMNS": "200",
    }


def _start_server(processes: Processes, env: dict[str, str], prefect_url: str, tmp_path: Path) -> None:
    api = env["PREFECT_API_URL"]
    port = api.rsplit(":", 1)[1].split("/")[0]
    server_env = {
        **env,
        "PREFECT_HOME": str(tmp_path / "prefect-server"),
        "PREFECT_API_DATABASE_CONNECTION_URL": prefect_url.replace("+psycopg", "+asyncpg"),
        # Only the runs this test creates: no scheduled sweep or inbox run may join in.
        "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",
        "PREFECT_SERVER_UI_ENABLED": "false",
    }
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", port]
    processes.start("prefect-server", command, server_env, tmp_path)


def _start_worker(processes: Processes, env: dict[str, str], name: str, folder: Path) -> None:
    folder.mkdir()
    worker_env = {
        **env,
        "PREFECT_HOME": str(folder / "prefect"),
        "PREFECT_WORKER_QUERY_SECONDS": "1",
        "PREFECT_WORKER_PREFETCH_SECONDS": "1",
    }
    command = [sys.executable, "-m", "prefect", "worker", "start", "--pool", POOL, "--type", "process"]
    # Two runs at a time each: a worker never takes the whole batch while the other one idles.
    processes.start(name, [*command, "--name", name, "--limit", "2"], worker_env, folder)


def _plan_files(folder: Path) -> list[Path]:
    """The two demo plans and a renumbered copy of each: four plans, all new to the store."""
    folder.mkdir()
    files = []
    for source in sorted((EXAMPLES / "plans").glob("*.yaml")):
        body = source.read_text(encoding="utf-8")
        number = body.split("\n  number: ", 1)[1].split("\n", 1)[0]
        for copy in ("", "1"):
            target = folder / f"{copy}{source.name}"
            target.write_text(body.replace(f"number: {number}", f"number: {copy}{number}"), encoding="utf-8")
            files.append(target)
    return files


def _dondoc(env: dict[str, str], *args: str) -> str:
    return run([sys.executable, "-m", "cli.app", *args], {**env, "PYTHONPATH": str(ROOT)}, ROOT)


def _query(cluster: Cluster, sql: str) -> list[Any]:
    """The first column of a query on dondoc's own database."""
    engine = create_engine(cluster.dondoc_url)
    try:
        with engine.connect() as connection:
            return list(connection.scalars(text(sql)))
    finally:
        engine.dispose()


def _stored_plans(cluster: Cluster) -> set[str]:
    return set(_query(cluster, "SELECT key FROM plans"))


def test_two_workers_share_the_sweep_and_never_run_a_plan_twice(cluster: Cluster) -> None:
    plans = _stored_plans(cluster)  # the demo's and renumbered copies, loaded by the fixture
    assert len(plans) == 4

    with _client(cluster.api_url) as client:
        first = _run_sweep(client, cluster.processes)
        runs = _final_plan_runs(client, cluster.processes, expected=len(plans))
        deployment = client.read_deployment_by_name("plan/plan")
        assert all(r.deployment_id == deployment.id for r in runs)  # runs of the deployment, not subflows
        assert Counter(r.parameters["plan_key"] for r in runs) == Counter(plans)  # each plan once
        assert all(r.state is not None and r.state.is_completed() for r in runs), _states(runs)
        assert all(r.parent_task_run_id is not None for r in runs)  # shown under the sweep's run
        _replay_the_starts(client, cluster, runs)
        mailed = _mail(cluster.mailbox)
        assert mailed, "the sweep sent no reminder"

        second = _run_sweep(client, cluster.processes)
        assert len(_plan_runs(client)) == len(plans)  # nothing changed: no plan run started
        assert _mail(cluster.mailbox) == mailed  # nothing mailed twice

        every = [first, second, *(r.id for r in runs)]
        claimed = _claims(client, cluster.processes, every)  # one worker per run, or it fails
        assert {claimed[r.id] for r in runs} == set(WORKERS), claimed  # both workers ran plans
        # The claim: the server accepts Scheduled → "Pending" once per run and aborts any other
        # worker's proposal (named sub-states like "Submitting" may follow; a second "Pending" not).
        history = {id_: _history(client, id_) for id_ in every}
        assert all(states.count("PENDING:Pending") == 1 for states in history.values()), history


def _replay_the_starts(client: SyncPrefectClient, cluster: Cluster, runs: list[FlowRun]) -> None:
    """Start the plans again as a retried sweep would (same day, same pass): the server hands back
    the runs already made, by their idempotency keys, and makes none."""
    sweep_run = _first_sweep_run(cluster)
    keys = {r.parameters["plan_key"]: r.idempotency_key for r in runs}
    assert keys == {plan: idempotency_key(plan, date.fromisoformat(AS_OF), sweep_run) for plan in keys}
    changes = [PlanChange(plan_key=plan, into={"Quá hạn": 1}) for plan in keys]
    started, failed = start_plan_runs(changes, date.fromisoformat(AS_OF), sweep_run)
    assert not failed and started == {r.parameters["plan_key"]: r.name for r in runs}
    assert len(_plan_runs(client)) == len(runs)


def _first_sweep_run(cluster: Cluster) -> int:
    return int(_query(cluster, "SELECT min(id) FROM sweep_runs")[0])


def _mail(mailbox: Mailbox) -> Counter[tuple[str, str]]:
    """(recipient, notification key) → how many messages carried it; every count must be 1."""
    seen: Counter[tuple[str, str]] = Counter()
    for received in mailbox.received:
        keys = str(received.message["X-Dondoc-Keys"]).split()
        for recipient in received.recipients:
            seen.update((recipient, key) for key in keys)
    assert all(count == 1 for count in seen.values()), [k for k, n in seen.items() if n > 1]
    ids = [str(r.message["Message-ID"]) for r in mailbox.received]
    assert len(ids) == len(set(ids))
    return seen


# Reading back through the Prefect API (polling until the runs end; nothing here is timed) -------


@contextmanager
def _client(api_url: str) -> Iterator[SyncPrefectClient]:
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}), get_client(sync_client=True) as client:
        yield client


def _poll(processes: Processes, what: str, seconds: float = 240) -> Iterator[None]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        processes.check()
        yield
        time.sleep(0.5)
    pytest.fail(f"gave up waiting for {what}:\n" + "\n".join(p[-1500:] for p in map(processes.log, WORKERS)))


def _run_sweep(client: SyncPrefectClient, processes: Processes) -> UUID:
    """Run the daily-sweep deployment as of AS_OF, as a scheduler would, and wait for it to end."""
    deployment = client.read_deployment_by_name("daily-sweep/daily-sweep")
    created = client.create_flow_run_from_deployment(deployment.id, parameters={"as_of": AS_OF})
    for _ in _poll(processes, "the sweep"):
        found = client.read_flow_run(created.id)
        if found.state is not None and found.state.is_final():
            assert found.state.is_completed(), f"{found.state}: {_logs(client, created.id)}"
            return created.id
    raise AssertionError("unreachable")


def _plan_runs(client: SyncPrefectClient) -> list[FlowRun]:
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName

    return client.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=["plan"])))


def _final_plan_runs(client: SyncPrefectClient, processes: Processes, expected: int) -> list[FlowRun]:
    for _ in _poll(processes, "the plan runs"):
        runs = _plan_runs(client)
        if len(runs) >= expected and all(r.state is not None and r.state.is_final() for r in runs):
            return runs
    raise AssertionError("unreachable")


def _claims(client: SyncPrefectClient, processes: Processes, ids: list[UUID]) -> dict[UUID, str]:
    """flow run → the worker that submitted it, from the workers' `submitted-flow-run` events; a run
    submitted twice fails the test."""
    from prefect.events.filters import EventFilter, EventNameFilter

    wanted = {f"prefect.flow-run.{id_}": id_ for id_ in ids}
    for _ in _poll(processes, "the workers' events"):
        page = client.read_events(EventFilter(event=EventNameFilter(name=[SUBMITTED])), limit=50)
        submitted = [
            (wanted[related.id], event.resource.name)
            for event in page.events
            for related in event.related
            if related.role == "flow-run" and related.id in wanted
        ]
        if {id_ for id_, _ in submitted} == set(ids):
            counts = Counter(id_ for id_, _ in submitted)
            assert all(n == 1 for n in counts.values()), submitted
            return {id_: str(worker) for id_, worker in submitted}
    raise AssertionError("unreachable")


def _history(client: SyncPrefectClient, flow_run_id: UUID) -> list[str]:
    """A run's states (type:name), oldest first."""
    states = sorted(client.read_flow_run_states(flow_run_id), key=lambda state: state.timestamp)
    return [f"{state.type.value}:{state.name}" for state in states]


def _states(runs: list[FlowRun]) -> list[str]:
    return [f"{r.parameters.get('plan_key')}: {r.state}" for r in runs]


def _logs(client: SyncPrefectClient, flow_run_id: UUID) -> str:
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    found = client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
    return "\n".join(log.message for log in found)[-3000:]
