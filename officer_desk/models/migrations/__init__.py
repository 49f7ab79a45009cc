"""Alembic migration environment of the desk database."""
