"""A database that goes away: the clerk gets a clear refusal saying nothing was saved, never a stack trace."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Actor, Role
from tests.conftest import PG_ADMIN_URL


def test_an_unreachable_database_is_a_refusal_in_plain_words() -> None:
    app = App(Settings(db_url="postgresql://shop@127.0.0.1:9/shop", user="admin", station="s"))
    services = app.services(Actor("admin", Role.MANAGER, "s"))
    try:
        for action in (lambda: services.lookup.passport("SN1"), lambda: services.catalogue.add_supplier("X")):
            with pytest.raises(DomainError, match=r"cannot be reached .* nothing was saved") as err:
                action()
            assert err.value.code == "db_unavailable"
    finally:
        app.close()


@pytest.mark.postgres
def test_postgresql_going_away_mid_transaction_rolls_back_and_says_so(pg_url: str) -> None:
    app = App(Settings(db_url=pg_url, user="admin", station="s"))
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    database = pg_url.rsplit("/", 1)[1]
    try:
        with pytest.raises(DomainError) as err, app.uows() as uow:
            uow.session.execute(text("INSERT INTO suppliers (name, created_at) VALUES ('Half', now())"))
            with admin.connect() as conn:  # the server drops this station's connection, as in a network cut
                conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                  "WHERE datname = :db AND pid <> pg_backend_pid()"), {"db": database})
            uow.session.execute(text("SELECT 1"))
            uow.commit()
        assert err.value.code == "db_unavailable"
        services = app.services(app.actor())  # the pool reconnects; the half-done insert is not there
        assert [s.name for s in services.catalogue.suppliers()] == []
    finally:
        admin.dispose()
        app.close()
