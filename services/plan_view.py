"""One plan as it stands on a day: its assignments' status, its DAG, schedule and lineage — what the
plan flow shows in Prefect and the timeline chart draws."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine, select

from models.dag import DependencyCycle, PlanDag, build_dag
from models.deadlines import Deadline
from models.errors import NotFound
from models.lineage import AwaitedPlans, Lineage, awaited_plans, document_number_key, lineage
from models.plan import Plan
from models.planfile import parse_plan
from models.schedule import Schedule, endangered, schedule, task_dues
from models.status import DONE, Status
from models.text import ascii_slug
from models.units import UnitRegistry
from services.status import StatusLine, evaluate_store
from store.database import transaction
from store.tables import PlanRow, ReferenceRow
from store.units import load_registry


class PlanSnapshot(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    slug: str
    plan: Plan
    as_of: date
    lines: list[StatusLine]
    dag: PlanDag
    cycle: str | None = None  # the DependencyCycle message when the tasks wait in a circle
    schedule: Schedule = Schedule()
    endangered: dict[str, list[str]] = {}
    parents: list[Lineage] = []  # plans this one carries out
    children: list[Lineage] = []  # plans that carry this one out
    awaited: list[AwaitedPlans] = []  # a group's plan-making task: members whose plan is still awaited

    def task_status(self) -> dict[str, Status]:
        """A task is overdue if any of its assignments is, done when all are, else its lead's status."""
        found: dict[str, list[Status]] = {}
        for line in self.lines:
            found.setdefault(line.assignment.task_key, []).append(line.evaluation.status)
        return {task: _task_status(statuses) for task, statuses in found.items()}


def _task_status(statuses: list[Status]) -> Status:
    if Status.overdue in statuses:
        return Status.overdue
    live = [s for s in statuses if s not in (Status.cancelled, Status.paused)]
    if live and all(s in DONE for s in live):
        return Status.done_late if Status.done_late in live else Status.done_on_time
    return live[0] if live else statuses[0]


def plan_slug(key: str) -> str:
    """The plan key as an artifact key and URL part: `^[a-z0-9-]*$`, at most 60 characters."""
    slug = ascii_slug(key)
    if len(slug) > 60:
        import hashlib

        slug = f"{slug[:49]}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"
    return slug


def _stored_plan(row: PlanRow) -> Plan:
    def read_phrase(phrase: str, year: int | None) -> Deadline:
        from extraction.deadlines import parse_deadline

        return parse_deadline(phrase, year=year)

    return parse_plan(row.plan_file, f"{row.key} (as stored)", read_phrase=read_phrase)


def load_plan_model(engine: Engine, plan_key: str) -> Plan:
    with transaction(engine) as session:
        row = session.scalar(select(PlanRow).where(PlanRow.key == plan_key))
        if row is None:
            raise NotFound(f"no plan {plan_key!r}: `dondoc plans` lists the stored plans")
        return _stored_plan(row)


def _related_plans(engine: Engine, plan: Plan) -> tuple[list[Plan], list[Plan]]:
    """The stored plans this one implements (by number), and those that implement it."""
    wanted = {document_number_key(n) for n in plan.document.implements}
    own = document_number_key(plan.document.number or "")
    with transaction(engine) as session:
        numbered = session.scalars(select(PlanRow).where(PlanRow.number.is_not(None))).all()
        parents = [_stored_plan(r) for r in numbered if document_number_key(r.number or "") in wanted]
        citing = select(ReferenceRow.plan_id, ReferenceRow.number).where(ReferenceRow.implements.is_(True))
        child_ids = {
            pid for pid, number in session.execute(citing) if own and document_number_key(number) == own
        }
        children = [
            _stored_plan(r) for r in session.scalars(select(PlanRow).where(PlanRow.id.in_(child_ids)))
        ]
    return parents, children


def load_snapshot(engine: Engine, plan_key: str, as_of: date, horizon: int) -> PlanSnapshot:
    plan = load_plan_model(engine, plan_key)
    now = datetime.combine(as_of, time(), UTC)  # not recorded (record=False): only a formality
    lines = evaluate_store(engine, as_of=as_of, now=now, horizon=horizon, plan_key=plan_key, record=False)
    dag = build_dag(plan)
    parents, children = _related_plans(engine, plan)
    snapshot = PlanSnapshot(
        key=plan_key,
        slug=plan_slug(plan_key),
        plan=plan,
        as_of=as_of,
        lines=lines,
        dag=dag,
        parents=[x for p in parents if (x := lineage(p, plan))],
        children=[x for c in children if (x := lineage(plan, c))],
        awaited=awaited_plans(plan, [c for c in children if lineage(plan, c)], _registry(engine)),
    )
    try:
        dag.check()
    except DependencyCycle as error:  # shown to the coordinator, never broken here
        return snapshot.model_copy(update={"cycle": str(error)})
    return _with_schedule(snapshot)


def _registry(engine: Engine) -> UnitRegistry:
    with transaction(engine) as session:
        return load_registry(session)


def _with_schedule(snapshot: PlanSnapshot) -> PlanSnapshot:
    dues = task_dues(snapshot.plan)
    for line in snapshot.lines:  # the due date in force as of the day (a recurring one moves on)
        due = line.evaluation.effective_due
        task = line.assignment.task_key
        if due and task in dues and (dues[task] is None or due > dues[task]):  # type: ignore[operator]
            dues[task] = due
    statuses = snapshot.task_status()
    late = [t for t, s in statuses.items() if s is Status.overdue and t in snapshot.dag.tasks]
    done = [t for t, s in statuses.items() if s in DONE]
    return snapshot.model_copy(
        update={
            "schedule": schedule(snapshot.dag, dues),
            "endangered": {t: d for t, d in endangered(snapshot.dag, late, done).items() if d},
        }
    )
