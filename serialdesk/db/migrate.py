"""Alembic, driven from code: ``upgrade(engine)`` is what `serialdesk init` runs.

Alembic is imported only when migrating: every CLI call and the GUI check the schema revision at start-up,
and importing Alembic for that alone would cost ~0.1 s of the cold start.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(bind: Engine | Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if isinstance(bind, Connection):
        cfg.attributes["connection"] = bind
    elif bind is not None:
        cfg.attributes["engine"] = bind
    return cfg


def upgrade(bind: Engine | Connection, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(bind), revision)


def downgrade(bind: Engine | Connection, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(bind), revision)


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (None: not set up yet)."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:  # no alembic_version table: an empty database
            return None


@cache
def _revisions() -> tuple[frozenset[str], frozenset[str]]:
    revisions, parents = set(), set()
    for script in MIGRATIONS.joinpath("versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        if (rev := re.search(r"^revision\s*=\s*['\"](\w+)['\"]", source, re.M)) is not None:
            revisions.add(rev.group(1))
        if (down := re.search(r"^down_revision\s*=\s*['\"](\w+)['\"]", source, re.M)) is not None:
            parents.add(down.group(1))
    return frozenset(revisions), frozenset(parents)


def known_revisions() -> set[str]:
    """Every schema revision this version of serialdesk can migrate from (a backup of another is refused)."""
    return set(_revisions()[0])


@cache
def head_revision() -> str | None:
    """The newest revision in migrations/versions (the one no other revision builds on)."""
    revisions, parents = _revisions()
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None
