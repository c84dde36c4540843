"""EPCIS 2.0 export of the ledger (issue 16): every unit's history as CBV ObjectEvents in one JSON-LD file.

A unit with a GTIN is named by its SGTIN URN (EPC Tag Data Standard, via epcpy); when its serial cannot be an
SGTIN (outside GS1 character set 82, longer than 20) or it has no GTIN, by the shop's own URI. Events stream
from the database in id order, so a big ledger is written in constant memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from biip.gtin import Gtin
from epcpy.epc_schemes.sgtin import SGTIN
from sqlalchemy import select

from serialdesk.db.models import Event, Item, Lot, Product
from serialdesk.documents.epcis import VOCABULARY, object_event, shop_uri, write_document
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import PREFIX, record_number
from serialdesk.domain.roles import Action
from serialdesk.services.common import Service

_TDS_SAFE = "!'()*+,-.:;=_"  # characters an EPC URI carries unescaped (TDS 2.0 §7.1); the rest are %-escaped
NAMESPACE = "urn:serialdesk:shop"  # the shop's own URIs (readPoint, bizLocation, units without a GTIN)
_REF_KINDS = {"receipt": "receipt", "sale": "sale", "return": "sale", "ticket": "ticket", "transfer": "transfer",
              "purchase_order": "purchase_order", "recall": "recall"}


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
        """Write the units' events (optionally one product, lot, serial, days ``since``–``until`` inclusive)."""
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
            query = (select(Event.kind, Event.at, Event.station, Event.ref_type, Event.ref_id, Event.serial,
                            Product.sku, Product.gtin, Item.serial)
                     .join(Product, Product.id == Event.product_id)
                     .outerjoin(Item, Item.id == Event.item_id)
                     .where(Event.product_id.is_not(None), Event.serial.is_not(None)).order_by(Event.id))
            if sku:
                found = s.scalar(select(Product.id).where(Product.sku == sku.strip().upper()))
                if found is None:
                    raise DomainError(f"There is no product with code '{sku}'.", code="unknown_product")
                query = query.where(Event.product_id == found)
            if lot:
                query = query.join(Lot, Lot.id == Item.lot_id).where(Lot.code == lot.strip())
            if serial:
                query = query.where(Event.serial == serial.strip())
            if since:
                query = query.where(Event.at >= datetime.combine(since, time(), tzinfo=UTC))
            if until:
                query = query.where(Event.at < datetime.combine(until + timedelta(days=1), time(), tzinfo=UTC))
            rows = s.execute(query.execution_options(yield_per=2000))

            def events() -> Iterator[dict[str, Any]]:
                for kind, at, station, ref_type, ref_id, ev_serial, p_sku, gtin, item_serial in rows:
                    if kind not in VOCABULARY:
                        skipped[0] += 1
                        continue
                    unit = item_serial or ev_serial
                    ref = _ref(ref_type, ref_id)
                    yield object_event(kind, at, epc(gtin, p_sku, unit, namespace), station, namespace, ref)

            written = write_document(path, events(), self.clock())
        return EpcisExported(str(path), written, skipped[0])


def epc(gtin: str | None, sku: str, serial: str, namespace: str = NAMESPACE) -> str:
    """The unit's EPC: ``urn:epc:id:sgtin:…`` when it has a GTIN and a GS1-valid serial, else the shop's URI."""
    if gtin:
        padded = gtin.zfill(14)
        try:
            prefix = Gtin.parse(padded).company_prefix
            length = len(prefix.value) if prefix is not None else 7
            escaped = quote(serial, safe=_TDS_SAFE)
            return str(SGTIN.from_gtin_plus_serial(padded, escaped, min(max(length, 6), 12)).epc_uri)
        except Exception:  # epcpy raises several kinds for a serial outside GS1's rules
            pass
    return shop_uri(namespace, "unit", sku, serial)


def _ref(ref_type: str | None, ref_id: int | None) -> tuple[str, str] | None:
    kind = _REF_KINDS.get(ref_type or "")
    if kind is None or ref_id is None or kind not in PREFIX:
        return None
    return (ref_type or kind, record_number(kind, ref_id))


__all__ = ["EpcisExport", "EpcisExported", "epc"]
