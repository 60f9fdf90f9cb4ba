"""The plan's DAG: which task waits for which, and why — stated in the plan file or read from its text."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from models.errors import DondocError
from models.plan import Dependency, Plan


class EdgeKind(StrEnum):
    stated = "stated"  # written by a coordinator in the plan file's depends_on
    text_cue = "text_cue"  # "trên cơ sở ...", "sau khi ...", "phục vụ ..."
    reporting = "reporting"  # "báo cáo ... (qua Ban Tuyên giáo)": the collecting unit's summary waits
    same_task = "same_task"  # one piece of work named in two sections


class Edge(BaseModel):
    """`target` waits for `source` to be done."""

    model_config = ConfigDict(frozen=True)

    source: str
    target: str
    kind: str = EdgeKind.stated.value
    reason: str = ""

    def as_dependency(self) -> Dependency:
        """The plan-file entry for this edge, on the task that waits."""
        return Dependency(task=self.source, reason=self.reason, kind=self.kind)


class DependencyCycle(DondocError, ValueError):
    """Tasks that wait for each other: the plan cannot be scheduled until one edge goes."""

    exit_code = 2

    def __init__(self, plan: str, path: Sequence[str], edges: Sequence[Edge]) -> None:
        self.plan, self.path, self.edges = plan, tuple(path), tuple(edges)
        why = "; ".join(
            f"{e.target} waits for {e.source} ({e.kind}: {e.reason or 'no reason given'})" for e in edges
        )
        super().__init__(
            f"plan {plan}: tasks wait for each other in a cycle {' → '.join(path)} [{why}]; delete one of "
            "these depends_on entries in the plan file, or mark a derived one `ignored: true`"
        )


class PlanDag(BaseModel):
    """Tasks (by id, in plan order) and the edges between them."""

    model_config = ConfigDict(frozen=True)

    plan: str
    tasks: tuple[str, ...]
    edges: tuple[Edge, ...] = ()

    def predecessors(self, task: str) -> list[str]:
        return [edge.source for edge in self.edges if edge.target == task]

    def successors(self, task: str) -> list[str]:
        return [edge.target for edge in self.edges if edge.source == task]

    def edge(self, source: str, target: str) -> Edge:
        return next(e for e in self.edges if e.source == source and e.target == target)

    def cycle(self) -> list[str] | None:
        """A path that closes a cycle (first task repeated at the end), or None."""
        state: dict[str, int] = {}  # 1: on the current path, 2: finished
        path: list[str] = []

        def visit(task: str) -> list[str] | None:
            state[task] = 1
            path.append(task)
            for nxt in self.successors(task):
                if state.get(nxt) == 1:
                    return [*path[path.index(nxt) :], nxt]
                if nxt not in state and (found := visit(nxt)):
                    return found
            path.pop()
            state[task] = 2
            return None

        for task in self.tasks:
            if task not in state and (found := visit(task)):
                return found
        return None

    def check(self) -> None:
        """Raise DependencyCycle, naming the path and each edge's reason, if tasks wait in a circle."""
        found = self.cycle()
        if found:
            edges = [self.edge(a, b) for a, b in itertools.pairwise(found)]
            raise DependencyCycle(self.plan, found, edges)

    def order(self) -> list[str]:
        """Tasks so that each comes after everything it waits for (plan order among equals)."""
        self.check()
        placed: list[str] = []
        seen: set[str] = set()
        waiting = list(self.tasks)
        while waiting:
            ready = next(t for t in waiting if all(p in seen for p in self.predecessors(t)))
            waiting.remove(ready)
            placed.append(ready)
            seen.add(ready)
        return placed

    def descendants(self, task: str) -> list[str]:
        """Every task that waits, directly or not, for `task`, in plan order."""
        found: set[str] = set()
        frontier = [task]
        while frontier:
            for nxt in self.successors(frontier.pop()):
                if nxt not in found:
                    found.add(nxt)
                    frontier.append(nxt)
        return [t for t in self.tasks if t in found]


def stated_edges(plan: Plan) -> list[Edge]:
    """The edges the plan file states (derived ones written back into it included), minus ignored ones."""
    return [
        Edge(source=dep.task, target=task.id, kind=dep.kind, reason=dep.reason)
        for task in plan.tasks
        for dep in task.depends_on
        if not dep.ignored
    ]


def build_dag(plan: Plan, *, derive: bool = True) -> PlanDag:
    """The plan's DAG: its stated edges, then the ones read from the text that the file does not
    already state or reject. It may contain a cycle: `check()` reports it, nothing breaks it."""
    edges = stated_edges(plan)
    if derive:
        from models.dag_cues import derived_edges

        # A pair the file states, rejects or states the other way round is the coordinator's call.
        settled = {(dep.task, task.id) for task in plan.tasks for dep in task.depends_on}
        settled |= {(target, source) for source, target in settled}
        edges += [e for e in derived_edges(plan) if (e.source, e.target) not in settled]
    return PlanDag(plan=plan.key, tasks=tuple(t.id for t in plan.tasks), edges=tuple(_unique(edges)))


def _unique(edges: Iterable[Edge]) -> list[Edge]:
    seen: set[tuple[str, str]] = set()
    kept: list[Edge] = []
    for edge in edges:
        if edge.source != edge.target and (edge.source, edge.target) not in seen:
            seen.add((edge.source, edge.target))
            kept.append(edge)
    return kept


def with_derived_edges(plan: Plan) -> Plan:
    """The plan with every derived edge written into its tasks' depends_on, for a coordinator to
    review in the plan file (delete an entry or mark it `ignored: true` to reject it)."""
    dag = build_dag(plan)
    stated = {(e.source, e.target) for e in stated_edges(plan)}
    extra: dict[str, list[Dependency]] = {}
    for edge in dag.edges:
        if (edge.source, edge.target) not in stated:
            extra.setdefault(edge.target, []).append(edge.as_dependency())
    tasks = tuple(
        task.model_copy(update={"depends_on": (*task.depends_on, *extra.get(task.id, []))})
        for task in plan.tasks
    )
    return plan.model_copy(update={"tasks": tasks})
