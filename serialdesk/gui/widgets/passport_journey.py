"""The passport's journey (issue 15 §1: "the passport shows where a unit is and where it has been"): each place
the unit was put, since when (until when, for the earlier ones), and the receipt, move or transfer that took it
there — the latest first, as the history below it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget

from serialdesk.gui.formats import local_time
from serialdesk.services.dto import ItemPassport
from serialdesk.services.dto.supply import LocationVisit

_HOW = {"received": "received on {ref}", "moved": "moved there", "transfer_sent": "sent on {ref}",
        "transfer_received": "arrived on {ref}", "transfer_returned": "back on {ref}"}


def how_text(visit: LocationVisit) -> str:
    said = _HOW.get(visit.how, visit.how.replace("_", " "))
    return said.format(ref=visit.ref) if visit.ref else said.replace(" on {ref}", "")


def journey_lines(p: ItemPassport) -> list[str]:
    """'Aarhus — since 5 Mar 2026 13:00 · arrived on TR-0001 (here now)', then the earlier stops, latest first.
    A unit no place of ours holds now (sold, fitted in another, back with the supplier) was last at its last
    stop, not there now."""
    stops = list(p.journey)
    lines = []
    for n, visit in enumerate(stops):
        following = stops[n + 1] if n + 1 < len(stops) else None
        if following is not None:
            lines.append(f"{visit.location} — {local_time(visit.at)} to {local_time(following.at)} · "
                         f"{how_text(visit)}")
        elif p.location is not None:
            lines.append(f"{visit.location} — since {local_time(visit.at)} · {how_text(visit)} (here now)")
        else:
            lines.append(f"{visit.location} — from {local_time(visit.at)} · {how_text(visit)} (last with us)")
    return lines[::-1]


class JourneyList:
    """The 'Journey' caption and list, put on the passport panel under its facts."""

    def __init__(self, panel: Any) -> None:
        ui = panel.ui
        self.caption = QLabel("Journey", ui.content)
        self.caption.setObjectName("journeyCaption")
        self.caption.setProperty("role", "caption")
        self.list = QListWidget(ui.content)
        self.list.setObjectName("journeyList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # A narrow passport (the service desk at 1366×768) shortens a long stop in the middle, keeping the place
        # and "(here now)"; the whole line is its tooltip. No sideways scrolling.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setToolTip("Where this unit has been: each place, since when, and the receipt or transfer "
                             "that took it there (the latest first)")
        at = ui.contentLayout.indexOf(ui.facts) + 1
        ui.contentLayout.insertWidget(at, self.caption)
        ui.contentLayout.insertWidget(at + 1, self.list)

    def show(self, p: ItemPassport) -> None:
        lines = journey_lines(p)
        self.list.clear()
        self.list.addItems(lines)
        for n, line in enumerate(lines):
            item = self.list.item(n)
            if item is not None:
                item.setToolTip(line)
        places = len(lines)
        self.caption.setText(f"Journey ({places} place{'s' if places != 1 else ''})")
        rows = max(min(places, 4), 1)  # up to 4 rows tall; the history below keeps the rest of the panel
        row = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 4)
        self.list.setFixedHeight(row * rows + 2 * self.list.frameWidth() + 4)
        self.caption.setVisible(bool(lines))
        self.list.setVisible(bool(lines))
