"""Locations (issue 15): named places a unit is in — shop floor, back store, workshop, a branch — and the
one 'In transit' place of units on a transfer. Each unit we hold is in exactly one (``items.location_id``; a
row written without one is on the default location, the shop floor). Moves within a branch are one
transaction per scan list, refused for a unit a recall holds; every move is an event naming from and to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from serialdesk.db.models import Event, Item, Location, Product, Receipt, ReceiptLine, Transfer, TransferLine
from serialdesk.db.models.supply import DEFAULT_LOCATION_ID, TRANSIT_LOCATION_ID
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.products import clean_name, gtin_check_digit, record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus
from serialdesk.domain.text import listing
from serialdesk.services.common import Service, one_item, record_events
from serialdesk.services.dto.supply import LocationView, LocationVisit, MovedUnit, MoveResult
from serialdesk.services.known_units import PLACED, place_name_of, where_is
from serialdesk.services.plans import among
from serialdesk.services.recall_holds import refuse_held

STORE, TRANSIT = "store", "transit"
# Units that are physically ours and on a shelf somewhere: only these have a place to be moved from.
ON_A_SHELF = frozenset({ItemStatus.IN_STOCK.value, ItemStatus.QUARANTINED.value})
# The ledger kinds that put a unit somewhere, for its journey.
JOURNEY_KINDS = ("received", "moved", "transfer_sent", "transfer_received", "transfer_returned", "part_taken_out")


def place_id(item_location: Any = None) -> ColumnElement[int]:
    """SQL: the unit's location id, the default location where none was written."""
    # The default as SQL text, not a bound parameter: GROUP BY on PostgreSQL must see the same expression.
    column = item_location if item_location is not None else Item.location_id
    return func.coalesce(column, literal_column(str(DEFAULT_LOCATION_ID)))


def not_in_transit() -> ColumnElement[bool]:
    """SQL condition for a conditional UPDATE: the unit is not on its way between locations."""
    return place_id() != TRANSIT_LOCATION_ID


def location_by_name(s: Session, name: str) -> Location:
    """A location by its name (any case, blanks tidied); NotFound naming the ones there are."""
    text = " ".join((name or "").split())
    if not text:
        raise DomainError("Say which location (e.g. 'Back store').", code="location_required")
    found = s.scalar(select(Location).where(func.lower(Location.name) == text.lower()))
    if found is None:
        known = list(s.scalars(select(Location.name).where(Location.active.is_(True)).order_by(Location.name)))
        raise NotFound(f"There is no location '{text}'; the locations are {listing(known, 12)} "
                       f"(location add NAME makes one).", code="unknown_location")
    return found


def receiving_location(s: Session, name: str | None) -> Location:
    """Where received units go: the named place (a station's default or --location), else the shop floor."""
    if not name or not name.strip():
        found = s.get(Location, DEFAULT_LOCATION_ID)
        assert found is not None  # made by migration 0007
        return found
    place = location_by_name(s, name)
    if place.kind == TRANSIT:
        raise DomainError(f"Units cannot be received into '{place.name}'; choose a shelf or a branch.",
                          code="location_is_transit")
    return place


def place_receipt(s: Session, receipt: Receipt) -> None:
    """Within the posting's transaction: the receipt's units are put where the receipt says (one UPDATE)."""
    if receipt.location_id is None:
        receipt.location_id = DEFAULT_LOCATION_ID
    on_receipt = select(ReceiptLine.item_id).where(ReceiptLine.receipt_id == receipt.id)
    s.execute(update(Item).where(among(s, Item.id, on_receipt))
              .values(location_id=receipt.location_id).execution_options(synchronize_session=False))


def where_now(s: Session, item: Item, place: str | None = None) -> str | None:
    """The passport's location: the place's name while the unit is on one of our shelves (or in transit, or
    being received or returned there); None while a customer, the supplier or another unit has it. ``place``:
    the name of its location (or of the default one) when the caller read it already."""
    if item.status not in PLACED:
        return None
    name = place if place is not None else place_name_of(s, item.location_id)
    if item.location_id == TRANSIT_LOCATION_ID:
        on = on_transfer(s, item.id)
        if on is not None:
            return f"{name} ({record_number('transfer', on[0].id)} to {on[1]})"
    return name


def on_transfer(s: Session, item_id: int) -> tuple[Transfer, str] | None:
    """The open transfer a unit is on its way with, and where to."""
    row = s.execute(select(Transfer, Location.name).join(TransferLine, TransferLine.transfer_id == Transfer.id)
                    .join(Location, Location.id == Transfer.to_location_id)
                    .where(TransferLine.item_id == item_id, TransferLine.state == "sent")
                    .order_by(TransferLine.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row is not None else None


def journey(s: Session, item_id: int) -> tuple[LocationVisit, ...]:
    """Where the unit has been, in time order: the receipt's place, then every move and transfer."""
    rows = s.execute(
        with_receipt_place(select(Event.at, Event.kind, Event.ref_type, Event.ref_id, Event.data))
        .where(Event.item_id == item_id, Event.kind.in_(JOURNEY_KINDS)).order_by(Event.at, Event.id)).all()
    return visits_of(rows)


def with_receipt_place(query: Any) -> Any:
    """``query`` over events with one more column: the place a 'received' event's receipt put the unit (else
    whatever the outer join finds for other events; ``visits_of`` reads it only for 'received')."""
    return (query.add_columns(Location.name)
            .outerjoin(Receipt, (Event.kind == "received") & (Event.ref_type == "receipt")
                       & (Receipt.id == Event.ref_id))
            .outerjoin(Location, Location.id == func.coalesce(Receipt.location_id, DEFAULT_LOCATION_ID)))


def visits_of(rows: Sequence[Any]) -> tuple[LocationVisit, ...]:
    """The journey from event rows (at, kind, ref_type, ref_id, data, receipt place) in time order; events of
    other kinds are skipped."""
    visits = []
    for at, kind, ref_type, ref_id, data, received_at in rows:
        if kind not in JOURNEY_KINDS:
            continue
        place = received_at if kind == "received" else (data or {}).get("to_location")
        ref = record_number(ref_type, ref_id) if ref_type in ("receipt", "transfer") and ref_id else None
        if place:
            visits.append(LocationVisit(at, place, kind, ref))
    return tuple(visits)


def refuse_in_transit(s: Session, units: Sequence[tuple[Item, Product]], doing: str) -> None:
    """DomainError for a unit on its way between locations: ``doing`` is e.g. 'sold'."""
    for item, _ in units:
        if item.location_id == TRANSIT_LOCATION_ID:
            on = on_transfer(s, item.id)
            where = f" on transfer {record_number('transfer', on[0].id)} to {on[1]}" if on else ""
            raise DomainError(f"Serial {item.serial} is in transit{where} — it cannot be {doing} until it is "
                              f"scanned in there (transfer in).", code="in_transit", serial=item.serial)


def shelf_of(s: Session, item: Item, product: Product, doing: str) -> Location:
    """The place a unit on our shelves is in; DomainError when it is not on one (sold, in transit, …)."""
    if item.status not in ON_A_SHELF:
        raise DomainError(f"Serial {item.serial} {where_is(s, item, product)} — it is not on a shelf here to be "
                          f"{doing}.", code="not_on_a_shelf", serial=item.serial)
    refuse_in_transit(s, [(item, product)], doing)
    place = s.get(Location, item.location_id or DEFAULT_LOCATION_ID)
    assert place is not None
    return place


def refuse_doubles(units: Sequence[tuple[Item, Product]], what: str) -> None:
    seen: set[int] = set()
    for item, product in units:
        if item.id in seen:
            raise DomainError(f"Serial {product.sku}:{item.serial} is scanned twice in this {what}.",
                              code="duplicate_in_list", serial=item.serial)
        seen.add(item.id)


def put(s: Session, item: Item, product: Product, from_id: int, to_id: int, *, status: str | None = None) -> None:
    """Move one unit (a conditional UPDATE on where it was, and on its status): a unit another station moved
    or sold meanwhile is refused, and the caller's whole transaction with it."""
    query = update(Item).where(Item.id == item.id, place_id() == from_id)
    if status is not None:
        query = query.where(Item.status == status)
    done = s.execute(query.values(location_id=to_id).execution_options(synchronize_session=False)).rowcount  # type: ignore[attr-defined]
    if done != 1:
        s.refresh(item)
        refuse_in_transit(s, [(item, product)], "moved")
        raise DomainError(f"Serial {item.serial} was moved or sold at another station at the same moment "
                          f"({where_is(s, item, product)}); nothing was changed — scan again.", code="conflict",
                          serial=item.serial)
    item.location_id = to_id


def location_view(loc: Location, in_stock: int = 0) -> LocationView:
    return LocationView(loc.id, loc.name, loc.kind, loc.branch, in_stock, loc.id == DEFAULT_LOCATION_ID, loc.gln)


def clean_gln(text: str | None) -> str | None:
    """A GS1 Global Location Number: 13 digits with a valid check digit; empty means none (issue 16)."""
    if text is None or not text.strip():
        return None
    gln = text.strip()
    if not (gln.isascii() and gln.isdigit()) or len(gln) != 13:
        raise DomainError(f"'{text.strip()}' is not a GLN (a GS1 Global Location Number has 13 digits).",
                          code="bad_gln")
    if gtin_check_digit(gln[:-1]) != int(gln[-1]):
        raise DomainError(f"The GLN {gln} has a wrong check digit (expected {gtin_check_digit(gln[:-1])}); check "
                          "the number the GS1 office gave you.", code="bad_gln_check")
    return gln


class LocationService(Service):
    def add_location(self, name: str, *, branch: str | None = None, gln: str | None = None) -> LocationView:
        """A new place units can be in; ``branch`` names the branch it belongs to (none: the main shop); ``gln``
        its GS1 Global Location Number, if it has one."""
        self.actor.require(Action.EDIT_CATALOGUE)
        clean = _location_name(name)
        branch_name = clean_name(branch, "branch")[:60] if branch and branch.strip() else ""
        number = clean_gln(gln)
        with self.uows() as uow:
            s = uow.session
            branch_name = _known_branch(s, branch_name)
            _refuse_taken(s, clean, None)
            _refuse_gln_taken(s, number, None)
            loc = Location(name=clean, kind=STORE, branch=branch_name, active=True, created_at=self.clock(),
                           gln=number)
            s.add(loc)
            _flush_gln(s, number)
            data = {"name": clean, "branch": branch_name} | ({"gln": number} if number else {})
            self.record(s, kind="location_added", ref_type="location", ref_id=loc.id, data=data)
            uow.commit()
            return location_view(loc)

    def set_gln(self, name: str, gln: str | None) -> LocationView:
        """Give a location its GLN (an empty one takes it away): EPCIS names the place by it (issue 16)."""
        self.actor.require(Action.EDIT_CATALOGUE)
        number = clean_gln(gln)
        with self.uows() as uow:
            s = uow.session
            loc = location_by_name(s, name)
            if loc.kind == TRANSIT and number:
                raise DomainError(f"'{loc.name}' is no place but units on their way; it takes no GLN.",
                                  code="location_is_transit")
            _refuse_gln_taken(s, number, loc.id)
            before, loc.gln = loc.gln, number
            _flush_gln(s, number)
            self.record(s, kind="location_gln_set", ref_type="location", ref_id=loc.id,
                        data={"name": loc.name, "from": before, "to": number})
            uow.commit()
            return location_view(loc, _units_in(s).get(loc.id, 0))

    def rename_location(self, old: str, new: str) -> LocationView:
        """A new name for a place; its units stay in it (they point to the place, not its name)."""
        self.actor.require(Action.EDIT_CATALOGUE)
        clean = _location_name(new)
        with self.uows() as uow:
            s = uow.session
            loc = location_by_name(s, old)
            if loc.kind == TRANSIT:  # its name is what a unit on a transfer shows: no ordinary place may take it
                raise DomainError(f"'{loc.name}' is where units on a transfer are; it keeps its name.",
                                  code="location_is_transit")
            _refuse_taken(s, clean, loc.id)
            before, loc.name = loc.name, clean
            self.record(s, kind="location_renamed", ref_type="location", ref_id=loc.id,
                        data={"from": before, "to": clean})
            uow.commit()
            return location_view(loc, _units_in(s).get(loc.id, 0))

    def locations(self) -> list[LocationView]:
        """Every location with the units in stock there, shop floor first, then by branch and name."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            s = uow.session
            counts = _units_in(s)
            rows = s.scalars(select(Location).where(Location.active.is_(True))
                             .order_by(Location.kind, Location.branch, Location.name))
            found = [location_view(loc, counts.get(loc.id, 0)) for loc in rows]
        return sorted(found, key=lambda v: (not v.default, v.kind == TRANSIT, v.branch, v.name.lower()))

    def move(self, refs: Sequence[str], to: str) -> MoveResult:
        """Move units (``SERIAL``, ``SKU:SERIAL`` or a label scan) to another place of the same branch, all
        or none, in one transaction; each move an event naming from and to."""
        self.actor.require(Action.RECEIVE)
        if not refs:
            raise DomainError("Scan at least one unit to move.", code="empty_move")
        with self.uows() as uow:
            s = uow.session
            target = location_by_name(s, to)
            if target.kind == TRANSIT:
                raise DomainError(f"Units go '{target.name}' on a transfer: transfer open --from A --to B, then "
                                  "transfer out.", code="location_is_transit")
            units = [one_item(s, ref) for ref in refs]
            refuse_doubles(units, "move")
            refuse_held(s, [(i.id, i.serial) for i, _ in units], "moved")
            now = self.clock()
            moved, events = [], []
            for item, product in units:
                here = shelf_of(s, item, product, "moved")
                if here.id == target.id:
                    raise DomainError(f"Serial {item.serial} is already in {target.name}.", code="already_there",
                                      serial=item.serial)
                if here.branch != target.branch:
                    raise DomainError(
                        f"Serial {item.serial} is in {here.name} ({_branch(here)}); {target.name} is in "
                        f"{_branch(target)} — between branches units go on a transfer (transfer open --from "
                        f"'{here.name}' --to '{target.name}').", code="other_branch", serial=item.serial)
                put(s, item, product, here.id, target.id, status=item.status)
                moved.append(MovedUnit(product.sku, item.serial, here.name, target.name))
                events.append(self.event(kind="moved", item_id=item.id, product_id=product.id, serial=item.serial,
                                         at=now, data={"from_location": here.name, "to_location": target.name}))
            record_events(s, events)
            uow.commit()
            return MoveResult(target.name, tuple(moved))


def _units_in(s: Session) -> dict[int, int]:
    rows = s.execute(select(place_id(), func.count(Item.id)).where(Item.status == ItemStatus.IN_STOCK.value)
                     .group_by(place_id()))
    return {loc: n for loc, n in rows}


def _known_branch(s: Session, branch: str) -> str:
    """The branch as the shop already spells it ("north" is branch "North"): one branch, however it is typed."""
    if not branch:
        return branch
    known = s.scalar(select(Location.branch).where(func.lower(Location.branch) == branch.lower())
                     .order_by(Location.id).limit(1))
    return known or branch


def _refuse_taken(s: Session, name: str, own_id: int | None) -> None:
    other = s.execute(select(Location.id, Location.name).where(func.lower(Location.name) == name.lower())).first()
    if other is not None and other[0] != own_id:
        raise DomainError(f"There is already a location '{other[1]}'.", code="duplicate_location")


def _refuse_gln_taken(s: Session, gln: str | None, own_id: int | None) -> None:
    if gln is None:
        return
    other = s.execute(select(Location.id, Location.name).where(Location.gln == gln)).first()
    if other is not None and other[0] != own_id:
        raise DomainError(f"The GLN {gln} is already that of location '{other[1]}'.", code="duplicate_gln")


def _flush_gln(s: Session, gln: str | None) -> None:
    """Write now: another station giving the same GLN at the same moment is refused in words, not as SQL."""
    try:
        s.flush()
    except IntegrityError:
        s.rollback()
        raise DomainError(f"The GLN {gln} was just given to another location at another station; nothing was "
                          "changed.", code="duplicate_gln") from None


def _location_name(name: str) -> str:
    clean = clean_name(name, "location")
    if len(clean) > 60:
        raise DomainError("The location name is too long (at most 60 characters).", code="name_too_long")
    return clean


def _branch(loc: Location) -> str:
    return f"branch {loc.branch}" if loc.branch else "the main shop"
