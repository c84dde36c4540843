"""F1: what each pane is for and its keys, in the shop's words."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

_KEYS = ("<h3>Everywhere</h3><table cellpadding='3'>"
         "<tr><td><b>F2</b></td><td>Receiving</td></tr><tr><td><b>F3</b></td><td>Sales</td></tr>"
         "<tr><td><b>F4</b></td><td>Service desk</td></tr><tr><td><b>F6</b></td><td>Recalls (managers)</td></tr>"
         "<tr><td><b>F7</b></td><td>Reports (managers)</td></tr><tr><td><b>F8</b></td><td>Assembly</td></tr>"
         "<tr><td><b>F9</b></td><td>Purchasing</td></tr><tr><td><b>F10</b></td><td>Transfers</td></tr>"
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
        "cell; <b>Discount…</b> (Ctrl+D) takes an amount or a percentage off the chosen line, with the reason the "
        "receipt prints (a counter clerk up to the shop's limit); <b>Delete</b> takes the selected line out.</li>"
        "<li>Choose how the customer pays beside the total: card, cash, invoice, or <b>Split…</b> (e.g. 100.00 in "
        "cash, the card pays the rest).</li><li><b>Complete sale</b> (Ctrl+Enter): the "
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
        "back to its owner.</p><p><b>Job sheet…</b> (Ctrl+J) saves the ticket's job sheet for the customer to "
        "sign — its barcode opens the ticket when scanned here — and, once closed, the hand-back sheet; "
        "<b>Print sheet…</b> prints it. A claim on the supplier's warranty: <b>Claim from supplier (RMA)…</b>, "
        "and <tt>rma send RMA-… --form rma.pdf</tt> writes the form for the box.</p><p>A unit we never sold: "
        "<b>Unit not sold by us…</b> (Ctrl+U) registers it with its product and owner and opens its ticket.</p>",
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
        "<p><b>Reorder</b>: per product, what sold in the last 30 and 90 days, stock on hand and on order, the "
        "supplier's lead time, the reorder point and how many to order now — slow movers and dead stock are "
        "marked <i>do not reorder</i>. <b>Draft purchase orders</b> turns every suggestion into one open order "
        "per supplier (see Purchasing, F9). <b>Revenue</b>: sales less returns, cost and margin per product, "
        "supplier, month, week or day.</p>"
        "<p>Choose the period at the top (turnover and suppliers); <b>F5</b> works the reports out again. "
        "<b>Export…</b> saves the table under each chart as CSV or XLSX. Figures are at cost; turnover, aging and "
        "supplier "
        "days are UTC days, revenue days are the shop's own.</p>",
    ),
    "assembly": (
        "Assembly",
        "<p>Build a unit from serialised parts (an e-bike from its frame, motor and battery): every part is then "
        "traced to the unit it sits in, and a recall of a part's lot names the unit and its owner.</p>"
        "<ol><li>Choose the product to build; its slots show which parts it takes and how many.</li>"
        "<li>Scan the new unit's serial, or tick <b>Generate</b> (Ctrl+G) to make it from the product's "
        "pattern.</li><li>Scan each part. A part must be in stock, of a product the slots allow, and fitted in "
        "no other unit; a refused scan says why.</li><li><b>Build</b> (Ctrl+Enter): in one step the parts are "
        "fitted and the new unit enters stock at the parts' cost.</li></ol>"
        "<p><b>Ctrl+Z</b> takes the last scan off; <b>Start again</b> clears the build. The unit built last shows "
        "with its passport and parts tree. Disassembly and part swaps in service tickets keep the same "
        "record.</p>",
    ),
    "purchasing": (
        "Purchasing",
        "<p>Orders to suppliers. <b>New order</b> (Ctrl+N) for a supplier, then its lines (product, quantity, "
        "unit cost, expected date). <b>Load notice…</b> attaches the supplier's shipping notice — the serials "
        "(and lots) they say they sent — as the checklist receiving ticks off.</p>"
        "<p>Receive against the order in Receiving (F2, choose the order) or here: each scan counts toward "
        "\"12 of 20\", takes the line's cost, and warns of serials not on the notice and of more than was "
        "ordered. The checklist holds across partial deliveries; what never came stays listed as missing. "
        "<b>Close</b> an order received in part, or <b>Cancel</b> one that will not come.</p>",
    ),
    "transfers": (
        "Transfers",
        "<p>Moving units between places (shop floor, back store, workshop, another branch). <b>Open transfer</b> "
        "from one place to another, then <b>Scan out</b> each unit as it leaves: it is <i>in transit</i> and "
        "cannot be sold until it arrives.</p><p>At the other end, choose the transfer and <b>Scan in</b> what "
        "arrived. What is short or extra is listed and the transfer stays open until <b>Resolve…</b> says what "
        "happened to it.</p>",
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
