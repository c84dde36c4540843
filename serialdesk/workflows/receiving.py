"""A receiving session (issue 13): the draft, the product and lot being scanned, the units accepted (the undo
stack) and the scans waiting their turn — what the receiving pane shows and ``receive --draft`` /
``receipts resume`` drive, without Qt.

Each action comes in two halves so a GUI can run the service call off its thread: ``*_call`` returns a
function that only talks to the services (one service call, one transaction), ``*_done`` applies its result
to the session on the caller's thread. ``scan(text)`` and friends do both, for the CLI and tests.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import plural
from serialdesk.services.bundle import Services
from serialdesk.services.drafts import DraftBatch, DraftScan
from serialdesk.services.dto import ReceiptView, ScannedUnit

Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]
CHUNK = 1000


@dataclass(frozen=True)
class ScanOutcome:
    """One scan's outcome as the clerk sees it. ``tone``: good (saved) · info (product chosen, undone) · warn
    (unknown product barcode: ``gtin`` set, offer to add the product) · bad (refused, the reason)."""

    tone: str
    text: str
    sku: str
    message: str
    unit: ScannedUnit | None = None
    gtin: str | None = None
    note: str = ""


@dataclass(frozen=True)
class BatchOutcome:
    added: tuple[ScannedUnit, ...]
    refused: tuple[tuple[str, str], ...]
    not_done: tuple[str, ...] = ()  # left when Cancel was pressed
    count: int | None = None  # units added, when ``added`` does not hold them all (a GUI keeps only counts)

    @property
    def message(self) -> str:
        text = f"{plural(len(self.added) if self.count is None else self.count, 'serial')} added"
        if self.refused:
            shown = ", ".join(t for t, _ in self.refused[:5]) + (" …" if len(self.refused) > 5 else "")
            text += f"; {len(self.refused)} refused ({shown}): {self.refused[0][1]}"
        if self.not_done:
            text += f". Stopped: {plural(len(self.not_done), 'serial')} from {self.not_done[0]} on were not added"
        return text + "."


@dataclass
class ReceivingSession:
    services: Services
    draft: ReceiptView | None = None
    sku: str | None = None
    lot: str | None = None
    supplier: str | None = None
    count: int = 0
    accepted: list[ScannedUnit] = field(default_factory=list)  # the undo stack, oldest first
    waiting: deque[str] = field(default_factory=deque)  # scans that came while one was being saved

    # --- scanning --------------------------------------------------------------------------------------------

    def scan_call(self, text: str) -> Callable[[], DraftScan]:
        """The one service call of a scan: classify, open the draft if there is none, save the unit."""
        drafts, receipt = self.services.drafts, self.draft.id if self.draft else None
        sku, lot, supplier = self.sku, self.lot, self.supplier
        return lambda: drafts.scan(receipt, text, sku=sku, lot=lot, supplier=supplier)

    def scan_done(self, text: str, result: DraftScan | DomainError) -> ScanOutcome:
        if isinstance(result, DomainError):
            if result.code == "unknown_product_barcode":
                return ScanOutcome("warn", text, "", result.message, gtin=str(result.details.get("gtin")))
            return ScanOutcome("bad", text, self.sku or "", result.message)
        cleared = self.choose_product(result.sku)
        if result.lot:
            self.lot = result.lot
        if result.kind == "product":
            lot = f", lot {result.lot}" if result.lot else ""
            gone = f" (lot {cleared} cleared: it was the last product's)" if cleared and not result.lot else ""
            return ScanOutcome("info", text, result.sku,
                               f"Now scanning {result.product} ({result.sku}){lot}{gone}. Scan its serials.")
        assert result.unit is not None and result.receipt is not None
        self.draft, self.count = result.receipt, result.receipt.count
        self.accepted.append(result.unit)
        message = f"✓ {result.unit.serial} added — {plural(self.count, 'unit')} on {result.receipt.number}."
        return ScanOutcome("good", text, result.sku, message + (f" {result.note}" if result.note else ""),
                           result.unit, note=result.note)

    def scan(self, text: str) -> ScanOutcome:
        return self.scan_done(text, _attempt(self.scan_call(text)))

    # --- lists: paste, range, expected -----------------------------------------------------------------------

    def add_many(self, texts: Sequence[str], progress: Progress | None = None,
                 cancelled: Cancelled | None = None, chunk: int = CHUNK) -> BatchOutcome:
        """Serials for the current product, set-based in chunks (one service call each) so a progress bar
        moves and Cancel stops between chunks; every chunk saved stays on the draft."""
        if self.sku is None:
            raise DomainError("Choose the product first (or scan its barcode), then add its serials.",
                              code="no_current_product")
        added: list[ScannedUnit] = []
        refused: list[tuple[str, str]] = []
        items = list(texts)
        for start in range(0, len(items), chunk):
            if cancelled is not None and cancelled():
                return BatchOutcome(tuple(added), tuple(refused), tuple(items[start:]))
            batch = self.batch_call(items[start:start + chunk])()
            self.batch_done(batch)
            added += batch.added
            refused += batch.refused
            if progress is not None:
                progress(min(start + chunk, len(items)), len(items))
        return BatchOutcome(tuple(added), tuple(refused))

    def batch_call(self, texts: Sequence[str]) -> Callable[[], DraftBatch]:
        drafts, receipt, sku = self.services.drafts, self.draft.id if self.draft else None, self.sku or ""
        lot, supplier = self.lot, self.supplier
        return lambda: drafts.add_serials(receipt, sku, list(texts), lot=lot, supplier=supplier)

    def batch_done(self, batch: DraftBatch) -> None:
        self.draft, self.count = batch.receipt, batch.receipt.count
        self.accepted.extend(batch.added)

    def choose_product(self, sku: str | None) -> str | None:
        """Scan ``sku`` from now on. A lot belongs to one product's batch, so another product clears it (its
        units must not be recorded in the last product's lot); returns the lot cleared, if any. A lot given
        before any product was chosen is for the first product and stays."""
        cleared = self.lot if self.sku is not None and sku != self.sku and self.lot else None
        self.sku = sku
        if cleared:
            self.lot = None
        return cleared

    # --- the draft -------------------------------------------------------------------------------------------

    def undo_call(self) -> Callable[[], ReceiptView]:
        if self.draft is None or not self.accepted:
            raise DomainError("Nothing to undo: no serial has been added to this receipt yet.", code="nothing_to_undo")
        receiving, receipt, unit = self.services.receiving, self.draft.id, self.accepted[-1]
        return lambda: receiving.remove_scan(receipt, unit.serial, unit.sku)

    def undo_done(self, receipt: ReceiptView) -> ScanOutcome:
        unit = self.accepted.pop()
        self.draft, self.count = receipt, receipt.count
        return ScanOutcome("info", unit.serial, unit.sku,
                           f"{unit.serial} was taken off {receipt.number}; {plural(receipt.count, 'unit')} left.",
                           unit)

    def undo(self) -> ScanOutcome:
        return self.undo_done(self.undo_call()())

    def resume_call(self, number: str) -> Callable[[], ReceiptView]:
        drafts = self.services.drafts
        return lambda: drafts.draft(number)

    def resume_done(self, receipt: ReceiptView) -> ReceiptView:
        """Carry on scanning a draft (this station's or another's): its units become the undo stack."""
        units = sorted(receipt.units, key=lambda u: (u.scanned_at, u.item_id))
        self.draft, self.count, self.accepted = receipt, receipt.count, units
        if units:
            self.sku, self.lot = units[-1].sku, units[-1].lot
        self.supplier = receipt.supplier or self.supplier
        return receipt

    def resume(self, number: str) -> ReceiptView:
        return self.resume_done(self.resume_call(number)())

    def post_call(self, supplier: str | None = None) -> Callable[[], ReceiptView]:
        if self.draft is None:
            raise DomainError("Nothing to post yet: scan the first serial.", code="empty_receipt")
        receiving, receipt, chosen = self.services.receiving, self.draft.id, supplier or self.supplier
        return lambda: receiving.post_receipt(receipt, supplier=chosen)

    def post(self, supplier: str | None = None) -> ReceiptView:
        posted = self.post_call(supplier)()
        self.reset()
        return posted

    def cancel_call(self) -> Callable[[], ReceiptView]:
        if self.draft is None:
            raise DomainError("There is no draft to throw away.", code="no_draft")
        receiving, receipt = self.services.receiving, self.draft.id
        return lambda: receiving.cancel_receipt(receipt)

    def cancel(self) -> ReceiptView:
        cancelled = self.cancel_call()()
        self.reset()
        return cancelled

    def reset(self) -> None:
        self.draft, self.count, self.accepted = None, 0, []
        self.waiting.clear()


def _attempt(call: Callable[[], DraftScan]) -> DraftScan | DomainError:
    try:
        return call()
    except DomainError as exc:
        return exc
