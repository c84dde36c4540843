"""Receiving against a purchase order (in the Receiving pane's set-up card): choose the PO, and the card says
"12 of 20" (received on the PO, and on this receipt), the unit cost from the PO line, and warns on
over-delivery and on serials the supplier's notice does not list. Posting the draft then posts it against the
PO, in one transaction (PoDraftService.receive_draft): the PO's supplier and cost, the notice ticked off."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import listing, plural
from serialdesk.gui.formats import money
from serialdesk.gui.widgets.feedback import restyle
from serialdesk.services.dto import ReceiptView
from serialdesk.services.dto.supply import PoReceipt, PurchaseOrderView
from serialdesk.workflows.purchasing import after_receipt, supply
from serialdesk.workflows.receiving import ReceivingSession

NO_PO = "No purchase order"


class PoChooser(QObject):
    """The 'Purchase order' row of the set-up card, and posting the draft against the chosen PO."""

    def __init__(self, ui: Any, pane: Any, session: ReceivingSession) -> None:
        super().__init__(pane)
        self.ui, self.pane, self.session = ui, pane, session
        found = supply(session.services)
        self.purchasing, self.po_drafts = found.purchasing, found.po_drafts
        self.order: PurchaseOrderView | None = None
        self.last: PoReceipt | None = None  # the last receipt posted against a PO (set on the worker)
        self._result: tuple[str, str] | None = None  # what the card says about it: text, tone
        self._notice_of: PurchaseOrderView | None = None
        self._notice_serials: set[str] = set()
        card: QWidget = ui.setupCard
        caption = QLabel("Purchase order", card)
        self.combo = QComboBox(card)
        self.combo.setObjectName("poCombo")
        self.combo.setToolTip("Receive against a purchase order: its supplier, its cost, its notice's serials")
        self.combo.addItem(NO_PO, None)
        self.status = QLabel("", card)
        self.status.setObjectName("poStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "banner")  # toned: green on track, amber over-delivery or off the notice
        layout = ui.setupLayout
        layout.addWidget(caption, 2, 0)
        layout.addWidget(self.combo, 3, 0)
        layout.addWidget(self.status, 3, 1, 1, 2)
        self.combo.activated.connect(lambda _i: self.picked())
        self._plain_post: Callable[..., Callable[[], ReceiptView]] = session.post_call
        session.post_call = self.post_call  # type: ignore[method-assign]  # against the PO when one is chosen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.load()
        return False

    def watch(self, scans: Any) -> None:
        """Say the count again after every scan, undo and reset of the pane's list."""
        scans.rowsInserted.connect(lambda *_: self.show())
        scans.modelReset.connect(self._after_reset)

    def load(self) -> None:
        purchasing = self.purchasing
        self.pane.call(lambda: purchasing.orders(open_only=True), self._fill, lambda _m: None,
                       label="load open purchase orders")

    def _fill(self, orders: list[PurchaseOrderView]) -> None:
        chosen = self.combo.currentData()
        self.combo.clear()
        self.combo.addItem(NO_PO, None)
        for o in orders:
            self.combo.addItem(f"{o.number} — {o.supplier} ({o.received} of {o.ordered})", o.number)
        index = self.combo.findData(chosen) if chosen else 0
        self.combo.setCurrentIndex(max(index, 0))
        if index < 0 or (chosen and self.order is None):
            self.order = None
        elif chosen:
            self.order = next((o for o in orders if o.number == chosen), self.order)
        self.show()

    def choose(self, number: str) -> None:
        """Choose a PO by its number (as a clerk picking it in the list)."""
        index = self.combo.findData(number)
        if index >= 0:
            self.combo.setCurrentIndex(index)
            self.picked()

    def picked(self) -> None:
        self._result = None
        number = self.combo.currentData()
        if not number:
            self.order = None
            self.show()
            return
        purchasing = self.purchasing
        self.pane.call(lambda: purchasing.order(str(number)), self._chosen, self.pane.ui.banner.bad,
                       label="open a purchase order")

    def _chosen(self, order: PurchaseOrderView) -> None:
        self.order = order
        combo = self.ui.supplierCombo
        for i in range(combo.count()):
            if combo.itemText(i).startswith(order.supplier + " ("):
                combo.setCurrentIndex(i)
        skus = {ln.sku for ln in order.lines}
        if len(skus) == 1:
            self.pane.setup.select_product(next(iter(skus)))
        missing = [s.split(":", 1)[1] for s in order.expected_missing]
        if missing and hasattr(self.pane, "expected"):
            self.pane.expected.set_expected(missing, f"the notice of {order.number}")
        self.show()

    # --- what the card says --------------------------------------------------------------------------------

    def scanned(self) -> list[str]:
        """The serials on this draft of the PO's product(s)."""
        skus = {ln.sku for ln in self.order.lines} if self.order else set()
        return [u.serial for u in self.session.accepted if u.sku in skus]

    def counts(self) -> tuple[int, int, int]:
        """(received on the PO before this receipt, on this receipt, ordered)."""
        if self.order is None:
            return 0, 0, 0
        return self.order.received, len(self.scanned()), self.order.ordered

    def warnings(self) -> list[str]:
        if self.order is None:
            return []
        before, now, ordered = self.counts()
        found = []
        if before + now > ordered:
            found.append(f"Over-delivery: {before + now} of {ordered} ordered ({before + now - ordered} more).")
        notice = self._notice()
        if notice:
            extra = [s for s in self.scanned() if s.upper() not in notice]
            if extra:
                found.append(f"{plural(len(extra), 'serial')} not on the supplier's notice: {listing(extra, 6)}.")
        return found

    def _notice(self) -> set[str]:
        """The notice's serials of the chosen PO, worked out once per PO view (not again on every scan)."""
        o = self.order
        if self._notice_of is not o:
            self._notice_of = o
            self._notice_serials = {s.split(":", 1)[1].upper() for s in (*o.expected_received, *o.expected_missing)
                                    } if o is not None else set()
        return self._notice_serials

    def text(self) -> tuple[str, str]:
        if self.order is None:
            return "Not against a purchase order.", "muted"
        o = self.order
        before, now, ordered = self.counts()
        costs = {money(ln.unit_cost) for ln in o.lines}
        cost = (f" · cost {next(iter(costs))} each (from the PO line)" if len(costs) == 1
                else " · cost from the PO lines")
        text = f"{o.number}: {before + now} of {ordered}" + (f" (this receipt {now})" if now else "") + cost
        warnings = self.warnings()
        return (" ".join((text + ".", *warnings)), "warn") if warnings else (text + ".", "good")

    def show(self) -> None:
        """What the card says: how the receipt just posted went (until the next scan or choice), else the count."""
        if self._result is not None and self.session.accepted:
            self._result = None
        text, tone = self._result or self.text()
        self.status.setText(text)
        self.status.setProperty("tone", tone)
        restyle(self.status)

    def _after_reset(self) -> None:
        last, self.last = self.last, None
        if last is not None:  # a receipt was just posted against the PO: say how it went, then reload
            self.order = after_receipt(self.order, last) if self.order is not None else None
            text = f"{last.receipt} against {last.po}: {last.received} of {last.ordered} of {last.sku} received."
            self._result = (" ".join((text, *last.warnings)), "warn" if last.warnings else "good")
            self.load()
        self.show()

    # --- posting -------------------------------------------------------------------------------------------

    def post_call(self, supplier: str | None = None) -> Callable[[], ReceiptView]:
        if self.order is None:
            return self._plain_post(supplier)
        if self.session.draft is None:
            raise DomainError("Nothing to post yet: scan the first serial.", code="empty_receipt")
        po_drafts, receiving = self.po_drafts, self.session.services.receiving
        number, receipt = self.order.number, self.session.draft.id

        def post() -> ReceiptView:
            self.last = po_drafts.receive_draft(number, receipt)
            return receiving.receipt(receipt)

        return post
