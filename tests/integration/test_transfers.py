"""Transfers on SQLite and PostgreSQL (issue 15): scanned out at A the units are in transit (not for sale),
scanned in at B they are there; short and extra are listed until the transfer is resolved."""

from __future__ import annotations

import threading

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.services.dto import RecallCriteria
from serialdesk.services.locations import LocationService
from serialdesk.services.transfers import TransferService


@pytest.fixture
def transfers(app: App, shop: Services) -> TransferService:
    places = LocationService(app.uows, shop.actor, app.clock)
    places.add_location("Back store")
    places.add_location("Aarhus", branch="Aarhus")
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", lot="L1",
                                 serials=[f"D{n}" for n in range(1, 7)])
    return TransferService(app.uows, shop.actor, app.clock)


def test_units_go_in_transit_with_the_document_and_arrive_at_the_branch(
        transfers: TransferService, shop: Services) -> None:
    t = transfers.open_transfer("Shop floor", "Aarhus")
    assert (t.number, t.status, t.from_location, t.to_location) == ("TR-0001", "open", "Shop floor", "Aarhus")
    sent = transfers.send("TR-0001", ["D1", "D2", "D3"])
    assert sent.sent == 3 and sent.short == ("DRL-18V:D1", "DRL-18V:D2", "DRL-18V:D3")
    d1 = shop.lookup.passport("D1")
    assert d1.location == "In transit (TR-0001 to Aarhus)"
    assert d1.events[-1].summary == "Sent on TR-0001 from Shop floor to Aarhus (in transit)"
    with pytest.raises(DomainError, match="D1 is in transit on transfer TR-0001 to Aarhus — it cannot be sold") as e:
        shop.sales.sell_items("Jane Smith", ["D4", "D1"])
    assert e.value.code == "in_transit"
    assert shop.lookup.passport("D4").status == "in_stock"  # the whole sale was refused
    # In transit is still our stock, at cost.
    by_place = {p.location: p.in_stock for p in shop.reports.stock_by_location().locations}
    assert by_place == {"Shop floor": 3, "In transit": 3}

    arrived = transfers.receive("tr-1", ["D1", "D2", "D4"])  # D4 came along without being scanned out
    assert arrived.received == 3 and arrived.short == ("DRL-18V:D3",) and arrived.extra == ("DRL-18V:D4",)
    assert arrived.status == "open"
    d1 = shop.lookup.passport("D1")
    assert d1.location == "Aarhus"
    assert [v.location for v in d1.journey] == ["Shop floor", "In transit", "Aarhus"]
    assert shop.sales.sell_items("Jane Smith", ["D1"]).lines[0].serial == "D1"  # sold at the branch

    with pytest.raises(DomainError, match="D2 is already received on TR-0001"):
        transfers.receive("TR-0001", ["D2"])
    shop.sales.sell_items("Jane Smith", ["D5"])
    with pytest.raises(DomainError, match=r"D5 was sold .* never sent on TR-0001") as e:
        transfers.receive("TR-0001", ["D5"])
    assert e.value.code == "never_sent"
    with pytest.raises(NotFound, match="No unit with serial NOPE"):
        transfers.receive("TR-0001", ["NOPE"])
    with pytest.raises(DomainError, match=r"1 unit sent on TR-0001 did not arrive \(DRL-18V:D3\)") as e:
        transfers.resolve("TR-0001")
    assert e.value.code == "transfer_short"
    done = transfers.resolve("TR-0001", short="back", note="D3 was left behind")
    assert done.status == "resolved" and done.short == ()
    d3 = shop.lookup.passport("D3")
    assert d3.location == "Shop floor" and d3.events[-1].summary == "Not arrived on TR-0001: back in Shop floor"
    with pytest.raises(DomainError, match="TR-0001 is resolved"):
        transfers.send("TR-0001", ["D5"])
    assert shop.maintenance.check() == []


def test_a_unit_lost_in_transit_is_written_off(transfers: TransferService, shop: Services) -> None:
    transfers.open_transfer("Shop floor", "Aarhus")
    transfers.send("TR-0001", ["D1"])
    transfers.resolve("TR-0001", short="lost")
    d1 = shop.lookup.passport("D1")
    assert d1.status == "scrapped" and "lost in transit on TR-0001" in d1.events[-1].summary
    assert shop.maintenance.check() == []


def test_bad_transfers_are_refused_in_the_clerks_words(transfers: TransferService, shop: Services) -> None:
    with pytest.raises(DomainError, match="from Aarhus to Aarhus moves nothing") as e:
        transfers.open_transfer("Aarhus", "aarhus")
    assert e.value.code == "same_location"
    with pytest.raises(DomainError, match="'In transit' is where units are while on one"):
        transfers.open_transfer("Shop floor", "In transit")
    with pytest.raises(NotFound, match="There is no transfer TR-0009"):
        transfers.transfer("TR-0009")
    transfers.open_transfer("Shop floor", "Aarhus")
    transfers.open_transfer("Back store", "Aarhus")
    transfers.send("TR-0001", ["D1"])
    with pytest.raises(DomainError, match="D1 is in transit on transfer TR-0001"):
        transfers.send("TR-0002", ["D1"])
    with pytest.raises(DomainError, match="D1 is in transit on TR-0001 to Aarhus, not on TR-0002"):
        transfers.receive("TR-0002", ["D1"])
    with pytest.raises(DomainError, match="D1 is in transit"):
        LocationService(transfers.uows, shop.actor, transfers.clock).move(["D1"], "Back store")
    shop.recalls.start_recall(RecallCriteria("DRL-18V", serial_from="D5", serial_to="D5"), "Chuck may slip")
    with pytest.raises(DomainError, match=r"D5 is on open recall RC-0001 .* cannot be sent on a transfer"):
        transfers.send("TR-0001", ["D2", "D5"])
    assert shop.lookup.passport("D2").location == "Shop floor"  # nothing half-done


def test_two_stations_scanning_the_same_unit_out_at_once_one_wins_whole(
        transfers: TransferService, db_url: str, clock) -> None:  # type: ignore[no-untyped-def]
    transfers.open_transfer("Shop floor", "Aarhus")
    transfers.open_transfer("Shop floor", "Back store")
    results: dict[str, object] = {}
    start = threading.Barrier(2)

    def station(name: str, number: str, serials: list[str]) -> None:
        app = App(Settings(db_url=db_url, user="admin", station=name), clock=clock)
        try:
            service = TransferService(app.uows, app.actor("admin"), clock)
            start.wait()
            results[name] = service.send(number, serials)
        except DomainError as exc:
            results[name] = exc
        finally:
            app.close()

    threads = [threading.Thread(target=station, args=("a", "TR-0001", ["D1", "D2", "D3"])),
               threading.Thread(target=station, args=("b", "TR-0002", ["D4", "D3"]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    won = [name for name, r in results.items() if not isinstance(r, Exception)]
    assert len(won) == 1, results
    lost = "b" if won == ["a"] else "a"
    assert isinstance(results[lost], DomainError)
    views = {t.number: t for t in transfers.transfers()}
    assert views["TR-0001"].sent + views["TR-0002"].sent == (3 if won == ["a"] else 2)
    winner = views["TR-0001" if won == ["a"] else "TR-0002"]
    assert "DRL-18V:D3" in winner.short


def test_a_unit_in_transit_is_not_set_aside_scrapped_or_sent_back(transfers: TransferService,
                                                                   shop: Services) -> None:
    transfers.open_transfer("Shop floor", "Aarhus")
    transfers.send("TR-0001", ["D1"])
    for move in (shop.stock_moves.quarantine, shop.stock_moves.scrap, shop.stock_moves.send_to_supplier):
        with pytest.raises(DomainError, match="D1 is in transit on transfer TR-0001 to Aarhus") as err:
            move("D1", "dropped")
        assert err.value.code == "in_transit"
    assert shop.lookup.passport("D1").status == "in_stock"


def test_a_till_selling_a_unit_while_a_station_sends_it_out_one_wins(
        transfers: TransferService, db_url: str, clock) -> None:  # type: ignore[no-untyped-def]
    transfers.open_transfer("Shop floor", "Aarhus")
    results: dict[str, object] = {}
    start = threading.Barrier(2)

    def station(name: str) -> None:
        app = App(Settings(db_url=db_url, user="admin", station=name), clock=clock)
        try:
            services = app.services(app.actor("admin"))
            start.wait()
            if name == "till":
                results[name] = services.sales.sell_items("Jane Smith", ["D1"])
            else:
                results[name] = TransferService(app.uows, services.actor, clock).send("TR-0001", ["D2", "D1"])
        except DomainError as exc:
            results[name] = exc
        finally:
            app.close()

    threads = [threading.Thread(target=station, args=(n,)) for n in ("till", "store")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    won = sorted(n for n, r in results.items() if not isinstance(r, Exception))
    assert len(won) == 1, results
    shown = transfers.transfer("TR-0001")
    if won == ["till"]:
        assert shown.sent == 0  # D2 did not leave either
    else:
        assert shown.sent == 2 and "in transit" in str(results["till"])
