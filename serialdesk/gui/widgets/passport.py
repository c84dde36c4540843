"""The unit passport on screen: product, serial, badges (status, source, owner, warranty), facts, history."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from serialdesk.gui.formats import local_day, local_time, money, status_word, timestamp
from serialdesk.gui.generated.ui_passport_panel import Ui_PassportPanel
from serialdesk.gui.models.table import Column, RowsModel, sorted_view
from serialdesk.gui.widgets.feedback import Badge
from serialdesk.gui.widgets.passport_epcis import EpcisSaver
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.dto import EventView, ItemPassport

WARRANTY_AMBER_DAYS = 60  # at most this many days left: tell the customer soon
_STATUS_TONE = {"in_stock": "good", "sold": "info", "in_service": "info", "quarantined": "warn", "recalled": "warn",
                "scrapped": "bad", "receiving": "muted", "fitted": "muted", "customer_owned": "muted"}

EVENT_COLUMNS: tuple[Column[EventView], ...] = (
    Column("When", lambda e: local_time(e.at), sort=lambda e: timestamp(e.at)),
    Column("What happened", lambda e: e.summary),
    Column("By", lambda e: f"{e.by} @ {e.station}" if e.station else e.by),
)


def warranty_badge(p: ItemPassport, now: datetime) -> tuple[str, str, str]:
    """(text, tone, tooltip) — green with days left, amber when ≤ 60 days are left, red once it ended."""
    if p.warranty_status == "in_warranty" and p.warranty_until is not None:
        days = p.warranty_days_left or 0
        tone = "good" if days > WARRANTY_AMBER_DAYS else "warn"
        return f"In warranty · {days} days left", tone, f"Warranty until {local_day(p.warranty_until)}"
    if p.warranty_status == "expired" and p.warranty_until is not None:
        ago = max(0, (now - p.warranty_until).days)
        return f"Warranty ended · {ago} days ago", "bad", f"Warranty ended {local_day(p.warranty_until)}"
    if p.supplier_warranty_status == "in_warranty" and p.supplier_warranty_until is not None:
        return "Supplier warranty", "info", f"The supplier's warranty runs until {local_day(p.supplier_warranty_until)}"
    if p.status in ("in_stock", "receiving", "quarantined"):
        return "Not sold yet", "muted", "Warranty starts when the unit is sold"
    return "No warranty", "muted", "This unit has no warranty on record"


def owner_text(p: ItemPassport) -> str:
    if p.customer is not None:
        phone = f" · {p.customer.phone}" if p.customer.phone else ""
        return f"{p.customer.name} ({p.customer.number}){phone}"
    if not p.sold_by_us:
        return "Not sold by us"
    return "—"


class PassportPanel(QWidget):
    """Shows one ItemPassport; ``clear()`` goes back to the hint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PassportPanel()
        self.ui.setupUi(self)
        self.passport: ItemPassport | None = None
        self.events = RowsModel(EVENT_COLUMNS, self)
        self._events_view = sorted_view(self.events)
        view = self.ui.eventsView
        view.setModel(self._events_view)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the latest first: that is usually the question
        fit_columns(view, (0, 2), stretch=1)
        for caption in (self.ui.skuCaption, self.ui.lotCaption, self.ui.supplierCaption, self.ui.receivedCaption,
                        self.ui.customerCaption, self.ui.soldCaption, self.ui.warrantyCaption,
                        self.ui.locationCaption, self.ui.historyCaption):
            caption.setProperty("role", "caption")
        # A recall hold is said first, in red, above everything: a clerk must not miss it.
        self.holdBadge = Badge(self.ui.content)
        self.holdBadge.setObjectName("holdBadge")
        self.holdBadge.setWordWrap(True)
        self.ui.contentLayout.insertWidget(0, self.holdBadge)
        self.epcis = EpcisSaver(self)  # issue 16: "EPCIS…" saves the unit's history (widgets/passport_epcis.py)
        self.clear()

    def clear(self) -> None:
        self.passport = None
        self.events.set_rows(())
        self.ui.content.hide()
        self.ui.placeholder.show()

    def show_passport(self, p: ItemPassport, now: datetime | None = None) -> None:
        self.passport = p
        ui = self.ui
        ui.productLabel.setText(p.product)
        ui.serialLabel.setText(p.serial)
        ui.skuValue.setText(p.sku)
        ui.lotValue.setText(p.lot or "—")
        ui.supplierValue.setText(p.supplier or "—")
        ui.receivedValue.setText(local_day(p.received_at))
        ui.customerValue.setText(owner_text(p))
        ui.soldValue.setText(" · ".join(x for x in (local_day(p.sold_at), p.sale or "", money(p.price)) if x)
                             if p.sold_at else "—")
        ui.warrantyValue.setText(local_day(p.warranty_until))
        ui.locationValue.setText(p.location or "—")
        ui.statusBadge.show_badge(status_word(p.status), _STATUS_TONE.get(p.status, "muted"), "Status now")
        generated = p.serial_source == "generated"
        ui.sourceBadge.show_badge("Serial generated here" if generated else "Supplier serial",
                                  "info" if generated else "muted",
                                  "Labelled in this shop" if generated else "Serial as printed by the manufacturer")
        if not p.sold_by_us:
            ui.ownerBadge.show_badge("Not sold by us", "warn", "Known only from the service desk")
        else:
            ui.ownerBadge.show_badge("")
        self.holdBadge.show_badge(p.hold or "", "bad", "Resolve the recall line before this unit goes back on sale")
        text, tone, tip = warranty_badge(p, now or datetime.now(UTC))
        ui.warrantyBadge.show_badge(text, tone, tip)
        self.events.set_rows(p.events)
        ui.placeholder.hide()
        ui.content.show()
