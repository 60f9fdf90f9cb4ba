"""Shared fixtures: the seeds, example data, and one store per backend (SQLite, PostgreSQL)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from store.database import make_engine, migrate
from tests.pg import find_pg_bin, throwaway_cluster

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"the seed documents are not at {SHARED / 'seeds'}")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server: DONDOC_TEST_POSTGRES_URL if set, else a throwaway cluster."""
    given = os.environ.get("DONDOC_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    bin_dir = find_pg_bin()
    if bin_dir is None:
        reason = "PostgreSQL server binaries are not installed (apt-get install postgresql)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: CI must run the PostgreSQL half of the store contract")
        pytest.skip(reason)
    with throwaway_cluster(bin_dir) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty store on each backend: the store contract runs against both."""
    if request.param == "sqlite":
        made = make_engine(f"sqlite:///{tmp_path / 'dondoc.sqlite3'}")
        migrate(made)
        yield made
        made.dispose()
        return
    url = request.getfixturevalue("postgres_url")
    made = make_engine(url)
    with made.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    migrate(made)
    yield made
    made.dispose()
