"""EPCIS 2.0 export of the ledger (issue 16): every unit's history as CBV ObjectEvents in one JSON-LD file.

A unit with a GTIN is named by its SGTIN URN (EPC Tag Data Standard, via epcpy); when its serial cannot be an
SGTIN (outside GS1 character set 82, longer than 20) or it has no GTIN, by the shop's own URI. Events stream
from the database in id order, so a big ledger is written in constant memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from biip.gtin import Gtin
from epcpy.epc_schemes.sgtin import SGTIN
from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from serialdesk.db.models import (
    Event,
    Fitment,
    Item,
    Location,
    Lot,
    PartSwap,
    Product,
    PurchaseReceipt,
    Receipt,
    Transfer,
)
from serialdesk.documents.epcis import (
    AGGREGATION,
    VOCABULARY,
    aggregation_event,
    object_event,
    shop_uri,
    write_document,
)
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import PREFIX, record_number
from serialdesk.domain.roles import Action
from serialdesk.services.common import Service
from serialdesk.services.plans import among

_TDS_SAFE = "!'()*+,-.:;=_"  # characters an EPC URI carries unescaped (TDS 2.0 §7.1); the rest are %-escaped
_EXPORTED = (*VOCABULARY, *AGGREGATION, "part_swapped")  # the ledger kinds the export has a CBV word for
_PLAIN_SERIAL = re.compile(r"[A-Za-z0-9!'()*+,.:;=_-]{1,20}")  # an SGTIN serial that is written as it is
NAMESPACE = "urn:serialdesk:shop"  # the shop's own URIs (readPoint, bizLocation, units without a GTIN)
_REF_KINDS = {"receipt": "receipt", "sale": "sale", "return": "sale", "ticket": "ticket", "transfer": "transfer",
              "purchase_order": "purchase_order", "recall": "recall", "build": "build"}


@dataclass(frozen=True)
class EpcisExported:
    file: str
    events: int
    skipped: int  # ledger events of the units that EPCIS has no word for (notes, edits …)


class EpcisExport(Service):
    @classmethod
    def like(cls, other: Service) -> EpcisExport:
        """The same database, user and clock as ``other`` (until the bundle carries this service)."""
        return cls(other.uows, other.actor, other.clock)

    def unit(self, path: str | Path, sku: str, serial: str) -> EpcisExported:
        """One unit's history (the passport's export): anyone who may look a unit up may hand it on."""
        self.actor.require(Action.LOOKUP)
        return self._export(path, sku=sku, serial=serial)

    def export(self, path: str | Path, *, sku: str | None = None, lot: str | None = None,
               serial: str | None = None, since: date | None = None, until: date | None = None,
               namespace: str = NAMESPACE) -> EpcisExported:
        """Write the units' events (optionally one product, lot, serial, days ``since``–``until`` inclusive:
        the shop's local days, midnight to midnight on this computer's clock)."""
        self.actor.require(Action.REPORTS)
        return self._export(path, sku=sku, lot=lot, serial=serial, since=since, until=until, namespace=namespace)

    def _export(self, path: str | Path, *, sku: str | None = None, lot: str | None = None,
                serial: str | None = None, since: date | None = None, until: date | None = None,
                namespace: str = NAMESPACE) -> EpcisExported:
        if since and until and since > until:
            raise DomainError(f"The period starts ({since}) after it ends ({until}).", code="bad_period")
        skipped = [0]
        with self.uows.reading() as uow:
            s = uow.session
            query, others = _statements()
            conditions = []
            if sku:
                found = s.scalar(select(Product.id).where(Product.sku == sku.strip().upper()))
                if found is None:
                    raise DomainError(f"There is no product with code '{sku}'.", code="unknown_product")
                conditions.append(Product.id == found)
            if lot:
                conditions.append(Item.lot_id.in_(select(Lot.id).where(Lot.code == lot.strip())))
            if serial:
                # The unit's own events, by the ledger's index on the unit (builds and swaps on it included)
                conditions.append(among(s, Event.item_id, select(Item.id).where(Item.serial == serial.strip())))
            if since:
                conditions.append(Event.at >= local_midnight(since))
            if until:
                conditions.append(Event.at < local_midnight(until + timedelta(days=1)))
            skipped[0] = s.scalar(others.where(*conditions)) or 0  # the ledger's words EPCIS has none for
            chosen = query.where(*conditions)
            if serial:  # one unit's few events: read at once (a server-side cursor costs round trips)
                rows = s.execute(chosen)
            else:
                if s.get_bind().dialect.name == "postgresql":
                    # A streamed result is a server-side cursor, which PostgreSQL plans for its first 10% of rows:
                    # with no statistics it walked the whole ledger in id order for a lot's few events.
                    s.connection().exec_driver_sql("SET LOCAL cursor_tuple_fraction = 1.0")
                rows = s.execute(chosen.execution_options(yield_per=2000))
            units = _Units(s, namespace)

            def events() -> Iterator[dict[str, Any]]:
                for (kind, at, station, ref_type, ref_id, ev_serial, p_sku, gtin, item_serial, item_id, name, gln,
                     po_id) in rows:
                    place = (name, gln)
                    ref = _ref(ref_type, ref_id)
                    unit = item_serial or ev_serial
                    if kind in VOCABULARY:
                        order = record_number("purchase_order", po_id) if po_id is not None else None
                        yield object_event(kind, at, epc(gtin, p_sku, unit, namespace), station, namespace, ref,
                                           place, order)
                    elif kind in AGGREGATION and ref_type == "build" and item_id is not None:
                        action, step, disposition = AGGREGATION[kind]
                        parts = units.built(ref_id, item_id, at, action)
                        if parts:
                            yield aggregation_event(action, step, at, epc(gtin, p_sku, unit, namespace), parts,
                                                    station, namespace, ref, disposition, place)
                        else:
                            skipped[0] += 1
                    elif kind == "part_swapped" and item_id is not None:
                        host = epc(gtin, p_sku, unit, namespace)
                        for action, parts in units.swapped(ref_id, at):
                            yield aggregation_event(action, "repairing", at, host, parts, station, namespace, ref,
                                                    "in_progress", place)
                    else:
                        skipped[0] += 1

            written = write_document(path, events(), self.clock())
        return EpcisExported(str(path), written, skipped[0])


@lru_cache(maxsize=1)
def _statements() -> tuple[Select[Any], Select[Any]]:
    """The export's two statements without the caller's filters, built once (a unit's export is a hot path)."""
    receipt, transfer = aliased(Receipt), aliased(Transfer)
    where_id = case((Event.kind == "received", receipt.location_id),
                    (Event.kind == "transfer_sent", transfer.from_location_id),
                    (Event.kind == "transfer_received", transfer.to_location_id))
    query = (select(Event.kind, Event.at, Event.station, Event.ref_type, Event.ref_id, Event.serial,
                    Product.sku, Product.gtin, Item.serial, Event.item_id, Location.name, Location.gln,
                    PurchaseReceipt.po_id)
             .outerjoin(Item, Item.id == Event.item_id)
             .join(Product, Product.id == func.coalesce(Event.product_id, Item.product_id))
             .outerjoin(receipt, and_(Event.ref_type == "receipt", receipt.id == Event.ref_id))
             .outerjoin(transfer, and_(Event.ref_type == "transfer", transfer.id == Event.ref_id))
             .outerjoin(Location, Location.id == where_id)
             .outerjoin(PurchaseReceipt, and_(Event.kind == "received",
                                              PurchaseReceipt.receipt_id == receipt.id))
             .order_by(Event.id))
    others = (select(func.count()).select_from(Event).outerjoin(Item, Item.id == Event.item_id)
              .join(Product, Product.id == Event.product_id)
              .where(Event.serial.is_not(None), Event.kind.not_in(_EXPORTED)))
    query = query.where(Event.kind.in_(_EXPORTED),
                        or_(and_(Event.product_id.is_not(None), Event.serial.is_not(None)),
                            and_(Event.kind == "part_swapped", Event.item_id.is_not(None))))
    return query, others


def local_midnight(day: date) -> datetime:
    """00:00 of ``day`` in this computer's time zone (the shop's day, as its clerks see dates)."""
    return datetime.combine(day, time()).astimezone()


class _Units:
    """The EPCs of the parts an assembly event names (one small query per build or swap)."""

    def __init__(self, s: Session, namespace: str) -> None:
        self.s = s
        self.namespace = namespace

    def _epcs(self, query: Select[tuple[str | None, str, str]]) -> list[str]:
        return [epc(gtin, sku, serial, self.namespace) for gtin, sku, serial in self.s.execute(query)]

    def built(self, build_id: int | None, host_id: int, at: datetime, action: str) -> list[str]:
        """ADD: the parts the build fitted; DELETE: the parts the disassembly took out of the host at ``at``."""
        query = (select(Product.gtin, Product.sku, Item.serial).select_from(Fitment)
                 .join(Item, Item.id == Fitment.part_item_id).join(Product, Product.id == Item.product_id)
                 .order_by(Fitment.id))
        if action == "ADD":
            return self._epcs(query.where(Fitment.build_id == build_id))
        return self._epcs(query.where(Fitment.host_item_id == host_id, Fitment.removed_at == at))

    def swapped(self, ticket_id: int | None, at: datetime) -> list[tuple[str, list[str]]]:
        """A part swap on a ticket at ``at``: DELETE of the part taken out, ADD of the part fitted."""
        found: list[tuple[str, list[str]]] = []
        rows = self.s.execute(select(PartSwap.removed_product_id, PartSwap.removed_serial, PartSwap.fitted_item_id)
                              .where(PartSwap.ticket_id == ticket_id, PartSwap.at == at).order_by(PartSwap.id))
        for removed_product, removed_serial, fitted in rows.all():
            if removed_product is not None and removed_serial:
                product = self.s.get_one(Product, removed_product)
                found.append(("DELETE", [epc(product.gtin, product.sku, removed_serial, self.namespace)]))
            found.append(("ADD", self._epcs(select(Product.gtin, Product.sku, Item.serial)
                                            .join(Product, Product.id == Item.product_id)
                                            .where(Item.id == fitted))))
        return found


def epc(gtin: str | None, sku: str, serial: str, namespace: str = NAMESPACE) -> str:
    """The unit's EPC: ``urn:epc:id:sgtin:…`` when it has a GTIN and a GS1-valid serial, else the shop's URI."""
    if gtin:
        head = _sgtin_head(gtin)
        if head is not None and _PLAIN_SERIAL.fullmatch(serial):
            return head + serial  # what epcpy writes for a serial that needs no escaping (the common case)
        if head is not None:
            try:
                padded = gtin.zfill(14)
                escaped = quote(serial, safe=_TDS_SAFE)
                return str(SGTIN.from_gtin_plus_serial(padded, escaped, _prefix_length(padded)).epc_uri)
            except Exception:  # epcpy raises several kinds for a serial outside GS1's rules
                pass
    return shop_uri(namespace, "unit", sku, serial)


@lru_cache(maxsize=4096)
def _prefix_length(padded: str) -> int:
    prefix = Gtin.parse(padded).company_prefix
    length = len(prefix.value) if prefix is not None else 7
    return min(max(length, 6), 12)


@lru_cache(maxsize=4096)
def _sgtin_head(gtin: str) -> str | None:
    """``urn:epc:id:sgtin:CompanyPrefix.ItemRef.`` of a GTIN (epcpy, once per GTIN); None if it has none."""
    try:
        padded = gtin.zfill(14)
        urn = str(SGTIN.from_gtin_plus_serial(padded, "1", _prefix_length(padded)).epc_uri)
    except Exception:  # a GTIN epcpy cannot encode: the shop's own URIs
        return None
    return urn[:-1]


def _ref(ref_type: str | None, ref_id: int | None) -> tuple[str, str] | None:
    kind = _REF_KINDS.get(ref_type or "")
    if kind is None or ref_id is None or kind not in PREFIX:
        return None
    return (ref_type or kind, record_number(kind, ref_id))


__all__ = ["EpcisExport", "EpcisExported", "epc"]
