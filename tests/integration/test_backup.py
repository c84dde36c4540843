"""Backups round-trip on SQLite and PostgreSQL, move a shop between them, and never half-restore."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError


@pytest.fixture
def busy(shop: Services, clock) -> Services:  # type: ignore[no-untyped-def]
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", lot="L1", serials=["A1", "A2", "A3"])
    shop.sales.sell_items("Jane Smith", ["A1"], prices=["99.95"])
    clock.advance(days=2)
    shop.sales.return_item("A1", to="quarantine", reason="DOA")
    shop.sales.sell_items("Jane Smith", ["A2"])
    shop.service_desk.open_ticket("A2", "Noise")
    draft = shop.receiving.open_receipt()
    shop.receiving.add_scan(draft.id, "DRL-18V", "D1")
    return shop


def snapshot(services: Services) -> dict[str, object]:
    """What a shop would notice if a restore lost or changed anything."""
    return {
        "items": sorted((r.sku, r.serial, r.status, str(r.cost), r.received_at) for r in services.export.items()),
        "passports": [services.lookup.passport(s) for s in ("A1", "A2", "A3")],
        "drafts": [(r.number, r.count) for r in services.receiving.receipts(open_only=True)],
        "customers": services.export.customers(),
    }


def other_app(url: str, clock) -> App:  # type: ignore[no-untyped-def]
    app = App(Settings(db_url=url, user="admin", station="till-1"), clock=clock)
    app.init_schema("1234")
    return app


def test_portable_backup_restores_exactly_on_either_backend(busy: Services, tmp_path: Path, pg_empty_url: str,
                                                            clock) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(busy)
    dump = tmp_path / "shop.sdump"
    result = busy.maintenance.backup(str(dump), portable=True)
    assert result.kind == "portable" and result.rows["items"] == 4
    for url in (str(tmp_path / "target.db"), pg_empty_url):  # the same dump moves the shop to either backend
        target = other_app(url, clock)
        try:
            services = target.services(target.actor())
            services.maintenance.restore(str(dump))
            restored = target.services(target.actor())
            assert snapshot(restored) == before
            # Numbering continues after the restored records (PostgreSQL sequences were reset).
            assert restored.catalogue.add_customer("New customer").number == "C-0002"
        finally:
            target.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # the database-file backup is SQLite's
def test_a_sqlite_backup_is_a_database_file_that_restores(busy: Services, app: App, tmp_path: Path) -> None:
    before = snapshot(busy)
    copy = tmp_path / "copy.db"
    busy.maintenance.backup(str(copy))
    assert copy.read_bytes()[:16] == b"SQLite format 3\x00"
    busy.sales.sell_items("Jane Smith", ["A3"])  # a change after the backup …
    busy.maintenance.restore(str(copy), replace=True)
    assert snapshot(app.services(app.actor())) == before  # … is gone again


def test_restoring_over_a_shops_data_needs_replace(busy: Services, tmp_path: Path) -> None:
    dump = tmp_path / "shop.sdump"
    busy.maintenance.backup(str(dump), portable=True)
    with pytest.raises(DomainError, match="already holds products") as err:
        busy.maintenance.restore(str(dump))
    assert err.value.code == "restore_over_data"


def test_a_broken_backup_changes_nothing(busy: Services, tmp_path: Path) -> None:
    before = snapshot(busy)
    dump = tmp_path / "shop.sdump"
    busy.maintenance.backup(str(dump), portable=True)
    with gzip.open(dump, "rt") as handle:
        lines = handle.read().splitlines()
    lines[len(lines) // 2] = '{"t": "items", "r": {"id": "not a number"}}'  # damaged half-way
    broken = tmp_path / "broken.sdump"
    with gzip.open(broken, "wt") as handle:
        handle.write("\n".join(lines) + "\n")
    with pytest.raises(Exception):  # noqa: B017 - whatever the database says, the point is what follows
        busy.maintenance.restore(str(broken), replace=True)
    assert snapshot(busy) == before
    (tmp_path / "junk.sdump").write_text("hello")
    with pytest.raises(DomainError, match="not a serialdesk backup"):
        busy.maintenance.restore(str(tmp_path / "junk.sdump"), replace=True)


def test_only_a_manager_backs_up(busy: Services, as_user, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match="may not back up or restore"):
        as_user("clerk1", "clerk").maintenance.backup(str(tmp_path / "x.db"))
