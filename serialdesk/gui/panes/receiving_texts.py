"""What the receiving pane says and how its parts look: the keys card, the widgets' style roles, the scans shown."""

from __future__ import annotations

from datetime import UTC, datetime

SHOWN_SCANS = 10  # the scan list keeps the latest ten
KEYS_TEXT = ("<b>Keys</b><br>Enter — add a typed serial<br>Ctrl+Z — undo last scan<br>Ctrl+G — generate serials"
             "<br>Ctrl+Shift+V — paste serials<br>Ctrl+Shift+R — a range of serials<br>Ctrl+Shift+E — expected list"
             "<br>Ctrl+Shift+N — add the unknown product just scanned"
             "<br>Ctrl+P — print labels<br>Ctrl+K — camera on/off<br>Ctrl+Enter — post the receipt<br>F1 — help")
ROLES = (("titleLabel", "paneTitle"), ("draftLabel", "chip"), ("draftsBar", "notice"), ("setupCard", "card"),
         ("counterCard", "card"), ("productCard", "card"), ("keysCard", "card"), ("countLabel", "bigNumber"),
         ("countCaption", "caption"), ("productCardCaption", "caption"), ("productRuleLabel", "muted"),
         ("productNameLabel", "strong"), ("scansCaption", "section"), ("scanCaption", "section"),
         ("keysLabel", "muted"), ("postButton", "primary"), ("discardButton", "danger"))


def now() -> datetime:
    """When a line the pane writes itself (a refusal, an undo) happened."""
    return datetime.now(UTC)
