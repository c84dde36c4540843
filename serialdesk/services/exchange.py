"""Export of products, customers and units for spreadsheets and other systems (CSV is written by the CLI)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import select

from serialdesk.db.models import Customer, Item, Lot, Product, Supplier
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import clean_name, record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.serial_rules import clean_lot
from serialdesk.domain.text import clean_text, plural
from serialdesk.services.catalogue import add_product_row, new_product
from serialdesk.services.common import Service, party_view, product_by_code, product_view, supplier_by_ref
from serialdesk.services.dto import ItemRow, PartyView, ProductView
from serialdesk.services.patterns import scanned_serial
from serialdesk.services.receiving import ReceivingService

T = TypeVar("T")


class ExportService(Service):
    def products(self) -> list[ProductView]:
        self.actor.require(Action.REPORTS)
        with self.uows.reading() as uow:
            return [product_view(p) for p in uow.session.scalars(select(Product).order_by(Product.sku))]

    def customers(self) -> list[PartyView]:
        self.actor.require(Action.REPORTS)
        with self.uows.reading() as uow:
            return [party_view("customer", c) for c in uow.session.scalars(select(Customer).order_by(Customer.id))]

    def items(self, batch: int = 5000) -> Iterator[ItemRow]:
        """Every unit except scans on drafts, in batches (one short read transaction each, never all in memory)."""
        self.actor.require(Action.REPORTS)
        last = 0
        while True:
            with self.uows.reading() as uow:
                rows = uow.session.execute(
                    select(Item.id, Product.sku, Item.serial, Lot.code, Item.status, Item.serial_source, Item.cost,
                           Supplier.name, Item.received_at, Item.location)
                    .join(Product, Product.id == Item.product_id).outerjoin(Lot, Lot.id == Item.lot_id)
                    .outerjoin(Supplier, Supplier.id == Item.supplier_id)
                    .where(Item.id > last, Item.status != "receiving").order_by(Item.id).limit(batch)
                ).all()
            if not rows:
                return
            for _, *values in rows:
                yield ItemRow(*values)
            last = rows[-1][0]


@dataclass(frozen=True)
class ImportResult:
    what: str
    created: int
    receipts: tuple[str, ...] = ()


Row = Mapping[str, str | None]


def _field(row: Row, name: str) -> str | None:
    value = row.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _int(row: Row, name: str) -> int:
    text = _field(row, name)
    if text is None:
        return 0
    if not text.isascii() or not text.isdigit():
        raise DomainError(f"{name.replace('_', ' ')} must be a whole number, not '{text}'.", code="bad_number")
    return int(text)


def _each(rows: Sequence[Row], make: Callable[[Row], T]) -> list[T]:
    """Validate every row first; refuse the whole file naming the first bad lines (line 2 = first data row)."""
    made: list[T] = []
    problems: list[str] = []
    for line, row in enumerate(rows, start=2):
        try:
            made.append(make(row))
        except DomainError as exc:
            problems.append(f"line {line}: {exc.message}")
    if problems:
        more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        raise DomainError(f"Nothing was imported: {plural(len(problems), 'line')} cannot be used — "
                          f"{'; '.join(problems[:3])}{more}", code="bad_import", problems=problems)
    if not made:
        raise DomainError("The file has no data rows.", code="empty_import")
    return made


class ImportService(Service):
    """CSV imports for taking over a shop's existing lists; each file is all or nothing."""

    def products(self, rows: Sequence[Row]) -> ImportResult:
        self.actor.require(Action.EDIT_CATALOGUE)

        def make(row: Row) -> Product:
            return new_product(
                _field(row, "sku") or "", _field(row, "name") or "", gtin=_field(row, "gtin"),
                cost=_field(row, "cost"), price=_field(row, "price"), warranty_months=_int(row, "warranty_months"),
                serial_pattern=_field(row, "serial_pattern"), serial_source=_field(row, "serial_source") or "supplier",
                serial_regex=_field(row, "serial_regex"), serial_case=_field(row, "serial_case") or "upper",
                supplier_warranty_months=_int(row, "supplier_warranty_months"),
                repair_extension_months=_int(row, "repair_extension_months"))

        products = _each(rows, make)
        with self.uows() as uow:
            for line, product in enumerate(products, start=2):
                try:
                    add_product_row(uow.session, product)
                except DomainError as exc:
                    raise DomainError(f"Nothing was imported: line {line}: {exc.message}", code=exc.code) from None
            self.record(uow.session, kind="products_imported", data={"count": len(products)})
            uow.commit()
        return ImportResult("products", len(products))

    def customers(self, rows: Sequence[Row]) -> ImportResult:
        self.actor.require(Action.EDIT_CUSTOMERS)

        def make(row: Row) -> Customer:
            email = clean_text(_field(row, "email"), "e-mail address", limit=200)
            if email and ("@" not in email or " " in email):
                raise DomainError(f"'{email}' is not an e-mail address.", code="bad_email")
            return Customer(name=clean_name(_field(row, "name"), "customer"),
                            phone=clean_text(_field(row, "phone"), "phone number", limit=60),
                            email=email, address=clean_text(_field(row, "address"), "address", multiline=True))

        customers = _each(rows, make)
        with self.uows() as uow:
            uow.session.add_all(customers)
            self.record(uow.session, kind="customers_imported", data={"count": len(customers)})
            uow.commit()
        return ImportResult("customers", len(customers))

    def items(self, rows: Sequence[Row]) -> ImportResult:
        """Units in stock today (sku, serial, lot, supplier, received_at): one posted receipt per supplier,
        product, lot and day. Sales history moves with backup/restore, not CSV."""
        self.actor.require(Action.RECEIVE)
        receiving = ReceivingService(self.uows, self.actor, self.clock)
        with self.uows() as uow:
            s = uow.session
            Key = tuple[str, str, str | None, datetime]

            def make(row: Row) -> tuple[Key, str]:
                product = product_by_code(s, _field(row, "sku") or "")
                supplier = supplier_by_ref(s, _field(row, "supplier") or "")
                status = _field(row, "status") or "in_stock"
                if status != "in_stock":
                    raise DomainError(f"only units in stock can be imported (this one is {status}).",
                                      code="import_status")
                key = (product.sku, supplier.name, clean_lot(_field(row, "lot")), _when(row, self.clock()))
                return key, scanned_serial(product, _field(row, "serial") or "", key[2])

            groups: dict[Key, list[str]] = {}
            seen: set[tuple[str, str]] = set()
            for key, serial in _each(rows, make):
                if (key[0], serial) in seen:
                    raise DomainError(f"Nothing was imported: {key[0]} {serial} appears twice in the file.",
                                      code="duplicate_in_list")
                seen.add((key[0], serial))
                groups.setdefault(key, []).append(serial)
            receipts = []
            for (sku, supplier_name, lot, when), serials in groups.items():
                receipt = receiving.post_batch(s, product_by_code(s, sku), supplier_by_ref(s, supplier_name),
                                               serials, lot=lot, when=when, note="imported from CSV")
                receipts.append(record_number("receipt", receipt.id))
            uow.commit()
        return ImportResult("items", sum(len(v) for v in groups.values()), tuple(receipts))


def _when(row: Row, default: datetime) -> datetime:
    text = _field(row, "received_at")
    if text is None:
        return default
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise DomainError(f"'{text}' is not a date (use e.g. 2026-03-14).", code="bad_date") from None
    return (moment if moment.tzinfo else moment.astimezone()).astimezone(UTC)
