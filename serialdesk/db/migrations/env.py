"""Alembic environment: the engine (or an open connection) comes from serialdesk.db.migrate, never an ini file.

Given a connection, migrations run inside the caller's transaction (a restore rolls back whole); given an
engine, they run in a transaction of their own.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from serialdesk.db.models import Base

attributes = context.config.attributes
target = attributes.get("connection") or attributes.get("engine")
if target is None:
    raise RuntimeError("run migrations through serialdesk.db.migrate (serialdesk init)")


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if isinstance(target, Connection):
    _run(target)
else:
    with target.connect() as connection:
        _run(connection)
        connection.commit()
