"""Ingesting documents: read, extract, archive the original by its hash, store the plan — one file at a time.

- Identity: a plan is its key (number/year@issuer, else the hash of its text: `models.plan.plan_key`).
  The same file again is `unchanged`; another file with the key of a stored plan (the same document
  as .pdf after .docx, or a plan a coordinator has since corrected with `dondoc plan load`) is `kept`
  as it is unless `replace=True`. Nothing ever makes a second plan for one key.
- Archive: the original bytes go to `data_dir/archive/<sha256[:2]>/<sha256><ext>`; the plan row's
  `content_hash` is that sha256 and its `source` the path it was ingested from, so the archived
  original of any stored plan can be found again.
- Units: a unit named in the document that the registry knows (by name, alias or abbreviation) is
  stored under its registry name; any other becomes a unit declared by the plan (`Plan.units`: added
  to the registry with no emails or parent, flagged group/external as read) and is listed in
  `IngestedFile.new_units` for the coordinator to complete in the registry file.
- Failures: each file is one transaction; a file that cannot be read or stored is reported with its
  path and the reason, and the others still go in.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from extraction.extract import ReviewItem, extract
from extraction.readers import READABLE, UNREAD_DOCUMENTS, read_document, unread_reason
from models.errors import DondocError
from models.plan import Assignment, Plan
from models.planfile import dump_plan
from models.text import name_key
from models.units import Unit, UnitRegistry
from services.settings import Settings
from store.database import transaction
from store.plans import save_plan
from store.tables import PlanRow
from store.units import load_registry

NAME_LIMIT = 300  # the store's column width for unit names and issuers


class Outcome(StrEnum):
    created = "created"
    updated = "updated"  # replace=True and the document changed
    unchanged = "unchanged"  # this very file was ingested before
    kept = "kept"  # another file with the same plan key is stored; left as it is


@dataclass(frozen=True)
class IngestedFile:
    """One document that went in (or was already there)."""

    path: Path
    plan_key: str
    outcome: Outcome
    content_hash: str
    archived: Path
    tasks: int
    assignments: int
    new_units: tuple[str, ...] = ()
    review: tuple[ReviewItem, ...] = ()
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class IngestFailure:
    path: Path
    error: str


@dataclass
class IngestResult:
    ingested: list[IngestedFile] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def count(self, outcome: Outcome) -> int:
        return sum(1 for item in self.ingested if item.outcome is outcome)


Progress = Callable[[Path, IngestedFile | IngestFailure], None]


def document_files(
    paths: Iterable[Path], *, exclude: Path | None = None
) -> tuple[list[Path], list[IngestFailure]]:
    """The documents named: files as given, folders searched (recursively) for readable documents.

    Files under `exclude` (the archive, when a folder holding the data directory is ingested) and
    hidden files are not searched for.
    """
    files: list[Path] = []
    missing: list[IngestFailure] = []
    skipped = exclude.resolve() if exclude is not None else None
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _searchable(p, path, skipped))
            files.extend(p for p in found if p.suffix.lower() in READABLE)
            # A document in a format dondoc does not read is reported, never passed over in silence.
            unread = (p for p in found if p.suffix.lower() in UNREAD_DOCUMENTS)
            missing.extend(IngestFailure(p, unread_reason(p)) for p in unread)
        elif path.is_file():
            files.append(path)
        else:
            missing.append(IngestFailure(path, f"{path}: no such file or folder"))
    return files, missing


def _searchable(path: Path, root: Path, skipped: Path | None) -> bool:
    suffix = path.suffix.lower()
    if not path.is_file() or (suffix not in READABLE and suffix not in UNREAD_DOCUMENTS):
        return False
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return False
    return skipped is None or not path.resolve().is_relative_to(skipped)


def archive_dir(settings: Settings) -> Path:
    return settings.data_dir / "archive"


def ingest_paths(
    engine: Engine,
    settings: Settings,
    paths: Iterable[Path],
    *,
    now: datetime,
    replace: bool = False,
    progress: Progress | None = None,
) -> IngestResult:
    """Ingest every document under `paths`; failures are collected, never raised."""
    files, failures = document_files(paths, exclude=archive_dir(settings))
    result = IngestResult(failures=failures)
    for path in files:
        outcome: IngestedFile | IngestFailure
        try:
            outcome = ingest_file(engine, settings, path, now=now, replace=replace)
            result.ingested.append(outcome)
        except (DondocError, SQLAlchemyError, OSError, ValueError) as error:
            outcome = IngestFailure(path, _reason(path, error))
            result.failures.append(outcome)
        if progress is not None:
            progress(path, outcome)
    return result


def ingest_file(
    engine: Engine, settings: Settings, path: Path, *, now: datetime, replace: bool = False
) -> IngestedFile:
    """Read, extract, archive and store one document in one transaction."""
    data = _read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    source = read_document(path)
    extraction = extract(source.text, source_name=str(path))
    archived = archive(archive_dir(settings), data, digest, path.suffix.lower())
    with transaction(engine) as session:
        key = _stored_key(session, digest) or extraction.plan.key
        stored = session.scalar(select(PlanRow).where(PlanRow.key == key))
        plan, new_units = with_registry_units(
            extraction.plan.model_copy(update={"key": key}), load_registry(session)
        )
        found = IngestedFile(
            path=path,
            plan_key=plan.key,
            outcome=Outcome.kept,
            content_hash=digest,
            archived=archived,
            tasks=len(plan.tasks),
            assignments=len(plan.assignments),
            review=tuple(extraction.review),
            notices=tuple(source.notices),
        )
        if stored is not None and stored.content_hash != digest and not replace:
            return found
        _, saved = save_plan(
            session, plan, plan_file=dump_plan(plan), content_hash=digest, source=str(path), now=now
        )
        return dataclasses.replace(found, outcome=Outcome(saved.value), new_units=new_units)


def _stored_key(session: Session, digest: str) -> str | None:
    """The key of the plan stored from these very bytes, if any.

    A newer extraction may read the issuer or number differently and so give the same document
    another key; the bytes decide that it is the same document, so it never becomes a second plan.
    """
    return session.scalar(select(PlanRow.key).where(PlanRow.content_hash == digest).limit(1))


def archive(folder: Path, data: bytes, digest: str, suffix: str) -> Path:
    """The original kept as `folder/<sha256[:2]>/<sha256><ext>`; written once, atomically."""
    target = folder / digest[:2] / f"{digest}{suffix}"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def with_registry_units(plan: Plan, registry: UnitRegistry) -> tuple[Plan, tuple[str, ...]]:
    """The plan with its units under their registry names, and the names the registry lacks.

    Units the registry lacks are declared by the plan; two spellings of one name become one unit.
    """
    declared: dict[str, Unit] = {}
    renamed: dict[str, str] = {}
    for unit in plan.units:
        known = registry.find(unit.name)
        if known is not None:
            renamed[unit.name] = known.name
            continue
        fitted = _fit(unit.name)
        kept = declared.setdefault(name_key(fitted), unit.model_copy(update={"name": fitted}))
        renamed[unit.name] = kept.name
    assignments: dict[str, Assignment] = {}
    for assignment in plan.assignments:
        stored_name = renamed.get(assignment.unit, assignment.unit)
        moved = assignment.model_copy(update={"unit": stored_name})
        assignments.setdefault(moved.key, moved)
    document = plan.document
    if document.issuer and len(document.issuer) > NAME_LIMIT:
        document = document.model_copy(update={"issuer": _fit(document.issuer)})
    rebuilt = Plan(
        key=plan.key,
        document=document,
        title=plan.title,
        tasks=plan.tasks,
        assignments=tuple(assignments.values()),
        units=tuple(declared.values()),
    )
    return rebuilt, tuple(unit.name for unit in declared.values())


def _fit(name: str) -> str:
    return name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1].rstrip() + "…"


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise DondocError(f"{path}: cannot be read ({error.strerror or error})") from None


def _reason(path: Path, error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    if isinstance(error, SQLAlchemyError):
        text = f"could not be stored ({type(error).__name__}: {text.splitlines()[0]})"
    return text if str(path) in text else f"{path}: {text}"
