"""What the recall pane says before and after a recall starts."""

from __future__ import annotations

from serialdesk.domain.text import plural
from serialdesk.gui.panes.recall_criteria import describe
from serialdesk.services.dto import RecallView


def confirmation(view: RecallView) -> str:
    """The question before a recall starts: what it does to stock, sold units and customers."""
    counts = view.counts
    return (f"Start a recall of {plural(counts['total'], 'unit')} of {view.product}?\n\n"
            f"• {plural(counts.get('in_stock', 0), 'unit')} on our shelves go to quarantine\n"
            f"• {plural(counts.get('sold', 0), 'sold unit')} are marked recalled\n"
            f"• {plural(counts.get('customers', 0), 'customer')} to contact\n\n"
            + overlap_warning(view) + "This is saved at once and cannot be undone.")


def started_text(view: RecallView) -> str:
    """The started page: what happened and what to do next."""
    counts = view.counts
    return (f"<p>{plural(counts.get('in_stock', 0), 'unit')} from our shelves are now in <b>quarantine</b>; "
            f"{plural(counts.get('sold', 0), 'sold unit')} are marked <b>recalled</b>. "
            f"{plural(counts.get('customers', 0), 'customer')} to contact.</p>"
            f"<p style='color:#64748b'>{describe(view.criteria)} · reason: {view.reason}</p>"
            "<p>Next: print the letters for the customers (the shop name comes from Settings), and note each "
            "contact and repair under <i>Recalls on record</i>.</p>")


def overlap_warning(view: RecallView) -> str:
    """The confirmation says it when some units are already on an open recall (a second recall is deliberate)."""
    if not view.overlaps:
        return ""
    verb = "is" if view.overlapping_units == 1 else "are"
    return (f"{plural(view.overlapping_units, 'unit')} of these {verb} ALREADY ON OPEN RECALL "
            f"{', '.join(view.overlaps)}: this records a second recall for them.\n\n")
