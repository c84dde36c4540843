"""The Transfers pane's tables: the transfers, and the units of the one shown (sent, arrived, short, extra)."""

from __future__ import annotations

from datetime import datetime

from serialdesk.gui.formats import local_time
from serialdesk.gui.models.table import RIGHT, Column
from serialdesk.services.dto.supply import TransferUnit, TransferView

_UNIT_STATES = {"sent": ("on its way", "warn"), "received": ("arrived", "good"), "extra": ("extra: never sent", "bad"),
                "returned": ("back at the source", "muted"), "lost": ("lost", "bad")}


def open_problems(t: TransferView) -> str:
    parts = []
    if t.status == "open" and t.sent and t.short:
        parts.append(f"{len(t.short)} short")
    if t.extra:
        parts.append(f"{len(t.extra)} extra")
    return ", ".join(parts)


TRANSFER_COLUMNS: tuple[Column[TransferView], ...] = (
    Column("Transfer", lambda t: t.number, sort=lambda t: t.id),
    Column("From → to", lambda t: f"{t.from_location} → {t.to_location}",
           tooltip=lambda t: f"From {t.from_location} to {t.to_location}"),
    Column("Status", lambda t: t.status, tone=lambda t: "good" if t.status == "resolved" else None),
    Column("Sent / arrived", lambda t: f"{t.sent} / {t.received}", sort=lambda t: (t.sent, t.received), align=RIGHT),
    Column("Short / extra", open_problems, tone=lambda t: "bad" if open_problems(t) else None),
)


def short_time(moment: datetime | None) -> str:
    """'3 Mar 10:32' in this computer's time zone (the year is in the tooltip); '—' for nothing."""
    if moment is None:
        return "—"
    local = moment.astimezone()
    return f"{local.day} {local:%b %H:%M}"


def unit_state(u: TransferUnit) -> str:
    return _UNIT_STATES.get(u.state, (u.state, None))[0]


UNIT_COLUMNS: tuple[Column[TransferUnit], ...] = (
    Column("Serial", lambda u: f"{u.sku}:{u.serial}"),
    Column("State", unit_state, tone=lambda u: _UNIT_STATES.get(u.state, ("", None))[1]),
    Column("Sent", lambda u: short_time(u.sent_at), sort=lambda u: u.sent_at.timestamp() if u.sent_at else 0.0,
           tooltip=lambda u: local_time(u.sent_at)),
    Column("Arrived", lambda u: short_time(u.received_at),
           sort=lambda u: u.received_at.timestamp() if u.received_at else 0.0,
           tooltip=lambda u: local_time(u.received_at)),
)
