"""The Alembic history builds exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from serialdesk.bootstrap import App
from serialdesk.db.migrate import current_revision, head_revision
from serialdesk.db.models import Base


def test_migrated_schema_matches_the_models(app: App) -> None:
    with app.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == [], f"models and migrations disagree — write a migration: {diff}"
    assert current_revision(app.engine) == head_revision()


def test_init_is_idempotent_and_keeps_data(app: App) -> None:
    admin = app.services(app.actor())
    admin.catalogue.add_supplier("Makita Europe")
    assert app.init_schema("9999") is False  # admin exists already: not created again
    assert [s.name for s in admin.catalogue.suppliers()] == ["Makita Europe"]


def test_items_are_unique_per_product_and_indexed_for_lookup(app: App) -> None:
    inspector = inspect(app.engine)
    uniques = {tuple(u["column_names"]) for u in inspector.get_unique_constraints("items")}
    assert ("product_id", "serial") in uniques
    indexed = {tuple(i["column_names"]) for i in inspector.get_indexes("items")}
    assert ("serial",) in indexed and ("lot_id",) in indexed


def test_the_fast_head_lookup_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from serialdesk.db.migrate import alembic_config

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
