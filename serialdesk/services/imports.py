"""CSV imports for taking over a shop: suppliers, customers, products and units; each file all or nothing.

Rows are plain mappings (column → text) as serialdesk.documents.spreadsheet reads them. Every field is checked
for clean text (no NUL, no undecodable bytes) before anything is saved; a bad line refuses the whole file,
naming up to three lines. Suppliers and customers keep their numbers (V-0003, C-0012): a number already here
is that record, updated, so importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from serialdesk.db.models import Customer, Location, Product, SerialSequence, Supplier
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import clean_name, parse_record_number, record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.serial_rules import clean_lot
from serialdesk.domain.text import clean_text, shown, text_problem
from serialdesk.services.catalogue import add_product_row, new_product
from serialdesk.services.common import Service

T = TypeVar("T")
Row = Mapping[str, str | None]


@dataclass(frozen=True)
class ImportResult:
    what: str
    created: int
    receipts: tuple[str, ...] = ()
    updated: int = 0
    sales: tuple[str, ...] = field(default=())


def field_text(row: Row, name: str) -> str | None:
    """A field's text, trimmed (None when empty); refused when it is not clean Unicode text."""
    value = row.get(name)
    if not isinstance(value, str):
        return None
    problem = text_problem(value)
    if problem:
        raise DomainError(f"{name.replace('_', ' ')} '{shown(value)}' {problem}.", code="bad_text")
    return value.strip() or None


def whole_number(row: Row, name: str) -> int:
    value = field_text(row, name)
    if value is None:
        return 0
    if not value.isascii() or not value.isdigit():
        raise DomainError(f"{name.replace('_', ' ')} must be a whole number, not '{value}'.", code="bad_number")
    return int(value)


def moment(row: Row, name: str, default: datetime | None) -> datetime | None:
    value = field_text(row, name)
    if value is None:
        return default
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise DomainError(f"{name.replace('_', ' ')} '{value}' is not a date (use e.g. 2026-03-14).",
                          code="bad_date") from None
    return (when if when.tzinfo else when.astimezone()).astimezone(UTC)


def each_row(rows: Sequence[Row], make: Callable[[Row], T], lines: Sequence[int] | None = None) -> list[T]:
    """Validate every row first; refuse the whole file naming the first bad lines (line 2 = first data row
    unless the reader says where each row starts)."""
    made: list[T] = []
    problems: list[str] = []
    numbers = list(lines) if lines is not None else list(range(2, len(rows) + 2))
    for line, row in zip(numbers, rows, strict=True):
        try:
            made.append(make(row))
        except DomainError as exc:
            problems.append(f"line {line}: {exc.message}")
    if problems:
        more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        count = f"{len(problems)} line" + ("s" if len(problems) > 1 else "")
        raise DomainError(f"Nothing was imported: {count} cannot be used — "
                          f"{'; '.join(problems[:3])}{more}", code="bad_import", problems=problems)
    if not made:
        raise DomainError("The file has no data rows.", code="empty_import")
    return made


def follow_ids(session: Session, table: str) -> None:
    """After rows were saved under numbers of their own, PostgreSQL's id sequence must continue after them
    (SQLite takes the highest id + 1 by itself)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                             f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"))


@dataclass(frozen=True)
class PartyRow:
    number: int | None
    name: str
    phone: str | None
    email: str | None
    address: str | None


def _party_row(kind: str, row: Row) -> PartyRow:
    number_text = field_text(row, "number")
    number = parse_record_number(kind, number_text) if number_text else None
    if number_text and not number:
        example = record_number(kind, 1)
        raise DomainError(f"'{number_text}' is not a {kind} number (e.g. {example}).", code="bad_number")
    email = clean_text(field_text(row, "email"), "e-mail address", limit=200)
    if email and ("@" not in email or " " in email):
        raise DomainError(f"'{email}' is not an e-mail address.", code="bad_email")
    return PartyRow(number, clean_name(field_text(row, "name"), kind),
                    clean_text(field_text(row, "phone"), "phone number", limit=60), email,
                    clean_text(field_text(row, "address"), "address", multiline=True) if kind == "customer" else None)


LOCATION_COLUMNS = ("name", "kind", "branch", "active")
LOCATION_KINDS = ("store", "transit")


@dataclass(frozen=True)
class LocationRow:
    name: str
    kind: str
    branch: str
    active: bool


def _location_row(row: Row) -> LocationRow:
    name = " ".join((field_text(row, "name") or "").split())
    if not name:
        raise DomainError("A location needs its name.", code="location_required")
    kind = (field_text(row, "kind") or "store").lower()
    if kind not in LOCATION_KINDS:
        raise DomainError(f"'{kind}' is not a kind of location (store or transit).", code="bad_location_kind")
    active = (field_text(row, "active") or "yes").lower()
    if active not in ("yes", "no"):
        raise DomainError(f"active is yes or no, not '{active}'.", code="bad_location_active")
    return LocationRow(name, kind, " ".join((field_text(row, "branch") or "").split()), active == "yes")


class ImportService(Service):
    """CSV imports for taking over a shop's existing lists; each file is all or nothing."""

    def suppliers(self, rows: Sequence[Row], lines: Sequence[int] | None = None) -> ImportResult:
        """Suppliers by number (V-0001), else by name: updated when known, created (keeping the number) if not."""
        self.actor.require(Action.EDIT_CATALOGUE)
        return self._parties("supplier", Supplier, each_row(rows, lambda r: _party_row("supplier", r), lines),
                             lines)

    def customers(self, rows: Sequence[Row], lines: Sequence[int] | None = None) -> ImportResult:
        """Customers by number (C-0001): updated when known, created (keeping the number) if not; a row
        without a number is a new customer."""
        self.actor.require(Action.EDIT_CUSTOMERS)
        return self._parties("customer", Customer, each_row(rows, lambda r: _party_row("customer", r), lines),
                             lines)

    def locations(self, rows: Sequence[Row], lines: Sequence[int] | None = None) -> ImportResult:
        """Locations by name (any case): updated when known (kind, branch, active), created if not. Import them
        before the units, whose ``location`` column names them."""
        self.actor.require(Action.EDIT_CATALOGUE)
        places = each_row(rows, _location_row, lines)
        names = [p.name.lower() for p in places]
        if len(names) != len(set(names)):
            twice = sorted({p.name for p in places if names.count(p.name.lower()) > 1})
            raise DomainError(f"Nothing was imported: {', '.join(twice)} appears twice in the file.",
                              code="duplicate_in_list")
        created = updated = 0
        with self.uows() as uow:
            s = uow.session
            for place in places:
                found = s.scalar(select(Location).where(func.lower(Location.name) == place.name.lower()))
                if found is None:
                    if place.kind == "transit":
                        raise DomainError(f"Nothing was imported: '{place.name}' would be a second in-transit "
                                          "location; name it as this shop's in-transit location is named.",
                                          code="bad_location_kind")
                    found = Location(name=place.name, kind=place.kind)
                    created += 1
                else:
                    updated += 1
                if found.kind != place.kind:
                    raise DomainError(f"Nothing was imported: '{place.name}' is a {found.kind} location here; the "
                                      f"file says {place.kind}.", code="bad_location_kind")
                found.kind, found.branch, found.active = place.kind, place.branch, place.active
                s.add(found)
            s.flush()
            self.record(s, kind="locations_imported", data={"created": created, "updated": updated})
            uow.commit()
        return ImportResult("locations", created, updated=updated)

    def _parties(self, kind: str, model: type[Any], parties: list[PartyRow],
                 lines: Sequence[int] | None) -> ImportResult:
        numbers = [p.number for p in parties if p.number is not None]
        if len(numbers) != len(set(numbers)):
            twice = sorted({record_number(kind, n) for n in numbers if numbers.count(n) > 1})
            raise DomainError(f"Nothing was imported: {', '.join(twice)} appears twice in the file.",
                              code="duplicate_in_list")
        created = updated = 0
        with self.uows() as uow:
            s = uow.session
            fresh: list[PartyRow] = []
            # Numbered rows first, so PostgreSQL's id sequence is moved past them before unnumbered rows get ids.
            for party in sorted(parties, key=lambda p: p.number is None):
                found = s.get(model, party.number) if party.number is not None else None
                if found is None and kind == "supplier":
                    found = s.scalar(select(model).where(model.name == party.name))
                if found is None and party.number is None:
                    fresh.append(party)
                    continue
                _refuse_name_taken(s, kind, model, party.name, found)
                if found is None:
                    found = model(id=party.number)
                    created += 1
                else:
                    updated += 1
                found.name, found.phone, found.email = party.name, party.phone, party.email
                if kind == "customer":
                    found.address = party.address
                s.add(found)
                s.flush()
            follow_ids(s, model.__tablename__)
            for party in fresh:
                _refuse_name_taken(s, kind, model, party.name, None)
                values = {"name": party.name, "phone": party.phone, "email": party.email}
                s.add(model(**values, **({"address": party.address} if kind == "customer" else {})))
                s.flush()
                created += 1
            self.record(s, kind=f"{kind}s_imported", data={"created": created, "updated": updated})
            uow.commit()
        return ImportResult(f"{kind}s", created, updated=updated)

    def products(self, rows: Sequence[Row], lines: Sequence[int] | None = None) -> ImportResult:
        """New products with their serial rules and where their generated-serial sequences stand."""
        self.actor.require(Action.EDIT_CATALOGUE)

        def make(row: Row) -> tuple[Product, dict[str, int]]:
            product = new_product(
                field_text(row, "sku") or "", field_text(row, "name") or "", gtin=field_text(row, "gtin"),
                cost=field_text(row, "cost"), price=field_text(row, "price"),
                warranty_months=whole_number(row, "warranty_months"),
                serial_pattern=field_text(row, "serial_pattern"),
                serial_source=field_text(row, "serial_source") or "supplier",
                serial_regex=field_text(row, "serial_regex"), serial_case=field_text(row, "serial_case") or "upper",
                supplier_warranty_months=whole_number(row, "supplier_warranty_months"),
                repair_extension_months=whole_number(row, "repair_extension_months"))
            return product, _sequences(field_text(row, "serial_sequences"))

        made = each_row(rows, make, lines)
        numbers = list(lines) if lines is not None else list(range(2, len(made) + 2))
        with self.uows() as uow:
            for line, (product, sequences) in zip(numbers, made, strict=True):
                try:
                    add_product_row(uow.session, product)
                except DomainError as exc:
                    raise DomainError(f"Nothing was imported: line {line}: {exc.message}", code=exc.code) from None
                uow.session.add_all(SerialSequence(product_id=product.id, scope=scope, next_value=value)
                                    for scope, value in sequences.items())
            self.record(uow.session, kind="products_imported", data={"count": len(made)})
            uow.commit()
        return ImportResult("products", len(made))

    def items(self, rows: Sequence[Row], lines: Sequence[int] | None = None, *,
              all_statuses: bool = False) -> ImportResult:
        """Units with their lot, supplier, receipt day, cost and serial source: one posted receipt per supplier,
        product, lot and day. Only units in stock, unless ``all_statuses``: then sold units come with their
        buyer and sale too (tickets, recalls and the full history move with backup --portable)."""
        from serialdesk.services.unit_import import import_units

        self.actor.require(Action.RECEIVE)
        return import_units(self, rows, lines, all_statuses=all_statuses)


def _sequences(value: str | None) -> dict[str, int]:
    if not value:
        return {}
    try:
        data = json.loads(value)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 1 for k, v in data.items()):
        raise DomainError(f"serial sequences '{value}' are not a list of next numbers (e.g. {{\"\": 25}}).",
                          code="bad_sequences")
    return {("" if not k.strip() else clean_lot(k) or ""): v for k, v in data.items()}


def _refuse_name_taken(s: Session, kind: str, model: type[Any], name: str, own: Any) -> None:
    if kind != "supplier":
        return  # same-named customers are allowed (they have different numbers)
    other = s.scalar(select(model).where(model.name == name))
    if other is not None and other is not own:
        raise DomainError(f"Nothing was imported: there is already a supplier called '{name}' "
                          f"({record_number('supplier', other.id)}).", code="supplier_exists")
