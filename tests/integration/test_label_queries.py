"""Issue 18: the labels of a receipt are read in one query, whatever the number of units (no query per label),
with each unit's lot."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from serialdesk.bootstrap import App, Services


@contextmanager
def statements(app: App) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn: object, _cursor: object, sql: str, *_: object) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            seen.append(sql)

    event.listen(app.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(app.engine, "before_cursor_execute", note)


def test_a_receipts_labels_take_one_query_for_3_or_60_units(app: App, shop: Services) -> None:
    small = shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", lot="L1",
                                         serials=[f"A{n:03d}" for n in range(3)])
    large = shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", lot="L2",
                                         serials=[f"B{n:03d}" for n in range(60)])
    counts = []
    for receipt, lot, units in ((small, "L1", 3), (large, "L2", 60)):
        with statements(app) as seen:
            sources = shop.labels.for_receipt(receipt.id)
        counts.append(len(seen))
        assert len(sources) == units and {s.lot for s in sources} == {lot}
    assert counts[0] == counts[1] <= 2  # the units with their products and lots; the user's check at most
    assert [s.serial for s in shop.labels.for_receipt(small.id)] == ["A000", "A001", "A002"]
