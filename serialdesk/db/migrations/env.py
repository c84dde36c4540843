"""Alembic environment: the engine comes from serialdesk (``migrate.upgrade``), never from an ini file."""

from __future__ import annotations

from alembic import context

from serialdesk.db.models import Base

engine = context.config.attributes.get("engine")
if engine is None:
    raise RuntimeError("run migrations through serialdesk.db.migrate (serialdesk init)")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
