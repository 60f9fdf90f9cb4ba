"""Alembic migrations of dondoc's database: one branch per area, upgraded together by store.database.migrate."""
