"""What every service shares: its unit-of-work factory, the actor, the clock, and record finders."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, insert, or_, select
from sqlalchemy.orm import Session

from serialdesk.db.models import Customer, Event, Item, Product, Supplier
from serialdesk.db.uow import UnitOfWorkFactory
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.products import parse_record_number, record_number
from serialdesk.domain.roles import Actor
from serialdesk.domain.serial_rules import normalise_serial
from serialdesk.domain.serials import SerialPattern
from serialdesk.services.dto import PartyView, ProductView
from serialdesk.services.summaries import note_events
from serialdesk.services.timeline import aware, claimed_time, refuse_out_of_order

if TYPE_CHECKING:
    from serialdesk.services.classify import DbCatalogue

__all__ = ["aware"]  # re-exported: services import it from here

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class Service:
    def __init__(self, uows: UnitOfWorkFactory, actor: Actor, clock: Clock = system_clock) -> None:
        self.uows = uows
        self.actor = actor
        self.clock = clock

    def event(self, **values: Any) -> dict[str, Any]:
        """An Event row for ``record_events``, stamped with this actor and station."""
        if values.get("at") is None:
            values["at"] = self.clock()
        values.setdefault("data", {})
        return {"by_user": self.actor.name, "station": self.actor.station, **values}

    def record(self, session: Session, **values: Any) -> None:
        record_events(session, [self.event(**values)])

    def moment(self, at: datetime | None, action: str) -> datetime:
        """When ``action`` happens: ``at`` or now; DomainError for a date in the future (``action``: 'a sale')."""
        return claimed_time(self.clock, at, action)

    def fits(self, session: Session, item_ids: Any, when: datetime, action: str) -> None:
        """DomainError unless a status move at ``when`` comes after each unit's latest move (ids or a SELECT)."""
        refuse_out_of_order(session, item_ids, when, action)


_DEFAULTED = frozenset(c.key for c in Event.__table__.c if c.default is not None or c.server_default is not None)


def record_events(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Write ledger events; their figures go into the daily summaries before the transaction commits.

    One INSERT for all of them: a None is sent as NULL (``render_nulls``) rather than left out, so rows that
    differ only in which columns are empty (a part's event with ``status_from``, its host's without) are one
    batch, not one statement each (a round trip each on PostgreSQL); a None for a column with a default
    (``at``, ``station``, ``data``) is still left out, so the default applies as before."""
    if rows:
        sent = [{k: v for k, v in row.items() if v is not None or k not in _DEFAULTED} for row in rows]
        ids = session.execute(insert(Event).returning(Event.id).execution_options(render_nulls=True),
                              sent).scalars().all()
        note_events(session, ids)


# ---- finders: each raises NotFound in the user's words ---------------------------------------------


def probe(column: Any, where: Any) -> Any:
    """Whether a row matches ``where``, per outer ``items`` row: ``(SELECT column … LIMIT 1) IS NOT NULL``. Not
    EXISTS: without planner statistics PostgreSQL may hash an EXISTS in a select list over its whole table (900k
    fitments, 1.6 s, for a passport); a scalar subquery has no hashed form and stays an index probe."""
    return select(column).where(where).correlate(Item).limit(1).scalar_subquery().is_not(None)


def product_by_code(session: Session, code: str) -> Product:
    """A product by SKU (any case) or GTIN."""
    text = (code or "").strip()
    product = session.scalar(select(Product).where(Product.sku == text.upper()))
    if product is None and text.isdigit():
        product = session.scalar(select(Product).where(Product.gtin == text))
    if product is None:
        raise NotFound(f"There is no product with code or barcode '{code}'.", code="unknown_product")
    return product


def _party_by_ref(session: Session, model: type[Any], kind: str, ref: str) -> Any:
    text = " ".join((ref or "").split())
    if not text:
        raise DomainError(f"No {kind} was given.", code=f"{kind}_required")
    number = parse_record_number(kind, text)
    if number is not None and (found := session.get(model, number)) is not None:
        return found
    matches = session.scalars(select(model).where(model.name == text).limit(2)).all()
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise DomainError(
            f"There are several {kind}s called '{text}'; use the {kind} number instead "
            f"(e.g. {record_number(kind, matches[0].id)}).",
            code=f"ambiguous_{kind}",
        )
    raise NotFound(f"There is no {kind} '{ref}'.", code=f"unknown_{kind}")


def supplier_by_ref(session: Session, ref: str) -> Supplier:
    found: Supplier = _party_by_ref(session, Supplier, "supplier", ref)
    return found


def customer_by_ref(session: Session, ref: str) -> Customer:
    found: Customer = _party_by_ref(session, Customer, "customer", ref)
    return found


def split_ref(session: Session, ref: str, sku: str | None = None,
              catalogue: DbCatalogue | None = None) -> tuple[str | None, str]:
    """A unit as scanned or typed — ``SERIAL``, ``SKU:SERIAL`` or a GS1 label — as (SKU or None, serial),
    by the one classifier (services.classify); ``catalogue`` keeps the products it read, for the caller."""
    from serialdesk.services.classify import unit_ref  # classify builds on patterns, which builds on this

    return unit_ref(session, ref, sku.strip().upper() if sku else None, catalogue)


def items_by_ref(session: Session, ref: str, sku: str | None = None) -> list[tuple[Item, Product]]:
    """Units matching ``SERIAL``, ``SKU:SERIAL`` or a GS1 label (or ``sku`` given apart); normalised per product."""
    return _items(session, *split_ref(session, ref, sku))


def _items(session: Session, sku: str | None, text: str, product: Product | None = None) -> list[tuple[Item, Product]]:
    """Units with this serial (of this product, if given: ``product``, when the classifier read it already): the
    ref is already classified, never twice."""
    if sku is not None:
        product = product if product is not None and product.sku == sku else product_by_code(session, sku)
        serial = normalise_serial(text, product.serial_case, product=product.sku)
        item = session.scalar(select(Item).where(Item.product_id == product.id, Item.serial == serial))
        return [(item, product)] if item is not None else []
    candidates = {normalise_serial(text, "preserve"), normalise_serial(text, "upper")}
    rows = session.execute(
        select(Item, Product).join(Product, Product.id == Item.product_id).where(Item.serial.in_(candidates))
    ).all()
    return [(i, p) for i, p in rows if i.serial == normalise_serial(text, p.serial_case)]


def one_item(session: Session, ref: str, sku: str | None = None) -> tuple[Item, Product]:
    """The one unit ``ref`` names; NotFound (saying which product has it, if another does) or ambiguous."""
    from serialdesk.services.classify import DbCatalogue  # classify builds on patterns, which builds on this

    catalogue = DbCatalogue(session)  # the product the classifier reads is the one _items needs
    sku, text = split_ref(session, ref, sku, catalogue)
    found = _items(session, sku, text, catalogue.known(sku) if sku else None)
    if not found and sku is not None and (others := _items(session, None, text)):
        owners = ", ".join(p.sku for _, p in others)
        raise NotFound(f"Serial {text} is not a {sku} unit — it belongs to {owners}.",
                       code="serial_of_other_product")
    if not found:
        _refuse_mistyped(session, text, sku)
        where = f" of product {sku}" if sku else ""
        raise NotFound(f"No unit with serial {text}{where} is known here.", code="unknown_serial")
    if len(found) > 1:
        skus = ", ".join(f"{p.sku}:{i.serial}" for i, p in found)
        raise DomainError(
            f"Serial {text} exists for several products ({skus}); say which one as SKU:SERIAL.",
            code="ambiguous_serial",
        )
    return found[0]


def many_items(session: Session, refs: Sequence[str], catalogue: DbCatalogue | None = None
               ) -> list[tuple[Item, Product]]:
    """``one_item`` of each ref, in order, with one statement for all of them: a ref naming its product
    (``SKU:SERIAL``, a GS1 label) whose product ``catalogue`` holds is looked up by (product, serial), a bare
    serial as ``_items`` does. A ref that finds no unit, or several, or names a product the catalogue does not
    hold, goes through ``one_item`` on its own — for its answer, or the refusal in the clerk's words."""
    from serialdesk.services.classify import PrimedCatalogue  # classify builds on patterns, which builds on this

    catalogue = catalogue or PrimedCatalogue(session, {})
    if isinstance(catalogue, PrimedCatalogue):
        catalogue.read_ahead(refs)
    named: list[tuple[Product | None, str] | None] = []  # (product or None for a bare serial, serial); None: alone
    for ref in refs:
        sku, text = split_ref(session, ref, None, catalogue)
        product = catalogue.known(sku) if sku else None
        if sku and product is None:
            named.append(None)
        else:
            named.append((product, normalise_serial(text, product.serial_case, product=product.sku)
                          if product else text))
    wanted = [and_(Item.product_id == p.id, Item.serial == v) for p, v in filter(None, named) if p is not None]
    bare = {normalise_serial(v, case) for p, v in filter(None, named) if p is None for case in ("preserve", "upper")}
    if bare:
        wanted.append(Item.serial.in_(sorted(bare)))
    rows = (session.execute(select(Item, Product).join(Product, Product.id == Item.product_id)
                            .where(or_(*wanted))).tuples().all() if wanted else [])

    def matches(product: Product | None, serial: str) -> list[tuple[Item, Product]]:
        if product is not None:
            return [(i, p) for i, p in rows if p.id == product.id and i.serial == serial]
        return [(i, p) for i, p in rows if i.serial == normalise_serial(serial, p.serial_case)]

    found: list[tuple[Item, Product]] = []
    for ref, name in zip(refs, named, strict=True):
        hits = matches(*name) if name is not None else []
        found.append(hits[0] if len(hits) == 1 else one_item(session, ref))
    return found


def _refuse_mistyped(session: Session, text: str, sku: str | None) -> None:
    """An unknown serial that has a generated-serial product's shape but a wrong check digit was mistyped:
    say so, rather than 'unknown'."""
    query = select(Product).where(Product.serial_source == "generated", Product.serial_pattern.is_not(None))
    if sku:
        query = query.where(Product.sku == sku)
    for product in session.scalars(query):
        try:
            SerialPattern.parse(product.serial_pattern).verify(text)
        except DomainError as exc:
            if exc.code == "serial_check_digit":
                raise
            continue


# ---- views ---------------------------------------------------------------------------------------------


def product_view(p: Product) -> ProductView:
    return ProductView(
        p.id, p.sku, p.name, p.gtin, p.cost, p.price, p.warranty_months, p.serial_pattern, p.serial_source,
        p.serial_regex, p.serial_case, p.supplier_warranty_months, p.repair_extension_months,
        bool(p.serial_gs1_safe),
    )


def party_view(kind: str, party: Supplier | Customer) -> PartyView:
    address = party.address if isinstance(party, Customer) else None
    return PartyView(party.id, record_number(kind, party.id), party.name, party.phone, party.email, address)


def chunks(values: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]

