"""Recall letters to customers: one A4 page per customer listing the serials they hold (PDF, QtGui only)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from serialdesk.labels.qt_render import ensure_gui_application

DPI = 300
MM = DPI / 25.4


@dataclass(frozen=True)
class LetterUnit:
    sku: str
    product: str
    serial: str
    lot: str | None
    sold_on: str | None
    note: str = ""  # a sentence for a part inside the unit: "Your e-bike VX… contains battery BP… of lot …"


@dataclass(frozen=True)
class RecallLetter:
    customer_name: str
    customer_number: str
    address_lines: tuple[str, ...]
    units: tuple[LetterUnit, ...]


@dataclass(frozen=True)
class RecallNotice:
    shop: str
    number: str  # RC-0001
    product: str
    reason: str
    dated: date
    contact: tuple[str, ...] = ()  # the shop's address, phone, e-mail (issue 18: the shop profile)
    phone: str = ""


def write_letters(notice: RecallNotice, letters: Sequence[RecallLetter], out: Path) -> int:
    """Write one page per letter into ``out``; returns the page count (0 letters → no file)."""
    if not letters:
        return 0
    ensure_gui_application()
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setTitle(f"Recall {notice.number}")
    writer.setCreator("serialdesk")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(f"Could not write {out}")
    pages = 0
    try:
        for letter in letters:
            for index, chunk in enumerate(_chunks(letter.units)):
                if pages:
                    writer.newPage()
                if index == 0:
                    _page(painter, notice, letter, chunk, more=len(letter.units) > len(chunk))
                else:
                    _continued(painter, notice, letter, chunk)
                pages += 1
    finally:
        painter.end()
    return pages


ROWS_FIRST_PAGE, ROWS_MORE = 22, 45


def _chunks(units: Sequence[LetterUnit]) -> list[Sequence[LetterUnit]]:
    """A long list continues on following pages: the letter never runs off the paper."""
    chunks = [units[:ROWS_FIRST_PAGE]]
    chunks += [units[i : i + ROWS_MORE] for i in range(ROWS_FIRST_PAGE, len(units), ROWS_MORE)]
    return chunks


def _font(size_pt: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(round(size_pt * DPI / 72))
    font.setBold(bold)
    return font


class _Cursor:
    """Writes paragraphs down the page inside the margins."""

    def __init__(self, painter: QPainter, left: float, top: float, width: float) -> None:
        self.painter, self.left, self.y, self.width = painter, left, top, width

    def text(self, text: str, size: float = 10.5, bold: bool = False, gap: float = 2.0) -> None:
        font = _font(size, bold)
        self.painter.setFont(font)
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        box = QFontMetricsF(font).boundingRect(QRectF(0, 0, self.width, 10_000), flags, text)
        self.painter.drawText(QRectF(self.left, self.y, self.width, box.height()), flags, text)
        self.y += box.height() + gap * MM

    def row(self, cells: Sequence[str], widths: Sequence[float], bold: bool = False) -> None:
        font = _font(10, bold)
        self.painter.setFont(font)
        height = QFontMetricsF(font).height() * 1.35
        x = self.left
        for cell, share in zip(cells, widths, strict=True):
            self.painter.drawText(QRectF(x, self.y, share * self.width, height),
                                  int(Qt.AlignmentFlag.AlignVCenter), cell)
            x += share * self.width
        self.y += height
        if bold:
            self.painter.setPen(QPen(Qt.GlobalColor.black, 0.3 * MM))
            self.painter.drawLine(round(self.left), round(self.y), round(self.left + self.width), round(self.y))


_WIDTHS = (0.22, 0.38, 0.2, 0.2)


def _table(cur: _Cursor, units: Sequence[LetterUnit]) -> None:
    cur.row(("Serial number", "Product", "Lot", "Bought"), _WIDTHS, bold=True)
    for unit in units:
        cur.row((unit.serial, unit.product, unit.lot or "—", unit.sold_on or "—"), _WIDTHS)


def _continued(painter: QPainter, notice: RecallNotice, letter: RecallLetter, units: Sequence[LetterUnit]) -> None:
    cur = _Cursor(painter, 22 * MM, 20 * MM, (210 - 44) * MM)
    cur.text(f"Recall {notice.number} — {letter.customer_name} ({letter.customer_number}), continued", 11,
             bold=True, gap=6)
    _table(cur, units)


def _page(painter: QPainter, notice: RecallNotice, letter: RecallLetter, units: Sequence[LetterUnit],
          more: bool) -> None:
    cur = _Cursor(painter, 22 * MM, 20 * MM, (210 - 44) * MM)
    cur.text(notice.shop, 16, bold=True, gap=1 if notice.contact else 10)
    if notice.contact:
        cur.text("  ·  ".join(notice.contact), 9, gap=10)
    for line in (letter.customer_name, *letter.address_lines):
        cur.text(line, 11, gap=0.5)
    cur.y += 10 * MM
    cur.text(f"{notice.dated:%d %B %Y}    Customer {letter.customer_number}    Recall {notice.number}", 9.5, gap=6)
    cur.text(f"Important safety recall: {notice.product}", 14, bold=True, gap=5)
    cur.text(f"Dear {letter.customer_name},", gap=3)
    cur.text(_intro(letter), gap=3)
    cur.text(notice.reason, 11, bold=True, gap=5)
    for unit in units:
        if unit.note:
            cur.text(unit.note, gap=2)
    cur.y += 2 * MM
    _table(cur, units)
    if more:
        cur.text(f"… and {len(letter.units) - len(units)} more on the following page(s).", 9.5, gap=0)
    cur.y += 8 * MM
    cur.text(_what_to_do(notice), gap=4)
    cur.text(SORRY, gap=10)
    cur.text(f"{notice.shop} — service desk", bold=True)


SORRY = "We apologise for the inconvenience and thank you for your help."


def _intro(letter: RecallLetter) -> str:
    count = "unit" if len(letter.units) == 1 else f"{len(letter.units)} units"
    return (f"Our records show that you bought the following {count} from us. The manufacturer has issued a "
            "recall for these units for this reason:")


def _what_to_do(notice: RecallNotice) -> str:
    call = f"call us on {notice.phone}" if notice.phone else "call us"
    return (f"Please stop using the unit and bring it to our shop with this letter, or {call} to arrange a "
            "collection. The repair or replacement is free of charge.")


def letter_subject(notice: RecallNotice) -> str:
    return f"Important safety recall: {notice.product} (recall {notice.number})"  # From: names the shop


def letter_text(notice: RecallNotice, letter: RecallLetter) -> str:
    """The letter as plain text, sentence for sentence the printed page (the body of the recall e-mail)."""
    lines = [notice.shop, *notice.contact, "",
             f"{notice.dated:%d %B %Y}    Customer {letter.customer_number}    Recall {notice.number}", "",
             f"Important safety recall: {notice.product}", "", f"Dear {letter.customer_name},", "", _intro(letter),
             "", f"    {notice.reason}", ""]
    lines += [u.note for u in letter.units if u.note]
    lines += [f"  {'Serial number':<22} {'Product':<30} {'Lot':<12} Bought"]
    lines += [f"  {u.serial:<22} {u.product:<30} {u.lot or '—':<12} {u.sold_on or '—'}" for u in letter.units]
    lines += ["", _what_to_do(notice), "", SORRY, "", f"{notice.shop} — service desk"]
    return "\n".join(lines) + "\n"
