"""Drafts left unfinished (at this station or another) offered for resuming, and the draft's supplier."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox

from serialdesk.domain.text import plural
from serialdesk.gui.formats import local_time
from serialdesk.gui.models.scans import ScanLine
from serialdesk.gui.panes.receiving_host import ReceivingHost
from serialdesk.gui.panes.receiving_texts import SHOWN_SCANS
from serialdesk.services.dto import ReceiptView


class DraftOffers(QObject):
    def __init__(self, pane: ReceivingHost) -> None:
        super().__init__(pane)  # type: ignore[arg-type]  # the pane is a QWidget
        self.pane = pane
        pane.ui.resumeButton.clicked.connect(self.resume_selected)
        pane.ui.supplierCombo.activated.connect(self._supplier_chosen)

    def offer(self, drafts: list[ReceiptView]) -> None:
        combo: QComboBox = self.pane.ui.draftsCombo
        current = self.pane.session.draft
        combo.clear()
        for receipt in drafts:
            if current is not None and receipt.id == current.id:
                continue
            where = f" at {receipt.station}" if receipt.station else ""
            combo.addItem(f"{receipt.number} · {plural(receipt.count, 'unit')} · {receipt.supplier or 'no supplier'}"
                          f" · {receipt.created_by}{where} · {local_time(receipt.created_at)}", receipt.id)
        self.pane.ui.draftsBar.setVisible(combo.count() > 0)

    def resume_selected(self) -> None:
        receipt_id = self.pane.ui.draftsCombo.currentData()
        if receipt_id is None:
            return
        session = self.pane.session
        self.pane.call(session.resume_call(str(receipt_id)), self.resumed, self.pane.ui.banner.bad,
                       label="open the draft")

    def resumed(self, receipt: ReceiptView) -> None:
        pane, session = self.pane, self.pane.session
        session.resume_done(receipt)
        units = session.accepted
        pane.scans.set_rows([ScanLine(u.scanned_at, u.serial, u.sku, "good", "On the receipt", u.lot or "")
                             for u in reversed(units[-SHOWN_SCANS:])])
        combo = pane.ui.supplierCombo
        for i in range(combo.count()):
            if receipt.supplier and combo.itemText(i).startswith(receipt.supplier + " ("):
                combo.setCurrentIndex(i)
        if units:
            index = pane.ui.productCombo.findData(units[-1].sku)
            if index >= 0:
                pane.ui.productCombo.setCurrentIndex(index)
            pane.ui.lotEdit.setText(units[-1].lot or "")
        index = pane.ui.draftsCombo.findData(receipt.id)
        if index >= 0:
            pane.ui.draftsCombo.removeItem(index)
        pane.ui.draftsBar.setVisible(pane.ui.draftsCombo.count() > 0)
        pane.ui.banner.say(f"Resumed {receipt.number} with {plural(receipt.count, 'unit')}; carry on scanning.")
        pane.show_draft()
        pane.ui.scanEdit.setFocus()

    def _supplier_chosen(self, _index: int) -> None:
        data = self.pane.ui.supplierCombo.currentData()
        supplier = str(data) if data else None
        session = self.pane.session
        session.supplier = supplier
        if session.draft is None or supplier is None:
            return
        receipt_id, receiving = session.draft.id, self.pane.services.receiving

        def chosen(receipt: ReceiptView) -> None:
            session.draft = receipt
            self.pane.ui.banner.say(f"Supplier of {receipt.number}: {receipt.supplier}.")

        self.pane.call(lambda: receiving.set_supplier(receipt_id, supplier), chosen, self.pane.ui.banner.bad,
                       label="set the supplier")
