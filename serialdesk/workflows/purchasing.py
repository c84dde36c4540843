"""Purchasing and transfers for the window (issue 15), without Qt: the supply services bound to the person at
the station, what is due this week, and the expected-serials checklist of a PO kept as rows that change in
place (a 2,000-serial notice is updated row by row, never rebuilt)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from serialdesk.documents.spreadsheet import read_table
from serialdesk.domain.errors import DomainError
from serialdesk.services.bundle import Services
from serialdesk.services.dto.supply import PoLineView, PoReceipt, PurchaseOrderView
from serialdesk.services.epcis_import import EpcisChecklist, EpcisNotices, not_applying_text
from serialdesk.services.locations import LocationService
from serialdesk.services.po_drafts import PoDraftService
from serialdesk.services.purchasing import RECEIVABLE, PurchasingService
from serialdesk.services.transfers import TransferService

RECEIVED, MISSING, NOT_ON_NOTICE = "received", "missing", "not on notice"
STATUS_TEXT = {"open": "open", "partly_received": "partly received", "closed": "closed", "cancelled": "cancelled"}


@dataclass(frozen=True)
class Supply:
    locations: LocationService
    transfers: TransferService
    purchasing: PurchasingService
    po_drafts: PoDraftService  # a Receiving pane's draft posted against a PO


def supply(services: Services) -> Supply:
    """The supply-chain services for the same person, database and clock as ``services``."""
    base = services.receiving
    args = (base.uows, base.actor, base.clock)
    return Supply(LocationService(*args), TransferService(*args), PurchasingService(*args), PoDraftService(*args))


NOTICE_FILES = "Serial notices (*.csv *.jsonld *.json);;All files (*)"  # the file dialogs' filter


def is_epcis(path: str | Path) -> bool:
    """An EPCIS document (``.jsonld``/``.json``) rather than a CSV notice (issue 16) — the CLI decides the same."""
    return str(path).lower().endswith((".jsonld", ".json"))


@dataclass(frozen=True)
class NoticeLoaded:
    """A notice file loaded onto a PO: the order as it now stands, what to tell the clerk, and how (good|warn)."""

    order: PurchaseOrderView
    said: str
    tone: str


def load_notice_file(purchasing: PurchasingService, number: str, path: Path) -> NoticeLoaded:
    """A supplier's notice from a file, all or nothing: a CSV (columns serial, optional sku and lot) or an EPCIS
    2.0 shipment (.jsonld/.json), read as ``po notice`` reads it, with its messages."""
    if is_epcis(path):
        done = EpcisNotices.like(purchasing).load_notice(number, path)
        said = " ".join(filter(None, (done.headline(path.name), not_applying_text(done.notes))))
        return NoticeLoaded(done.order, said, "good" if done.loaded else "warn")
    try:
        table = read_table(str(path), ("serial", "sku", "lot"))
    except OSError as exc:
        raise DomainError(f"Could not read {path.name}: {exc.strerror or exc}.", code="unreadable_file") from None
    if "serial" not in table.columns:
        raise DomainError(f"{path.name} has no 'serial' column (columns: serial, optional sku and lot).",
                          code="bad_notice")
    order = purchasing.load_notice(number, table.rows, table.lines, source=path.name)
    said = " ".join([f"{order.expected} serials expected on {order.number}, from {path.name}.", *order.warnings])
    return NoticeLoaded(order, said, "warn" if order.warnings else "good")


def shipment_checklist(services: Services, path: Path, sku: str | None) -> EpcisChecklist:
    """The serials a supplier's EPCIS shipment lists for the product being received (``receive --expected
    FILE.jsonld``'s reading): refused in the CLI's words when nothing in it is a shipment of that product."""
    if not sku:
        raise DomainError("Choose the product being received first: the shipment's units are matched to it by "
                          "GTIN.", code="sku_required")
    listed = EpcisNotices.like(services.receiving).checklist(path, sku)
    if not listed.serials:
        raise DomainError(" ".join(filter(None, (listed.headline(path.name), not_applying_text(listed.notes)))),
                          code="nothing_shipped")
    return listed


def after_receipt(order: PurchaseOrderView, got: PoReceipt) -> PurchaseOrderView:
    """The PO as it stands after a receipt against it, from what the receipt changed (its lines' counts, its
    status, the notice's serials it ticked off) — without reading the PO and its checklist back."""
    if got.po != order.number:
        return order
    ticked = set(got.ticked)
    return replace(order, status=got.status, lines=got.lines, ordered=sum(ln.ordered for ln in got.lines),
                   received=sum(ln.received for ln in got.lines),
                   expected_received=(*order.expected_received, *got.ticked),
                   expected_missing=tuple(s for s in order.expected_missing if s not in ticked),
                   receipts=(*order.receipts, got.receipt))


@dataclass(frozen=True)
class DueLine:
    po: str
    supplier: str
    sku: str
    product: str
    left: int
    due: datetime
    overdue: bool


def due_lines(orders: Iterable[PurchaseOrderView], now: datetime, days: int = 7) -> list[DueLine]:
    """Lines of open orders still to come that are overdue or due within ``days``, soonest first."""
    until = now + timedelta(days=days)
    found = [DueLine(o.number, o.supplier, ln.sku, ln.product, ln.ordered - ln.received, ln.due, ln.due < now)
             for o in orders if o.status in RECEIVABLE for ln in o.lines
             if ln.due is not None and ln.received < ln.ordered and ln.due <= until]
    return sorted(found, key=lambda d: d.due)


def overdue(order: PurchaseOrderView, now: datetime) -> bool:
    return order.status in RECEIVABLE and any(_late(ln, now) for ln in order.lines)


def _late(line: PoLineView, now: datetime) -> bool:
    return line.due is not None and line.due < now and line.received < line.ordered


def next_due(order: PurchaseOrderView) -> datetime | None:
    dates = [ln.due for ln in order.lines if ln.due is not None and ln.received < ln.ordered]
    return min(dates) if dates else (max((ln.due for ln in order.lines if ln.due), default=None))


@dataclass(frozen=True)
class CheckLine:
    serial: str  # SKU:SERIAL
    state: str  # received · missing · not on notice


class Checklist:
    """A PO's expected serials and their state; ``update`` says which rows changed and which are new, so a
    view can repaint those rows only."""

    def __init__(self) -> None:
        self.po: str | None = None
        self.rows: list[CheckLine] = []
        self._row_of: dict[str, int] = {}

    def reset(self, order: PurchaseOrderView, not_on_notice: Sequence[str] = ()) -> None:
        self.po = order.number
        self.rows = [CheckLine(s, RECEIVED) for s in order.expected_received]
        self.rows += [CheckLine(s, MISSING) for s in order.expected_missing]
        self.rows += [CheckLine(s, NOT_ON_NOTICE) for s in not_on_notice]
        self._row_of = {line.serial: n for n, line in enumerate(self.rows)}

    def update(self, order: PurchaseOrderView, not_on_notice: Sequence[str] = ()) -> tuple[list[int], list[CheckLine]]:
        """The same PO seen again: (rows whose state changed — already changed here, rows to append)."""
        changed: list[int] = []
        added: list[CheckLine] = []
        wanted = [(s, RECEIVED) for s in order.expected_received] + [(s, MISSING) for s in order.expected_missing]
        wanted += [(s, NOT_ON_NOTICE) for s in not_on_notice]
        for serial, state in wanted:
            row = self._row_of.get(serial)
            if row is None:
                self._row_of[serial] = len(self.rows) + len(added)
                added.append(CheckLine(serial, state))
            elif self.rows[row].state != state:
                self.rows[row] = CheckLine(serial, state)
                changed.append(row)
        self.rows += added
        return changed, added

    def counts(self) -> dict[str, int]:
        out = {RECEIVED: 0, MISSING: 0, NOT_ON_NOTICE: 0}
        for line in self.rows:
            out[line.state] += 1
        return out
