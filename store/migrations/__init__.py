"""Alembic migrations of dondoc's database: a branch per area, all upgraded by store.database.migrate."""
