"""Alembic environment: always handed a live connection by `dsreview.store.migrate`."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from dsreview.store.models import Base


def run() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("dsreview migrations run through dsreview.store.migrate, with a connection")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
