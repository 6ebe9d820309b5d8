"""The schema comes from the migrations, and the migrations match the models (both databases)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from dsreview.store import Database
from dsreview.store.migrate import current_revision, head_revision, upgrade
from dsreview.store.models import Base


def test_migrations_match_the_models(db: Database) -> None:
    assert current_revision(db) == head_revision()
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_upgrade_twice_is_a_no_op(db: Database) -> None:
    upgrade(db)
    upgrade(db)
    assert current_revision(db) == head_revision()


def test_sqlite_is_durable(db: Database) -> None:
    if not db.is_sqlite:
        return
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
