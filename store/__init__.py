"""Persistence: SQLAlchemy tables, migrations and the repository that maps the core models to them."""
