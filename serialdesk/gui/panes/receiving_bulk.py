"""Receiving many serials at once: pasted from a list, or a run such as SN0001 – SN0100.

The list goes to the receiving session set-based, a chunk per service call (``drafts.add_serials``: every line
through the one classifier, the refused ones listed with their reason). A progress dialog moves per chunk;
Cancel stops before the next chunk, and every chunk saved until then stays on the draft.
"""

from __future__ import annotations

import re
from collections import deque
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from serialdesk.domain.text import plural
from serialdesk.gui.models.scans import ScanLine
from serialdesk.gui.panes.receiving_host import ReceivingHost
from serialdesk.gui.panes.receiving_setup import serial_reader
from serialdesk.gui.panes.receiving_texts import SHOWN_SCANS
from serialdesk.gui.widgets.form_dialog import Field, FormDialog, ScanReader
from serialdesk.services.drafts import DraftBatch
from serialdesk.workflows.receiving import BatchOutcome

MAX_SERIALS = 10_000
_CELL = re.compile(r"[,;\t]")
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def parse_serials(text: str) -> list[str]:
    """The first column of each line (CSV, TSV or plain), without quotes, blanks or repeats, in order."""
    serials: dict[str, None] = {}
    for line in text.splitlines():
        cell = _CELL.split(line, maxsplit=1)[0].strip().strip('"').strip()
        if cell:
            serials.setdefault(cell, None)
    return list(serials)


def serial_range(first: str, last: str) -> list[str]:
    """SN0001, SN0100 → SN0001 … SN0100: the same prefix, numbers zero-padded to the first one's width.

    Raises ValueError with the clerk's explanation when the two do not make a run."""
    first, last = first.strip(), last.strip()
    start, end = _NUMBERED.match(first), _NUMBERED.match(last)
    if start is None or end is None:
        raise ValueError("Both ends of a range end in a number, e.g. SN0001 and SN0100.")
    if start.group(1) != end.group(1):
        raise ValueError(f"'{first}' and '{last}' start differently; a range keeps the same prefix.")
    digits, last_digits = start.group(2), end.group(2)
    padded = len(digits) == len(last_digits)
    if not padded and digits.startswith("0"):
        raise ValueError(f"'{first}' and '{last}' have numbers of different widths; write both with the same "
                         "number of digits, e.g. SN0001 and SN0100.")
    low, high = int(digits), int(last_digits)
    if high < low:
        raise ValueError(f"'{last}' comes before '{first}'; give the lower serial first.")
    if high - low + 1 > MAX_SERIALS:
        raise ValueError(f"That is {high - low + 1:,} serials; at most {MAX_SERIALS:,} go in at once.")
    width = len(digits) if padded else 0
    return [f"{start.group(1)}{n:0{width}d}" for n in range(low, high + 1)]


class BulkEntry(QObject):
    """Feeds a list of serials to the receiving session in chunks; ``sig_finished(added, refused, cancelled)``."""

    sig_finished = Signal(int, int, bool)
    sig_progress = Signal(int, int)  # done, total — after each chunk
    chunk = 1000

    def __init__(self, pane: ReceivingHost) -> None:
        super().__init__(pane)  # type: ignore[arg-type]  # the pane is a QWidget
        self.pane = pane
        self.pending: deque[str] = deque()
        self.refused: list[tuple[str, str]] = []
        self.added = 0
        self.total = 0
        self.progress: QProgressDialog | None = None
        pane.ui.pasteButton.clicked.connect(self.ask_paste)
        pane.ui.rangeButton.clicked.connect(self.ask_range)
        pane.shortcut("Ctrl+Shift+V", self.ask_paste)
        pane.shortcut("Ctrl+Shift+R", self.ask_range)

    @property
    def running(self) -> bool:
        return self.progress is not None

    def ask_paste(self) -> FormDialog | None:
        if not self._product_chosen():
            return None
        dialog = FormDialog("Paste serials", [Field("serials", "Serials", "lines", required=True,
                                                    placeholder="One per line; from a CSV, the first column")],
                            intro=f"Serials for {self._product_name()}: each is checked and saved like a scan.",
                            ok_text="Add serials", scan_field="serials", scan_reader=self._reader(),
                            parent=self.pane)  # type: ignore[arg-type]
        dialog.sig_submitted.connect(lambda values: self._submitted(dialog, parse_serials(str(values["serials"]))))
        dialog.open()
        return dialog

    def ask_range(self) -> FormDialog | None:
        if not self._product_chosen():
            return None
        dialog = FormDialog("Add a range of serials", [Field("first", "First serial", required=True,
                                                             placeholder="SN0001"),
                                                       Field("last", "Last serial", required=True,
                                                             placeholder="SN0100")],
                            intro=f"Serials for {self._product_name()}: the same prefix, numbers counted up.",
                            ok_text="Add range", scan_field=("first", "last"), scan_reader=self._reader(),
                            parent=self.pane)  # type: ignore[arg-type]

        def submitted(values: dict[str, str]) -> None:
            try:
                serials = serial_range(str(values["first"]), str(values["last"]))
            except ValueError as exc:
                dialog.refuse(str(exc))
                return
            self._submitted(dialog, serials)

        dialog.sig_submitted.connect(submitted)
        dialog.open()
        return dialog

    def _submitted(self, dialog: FormDialog, serials: list[str]) -> None:
        if not serials:
            dialog.refuse("There are no serials in that text.")
            return
        dialog.finish()
        self.add(serials)

    def add(self, serials: list[str]) -> None:
        """Add ``serials`` in order, with a progress dialog; does nothing while another batch runs."""
        if self.running or not serials:
            return
        self.pending, self.refused, self.added, self.total = deque(serials), [], 0, len(serials)
        progress = QProgressDialog(f"Adding {plural(self.total, 'serial')}…", "Cancel", 0, self.total,
                                   self.pane)  # type: ignore[call-overload]
        progress.setWindowTitle("Adding serials")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        self.progress = progress
        progress.show()
        self.pane.session.sku = self.pane.current_sku()
        self.pane.session.lot = self.pane.ui.lotEdit.text().strip() or None
        self._next()

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()

    def _next(self) -> None:
        progress = self.progress
        if progress is None:
            return
        if progress.wasCanceled() or not self.pending:
            self._finish(cancelled=progress.wasCanceled() and bool(self.pending))
            return
        part = [self.pending.popleft() for _ in range(min(self.chunk, len(self.pending)))]
        progress.setLabelText(f"Adding {part[0]} … ({self.total - len(self.pending)} of {self.total})")
        self.pane.call(self.pane.session.batch_call(part), self._saved, self._failed, label="add serials")

    def _saved(self, batch: DraftBatch) -> None:
        self.pane.session.batch_done(batch)
        self.added += len(batch.added)
        self.refused += batch.refused
        done = self.total - len(self.pending)
        if self.progress is not None:
            self.progress.setValue(done)  # a modal progress dialog lets the event loop run: Cancel gets its click in
        self.sig_progress.emit(done, self.total)
        # The next chunk goes to the worker before this one is shown: the list and the labels are redrawn while
        # the database saves it (Cancel still stops before it: it was looked at just now).
        going_on = self.progress is not None and not self.progress.wasCanceled() and bool(self.pending)
        if going_on:
            self._next()
        # The list of scans changes once per chunk (one reset, not a row per serial: the expected list and the
        # view follow every change of it).
        lines = [ScanLine(u.scanned_at, u.serial, u.sku, "good", "Added") for u in batch.added[-SHOWN_SCANS:]]
        lines += [ScanLine(datetime.now(UTC), text, self.pane.session.sku or "", "bad", reason)
                  for text, reason in batch.refused[-SHOWN_SCANS:]]
        self.pane.scans.set_rows((list(reversed(lines)) + list(self.pane.scans.rows()))[:SHOWN_SCANS])
        self.pane.show_draft()
        if not going_on:
            self._next()  # the end (or Cancel): with the last chunk shown

    def _failed(self, message: str) -> None:
        self.pane.ui.banner.bad(message)
        self.pending.clear()
        self._finish(cancelled=False)

    def _finish(self, *, cancelled: bool) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        outcome = BatchOutcome((), tuple(self.refused), tuple(self.pending) if cancelled else (), self.added)
        self.pane.ui.banner.say(outcome.message, "warn" if self.refused or cancelled else "good")
        self.sig_finished.emit(self.added, len(self.refused), cancelled)
        self.pending.clear()

    def _reader(self) -> ScanReader:  # scans into the form: serials of the current product (issue 13)
        return serial_reader(self.pane.services, self.pane.runner, self.pane.current_sku())

    def _product_chosen(self) -> bool:
        if self.pane.current_sku() is None:
            self.pane.ui.banner.warn("Choose the product first (or scan its barcode), then add its serials.")
            return False
        if self.running:
            self.pane.ui.banner.warn("Serials are being added; wait for them (or cancel) first.")
            return False
        return True

    def _product_name(self) -> str:
        product = self.pane.product_view(self.pane.current_sku())
        return f"{product.name} ({product.sku})" if product else str(self.pane.current_sku())
