"""EPCIS 2.0 JSON-LD documents (issue 16): the ledger's events as CBV ObjectEvents, written as one stream.

What each ledger event kind says in CBV terms is ``VOCABULARY``; a kind missing there is not exported (and
counted). The document is written event by event (constant memory) into a file that appears only when whole.

Transfers (``transfer_sent`` / ``transfer_received``) map to shipping / receiving with the transfer as a
``desadv``; a location with a GLN is ``urn:epc:id:sgln:…`` (epcpy), one without the shop's own URI; a build is an
AggregationEvent ADD (parentID the host, childEPCs its parts), a disassembly or a part swapped out a DELETE.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from biip.gln import Gln
from epcpy.epc_schemes.sgln import SGLN

from serialdesk.files import write_atomically

CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld"
_PLAIN = re.compile(r"[A-Za-z0-9_.~-]+")  # what quote(…, safe="") leaves as it is
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
    return ":".join([namespace.rstrip(":"), *(part if _PLAIN.fullmatch(part) else quote(part, safe="")
                                              for part in parts)])


# ledger kind of a host → (action, bizStep, disposition) of its AggregationEvent
AGGREGATION: dict[str, tuple[str, str, str]] = {
    "assembled": ("ADD", "assembling", "in_progress"),
    "disassembled": ("DELETE", "disassembling", "in_progress"),
}


def location_uri(namespace: str, station: str, gln: str | None = None) -> str:
    """``urn:epc:id:sgln:…`` for a place with a GLN, else the shop's own URI of the place (or station)."""
    if gln:
        return sgln(gln)
    return shop_uri(namespace, "loc", station or "shop")


@lru_cache(maxsize=256)
def sgln(gln: str) -> str:
    """A GLN as its EPC pure identity URI (TDS: company prefix . location reference . extension 0)."""
    prefix = Gln.parse(gln).company_prefix
    length = len(prefix.value) if prefix is not None else 7
    return str(SGLN.from_gs1_element_string(f"(414){gln}(254)0", company_prefix_length=min(max(length, 6), 12))
               .epc_uri)


def object_event(kind: str, at: datetime, epc: str, station: str, namespace: str,
                 ref: tuple[str, str] | None, place: tuple[str | None, str | None] = (None, None),
                 order: str | None = None) -> dict[str, Any]:
    """One ledger event as an EPCIS ObjectEvent; ``ref`` is (ref_type, record number) for the transaction,
    ``place`` the (name, GLN) of the location the event happened at, when the ledger knows it, ``order`` the
    purchase order (PO-…) a receipt was received against."""
    action, step, disposition, transaction = VOCABULARY[kind]
    event: dict[str, Any] = {"type": "ObjectEvent", **_when(at), "epcList": [epc], "action": action,
                             "bizStep": step, "disposition": disposition, **_where(namespace, station, place)}
    if ref is not None and transaction is not None:
        event["bizTransactionList"] = [{"type": transaction, "bizTransaction": shop_uri(namespace, *ref)}]
        if order is not None:
            event["bizTransactionList"].append({"type": "po",
                                                "bizTransaction": shop_uri(namespace, "purchase_order", order)})
    return event


def aggregation_event(action: str, step: str, at: datetime, parent: str, children: Sequence[str], station: str,
                      namespace: str, ref: tuple[str, str] | None, disposition: str = "in_progress",
                      place: tuple[str | None, str | None] = (None, None)) -> dict[str, Any]:
    """Parts joining (ADD) or leaving (DELETE) a host unit: parentID the host's EPC, childEPCs the parts'."""
    event: dict[str, Any] = {"type": "AggregationEvent", **_when(at), "parentID": parent,
                             "childEPCs": list(children), "action": action, "bizStep": step,
                             "disposition": disposition, **_where(namespace, station, place)}
    if ref is not None:
        event["bizTransactionList"] = [{"type": "prodorder" if ref[0] == "build" else "rma",
                                        "bizTransaction": shop_uri(namespace, *ref)}]
    return event


def _when(at: datetime) -> dict[str, str]:
    moment = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone()  # the shop's local offset
    return {"eventTime": moment.isoformat(timespec="milliseconds"), "eventTimeZoneOffset": _offset(moment)}


@lru_cache(maxsize=1024)
def _where(namespace: str, station: str, place: tuple[str | None, str | None]) -> dict[str, dict[str, str]]:
    """readPoint and bizLocation (the same few places over and over: computed once each; never changed)."""
    name, gln = place
    if gln:
        here = sgln(gln)
        return {"readPoint": {"id": here}, "bizLocation": {"id": here}}
    return {"readPoint": {"id": location_uri(namespace, station)},
            "bizLocation": {"id": location_uri(namespace, name or "")}}


def write_document(path: str | Path, events: Iterable[Mapping[str, Any]], created: datetime) -> int:
    """Write an EPCISDocument holding ``events`` to ``path`` atomically; the number of events written."""
    head = {"@context": [CONTEXT], "type": "EPCISDocument", "schemaVersion": "2.0",
            "creationDate": created.astimezone(UTC).isoformat(timespec="seconds")}
    count = 0
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode  # plain dicts of strings, fast
    with write_atomically(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "epcisBody": {"eventList": [')
        for event in events:
            out.write(("," if count else "") + "\n" + encode(event))
            count += 1
        out.write("\n]}}\n")
    return count


def _offset(moment: datetime) -> str:
    return _offset_text(moment.utcoffset())


@lru_cache(maxsize=64)
def _offset_text(delta: timedelta | None) -> str:
    minutes = int(delta.total_seconds() // 60) if delta else 0
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
