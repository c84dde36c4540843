"""Where labels sit on the media, as pure geometry: millimetres in, whole printer dots out.

Two media are supported:

* ``roll-62x29`` — continuous roll of 62 × 29 mm die-cut labels (Brother DK-11209 size), one label per page.
* ``a4-3x8`` — A4 sheet of 24 labels, 70 × 37 mm, 3 across × 8 down, no gap between labels, 0.5 mm top and
  bottom margin (the common edge-to-edge sheet, e.g. Avery Zweckform 3474). Because office printers cannot
  print within ~4 mm of the sheet edge, content keeps 5 mm from a label's left/right edge and 3.5 mm from
  its top/bottom edge.

A half-used sheet can be fed again: ``start_position`` is the number of labels already used on the first
sheet (counted row by row from the top left), so printing resumes at the first free one.
"""

from __future__ import annotations

from dataclasses import dataclass

from serialdesk.domain.errors import DomainError

MM_PER_INCH = 25.4


def mm_to_dots(mm: float, dpi: int) -> int:
    """Millimetres as whole printer dots (rounded to the nearest dot)."""
    return round(mm * dpi / MM_PER_INCH)


def dots_to_mm(dots: float, dpi: int) -> float:
    return dots * MM_PER_INCH / dpi


@dataclass(frozen=True)
class DotRect:
    """A rectangle in printer dots, origin at the page's top-left corner."""

    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def inset(self, dx: int, dy: int) -> DotRect:
        return DotRect(self.x + dx, self.y + dy, self.width - 2 * dx, self.height - 2 * dy)


@dataclass(frozen=True)
class MmRect:
    """A rectangle in millimetres, origin at the page's top-left corner."""

    x: float
    y: float
    width: float
    height: float

    def to_dots(self, dpi: int) -> DotRect:
        # Edges are rounded, not sizes, so neighbouring labels tile without gaps or overlaps.
        left, top = mm_to_dots(self.x, dpi), mm_to_dots(self.y, dpi)
        right, bottom = mm_to_dots(self.x + self.width, dpi), mm_to_dots(self.y + self.height, dpi)
        return DotRect(left, top, right - left, bottom - top)


@dataclass(frozen=True)
class Placement:
    """Where the n-th label of a print job goes: page number (0-based), slot on that page, and its box."""

    page: int
    slot: int
    box: MmRect


@dataclass(frozen=True)
class LabelMedia:
    """A page of identical labels in a regular grid."""

    name: str
    page_width: float
    page_height: float
    label_width: float
    label_height: float
    columns: int
    rows: int
    left_margin: float
    top_margin: float
    pitch_x: float  # distance between the left edges of neighbouring labels
    pitch_y: float
    padding_x: float  # blank inside each label's left and right edge
    padding_y: float
    is_roll: bool = False

    @property
    def labels_per_page(self) -> int:
        return self.columns * self.rows

    def slot_box(self, slot: int) -> MmRect:
        """The label at ``slot`` (0-based, row by row from the top left)."""
        if not 0 <= slot < self.labels_per_page:
            raise ValueError(f"slot {slot} is not on a {self.name} page")
        row, column = divmod(slot, self.columns)
        return MmRect(
            self.left_margin + column * self.pitch_x,
            self.top_margin + row * self.pitch_y,
            self.label_width,
            self.label_height,
        )

    def content_box(self, box: MmRect) -> MmRect:
        """The part of a label that text and symbols may use."""
        return MmRect(
            box.x + self.padding_x,
            box.y + self.padding_y,
            box.width - 2 * self.padding_x,
            box.height - 2 * self.padding_y,
        )

    def check_start_position(self, start_position: int) -> None:
        if self.is_roll and start_position:
            raise DomainError(
                "A roll has no used labels to skip: the start position only applies to sheets.",
                code="labels_bad_start",
            )
        if not 0 <= start_position < self.labels_per_page:
            raise DomainError(
                f"The start position must be from 0 to {self.labels_per_page - 1} on a {self.name} sheet "
                f"(the number of labels already used); {start_position} was given.",
                code="labels_bad_start",
            )

    def place(self, count: int, start_position: int = 0) -> list[Placement]:
        """Boxes for ``count`` labels, skipping the first ``start_position`` slots of the first page."""
        self.check_start_position(start_position)
        placements = []
        for index in range(start_position, start_position + count):
            page, slot = divmod(index, self.labels_per_page)
            placements.append(Placement(page, slot, self.slot_box(slot)))
        return placements

    def page_count(self, count: int, start_position: int = 0) -> int:
        return -(-(start_position + count) // self.labels_per_page)


ROLL_62X29 = LabelMedia(
    name="roll-62x29",
    page_width=62,
    page_height=29,
    label_width=62,
    label_height=29,
    columns=1,
    rows=1,
    left_margin=0,
    top_margin=0,
    pitch_x=62,
    pitch_y=29,
    padding_x=1.5,
    padding_y=1.5,
    is_roll=True,
)

A4_3X8 = LabelMedia(
    name="a4-3x8",
    page_width=210,
    page_height=297,
    label_width=70,
    label_height=37,
    columns=3,
    rows=8,
    left_margin=0,
    top_margin=0.5,
    pitch_x=70,
    pitch_y=37,
    padding_x=5,
    padding_y=3.5,
)

MEDIA: dict[str, LabelMedia] = {m.name: m for m in (ROLL_62X29, A4_3X8)}


def media_named(name: str) -> LabelMedia:
    """The label media called ``name``; DomainError listing the choices otherwise."""
    try:
        return MEDIA[name]
    except KeyError:
        raise DomainError(
            f"Unknown label layout '{name}'; choose one of {', '.join(MEDIA)}.", code="labels_bad_layout"
        ) from None
