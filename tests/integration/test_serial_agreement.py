"""A serial says what it is: a generated serial's lot part must be the lot it is received under, and GS1 labels
and GS1-safe products take only serials GS1 AI (21) can carry. SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError
from serialdesk.domain.serials import SerialPattern
from serialdesk.labels import LabelData, render_labels
from serialdesk.services.dto import RecallCriteria

PATTERN = "{LOT}{SEQ:6}{CHK:luhn}"


@pytest.fixture
def moped(shop: Services) -> Services:
    shop.catalogue.add_product("MB-125", "Moped 125", serial_source="generated", serial_pattern=PATTERN)
    return shop


def test_a_generated_serial_of_another_lot_is_refused_naming_both_lots(moped: Services) -> None:
    of_b = SerialPattern.parse(PATTERN).render(49, lot="KZ26B")
    with pytest.raises(DomainError, match=rf"Serial {of_b} belongs to lot KZ26B \(its lot part\), but it is being "
                                          r"received under lot KZ26A") as err:
        moped.receiving.receive_units(supplier="Makita Europe", sku="MB-125", lot="KZ26A", serials=[of_b])
    assert err.value.code == "bad_serials"  # a list names each bad line
    draft = moped.receiving.open_receipt("Makita Europe")
    with pytest.raises(DomainError, match="belongs to lot KZ26B") as err:
        moped.receiving.add_scan(draft.id, "MB-125", of_b, lot="kz26a")
    assert err.value.code == "serial_lot_mismatch"
    moped.receiving.receive_units(supplier="Makita Europe", sku="MB-125", lot="KZ26B", serials=[of_b])
    recall = moped.recalls.find_affected(RecallCriteria("MB-125", lots=("KZ26B",)))
    assert [u.serial for u in recall.units] == [of_b]


def test_a_gs1_label_refuses_a_serial_gs1_cannot_carry(tmp_path: Path) -> None:
    label = LabelData("SN_UNDER#1", "DRL-18V", "Cordless drill 18V", gs1="(01)04006381333931(21)SN_UNDER#1")
    with pytest.raises(DomainError, match=r"The serial SN_UNDER#1 contains '#', which a GS1 serial \(AI 21\) "
                                          r"cannot hold") as err:
        render_labels([label], layout="roll-62x29", symbology="datamatrix", fmt="png", out=tmp_path / "l.png")
    assert err.value.code == "labels_not_gs1" and not list(tmp_path.iterdir())
    long = "A" * 21
    with pytest.raises(DomainError, match="at most 20"):
        render_labels([LabelData(long, "DRL-18V", "Drill", gs1=f"(01)04006381333931(21){long}")],
                      layout="roll-62x29", symbology="datamatrix", fmt="png", out=tmp_path / "l.png")
    # Without GS1 content the same serial prints as it is.
    render_labels([LabelData("SN_UNDER#1", "DRL-18V", "Drill")], layout="roll-62x29", symbology="datamatrix",
                  fmt="png", out=tmp_path / "plain.png")


def test_a_gs1_safe_product_refuses_such_serials_at_receiving(shop: Services) -> None:
    product = shop.catalogue.add_product("SCN-1", "Scanner", gtin="09521234543213", serial_gs1_safe=True)
    assert product.serial_gs1_safe is True
    with pytest.raises(DomainError, match=r"'#'.*SCN-1 takes only GS1-safe serials"):
        shop.receiving.receive_units(supplier="Makita Europe", sku="SCN-1", serials=["SN_UNDER#1"])
    shop.receiving.receive_units(supplier="Makita Europe", sku="SCN-1", serials=["SN_UNDER_1"])


def test_a_gs1_safe_product_cannot_have_a_pattern_making_serials_gs1_refuses(shop: Services) -> None:
    with pytest.raises(DomainError, match=r"The serial pattern SN#\{SEQ:5\} makes serials GS1 cannot carry") as err:
        shop.catalogue.add_product("SCN-2", "Scanner", serial_source="generated", serial_pattern="SN#{SEQ:5}",
                                   serial_gs1_safe=True)
    assert err.value.code == "pattern_not_gs1"
