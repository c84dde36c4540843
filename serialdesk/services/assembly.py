"""Assembly: build a unit from serialised parts (and take it apart again), its tree of parts, and where a part
sits — ``assemble``, ``disassemble``, ``components``, ``where-used``."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from serialdesk.db.models import Build, Fitment, Item, Lot, Product, ProductPart, RecallItem, Supplier
from serialdesk.db.models.supply import DEFAULT_LOCATION_ID
from serialdesk.domain.assembly import Slot, check_parts, open_slots
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.money import to_money
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.scan import ScanKind
from serialdesk.domain.serial_rules import clean_lot
from serialdesk.domain.status import ItemStatus, check_move
from serialdesk.domain.text import day, listing, refuse_control
from serialdesk.services.classify import PrimedCatalogue, classify, unit_ref
from serialdesk.services.common import Service, chunks, many_items, one_item, probe, product_by_code, record_events
from serialdesk.services.dto import (
    AssemblyScan,
    AssemblyView,
    BuildView,
    ComponentTree,
    FitmentView,
    PartNode,
    SlotFill,
    UnitRef,
    WhereUsedLine,
)
from serialdesk.services.holders import WITH_CUSTOMER, holders_of
from serialdesk.services.known_units import place_name, place_name_of, refuse_known, shown_place, where_is
from serialdesk.services.parts import hosts_up, parts_of, refuse_fitted_elsewhere, unit_refs, within_of
from serialdesk.services.patterns import generate_serials, scanned_serial
from serialdesk.services.recall_holds import holds_on, refuse_held
from serialdesk.services.receiving import find_or_open_lot

S = ItemStatus
# Units a customer holds: taken apart only through a service ticket (a swap), never at the bench.
_TARGETS = {"stock": S.IN_STOCK, "quarantine": S.QUARANTINED}


class AssemblyService(Service):
    def assemble(self, sku: str, serial: str | None = None, *, parts: Sequence[str], generate: bool = False,
                 lot: str | None = None, labour: object = None, note: str | None = None,
                 at: datetime | None = None) -> AssemblyView:
        """Build one unit of ``sku`` from ``parts`` (each SERIAL or SKU:SERIAL) in one transaction.

        The host's serial is scanned (``serial``, checked as receiving checks it) or made from its pattern
        (``generate``). Each part must be in stock, of a slot the host's product declares (not more than the
        slot's count), fitted nowhere, held by no recall. The host enters stock at the parts' cost plus labour;
        the parts move to ``fitted`` with the host as their parent; a build record keeps who, when, where."""
        self.actor.require(Action.ASSEMBLE)
        refuse_control(note, "note", multiline=True)
        labour_cost = to_money(labour, "Labour")
        if generate == bool(serial):
            raise DomainError("Scan the new unit's serial, or have it generated from its pattern — one of the two.",
                              code="host_serial_required")
        with self.uows() as uow:
            s = uow.session
            product = product_by_code(s, sku)
            now = self.moment(at, "an assembly")
            slots_of = parts_of(s, product)  # read first: the parts' scans are then classified without a statement
            units = many_items(s, parts, PrimedCatalogue(s, {p.sku: p for p, _ in slots_of}))
            slots, seen = _refuse_parts(s, product, units, slots_of)
            self.fits(s, list(seen), now, "an assembly")
            host = self._new_host(s, product, serial, generate, lot, now,
                                  sum((i.cost for i, _ in units), Decimal("0.00")) + labour_cost)
            build = Build(host_item_id=host.id, by_user=self.actor.name, station=self.actor.station, at=now,
                          labour=labour_cost, note=(note or "").strip() or None)
            s.add(build)
            s.flush()
            # The WHERE on status makes two benches building with the same part at once safe: one UPDATE wins,
            # and the loser changes nothing (the unique open-fitment index is the database's own second guard).
            moved = s.execute(update(Item).where(Item.id.in_(list(seen)), Item.status == S.IN_STOCK.value)
                              .values(status=S.FITTED.value).execution_options(synchronize_session=False))
            if moved.rowcount != len(seen):  # type: ignore[attr-defined]
                raise DomainError("A part was just taken at another station (sold, fitted or moved) while this "
                                  "unit was being built; nothing was built. Scan the parts again.",
                                  code="part_taken")
            label = f"{product.sku}:{host.serial}"
            # The events in one INSERT (one for the host's own), the fitments in another below (not a pair of
            # INSERTs per part: on PostgreSQL each is a round trip).
            record_events(s, [*(self.event(kind="part_fitted", item_id=item.id, product_id=part_product.id,
                                           serial=item.serial, at=now, ref_type="build", ref_id=build.id,
                                           status_from=S.IN_STOCK.value, status_to=S.FITTED.value,
                                           data={"host": label}) for item, part_product in units),
                              self.event(kind="assembled", item_id=host.id, product_id=product.id, serial=host.serial,
                                         at=now, ref_type="build", ref_id=build.id, status_from=None,
                                         status_to=S.IN_STOCK.value,  # the parts' columns: one INSERT for all
                                         data={"parts": ", ".join(f"{p.sku}:{i.serial}" for i, p in units),
                                               "labour": str(labour_cost), "note": build.note or ""})])
            try:  # the unique open-fitment index: the database's own second guard against a part in two units
                s.execute(insert(Fitment), [{"part_item_id": item.id, "host_item_id": host.id, "fitted_at": now,
                                             "fitted_by": self.actor.name, "build_id": build.id}
                                            for item, _ in units])
                s.flush()
            except IntegrityError:
                raise DomainError("A part was just fitted into another unit at another station; nothing was built.",
                                  code="part_taken") from None
            refs = unit_refs(s, [host.id, *seen])  # read before COMMIT: after it, a new transaction (3 round trips)
            uow.commit()
            return AssemblyView(refs[host.id], host.cost, _build_view(build), tuple(refs[i] for i in seen),
                                _fills(slots, [p.sku for _, p in units]),
                                _open_note(slots, [p.sku for _, p in units]))

    def buildable(self) -> list[AssemblyScan]:
        """The products that declare slots (what the bench can build), each with its slots, by SKU."""
        self.actor.require(Action.ASSEMBLE)
        with self.uows.reading() as uow:
            s = uow.session
            hosts = s.scalars(select(Product).where(Product.id.in_(select(ProductPart.product_id)))
                              .order_by(Product.sku)).all()
            return [AssemblyScan("product", p.sku, p.name, _fills(_slots(s, p), ())) for p in hosts]

    def read_scan(self, sku: str | None, text: str, *, host: str | None = None, generate: bool = False,
                  parts: Sequence[str] = (), lot: str | None = None) -> AssemblyScan:
        """What one scan at the assembly bench is, checked as ``assemble`` will check it, nothing saved: a
        product barcode or SKU (the product to build, which must declare slots), a known unit (a part: in stock,
        of a free slot, fitted nowhere, held by no recall — checked with the ``parts`` already scanned), or —
        while the new unit has no serial yet — the new unit's serial (its format, not known yet)."""
        self.actor.require(Action.ASSEMBLE)
        with self.uows.reading() as uow:
            s = uow.session
            product = product_by_code(s, sku) if sku else None
            named = _product_scan(s, text)
            if named is not None:
                if parts_of(s, named):
                    return AssemblyScan("product", named.sku, named.name, _fills(_slots(s, named), ()))
                if product is None:
                    raise DomainError(f"{named.name} ({named.sku}) declares no slots, so it is not built here; scan "
                                      f"the barcode of the product to build (or declare its slots: product slot "
                                      f"{named.sku} --part PART_SKU).", code="no_slots")
                raise DomainError(f"'{text.strip()}' is the barcode of {named.name} ({named.sku}), not of one unit — "
                                  f"scan the part's serial.", code="product_not_unit")
            if product is None:
                raise DomainError("Choose the product to build first (or scan its barcode), then scan its parts.",
                                  code="no_current_product")
            declared = _fills(_slots(s, product), ())
            try:
                psku, serial = unit_ref(s, text)
                item, part_product = one_item(s, serial, psku)
            except NotFound as exc:
                if host or generate or exc.code != "unknown_serial":
                    raise
                return AssemblyScan("host", product.sku, product.name, declared,
                                    serial=self._free_serial(s, product, text, lot))
            units = [one_item(s, ref) for ref in parts] + [(item, part_product)]
            _refuse_parts(s, product, units)
            lot_code = s.scalar(select(Lot.code).where(Lot.id == item.lot_id)) if item.lot_id else None
            supplier = s.scalar(select(Supplier.name).where(Supplier.id == item.supplier_id)) \
                if item.supplier_id else None
            slot = next(f"{f.count} × {f.product} ({f.sku})" for f in declared if f.sku == part_product.sku)
            return AssemblyScan("part", product.sku, product.name, declared, part=unit_refs(s, [item.id])[item.id],
                                lot=lot_code, supplier=supplier, slot=slot)

    @staticmethod
    def _free_serial(s: Session, product: Product, text: str, lot: str | None) -> str:
        named = classify(s, text, product.sku)
        if named.product is not None and named.product.sku != product.sku:
            raise DomainError(f"{text.strip()} names a {named.product.name} ({named.product.sku}) that is not known "
                              f"here — scan a part we have, or the new {product.name}'s serial.",
                              code="unknown_serial")
        value = scanned_serial(product, named.serial or text, lot)
        refuse_known(s, product, [value], None, "built")
        return value

    def _new_host(self, s: Session, product: Product, serial: str | None, generate: bool, lot: str | None,
                  now: datetime, cost: Decimal) -> Item:
        lot_row = find_or_open_lot(s, product, lot)
        if generate:
            value = generate_serials(s, product, count=1, lot=lot_row.code if lot_row else None, when=now,
                                     station=self.actor.station)[0]
        else:
            value = scanned_serial(product, serial or "", lot_row.code if lot_row else None)
            refuse_known(s, product, [value], None, "built")
        host = Item(product_id=product.id, serial=value, lot_id=lot_row.id if lot_row else None,
                    status=S.IN_STOCK.value, serial_source="generated" if generate else "supplier", cost=cost,
                    received_at=now, created_at=now)
        try:  # no SAVEPOINT (two round trips): on a clash nothing is built and the whole transaction goes
            s.add(host)
            s.flush()
        except IntegrityError:
            raise DomainError(f"Serial {value} of {product.sku} was just built or received at another station; "
                              f"nothing was built.", code="already_known", serial=value) from None
        return host

    def disassemble(self, host_ref: str, *, to: str = "stock", sku: str | None = None,
                    at: datetime | None = None) -> AssemblyView:
        """Take a unit of ours apart: its parts go back to stock (or quarantine; a part a recall holds always goes
        to quarantine), the unit itself leaves stock for good. A unit a customer holds is taken apart only
        through a service ticket (a swap)."""
        self.actor.require(Action.ASSEMBLE)
        target = _TARGETS.get((to or "").strip().lower())
        if target is None:
            raise DomainError(f"'{to}' is not where parts can go; use stock or quarantine.", code="bad_target")
        with self.uows() as uow:
            s = uow.session
            host, product = one_item(s, host_ref, sku)
            if s.get_bind().dialect.name != "sqlite":  # SQLite's BEGIN IMMEDIATE already excludes other writers
                s.execute(select(Item.id).where(Item.id == host.id).with_for_update())
                s.refresh(host)
            label = f"{product.sku}:{host.serial}"
            if host.status in WITH_CUSTOMER:
                raise DomainError(f"Serial {host.serial} {where_is(s, host, product)} — a customer's unit is taken "
                                  f"apart only through a service ticket (ticket swap).", code="disassemble_sold")
            if host.status == S.FITTED.value:
                outer = within_of(s, [host.id]).get(host.id, ())
                raise DomainError(f"Serial {host.serial} is fitted in {outer[0].label if outer else 'another unit'} "
                                  f"— take it out of that unit first.", code="part_fitted_elsewhere")
            if host.status == S.SCRAPPED.value and (apart := s.scalar(
                    select(Build).where(Build.host_item_id == host.id, Build.disassembled_at.is_not(None))
                    .order_by(Build.id.desc()).limit(1))) is not None:
                raise DomainError(f"{label} was already taken apart on {record_number('build', apart.id)} "
                                  f"({day(apart.disassembled_at)}).", code="already_disassembled")
            check_move(host.status, S.SCRAPPED, host.serial, where_is(s, host, product))
            fitments = s.scalars(select(Fitment).where(Fitment.host_item_id == host.id, Fitment.removed_at.is_(None))
                                 .order_by(Fitment.id)).all()
            if not fitments:
                raise DomainError(f"{label} has no parts fitted: there is nothing to take apart.", code="no_parts")
            now = self.moment(at, "a disassembly")
            part_ids = [f.part_item_id for f in fitments]
            self.fits(s, [host.id, *part_ids], now, "a disassembly")
            held = holds_on(s, part_ids)
            build = s.scalar(select(Build).where(Build.host_item_id == host.id, Build.disassembled_at.is_(None))
                             .order_by(Build.id.desc()).limit(1))
            if build is None:  # parts fitted by swaps only: the disassembly is still recorded at the bench
                build = Build(host_item_id=host.id, by_user=self.actor.name, station=self.actor.station, at=now,
                              labour=Decimal("0.00"), note="parts fitted before (no build record)")
                s.add(build)
                s.flush()
            build.disassembled_at, build.disassembled_by = now, self.actor.name
            quarantined: list[str] = []
            for fitment in fitments:
                part = s.get_one(Item, fitment.part_item_id)
                part_product = s.get_one(Product, part.product_id)
                goes = S.QUARANTINED if part.id in held else target
                if goes is not target:
                    quarantined.append(f"{part_product.sku}:{part.serial}")
                before = part.status
                part.status = check_move(before, goes, part.serial, where_is(s, part, part_product)).value
                fitment.removed_at, fitment.removed_by = now, self.actor.name
                data: dict[str, Any] = {"host": label, "to": part.status}
                if (part.location_id or DEFAULT_LOCATION_ID) != (host.location_id or DEFAULT_LOCATION_ID):
                    part.location_id = host.location_id  # it comes out where the unit stands, not where it was
                    data["to_location"] = place_name_of(s, host.location_id)
                self.record(s, kind="part_taken_out", item_id=part.id, product_id=part_product.id,
                            serial=part.serial, at=now, ref_type="build", ref_id=build.id, status_from=before,
                            status_to=part.status, data=data)
            before = host.status
            host.status = S.SCRAPPED.value
            self.record(s, kind="disassembled", item_id=host.id, product_id=product.id, serial=host.serial, at=now,
                        ref_type="build", ref_id=build.id, status_from=before, status_to=host.status,
                        data={"parts": ", ".join(unit_refs(s, part_ids)[i].label for i in part_ids),
                              "to": _went(target, quarantined, len(part_ids))})
            uow.commit()
            refs = unit_refs(s, [host.id, *part_ids])
            note = (f"{listing(quarantined)} went to quarantine, not {target.value.replace('_', ' ')}: an open "
                    f"recall holds {'it' if len(quarantined) == 1 else 'them'}." if quarantined else None)
            return AssemblyView(refs[host.id], host.cost, _build_view(build), tuple(refs[i] for i in part_ids),
                                note=note)

    def components(self, ref: str, sku: str | None = None) -> ComponentTree:
        """A unit's tree: its parts at every depth with lots, suppliers, since when and how (build or ticket);
        the units it sits in itself, and every unit it sat in before."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            s = uow.session
            item, product = one_item(s, ref, sku)
            return component_tree(s, item, product)

    def where_used(self, ref: str | None = None, *, sku: str | None = None,
                   lot: str | None = None) -> list[WhereUsedLine]:
        """Where parts sit: one unit (``ref``), or every unit of a product's lot; each with the units it sits in
        up to the outermost, and whoever holds that one."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            s = uow.session
            if ref:
                ids = [one_item(s, ref, sku)[0].id]
            elif sku and lot:
                ids = _lot_units(s, product_by_code(s, sku), lot)
            else:
                raise DomainError("Give a serial, or a product and lot (--sku S --lot L).", code="where_used_what")
            return where_used_lines(s, ids)


# ---- reading the genealogy (also used by the passport) ---------------------------------------------------


def component_tree(s: Session, item: Item, product: Product) -> ComponentTree:
    refs = unit_refs(s, [item.id])
    parts = part_nodes(s, item.id)
    slots = _slots(s, product)
    build = s.scalar(select(Build).where(Build.host_item_id == item.id).order_by(Build.id.desc()).limit(1))
    return ComponentTree(refs[item.id], item.cost, parts, _fills(slots, [p.unit.sku for p in parts]),
                         _build_view(build) if build else None, within_of(s, [item.id]).get(item.id, ()),
                         fitment_history(s, item.id))


def part_nodes(s: Session, host_id: int, held: list[int] | None = None) -> tuple[PartNode, ...]:
    """The parts sitting in ``host_id`` now, each with its own parts; one query per level of the tree (plain
    columns: the passport reads this at scan time), and none below a level whose parts hold no parts. Not one
    recursive statement: PostgreSQL cannot estimate a recursive walk's few rows and hashes the whole items table
    to join them. ``held``: gets the parts with recall lines (any), level by level, in id order — as
    ``recall_holds.parts_down`` walks them (the passport asks for holds only when there are some)."""
    children: dict[int, list[PartNode]] = {}
    order: list[tuple[int, int, PartNode]] = []
    level, depth = [host_id], 0
    while level and depth < 16:
        rows = s.execute(_LEVEL, {"hosts": level}).all()
        for r in rows:
            order.append((r.host_item_id, r.id, PartNode(
                UnitRef(r.id, r.sku, r.name, r.serial, r.status, shown_place(r.status, r.place)), r.lot, r.supplier,
                r.fitted_at, r.fitted_by, _via(r.build_id, r.ticket_id))))
        if held is not None:
            held += sorted(r.id for r in rows if r.has_lines)
        level, depth = [r.id for r in rows if r.has_parts], depth + 1
    for host, item_id, node in reversed(order):  # the deepest first: each node gets its finished children
        children.setdefault(host, []).insert(0, dataclasses.replace(node, parts=tuple(children.get(item_id, ()))))
    return tuple(children.get(host_id, ()))


_INNER = aliased(Fitment, name="inner_fitments")
_LEVEL = (select(Fitment.host_item_id, Fitment.fitted_at, Fitment.fitted_by, Fitment.build_id, Fitment.ticket_id,
                 Item.id, Item.serial, Item.status, place_name().label("place"), Product.sku, Product.name,
                 Lot.code.label("lot"), Supplier.name.label("supplier"),
                 # whether the part holds parts itself (the next level is asked only of those) and has recall lines:
                 # index probes, never hashed subplans (passport_rows.probe)
                 probe(_INNER.id, (_INNER.host_item_id == Item.id) & _INNER.removed_at.is_(None)).label("has_parts"),
                 probe(RecallItem.item_id, RecallItem.item_id == Item.id).label("has_lines"))
          .join(Item, Item.id == Fitment.part_item_id).join(Product, Product.id == Item.product_id)
          .outerjoin(Lot, Lot.id == Item.lot_id).outerjoin(Supplier, Supplier.id == Item.supplier_id)
          .where(Fitment.host_item_id.in_(bindparam("hosts", expanding=True)), Fitment.removed_at.is_(None))
          .order_by(Product.sku, Item.serial))


def fitment_history(s: Session, part_id: int) -> tuple[FitmentView, ...]:
    """Every unit this part sat in, oldest first (the one it sits in now last, without ``removed_at``)."""
    rows = s.execute(select(Fitment.host_item_id, Fitment.fitted_at, Fitment.build_id, Fitment.ticket_id,
                            Fitment.removed_at, Fitment.removed_ticket_id).where(Fitment.part_item_id == part_id)
                     .order_by(Fitment.fitted_at, Fitment.id)).all()
    if not rows:
        return ()
    refs = plain_refs(s, {f.host_item_id for f in rows})
    return tuple(FitmentView(refs[f.host_item_id][0], f.fitted_at, _via(f.build_id, f.ticket_id), f.removed_at,
                             (record_number("ticket", f.removed_ticket_id) if f.removed_ticket_id
                              else "disassembly" if f.removed_at else None)) for f in rows)


def plain_refs(s: Session, item_ids: Iterable[int]) -> dict[int, tuple[UnitRef, str | None]]:
    """Units as a clerk reads them, with their lot codes, by item id — plain columns (no ORM objects)."""
    found: dict[int, tuple[UnitRef, str | None]] = {}
    for part in chunks(sorted(set(item_ids))):
        for r in s.execute(select(Item.id, Product.sku, Product.name, Item.serial, Item.status, place_name(),
                                  Lot.code).join(Product, Product.id == Item.product_id)
                           .outerjoin(Lot, Lot.id == Item.lot_id).where(Item.id.in_(part))):
            found[r[0]] = (UnitRef(r[0], r[1], r[2], r[3], r[4], shown_place(r[4], r[5])), r[6])
    return found


def parts_listing(s: Session, host_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """For each host, the parts sitting in it now (direct), as SKU:SERIAL — for lists like the customer record."""
    found: dict[int, list[str]] = {}
    if not host_ids:
        return {}
    for host_id, sku, serial in s.execute(
        select(Fitment.host_item_id, Product.sku, Item.serial).join(Item, Item.id == Fitment.part_item_id)
        .join(Product, Product.id == Item.product_id)
        .where(Fitment.host_item_id.in_(sorted(set(host_ids))), Fitment.removed_at.is_(None))
        .order_by(Product.sku, Item.serial)):
        found.setdefault(host_id, []).append(f"{sku}:{serial}")
    return {k: tuple(v) for k, v in found.items()}


def where_used_lines(s: Session, ids: Sequence[int]) -> list[WhereUsedLine]:
    chains = hosts_up(s, ids)
    refs = plain_refs(s, {*ids, *(h for chain in chains.values() for h in chain)})
    within = {i: tuple(refs[h][0] for h in chain) for i, chain in chains.items()}
    holder = {i: (within[i][-1] if i in within else refs[i][0]) for i in ids}
    holders, _ = holders_of(s, sorted({h.item_id for h in holder.values() if h.status in WITH_CUSTOMER}))
    return [WhereUsedLine(refs[i][0], refs[i][1], within.get(i, ()), holders.get(holder[i].item_id))
            for i in sorted(ids, key=lambda i: refs[i][0].serial)]


def _refuse_parts(s: Session, product: Product, units: Sequence[tuple[Item, Product]],
                  slots_of: Sequence[tuple[Product, int]] | None = None) -> tuple[list[Slot], dict[int, str]]:
    """Every check a part passes before it goes into a new unit of ``product`` (in scan order): once only, not of
    the host's own product, of a slot with room, fitted nowhere, held by no recall, in stock. ``slots_of``:
    ``parts_of(product)``, when the caller read it."""
    seen: dict[int, str] = {}
    for item, part_product in units:
        if item.id in seen:
            raise DomainError(f"Part {part_product.sku}:{item.serial} was scanned twice: each part goes in "
                              f"once.", code="part_scanned_twice", serial=item.serial)
        seen[item.id] = item.serial
        if part_product.id == product.id:
            raise DomainError(f"{part_product.sku}:{item.serial} is a {product.name} itself: a unit is not "
                              f"built from a unit of its own product.", code="part_cycle")
    slots = _slots(s, product, slots_of)
    check_parts(product.sku, product.name, slots, [(p.sku, i.serial) for i, p in units])
    held = holds_on(s, list(seen))  # the parts' holds in one go (two statements, not two per part)
    for item, part_product in units:
        if item.status == S.FITTED.value:
            refuse_fitted_elsewhere(s, item)
        refuse_held(s, [(item.id, item.serial)], "fitted as a part", held)
        try:
            check_move(item.status, S.FITTED, item.serial)
        except DomainError:  # only a refusal needs the facts of where the part is (a statement or two)
            check_move(item.status, S.FITTED, item.serial, where_is(s, item, part_product))
    return slots, seen


def _product_scan(s: Session, text: str) -> Product | None:
    """The product a scan names when it names a product only (its barcode or SKU), else None."""
    try:
        result = classify(s, text)
    except DomainError as exc:
        if exc.code == "unknown_product_barcode":
            raise
        return None
    if result.kind is not ScanKind.PRODUCT or result.product is None:
        return None
    return product_by_code(s, result.product.sku)


def _lot_units(s: Session, product: Product, lot: str) -> list[int]:
    code = clean_lot(lot)
    lot_id = s.scalar(select(Lot.id).where(Lot.product_id == product.id, Lot.code == code))
    if lot_id is None:
        raise NotFound(f"{product.sku} has no lot {code}.", code="unknown_lot")
    return list(s.scalars(select(Item.id).where(Item.product_id == product.id, Item.lot_id == lot_id,
                                                Item.status != S.RECEIVING.value)))


def _slots(s: Session, product: Product, slots_of: Sequence[tuple[Product, int]] | None = None) -> list[Slot]:
    return [Slot(p.sku, p.name, n) for p, n in (parts_of(s, product) if slots_of is None else slots_of)]


def _fills(slots: Sequence[Slot], skus: Sequence[str]) -> tuple[SlotFill, ...]:
    return tuple(SlotFill(sl.sku, sl.name, sl.count, list(skus).count(sl.sku)) for sl in slots)


def _open_note(slots: Sequence[Slot], skus: Sequence[str]) -> str | None:
    missing = open_slots(slots, list(skus))
    return f"Slots still open: {listing(missing)}." if missing else None


def _went(target: ItemStatus, quarantined: Sequence[str], parts: int) -> str:
    """Where a disassembly's parts went, for its history: a recall sends the parts it holds to quarantine."""
    asked = target.value.replace("_", " ")
    if not quarantined:
        return asked
    if len(quarantined) == parts:
        return "quarantined (an open recall holds them)" if parts > 1 else "quarantined (an open recall holds it)"
    return f"{asked}, but {listing(list(quarantined))} to quarantine (an open recall holds them)"


def _via(build_id: int | None, ticket_id: int | None) -> str:
    if build_id is not None:
        return record_number("build", build_id)
    return record_number("ticket", ticket_id) if ticket_id is not None else "?"


def _build_view(b: Build) -> BuildView:
    return BuildView(b.id, record_number("build", b.id), b.by_user, b.station, b.at, b.labour, b.note,
                     b.disassembled_at, b.disassembled_by)
