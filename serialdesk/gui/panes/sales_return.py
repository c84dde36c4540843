"""Taking a return at the counter: scan the unit, see whose it is, say why and where it goes."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QLineEdit, QWidget

from serialdesk.bootstrap import Services
from serialdesk.gui.formats import local_day, money
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.form_dialog import Field, FormDialog, ScanReader
from serialdesk.gui.widgets.passport import owner_text, warranty_badge
from serialdesk.services.dto import ItemPassport, ReturnView

DISPOSITIONS = (
    ("Back into stock — unopened, as new", "stock"),
    ("Quarantine — to be checked or sent to the supplier", "quarantine"),
    ("Scrap — cannot be sold again", "scrap"),
)
RETURNABLE = ("sold", "recalled")


class ReturnDialog(FormDialog):
    """One return = one ``sales.return_item`` call; the dialog stays open with the reason if it is refused."""

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            "Take a return",
            [Field("serial", "Serial", required=True, placeholder="scan the unit, or type its serial"),
             Field("to", "Goes to", "choice", choices=DISPOSITIONS),
             Field("reason", "Reason", "lines", required=True, placeholder="what the customer says is wrong")],
            intro="Scan the unit the customer brings back.", ok_text="Take it back", scan_field="serial",
            scan_reader=ScanReader(services.lookup.scanned_unit, runner), parent=parent,
        )
        self.services, self.runner = services, runner
        self.returned: ReturnView | None = None
        self.sig_scanned.connect(self.look_up)
        serial = self.inputs["serial"]
        assert isinstance(serial, QLineEdit)
        serial.editingFinished.connect(lambda: self.look_up(serial.text()))
        self.sig_submitted.connect(self._take_back)
        self._looked_up = ""

    def look_up(self, text: str) -> None:
        text = text.strip()
        if not text or text == self._looked_up:
            return
        self._looked_up = text
        lookup = self.services.lookup
        self.runner.run(lambda: lookup.passport(text), self._show_sale, self.refuse, label="look up the returned unit")

    def _show_sale(self, p: ItemPassport) -> None:
        if p.status not in RETURNABLE:
            self.banner.bad(f"{p.serial} ({p.product}) is not out with a customer: it is {p.status.replace('_', ' ')}."
                            " Only a sold unit can be returned.")
            return
        warranty, tone, _ = warranty_badge(p, datetime.now(UTC))
        self.banner.say(f"{p.product} · {p.serial}\nSold {local_day(p.sold_at)} on {p.sale} to {owner_text(p)} "
                        f"for {money(p.price)} · {warranty}", "warn" if tone == "bad" else "info")

    def _take_back(self, values: dict[str, str | int]) -> None:
        serial, to, reason = str(values["serial"]), str(values["to"]), str(values["reason"])
        sales = self.services.sales
        self.runner.run(lambda: sales.return_item(serial, to=to, reason=reason), self._returned, self.refuse,
                        label="take a return")

    def _returned(self, view: ReturnView) -> None:
        self.returned = view
        self.finish()

