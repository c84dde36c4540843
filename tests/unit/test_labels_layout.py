"""Label media geometry: millimetres to printer dots, the A4 3×8 grid, and reusing a half-used sheet."""

from __future__ import annotations

import pytest

from serialdesk.domain.errors import DomainError
from serialdesk.labels.layout import A4_3X8, ROLL_62X29, MmRect, media_named, mm_to_dots


def test_millimetres_become_whole_dots_at_the_printer_resolution() -> None:
    assert mm_to_dots(25.4, 203) == 203
    assert mm_to_dots(62, 203) == 496  # 62 / 25.4 × 203 = 495.5, rounded
    assert mm_to_dots(62, 300) == 732
    assert mm_to_dots(29, 300) == 343


def test_a_roll_label_is_one_62_by_29_mm_page() -> None:
    (placement,) = ROLL_62X29.place(1)
    assert placement.page == 0
    assert placement.box == MmRect(0, 0, 62, 29)
    assert [p.page for p in ROLL_62X29.place(3)] == [0, 1, 2]


def test_the_a4_sheet_has_24_labels_of_70_by_37_mm_edge_to_edge() -> None:
    assert A4_3X8.labels_per_page == 24
    boxes = [A4_3X8.slot_box(slot) for slot in range(24)]
    assert boxes[0] == MmRect(0, 0.5, 70, 37)
    assert boxes[2] == MmRect(140, 0.5, 70, 37)  # third column, first row
    assert boxes[3] == MmRect(0, 37.5, 70, 37)  # row by row
    assert boxes[23] == MmRect(140, 259.5, 70, 37)
    assert max(b.x + b.width for b in boxes) == 210
    assert max(b.y + b.height for b in boxes) == pytest.approx(296.5)  # 0.5 mm margin at the bottom too


def test_neighbouring_labels_tile_without_gaps_or_overlaps_in_dots() -> None:
    for dpi in (203, 300, 600):
        first, second = A4_3X8.slot_box(0).to_dots(dpi), A4_3X8.slot_box(1).to_dots(dpi)
        below = A4_3X8.slot_box(3).to_dots(dpi)
        assert first.right == second.x
        assert first.bottom == below.y


def test_content_keeps_clear_of_the_sheet_edge_office_printers_cannot_reach() -> None:
    content = A4_3X8.content_box(A4_3X8.slot_box(0))
    assert content.x >= 4 and content.y >= 3.5
    last = A4_3X8.content_box(A4_3X8.slot_box(23))
    assert 210 - (last.x + last.width) >= 4 and 297 - (last.y + last.height) >= 3.5


def test_a_half_used_sheet_resumes_at_the_first_free_label() -> None:
    placements = A4_3X8.place(5, start_position=22)
    assert [(p.page, p.slot) for p in placements] == [(0, 22), (0, 23), (1, 0), (1, 1), (1, 2)]
    assert placements[0].box == A4_3X8.slot_box(22)
    assert A4_3X8.page_count(5, start_position=22) == 2
    assert A4_3X8.page_count(24) == 1
    assert A4_3X8.page_count(25) == 2


@pytest.mark.parametrize("start", [-1, 24, 100])
def test_a_start_position_off_the_sheet_is_refused(start: int) -> None:
    with pytest.raises(DomainError) as refused:
        A4_3X8.place(1, start_position=start)
    assert refused.value.code == "labels_bad_start"
    assert "from 0 to 23" in refused.value.message


def test_a_roll_has_no_start_position() -> None:
    with pytest.raises(DomainError) as refused:
        ROLL_62X29.place(1, start_position=1)
    assert refused.value.code == "labels_bad_start"


def test_layouts_are_found_by_their_cli_names() -> None:
    assert media_named("roll-62x29") is ROLL_62X29
    assert media_named("a4-3x8") is A4_3X8
    with pytest.raises(DomainError) as refused:
        media_named("letter")
    assert refused.value.code == "labels_bad_layout"
    assert "roll-62x29, a4-3x8" in refused.value.message
