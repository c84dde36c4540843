"""EPCIS 2.0 JSON-LD documents (issue 16): the ledger's events as CBV ObjectEvents, written as one stream.

What each ledger event kind says in CBV terms is ``VOCABULARY``; a kind missing there is not exported (and
counted). The document is written event by event (constant memory) into a file that appears only when whole.

Hooks for the parallel work: transfers (``transfer_sent`` / ``transfer_received``) already map to shipping /
receiving with the transfer as a ``desadv``; a location with a GLN becomes ``urn:epc:id:sgln:…`` in
``location_uri`` once locations carry one; assemblies will add AggregationEvents through ``aggregation_event``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from serialdesk.files import write_atomically

CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld"
# ledger kind → (action, bizStep, disposition, bizTransaction type or None)
VOCABULARY: dict[str, tuple[str, str, str, str | None]] = {
    "received": ("OBSERVE", "receiving", "in_progress", "recadv"),
    "sold": ("OBSERVE", "retail_selling", "retail_sold", "inv"),
    "returned": ("OBSERVE", "returning", "returned", "rma"),
    "ticket_opened": ("OBSERVE", "repairing", "in_progress", None),
    "ticket_closed": ("OBSERVE", "repairing", "retail_sold", None),
    "quarantined": ("OBSERVE", "holding", "non_sellable_other", None),
    "quarantined_by_recall": ("OBSERVE", "recalling", "recalled", None),
    "released": ("OBSERVE", "inspecting", "sellable_accessible", None),
    "scrapped": ("DELETE", "destroying", "destroyed", None),
    "sent_to_supplier": ("OBSERVE", "shipping", "returned", "rma"),
    "back_from_supplier": ("OBSERVE", "receiving", "in_progress", "rma"),
    "recalled": ("OBSERVE", "recalling", "recalled", None),
    "transfer_sent": ("OBSERVE", "shipping", "in_transit", "desadv"),
    "transfer_received": ("OBSERVE", "receiving", "in_progress", "desadv"),
}


def shop_uri(namespace: str, *parts: str) -> str:
    """A URI of the shop's own namespace, e.g. ``urn:serialdesk:shop:unit:DRL-18V:SN%2F1``."""
    return ":".join([namespace.rstrip(":"), *(quote(part, safe="") for part in parts)])


def location_uri(namespace: str, station: str, gln: str | None = None) -> str:
    if gln:
        return f"urn:epc:id:sgln:{gln}"  # hook: needs the company prefix split once locations carry a GLN
    return shop_uri(namespace, "loc", station or "shop")


def object_event(kind: str, at: datetime, epc: str, station: str, namespace: str,
                 ref: tuple[str, str] | None) -> dict[str, Any]:
    """One ledger event as an EPCIS ObjectEvent; ``ref`` is (ref_type, record number) for the transaction."""
    action, step, disposition, transaction = VOCABULARY[kind]
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    event: dict[str, Any] = {
        "type": "ObjectEvent",
        "eventTime": moment.isoformat(timespec="milliseconds"),
        "eventTimeZoneOffset": _offset(moment),
        "epcList": [epc],
        "action": action,
        "bizStep": step,
        "disposition": disposition,
        "readPoint": {"id": location_uri(namespace, station)},
        "bizLocation": {"id": location_uri(namespace, "")},
    }
    if ref is not None and transaction is not None:
        event["bizTransactionList"] = [{"type": transaction, "bizTransaction": shop_uri(namespace, *ref)}]
    return event


def aggregation_event(*_: Any) -> dict[str, Any]:
    """Hook for assemblies (genealogy): parentID + childEPCs, action ADD/DELETE. Not written yet."""
    raise NotImplementedError


def write_document(path: str | Path, events: Iterable[Mapping[str, Any]], created: datetime) -> int:
    """Write an EPCISDocument holding ``events`` to ``path`` atomically; the number of events written."""
    head = {"@context": [CONTEXT], "type": "EPCISDocument", "schemaVersion": "2.0",
            "creationDate": created.astimezone(UTC).isoformat(timespec="seconds")}
    count = 0
    with write_atomically(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "epcisBody": {"eventList": [')
        for event in events:
            out.write(("," if count else "") + "\n" + json.dumps(event, ensure_ascii=False))
            count += 1
        out.write("\n]}}\n")
    return count


def _offset(moment: datetime) -> str:
    delta = moment.utcoffset()
    minutes = int(delta.total_seconds() // 60) if delta else 0
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
