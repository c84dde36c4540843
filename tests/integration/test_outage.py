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


def _drop_connections(database: str) -> None:
    """The server drops every connection of the shop's database (a restart, a network cut)."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :db AND pid <> pg_backend_pid()"), {"db": database})
    finally:
        admin.dispose()


@pytest.mark.postgres
def test_a_connection_that_died_while_it_waited_in_the_pool_is_replaced_unseen(pg_url: str, monkeypatch) -> None:
    from serialdesk.db import engine as engine_module

    monkeypatch.setattr(engine_module, "IDLE_PING_S", 0.0)  # every pooled connection counts as idle
    app = App(Settings(db_url=pg_url, user="admin", station="s"))
    try:
        services = app.services(app.actor())
        services.catalogue.add_supplier("Before")
        _drop_connections(pg_url.rsplit("/", 1)[1])  # overnight the server restarted
        assert [s.name for s in services.catalogue.suppliers()] == ["Before"]  # the ping found it dead: no error
        services.catalogue.add_supplier("After")
        assert [s.name for s in services.catalogue.suppliers()] == ["After", "Before"]
    finally:
        app.close()


@pytest.mark.postgres
def test_a_connection_used_a_moment_ago_goes_out_without_a_ping(pg_url: str, monkeypatch) -> None:
    app = App(Settings(db_url=pg_url, user="admin", station="s"))
    pings: list[object] = []
    real_ping = app.engine.dialect.do_ping
    monkeypatch.setattr(app.engine.dialect, "do_ping", lambda conn: pings.append(conn) or real_ping(conn))
    try:
        services = app.services(app.actor())
        services.catalogue.add_supplier("Makita Europe")
        for _ in range(5):
            services.catalogue.suppliers()
        assert pings == []  # a round trip per action at the counter, a fifth of a passport's time
        from serialdesk.db import engine as engine_module

        monkeypatch.setattr(engine_module, "IDLE_PING_S", 0.0)
        services.catalogue.suppliers()
        assert len(pings) == 1  # after a wait, it is pinged
    finally:
        app.close()


@pytest.mark.postgres
def test_a_connection_dropped_a_moment_ago_is_one_plain_refusal_then_the_shop_works(pg_url: str) -> None:
    app = App(Settings(db_url=pg_url, user="admin", station="s"))
    try:
        services = app.services(app.actor())
        services.catalogue.add_supplier("Makita Europe")
        _drop_connections(pg_url.rsplit("/", 1)[1])
        with pytest.raises(DomainError) as err:
            services.catalogue.suppliers()
        assert err.value.code == "db_unavailable"
        assert [s.name for s in services.catalogue.suppliers()] == ["Makita Europe"]
        services.catalogue.add_supplier("Bosch")
    finally:
        app.close()
