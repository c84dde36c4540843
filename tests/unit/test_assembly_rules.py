"""The rules of building a unit from parts, without a database."""

from __future__ import annotations

import pytest

from serialdesk.domain.assembly import MAX_PARTS, Slot, check_parts, open_slots
from serialdesk.domain.errors import DomainError

BIKE = [Slot("BAT-500", "Battery 500 Wh", 1), Slot("FRAME-28", "Frame 28 in", 1)]
PACK = [Slot("CELL", "Cell 21700", 2)]


def test_parts_filling_declared_slots_pass() -> None:
    check_parts("EBIKE", "E-bike", BIKE, [("FRAME-28", "F1"), ("BAT-500", "B1")])
    check_parts("PACK", "Pack", PACK, [("CELL", "C1"), ("CELL", "C2")])


@pytest.mark.parametrize(("slots", "parts", "code"), [
    (BIKE, [], "no_parts"),
    (BIKE, [("FRAME-28", "F1"), ("FRAME-28", "F1")], "part_scanned_twice"),
    ([], [("FRAME-28", "F1")], "no_slots"),
    (BIKE, [("CELL", "C1")], "part_of_other_kind"),
    (BIKE, [("FRAME-28", "F1"), ("FRAME-28", "F2")], "slot_full"),
    (PACK, [("CELL", "C1"), ("CELL", "C2"), ("CELL", "C3")], "slot_full"),
    (PACK, [("CELL", f"C{n}") for n in range(MAX_PARTS + 1)], "too_many_parts"),
])
def test_bad_part_lists_are_refused_with_their_reason(slots: list[Slot], parts: list[tuple[str, str]],
                                                      code: str) -> None:
    with pytest.raises(DomainError) as err:
        check_parts("EBIKE", "E-bike", slots, parts)
    assert err.value.code == code


def test_a_part_of_another_product_is_told_what_the_unit_takes() -> None:
    with pytest.raises(DomainError, match=r"it takes 1 × Battery 500 Wh \(BAT-500\), 1 × Frame 28 in \(FRAME-28\)"):
        check_parts("EBIKE", "E-bike", BIKE, [("CELL", "C1")])


def test_open_slots_name_what_is_still_missing() -> None:
    assert open_slots(BIKE, ["FRAME-28"]) == ["1 × Battery 500 Wh (BAT-500)"]
    assert open_slots(PACK, ["CELL"]) == ["1 × Cell 21700 (CELL)"]
    assert open_slots(PACK, ["CELL", "CELL"]) == []
