"""Alembic, driven from code: ``upgrade(engine)`` is what `serialdesk init` runs."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(bind: Engine | Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if isinstance(bind, Connection):
        cfg.attributes["connection"] = bind
    elif bind is not None:
        cfg.attributes["engine"] = bind
    return cfg


def upgrade(bind: Engine | Connection, revision: str = "head") -> None:
    command.upgrade(alembic_config(bind), revision)


def downgrade(bind: Engine | Connection, revision: str) -> None:
    command.downgrade(alembic_config(bind), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()
