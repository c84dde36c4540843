"""Recalls on SQLite and PostgreSQL: every criterion, what happens to each unit, tracking, bad criteria."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied
from serialdesk.services.dto import RecallCriteria


@pytest.fixture
def history(shop: Services, clock) -> Services:  # type: ignore[no-untyped-def]
    """Two deliveries of drills (lots L1 from Makita in March, L2 from Bosch in April), some sold."""
    shop.catalogue.add_supplier("Bosch Trade")
    shop.catalogue.add_product("SAW-190", "Circular saw")
    clock.now = datetime(2026, 5, 1, 9, tzinfo=UTC)  # every date below is in the past
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", lot="L1", serials=["A01", "A02", "A03"],
                                 at=datetime(2026, 3, 1, 9, tzinfo=UTC))
    shop.receiving.receive_units(supplier="Bosch Trade", sku="DRL-18V", lot="L2", serials=["B01", "B02"],
                                 at=datetime(2026, 4, 1, 9, tzinfo=UTC))
    shop.receiving.receive_units(supplier="Bosch Trade", sku="SAW-190", lot="S1", serials=["A02"],
                                 at=datetime(2026, 4, 1, 9, tzinfo=UTC))
    shop.sales.sell_items("Jane Smith", ["DRL-18V:A01"], at=datetime(2026, 3, 10, 12, tzinfo=UTC))
    tom = shop.catalogue.add_customer("Tom Olsen", phone="+45 31 000000", email="tom@example.net")
    shop.sales.sell_items(tom.number, ["B01"], at=datetime(2026, 4, 20, 12, tzinfo=UTC))
    shop.sales.sell_items(tom.number, ["DRL-18V:A02"], at=datetime(2026, 4, 21, 12, tzinfo=UTC))
    shop.service_desk.open_ticket("DRL-18V:A02", "Sparks")
    return shop


def serials(view) -> list[str]:  # type: ignore[no-untyped-def]
    return [u.serial for u in view.units]


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [(RecallCriteria("DRL-18V"), ["A01", "A02", "A03", "B01", "B02"]),
     (RecallCriteria("DRL-18V", lots=("l1",)), ["A01", "A02", "A03"]),
     (RecallCriteria("DRL-18V", lots=("L1", "L2")), ["A01", "A02", "A03", "B01", "B02"]),
     (RecallCriteria("DRL-18V", serial_from="A02", serial_to="B01"), ["A02", "A03", "B01"]),
     (RecallCriteria("DRL-18V", serial_from="B"), ["B01", "B02"]),
     (RecallCriteria("DRL-18V", supplier="Bosch Trade"), ["B01", "B02"]),
     (RecallCriteria("DRL-18V", received_from=date(2026, 3, 1), received_to=date(2026, 3, 1)), ["A01", "A02", "A03"]),
     (RecallCriteria("DRL-18V", received_from=date(2026, 3, 2)), ["B01", "B02"]),
     (RecallCriteria("DRL-18V", sold_from=date(2026, 4, 1), sold_to=date(2026, 4, 30)), ["A02", "B01"]),
     (RecallCriteria("DRL-18V", lots=("L1",), sold_to=date(2026, 3, 31)), ["A01"]),
     (RecallCriteria("SAW-190"), ["A02"])],
)
def test_each_criterion_and_their_combinations_select_the_right_units(
    history: Services, criteria: RecallCriteria, expected: list[str]
) -> None:
    assert serials(history.recalls.find_affected(criteria)) == expected


def test_a_recall_quarantines_stock_and_marks_customers_units_in_one_go(history: Services) -> None:
    recall = history.recalls.start_recall(RecallCriteria("DRL-18V", lots=("L1",)), "Overheating battery contacts")
    assert recall.number == "RC-0001" and recall.counts == {"sold": 1, "in_service": 1, "in_stock": 1, "total": 3,
                                                            "customers": 2}
    by_serial = {u.serial: u for u in recall.units}
    assert by_serial["A03"].status == "quarantined" and by_serial["A03"].customer is None
    assert by_serial["A01"].status == "recalled" and by_serial["A01"].customer.name == "Jane Smith"
    assert by_serial["A02"].status == "in_service" and by_serial["A02"].customer.email == "tom@example.net"
    assert history.lookup.passport("A03", sku="DRL-18V").events[-1].summary == (
        "Quarantined by recall RC-0001: Overheating battery contacts")
    assert history.reports.stock().total_units == 2  # B02 and the saw remain; A03 left stock
    # The recall is on record with its criteria.
    saved = history.recalls.recall(recall.id)
    assert saved.criteria == {"sku": "DRL-18V", "lots": ["L1"]} and serials(saved) == ["A01", "A02", "A03"]


def test_criteria_matching_nothing_give_an_explicit_zero(history: Services) -> None:
    recall = history.recalls.start_recall(RecallCriteria("DRL-18V", serial_from="Z"), "Precaution")
    assert recall.units == () and recall.counts["total"] == 0


@pytest.mark.parametrize(
    ("criteria", "error", "match"),
    [(RecallCriteria("DRL-18V", received_from=date(2026, 5, 1), received_to=date(2026, 4, 1)), DomainError,
      r"received date range ends \(2026-04-01\) before it starts"),
     (RecallCriteria("DRL-18V", sold_from=date(2026, 5, 1), sold_to=date(2026, 4, 1)), DomainError, "sold date"),
     (RecallCriteria("DRL-18V", serial_from="B", serial_to="A"), DomainError, "serial range ends"),
     (RecallCriteria("DRL-18V", lots=("S1",)), DomainError,
      r"Lot S1 is not a lot of DRL-18V \(it belongs to SAW-190\)"),
     (RecallCriteria("DRL-18V", lots=("NOPE",)), NotFound, "DRL-18V has no lot NOPE"),
     (RecallCriteria("NOPE"), NotFound, "no product"),
     (RecallCriteria("DRL-18V", supplier="Nobody"), NotFound, "no supplier")],
)
def test_bad_criteria_are_refused_clearly(history: Services, criteria: RecallCriteria,
                                          error: type[DomainError], match: str) -> None:
    with pytest.raises(error, match=match):
        history.recalls.start_recall(criteria, "x")
    with pytest.raises(NotFound):
        history.recalls.recall(1)  # nothing was saved


def test_contact_and_resolution_are_tracked_per_unit(history: Services) -> None:
    recall = history.recalls.start_recall(RecallCriteria("DRL-18V"), "Overheating")
    after = history.recalls.mark_contacted(recall.id, "Tom Olsen")
    contacted = {u.serial for u in after.units if u.contacted_at}
    assert contacted == {"A02", "B01"}
    done = history.recalls.resolve(recall.id, "b01", "replaced", "new unit")
    assert {u.serial: (u.resolution, u.note) for u in done.units}["B01"] == ("replaced", "new unit")
    stranger = history.catalogue.add_customer("Stranger")
    with pytest.raises(NotFound, match="Stranger holds no unit of recall RC-0001"):
        history.recalls.mark_contacted(recall.id, stranger.number)


def test_only_a_manager_starts_a_recall(history: Services, as_user) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied, match="may not start a recall"):
        as_user("clerk1", "clerk").recalls.start_recall(RecallCriteria("DRL-18V"), "x")


def test_a_recalled_unit_comes_back_through_a_return(history: Services) -> None:
    history.recalls.start_recall(RecallCriteria("DRL-18V", lots=("L1",)), "Overheating")
    ret = history.sales.return_item("A01", sku="DRL-18V", to="quarantine", reason="Recall RC-0001")
    assert ret.status == "quarantined"


def test_saved_recalls_are_listed_newest_first(history: Services) -> None:
    first = history.recalls.start_recall(RecallCriteria("DRL-18V", lots=("L1",)), "Overheating")
    second = history.recalls.start_recall(RecallCriteria("SAW-190"), "Blade guard")
    assert [r.number for r in history.recalls.recalls()] == [second.number, first.number]


def test_lots_are_listed_with_the_units_received(history: Services) -> None:
    lots = {(lot.sku, lot.code): lot.units for lot in history.catalogue.lots()}
    assert lots == {("DRL-18V", "L1"): 3, ("DRL-18V", "L2"): 2, ("SAW-190", "S1"): 1}
    assert [lot.code for lot in history.catalogue.lots("drl-18v")] == ["L2", "L1"]  # newest first
