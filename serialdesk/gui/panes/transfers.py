"""Transfers (F10): units sent from one location to another — a branch, the workshop. Open a transfer from A to
B, scan the units out at A (they go 'In transit'), scan them in at B. What was sent and has not arrived (short)
and what arrived without being sent (extra) stays listed until the transfer is resolved.

Scans (wedge, camera, typed + Enter) go to the transfer shown: out while the station is at A, in at B (the
station's location in Settings decides which; the clerk can switch)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QWidget,
)

from serialdesk.bootstrap import Services
from serialdesk.domain.changes import Changes
from serialdesk.gui.models.table import ROW_ROLE
from serialdesk.gui.panes.base import Pane, ScanQueue
from serialdesk.gui.panes.transfers_layout import build
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.feedback import restyle
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.services.dto.supply import LocationView, TransferView
from serialdesk.workflows.purchasing import supply

SHORT_CHOICES = (("They are still at the source: put them back there", "back"),
                 ("They are lost: write them off", "lost"))


class TransfersPane(Pane):
    title = "Transfers"
    help_topic = "transfers"
    sig_loaded = Signal()
    sig_transfer_shown = Signal(object)  # TransferView
    sig_scan_handled = Signal(str, str)  # tone, message — after each scan (the window's scan sounds)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.supply = supply(services)
        self.here = services.actor.location or ""
        self.current: TransferView | None = None
        self.locations: list[LocationView] = []
        self.queue = ScanQueue(self._scan)
        self._split_set = False
        self._stale = True
        self._build()
        self._connect()

    def _build(self) -> None:
        build(self)  # the widgets: transfers_layout

    def _connect(self) -> None:
        self.open_button.clicked.connect(self.open_transfer)
        self.resolve_button.clicked.connect(self.ask_resolve)
        self.scan_edit.sig_entered.connect(self._typed)
        self.transfers_view.selectionModel().currentRowChanged.connect(self._picked)
        self._enable()

    # --- loading -------------------------------------------------------------------------------------------

    def load(self) -> None:
        transfers, locations = self.supply.transfers, self.supply.locations
        self._stale = False
        self.call(lambda: (transfers.transfers(), locations.locations()), self._loaded, self.banner.bad,
                  label="load transfers")

    def _loaded(self, found: tuple[list[TransferView], list[LocationView]]) -> None:
        listed, self.locations = found
        places = [loc for loc in self.locations if loc.kind != "transit"]
        for combo, default in ((self.from_combo, self.here), (self.to_combo, "")):
            chosen = combo.currentData() or default
            combo.clear()
            for loc in places:
                combo.addItem(f"{loc.name} ({loc.branch})" if loc.branch else loc.name, loc.name)
            index = combo.findData(chosen)
            combo.setCurrentIndex(index if index >= 0 else 0)
        if not self.to_combo.currentData() or self.to_combo.currentData() == self.from_combo.currentData():
            self.to_combo.setCurrentIndex(1 if self.to_combo.count() > 1 else 0)
        self.transfers.set_rows(listed)
        keep = self.current.number if self.current else next((t.number for t in listed if t.status == "open"), None)
        if keep is not None:
            match = next((t for t in listed if t.number == keep), None)
            if match is not None:
                self.show_transfer(match)
        self.sig_loaded.emit()

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        t = current.data(ROW_ROLE) if current.isValid() else None
        if isinstance(t, TransferView):
            self.show_transfer(t, pick_mode=True)

    def show_transfer(self, t: TransferView, *, pick_mode: bool = False) -> None:
        changed = self.current is None or self.current.number != t.number
        self.current = t
        self.title_label.setText(f"{t.number}: {t.from_location} → {t.to_location} · {t.status} · {t.sent} sent, "
                                 f"{t.received} arrived")
        if changed or pick_mode:  # at B the clerk scans in; anywhere else out
            arriving = self.station_place().lower() == t.to_location.lower()
            (self.in_radio if arriving else self.out_radio).setChecked(True)
        self.units.set_rows(t.units)
        self.problems_label.setText(self._problems(t))
        tone = "bad" if t.extra else ("warn" if t.short and t.status == "open" else "good" if t.sent else "info")
        self.problems_label.setProperty("tone", tone)
        restyle(self.problems_label)
        self._enable()
        self.sig_transfer_shown.emit(t)

    def station_place(self) -> str:
        """This station's location (Settings), else the default one (the shop floor)."""
        return self.here or next((loc.name for loc in self.locations if loc.default), "")

    @staticmethod
    def _problems(t: TransferView) -> str:
        parts = []
        if t.short and t.status == "open":
            parts.append(f"Not arrived yet ({len(t.short)}): {', '.join(t.short[:12])}"
                         + (" …" if len(t.short) > 12 else ""))
        if t.extra:
            parts.append(f"Arrived without being sent ({len(t.extra)}): {', '.join(t.extra[:12])}")
        return "\n".join(parts) or ("Nothing short, nothing extra." if t.sent else "Scan the units out to send them.")

    def _enable(self) -> None:
        is_open = self.current is not None and self.current.status == "open"
        for widget in (self.scan_edit, self.out_radio, self.in_radio, self.resolve_button):
            widget.setEnabled(is_open)

    # --- actions -------------------------------------------------------------------------------------------

    def open_transfer(self) -> None:
        source, destination = self.from_combo.currentData(), self.to_combo.currentData()
        if not source or not destination:
            self.banner.warn("Add the locations first (location add), then open a transfer between them.")
            return
        transfers = self.supply.transfers

        def done(t: TransferView) -> None:
            self.current = t
            self.banner.good(f"{t.number} opened: {t.from_location} → {t.to_location}. Scan the units out.")
            self.show_transfer(t)
            self.out_radio.setChecked(True)
            self.scan_edit.setFocus()
            self.load()

        self.call(lambda: transfers.open_transfer(str(source), str(destination)), done, self.banner.bad,
                  label="open a transfer")

    def ask_resolve(self) -> FormDialog | None:
        t = self.current
        if t is None:
            return None
        fields = [Field("short", "Not arrived", "choice", choices=SHORT_CHOICES)] if t.short else []
        intro = (f"{len(t.short)} sent on {t.number} did not arrive: {', '.join(t.short[:6])}." if t.short
                 else f"Everything sent on {t.number} arrived; resolving closes it.")
        dialog = FormDialog(f"Resolve {t.number}", [*fields, Field("note", "Note", placeholder="optional")],
                            intro=intro, ok_text="Resolve", parent=self)
        transfers, number = self.supply.transfers, t.number

        def submitted(v: dict[str, str | int]) -> None:
            def done(view: TransferView) -> None:
                dialog.finish()
                self.banner.good(f"{view.number} resolved.")
                self.show_transfer(view)
                self.load()
            self.call(lambda: transfers.resolve(number, str(v.get("short", "")) or None, str(v["note"]) or None),
                      done, dialog.refuse, label="resolve a transfer")

        dialog.sig_submitted.connect(submitted)
        dialog.open()
        return dialog

    def _typed(self, text: str) -> None:
        self.scan_edit.clear()
        self.handle_scan(text)

    def handle_scan(self, text: str) -> None:
        self.scan_edit.show_scan(text)
        self.queue.push(text)

    def _scan(self, text: str) -> None:
        t = self.current
        if t is None or t.status != "open":
            self._outcome("Open a transfer (or choose an open one) before scanning units onto it.", "bad")
            return
        transfers, number, sending = self.supply.transfers, t.number, self.out_radio.isChecked()
        call = transfers.send if sending else transfers.receive

        def done(view: TransferView) -> None:
            self.show_transfer(view)
            self._outcome(f"{text.strip()} {'sent on' if sending else 'arrived on'} {view.number} "
                          f"({view.sent} sent, {view.received} arrived).", "good")
            self._update_row(view)

        self.call(lambda: call(number, [text.strip()]), done, lambda message: self._outcome(message, "bad"),
                  label="scan a unit on a transfer")

    def _outcome(self, message: str, tone: str) -> None:
        self.banner.say(message, tone)
        self.scan_edit.flash(tone)
        self.sig_scan_handled.emit(tone, message)
        self.queue.done()

    def _update_row(self, view: TransferView) -> None:
        for row, t in enumerate(self.transfers.rows()):
            if t.number == view.number:
                self.transfers.replace(row, view)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_set:  # the first time it is shown, at the window's width: the list a little wider
            self._split_set = True
            width = self.split.width()
            self.split.setSizes([int(width * 0.55), width - int(width * 0.55)])

    # --- for the window ------------------------------------------------------------------------------------

    def activate(self) -> None:
        if self._stale:
            self.load()
        self.scan_edit.setFocus()

    def refresh(self, changes: Changes) -> None:
        """Stock moved (a unit scanned in at the other end …): loaded again now if shown, else when next shown."""
        if changes.touches("stock", "catalogue"):
            self._stale = True
            if self.isVisible() and not self.queue.busy:
                self.load()
