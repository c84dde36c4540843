"""F1: what each pane is for and its keys, in the shop's words."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

_KEYS = ("<h3>Everywhere</h3><table cellpadding='3'>"
         "<tr><td><b>F2</b></td><td>Receiving</td></tr><tr><td><b>F3</b></td><td>Sales</td></tr>"
         "<tr><td><b>F4</b></td><td>Service desk</td></tr><tr><td><b>F6</b></td><td>Recalls (managers)</td></tr>"
         "<tr><td><b>F7</b></td><td>Reports (managers)</td></tr>"
         "<tr><td><b>Ctrl+L</b></td><td>Look up any unit (its passport), from any pane — or type the start of a "
         "serial, a customer's name or phone, or a ticket number and press Enter</td></tr>"
         "<tr><td><b>Ctrl+,</b></td><td>Settings of this station</td></tr>"
         "<tr><td><b>F1</b></td><td>This help</td></tr></table>"
         "<p>The scanner works wherever the cursor is: a scan never types into the field you are in, it goes "
         "to the pane (or to the open dialog that asks for a serial).</p>")

_EMAIL = ("<h3>E-mailing the letters</h3><p><b>E-mail letters</b> sends each customer with an e-mail address "
          "the letter as the message and as a PDF, through the shop's mail server. A customer is marked contacted "
          "only when the server accepted the message; one it refused, or all of them when the connection drops, "
          "stay to be contacted, and the pane says who. Customers without an e-mail address are listed to letter "
          "by post.</p><p><b>Setting it up</b> (a manager, once for every station): Settings (Ctrl+,) → Shop "
          "profile → E-mail: <b>Server</b> (e.g. smtp.yourprovider.com), <b>Port</b> (587 with STARTTLS, 465 with "
          "SSL; empty takes the usual one), <b>Security</b>, <b>User</b> and <b>From</b> (empty: the shop's "
          "e-mail). The <b>Password</b> is kept in this computer's keyring — never in the database "
          "or the settings file — so type it on each station that sends mail (or set SERIALDESK_SMTP_PASSWORD "
          "for serialdesk). Without a mail server the e-mails are saved as .eml files in a folder you choose, "
          "and nobody is marked contacted.</p>")

TOPICS = {
    "receiving": (
        "Receiving",
        "<p>Goods arrive: scan each unit's serial. The first scan opens a <b>draft receipt</b>; every scan is saved "
        "at once, so nothing is lost if the PC goes down — unfinished drafts are offered when the pane opens.</p>"
        "<ol><li>Scan the product's barcode (or pick the product). A GS1 label brings product, lot and serial in "
        "one scan.</li><li>Scan the serials. Green: added. Red: refused, with the reason (a duplicate, a serial of "
        "another product, a wrong check digit, a unit already in stock).</li>"
        "<li>Choose the supplier (any time before posting) and <b>Post receipt</b>: all units go into stock at "
        "once.</li></ol>"
        "<p>Units without a serial: <b>Generate serials…</b> makes them from the product's pattern, to be "
        "labelled.</p><table cellpadding='3'><tr><td><b>Ctrl+Z</b></td><td>Undo the last scan</td></tr>"
        "<tr><td><b>Ctrl+G</b></td><td>Generate serials</td></tr>"
        "<tr><td><b>Ctrl+Enter</b></td><td>Post the receipt</td></tr></table>"
        "<p>Many serials at once: <b>Paste serials…</b> (Ctrl+Shift+V, one per line or a CSV's first column) or "
        "<b>Range…</b> (Ctrl+Shift+R, e.g. SN0001 – SN0100); each is checked like a scan, and Cancel stops after "
        "the one being saved. <b>Expected list…</b> (Ctrl+Shift+E) ticks off a delivery note's serials as you "
        "scan: scanned, missing, unexpected.</p>"
        "<p><b>Camera</b> (Ctrl+K) reads barcodes with the camera chosen in Settings, beside the scanner.</p>",
    ),
    "sales": (
        "Sales",
        "<ol><li>Find the customer (<b>Ctrl+F</b>: name, phone or e-mail; Enter picks the first) or add one "
        "(<b>Ctrl+N</b>).</li><li>Scan the units. Each is checked at once: a unit that is not in stock is refused "
        "with the reason — if it was sold, you see to whom and when.</li><li>Change a price by typing in its "
        "cell; <b>Delete</b> takes the selected line out.</li><li><b>Complete sale</b> (Ctrl+Enter): the "
        "receipt lists every serial with its warranty end.</li></ol>"
        "<p><b>Returns</b> (Ctrl+R): scan the unit, choose where it goes (stock, quarantine, scrap) and note the "
        "reason.</p><p>After the sale: <b>Print receipt…</b> (Ctrl+Shift+P) or <b>Save PDF…</b> (Ctrl+Shift+S) "
        "for the customer. <b>Camera</b> (Ctrl+K) reads barcodes with the camera chosen in Settings.</p>",
    ),
    "service": (
        "Service desk",
        "<p>Scan the unit the customer brings in: its <b>passport</b> shows the product, serial, lot, where it came "
        "from, who bought it (or <i>not sold by us</i>) and the warranty — green, amber when 60 days or fewer "
        "are left, red when it has ended — and everything that happened to it.</p>"
        "<p><b>Open ticket</b> (Ctrl+T) takes it in; then <b>Log work</b> (Ctrl+W), <b>Swap part</b>, "
        "<b>Waiting for parts</b> and <b>Mark done</b> (Ctrl+D), and <b>Close ticket</b>, which hands the unit "
        "back to its owner.</p><p>A unit we never sold: <b>Unit not sold by us…</b> (Ctrl+U) registers it with "
        "its product and owner and opens its ticket.</p>",
    ),
    "recalls": (
        "Recalls",
        "<ol><li><b>Criteria</b>: the product, and any of lots (tick them or type them), a serial range (scan "
        "the first and last serial), the supplier, and the days the units were received or sold.</li>"
        "<li><b>Preview</b> (Ctrl+Enter) counts the units by status and lists them with their customers; the "
        "filter box (Ctrl+F) narrows the list. Nothing is changed yet.</li>"
        "<li><b>Start recall</b> (after the reason, and a confirmation): units on our shelves go to quarantine, "
        "sold units are marked recalled — all at once.</li></ol>"
        "<p>Then <b>Save letters PDF</b> (one letter per customer, with the shop name from Settings) and <b>Save "
        "CSV</b>. Under <b>Recalls on record</b>, note each customer contacted and how each unit was dealt "
        "with.</p>" + _EMAIL,
    ),
    "reports": (
        "Reports",
        "<p><b>Turnover</b>: cost of goods sold and average inventory per month; turnover = cost of goods sold ÷ "
        "average inventory, days of inventory = days ÷ turnover. <b>Stock</b>: value at cost per product. "
        "<b>Aging</b>: units per age band (days since they last entered stock). <b>Suppliers</b>: share of the "
        "units received that customers returned or that were repaired under warranty.</p>"
        "<p>Choose the period at the top (turnover and suppliers); <b>F5</b> works the reports out again. "
        "<b>Export CSV…</b> saves the table under each chart. Every figure is at cost, every day a UTC day.</p>",
    ),
}


class HelpDialog(QDialog):
    def __init__(self, topic: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title, body = TOPICS.get(topic, ("serialdesk", ""))
        self.setWindowTitle(f"Help — {title}")
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setHtml(f"<h2>{title}</h2>{body}{_KEYS}")
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
