"""The swap-part form: the part taken out and the part fitted, typed or scanned.

A scan routed to the form (MainWindow.route_scan sends scans to the open dialog's ``handle_scan``) goes through
the one classifier (``ServiceDeskSession.part_scan_call``): a GS1 label or ``SKU:SERIAL`` fills ``SKU:SERIAL``, a
bare serial fills the serial, a product barcode or an unknown GTIN is refused in the banner. It fills the part
field that has the cursor, else the first empty one, and the cursor moves on."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from serialdesk.domain.errors import DomainError
from serialdesk.domain.scan import ScanResult
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.services.dto import TicketView
from serialdesk.workflows.service_desk import ServiceDeskSession

PARTS = ("out", "into")


class SwapPartDialog(FormDialog):
    def __init__(self, ticket: TicketView, session: ServiceDeskSession, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            f"Swap a part on {ticket.number}",
            [Field("out", "Part taken out (serial)", required=True, placeholder="scan or type its serial"),
             Field("into", "Part fitted, from stock (serial)", required=True, placeholder="scan or type its serial")],
            intro="Only parts this product takes (product slot). A removed part of ours goes to quarantine; one we "
                  "never had is kept on the ticket only. Scan the part taken out, then the part fitted.",
            ok_text="Record swap", scan_field="out", parent=parent)
        self.session, self.runner = session, runner
        self.ticket: TicketView | None = None

    def line(self, name: str) -> QLineEdit:
        edit = self.inputs[name]
        assert isinstance(edit, QLineEdit)
        return edit

    def target(self) -> str | None:
        """The part field a scan fills: the one with the cursor, else the first empty one."""
        focused = next((name for name in PARTS if self.line(name).hasFocus()), None)
        return focused or next((name for name in PARTS if not self.line(name).text().strip()), None)

    def handle_scan(self, text: str) -> None:
        name = self.target()
        if name is None:
            self.banner.warn("Both parts are filled in: click into the one to change, then scan again.")
            return
        self.runner.run(self.session.part_scan_call(text), lambda result: self._classified(name, text, result),
                        self.banner.bad, label="read a scanned part")

    def _classified(self, name: str, text: str, result: ScanResult | None) -> None:
        try:
            ref = self.session.part_ref(text, result)
        except DomainError as exc:
            self.banner.bad(exc.message)
            return
        self.set_value(name, ref)
        label = "taken out" if name == "out" else "fitted"
        self.banner.good(f"Part {label}: {ref}.")
        following = [n for n in PARTS if n != name and not self.line(n).text().strip()]
        if following:
            self.line(following[0]).setFocus()
        else:
            self.buttons.setFocus()
        self.sig_scanned.emit(ref)
