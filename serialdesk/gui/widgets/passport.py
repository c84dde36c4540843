"""The unit passport on screen: product, serial, badges (status, source, owner, warranty), facts, the journey
(where it is and where it has been), history."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from serialdesk.gui.formats import local_day, local_time, money, status_word, timestamp
from serialdesk.gui.generated.ui_passport_panel import Ui_PassportPanel
from serialdesk.gui.models.table import Column, RowsModel, sorted_view
from serialdesk.gui.widgets.feedback import Badge
from serialdesk.gui.widgets.passport_epcis import EpcisSaver
from serialdesk.gui.widgets.passport_journey import JourneyList
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.dto import EventView, FitmentView, ItemPassport, PartNode

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


def _how(via: str, by: str = "") -> str:
    how = f"swapped in {via}" if via.startswith("T-") else f"built in {via}" if via.startswith("BLD-") else via
    return f"{how} · {by}" if by else how


def fitted_text(p: ItemPassport) -> str:
    """Where a part sits now (every level up to the outermost unit) and where it sat before; '' for a unit that
    was never fitted in another."""
    lines = []
    if p.within:
        now = next((f for f in reversed(p.fitted_history) if f.removed_at is None), None)
        since = f" since {local_day(now.fitted_at)} ({_how(now.via)})" if now else ""
        outer = p.within[-1]
        where = f"{outer.label} ({status_word(outer.status).lower()})"
        if len(p.within) == 1:
            lines.append(f"Sits in {where}{since}.")
        else:
            inner = ", in ".join(u.label for u in p.within[1:-1])
            lines.append(f"Sits in {p.within[0].label}{since}, which sits in {inner + ', in ' if inner else ''}"
                         f"{where}.")
    before = [f for f in p.fitted_history if f.removed_at is not None]
    if before:
        lines.append("Sat before in " + "; ".join(_sat(f) for f in before) + ".")
    return "\n".join(lines)


def _sat(f: FitmentView) -> str:
    out = f"taken out in {f.removed_via}" if f.removed_via and f.removed_via.startswith("T-") else f.removed_via
    return (f"{f.host.label} from {local_day(f.fitted_at)} ({_how(f.via)}) to {local_day(f.removed_at)}"
            + (f" ({out})" if out else ""))


def fill_tree(tree: QTreeWidget, parts: tuple[PartNode, ...]) -> int:
    """The parts, each under the unit it sits in (every level open); returns how many rows were drawn."""
    tree.clear()

    def add(parent: QTreeWidget | QTreeWidgetItem, node: PartNode) -> int:
        name = f"{node.unit.sku} · {node.unit.product}"
        row = QTreeWidgetItem([name, node.unit.serial, node.lot or "—", node.supplier or "—",
                               local_day(node.fitted_at), _how(node.via)])
        row.setToolTip(0, f"{name} · {node.unit.label} · {status_word(node.unit.status)}")
        row.setToolTip(5, _how(node.via, node.fitted_by))
        if isinstance(parent, QTreeWidget):
            parent.addTopLevelItem(row)
        else:
            parent.addChild(row)
        return 1 + sum(add(row, child) for child in node.parts)

    drawn = sum(add(tree, node) for node in parts)
    tree.expandAll()
    return drawn


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
                        self.ui.locationCaption, self.ui.historyCaption, self.ui.partsCaption):
            caption.setProperty("role", "caption")
        # A recall hold is said first, in red, above everything: a clerk must not miss it.
        self.holdBadge = Badge(self.ui.content)
        self.holdBadge.setObjectName("holdBadge")
        self.holdBadge.setWordWrap(True)
        self.ui.contentLayout.insertWidget(0, self.holdBadge)
        # The part's name takes what the other columns leave (cut short, its full name in the tooltip): no
        # sideways scrolling in a narrow panel.
        tree = self.ui.partsTree
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout = self.ui.contentLayout
        layout.setStretchFactor(tree, 1)
        layout.setStretchFactor(self.ui.eventsView, 2)
        self._journey = JourneyList(self)  # issue 15: where the unit is and where it has been
        self.journey, self.journeyCaption = self._journey.list, self._journey.caption
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
        self._journey.show(p)
        self._show_genealogy(p)
        ui.placeholder.hide()
        ui.content.show()

    def _show_genealogy(self, p: ItemPassport) -> None:
        ui = self.ui
        fitted = fitted_text(p)
        ui.fittedLabel.setText(fitted)
        ui.fittedLabel.setVisible(bool(fitted))
        rows = fill_tree(ui.partsTree, p.parts)
        ui.partsCaption.setText(f"Parts ({len(p.parts)} fitted)" if rows == len(p.parts) else
                                f"Parts ({len(p.parts)} fitted, {rows} in all)")
        ui.partsCaption.setVisible(bool(rows))
        ui.partsTree.setVisible(bool(rows))
        # At least 4 rows tall (when it has them), at most its rows: the history below keeps the rest.
        tree = ui.partsTree
        row = max(tree.fontMetrics().height() + 6, 20)
        frame = tree.header().sizeHint().height() + 2 * tree.frameWidth() + 2
        tree.setMinimumHeight(frame + row * min(rows, 4))
        tree.setMaximumHeight(frame + row * max(rows, 1))

    def hide_tree_columns(self, *titles: str) -> None:
        """Leave out columns of the tree where they say the same on every row (the bench's last build)."""
        tree = self.ui.partsTree
        for column in range(tree.columnCount()):
            tree.setColumnHidden(column, tree.headerItem().text(column) in titles)
