"""Taking a return at the counter: scan the unit, see whose it is, say why and where it goes.

The rules (which units may come back, how the unit is named to the sale) are workflows.sales.ReturnSession's;
the dialog shows the unit and forwards the scan and the form."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QLineEdit, QWidget

from serialdesk.domain.errors import DomainError
from serialdesk.gui.formats import local_day, money
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.form_dialog import Field, FormDialog, ScanReader
from serialdesk.gui.widgets.passport import owner_text, warranty_badge
from serialdesk.services.dto import ItemPassport, ReturnView
from serialdesk.workflows.sales import DISPOSITIONS, ReturnSession


class ReturnDialog(FormDialog):
    """One return = one ``sales.return_item`` call; the dialog stays open with the reason if it is refused."""

    def __init__(self, session: ReturnSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            "Take a return",
            [Field("serial", "Serial", required=True, placeholder="scan the unit, or type its serial"),
             Field("to", "Goes to", "choice", choices=DISPOSITIONS),
             Field("reason", "Reason", "lines", required=True, placeholder="what the customer says is wrong")],
            intro="Scan the unit the customer brings back.", ok_text="Take it back", scan_field="serial",
            scan_reader=ScanReader(session.services.lookup.scanned_unit, runner), parent=parent,
        )
        self.session, self.runner = session, runner
        self.returned: ReturnView | None = None
        self.message = ""  # what the pane says once the unit is taken back
        self.sig_scanned.connect(self.look_up)
        serial = self.inputs["serial"]
        assert isinstance(serial, QLineEdit)
        serial.editingFinished.connect(lambda: self.look_up(serial.text()))
        self.sig_submitted.connect(self._take_back)

    def look_up(self, text: str) -> None:
        call = self.session.look_up_call(text)
        if call is not None:
            self.runner.run(call, self._show_sale, self.refuse, label="look up the returned unit")

    def _show_sale(self, found: ItemPassport) -> None:
        try:
            p = self.session.look_up_done(found)
        except DomainError as exc:
            self.banner.bad(exc.message)
            return
        warranty, tone, _ = warranty_badge(p, datetime.now(UTC))
        self.banner.say(f"{p.product} · {p.serial}\nSold {local_day(p.sold_at)} on {p.sale} to {owner_text(p)} "
                        f"for {money(p.price)} · {warranty}", "warn" if tone == "bad" else "info")

    def _take_back(self, values: dict[str, str | int]) -> None:
        call = self.session.take_back_call(str(values["serial"]), str(values["to"]), str(values["reason"]))
        self.runner.run(call, self._returned, self.refuse, label="take a return")

    def _returned(self, view: ReturnView) -> None:
        self.returned, self.message = view, self.session.take_back_done(view)
        self.finish()
