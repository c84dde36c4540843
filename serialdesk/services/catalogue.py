"""Products, suppliers and customers: added and found in the shop's words."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from serialdesk.db.models import Customer, Item, Lot, Product, ProductPart, Supplier
from serialdesk.domain.errors import DomainError
from serialdesk.domain.money import to_money
from serialdesk.domain.products import clean_gtin, clean_name, clean_sku, parse_serial_source
from serialdesk.domain.roles import Action
from serialdesk.domain.serial_rules import SerialCase, gs1_serial_problem, validate_regex
from serialdesk.domain.serials import SerialPattern
from serialdesk.domain.text import LIKE_ESCAPE, clean_text, like_pattern
from serialdesk.services.common import Service, customer_by_ref, party_view, product_by_code, product_view
from serialdesk.services.dto import LotView, PartyView, ProductPartView, ProductView
from serialdesk.services.parts import parts_of
from serialdesk.services.patterns import check_pattern


class CatalogueService(Service):
    def add_product(
        self,
        sku: str,
        name: str,
        *,
        gtin: str | None = None,
        cost: Decimal | str | None = None,
        price: Decimal | str | None = None,
        warranty_months: int = 0,
        serial_pattern: str | None = None,
        serial_source: str = "supplier",
        serial_regex: str | None = None,
        serial_case: str = "upper",
        supplier_warranty_months: int = 0,
        repair_extension_months: int = 0,
        serial_gs1_safe: bool = False,
    ) -> ProductView:
        """Add a product. Refused when the SKU or GTIN is taken, or a pattern/format is unusable."""
        self.actor.require(Action.EDIT_CATALOGUE)
        product = new_product(
            sku, name, gtin=gtin, cost=cost, price=price, warranty_months=warranty_months,
            serial_pattern=serial_pattern, serial_source=serial_source, serial_regex=serial_regex,
            serial_case=serial_case, supplier_warranty_months=supplier_warranty_months,
            repair_extension_months=repair_extension_months, serial_gs1_safe=serial_gs1_safe,
        )
        with self.uows() as uow:
            add_product_row(uow.session, product)
            self.record(uow.session, kind="product_added", product_id=product.id, data={"sku": product.sku})
            uow.commit()
            return product_view(product)

    def set_part(self, sku: str, part_sku: str, count: int = 1) -> list[ProductPartView]:
        """Declare that product ``sku`` takes ``count`` of part ``part_sku`` (a slot; 0 removes it). Part swaps
        on its tickets accept only declared parts. Returns every part the product now takes."""
        self.actor.require(Action.EDIT_CATALOGUE)
        if not 0 <= count <= 99:
            raise DomainError("A product takes between 1 and 99 of one part (0 removes the part).", code="bad_count")
        with self.uows() as uow:
            s = uow.session
            host, part = product_by_code(s, sku), product_by_code(s, part_sku)
            if host.id == part.id:
                raise DomainError(f"{host.sku} cannot be a part of itself.", code="part_of_itself")
            if s.scalar(select(ProductPart.id).where(ProductPart.product_id == part.id,
                                                     ProductPart.part_product_id == host.id)) is not None:
                raise DomainError(f"{host.sku} is already a part of {part.sku}; it cannot also take {part.sku}.",
                                  code="part_cycle")
            slot = s.scalar(select(ProductPart).where(ProductPart.product_id == host.id,
                                                      ProductPart.part_product_id == part.id))
            if count == 0 and slot is not None:
                s.delete(slot)
            elif count and slot is None:
                s.add(ProductPart(product_id=host.id, part_product_id=part.id, count=count))
            elif slot is not None:
                slot.count = count
            s.flush()
            self.record(s, kind="product_part_set", product_id=host.id, data={"part": part.sku, "count": count})
            uow.commit()
            return [ProductPartView(host.sku, p.sku, p.name, n) for p, n in parts_of(s, host)]

    def parts(self, sku: str) -> list[ProductPartView]:
        """The parts a product takes (its slots)."""
        with self.uows.reading() as uow:
            host = product_by_code(uow.session, sku)
            return [ProductPartView(host.sku, p.sku, p.name, n) for p, n in parts_of(uow.session, host)]

    def product(self, code: str) -> ProductView:
        with self.uows.reading() as uow:
            return product_view(product_by_code(uow.session, code))

    def products(self) -> list[ProductView]:
        with self.uows.reading() as uow:
            return [product_view(p) for p in uow.session.scalars(select(Product).order_by(Product.sku))]

    def lots(self, sku: str | None = None) -> list[LotView]:
        """Lots with the units received in each (all products, or one), newest first within a product."""
        query = (select(Product.sku, Lot.code, func.count(Item.id), Lot.received_at)
                 .join(Product, Product.id == Lot.product_id)
                 .outerjoin(Item, (Item.lot_id == Lot.id) & (Item.status != "receiving"))
                 .group_by(Product.sku, Lot.code, Lot.received_at)
                 .order_by(Product.sku, Lot.received_at.desc(), Lot.code))
        if sku:
            query = query.where(Product.sku == sku.strip().upper())
        with self.uows.reading() as uow:
            return [LotView(*row) for row in uow.session.execute(query)]

    def add_supplier(self, name: str, *, phone: str | None = None, email: str | None = None) -> PartyView:
        self.actor.require(Action.EDIT_CATALOGUE)
        supplier = Supplier(name=clean_name(name, "supplier"), phone=clean_text(phone, "phone number", limit=60),
                            email=clean_text(email, "e-mail address", limit=200))
        with self.uows() as uow:
            if uow.session.scalar(select(Supplier.id).where(Supplier.name == supplier.name)) is not None:
                raise DomainError(f"There is already a supplier called '{supplier.name}'.", code="supplier_exists")
            uow.session.add(supplier)
            uow.session.flush()
            self.record(uow.session, kind="supplier_added", data={"supplier": supplier.name})
            uow.commit()
            return party_view("supplier", supplier)

    def suppliers(self) -> list[PartyView]:
        with self.uows.reading() as uow:
            return [party_view("supplier", s) for s in uow.session.scalars(select(Supplier).order_by(Supplier.name))]

    def add_customer(
        self, name: str, *, phone: str | None = None, email: str | None = None, address: str | None = None
    ) -> PartyView:
        """Add a customer. Same-named customers are allowed (they get different numbers)."""
        self.actor.require(Action.EDIT_CUSTOMERS)
        email = clean_text(email, "e-mail address", limit=200)
        if email and ("@" not in email or " " in email):
            raise DomainError(f"'{email}' is not an e-mail address.", code="bad_email")
        customer = Customer(
            name=clean_name(name, "customer"), phone=clean_text(phone, "phone number", limit=60),
            email=email, address=clean_text(address, "address", multiline=True),
        )
        with self.uows() as uow:
            uow.session.add(customer)
            uow.session.flush()
            self.record(uow.session, kind="customer_added", data={"customer": customer.id})
            uow.commit()
            return party_view("customer", customer)

    def customer(self, ref: str) -> PartyView:
        with self.uows.reading() as uow:
            return party_view("customer", customer_by_ref(uow.session, ref))

    def find_customers(self, text: str, limit: int = 50) -> list[PartyView]:
        """Customers whose name, phone or e-mail contains ``text`` (any case)."""
        like = like_pattern(text.strip().lower())  # '%' and '_' typed by the clerk are letters, not wildcards
        query = (
            select(Customer)
            .where(or_(*(column.like(like, escape=LIKE_ESCAPE) for column in
                         (func.lower(Customer.name), Customer.phone, func.lower(Customer.email)))))
            .order_by(Customer.name)
            .limit(limit)
        )
        with self.uows.reading() as uow:
            return [party_view("customer", c) for c in uow.session.scalars(query)]


def new_product(
    sku: str, name: str, *, gtin: str | None = None, cost: Decimal | str | None = None,
    price: Decimal | str | None = None, warranty_months: int = 0, serial_pattern: str | None = None,
    serial_source: str = "supplier", serial_regex: str | None = None, serial_case: str = "upper",
    supplier_warranty_months: int = 0, repair_extension_months: int = 0, serial_gs1_safe: bool = False,
) -> Product:
    """A validated, not yet saved product (DomainError saying what is wrong)."""
    for months in (warranty_months, supplier_warranty_months, repair_extension_months):
        if not 0 <= months <= 240:
            raise DomainError("Warranty months must be between 0 and 240.", code="bad_warranty")
    source = parse_serial_source(serial_source)
    if source.value == "generated" and not serial_pattern:
        raise DomainError(
            "A product whose serials are generated here needs a serial pattern (e.g. {LOT}-{SEQ:5}).",
            code="pattern_required",
        )
    if serial_gs1_safe and serial_pattern:  # a GS1-safe product cannot make serials GS1 refuses
        problem = gs1_serial_problem(SerialPattern.parse(serial_pattern).example())
        if problem:
            raise DomainError(f"The serial pattern {serial_pattern} makes serials GS1 cannot carry: {problem}.",
                              code="pattern_not_gs1")
    if serial_case not in {c.value for c in SerialCase}:
        raise DomainError(f"'{serial_case}' is not a case rule; use upper or preserve.", code="bad_serial_case")
    return Product(
        sku=clean_sku(sku), name=clean_name(name, "product"), gtin=clean_gtin(gtin),
        cost=to_money(cost, "Cost"), price=to_money(price, "Price"), warranty_months=warranty_months,
        serial_pattern=check_pattern(serial_pattern) if serial_pattern else None,
        serial_source=source.value,
        serial_regex=validate_regex(serial_regex) if serial_regex else None,
        serial_case=serial_case, supplier_warranty_months=supplier_warranty_months,
        repair_extension_months=repair_extension_months, serial_gs1_safe=serial_gs1_safe,
    )


def add_product_row(session: Session, product: Product) -> None:
    """Save a new product; refused when its SKU or GTIN is already taken."""
    same = Product.sku == product.sku
    if product.gtin is not None:  # a product without a barcode clashes with nobody's barcode
        same = or_(same, Product.gtin == product.gtin)
    clash = session.scalar(select(Product).where(same).limit(1))
    if clash is not None:
        what = f"code {clash.sku}" if clash.sku == product.sku else f"barcode {clash.gtin}"
        raise DomainError(f"There is already a product with {what}: {clash.name}.", code="product_exists")
    session.add(product)
    session.flush()
