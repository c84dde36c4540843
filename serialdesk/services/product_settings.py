"""``product add|set`` with the buying settings (issue 17): lead time, pack size, service level; and changing a
product's name, prices, warranties or barcode afterwards — each checked as ``product add`` checks it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from serialdesk.db.models import Product
from serialdesk.domain.errors import DomainError
from serialdesk.domain.money import to_money
from serialdesk.domain.products import clean_gtin, clean_name
from serialdesk.domain.reorder import z_of
from serialdesk.domain.roles import Action
from serialdesk.services.catalogue import add_product_row, new_product
from serialdesk.services.common import Service, product_by_code
from serialdesk.services.dto.buying import ProductSettings

MAX_LEAD_TIME_DAYS, MAX_PACK_SIZE = 365, 10_000


@dataclass(frozen=True)
class Buying:
    """Buying settings as given (None: not given)."""

    lead_time_days: int | None = None
    pack_size: int | None = None
    service_level: Decimal | str | None = None


def settings_view(p: Product, changed: tuple[str, ...] = ()) -> ProductSettings:
    return ProductSettings(p.sku, p.name, p.gtin, p.cost, p.price, p.warranty_months, p.supplier_warranty_months,
                           p.repair_extension_months, p.lead_time_days, p.pack_size or 1, p.service_level, changed)


def lead_time(days: int) -> int:
    if not 0 <= days <= MAX_LEAD_TIME_DAYS:
        raise DomainError(f"A lead time is between 0 and {MAX_LEAD_TIME_DAYS} days (it was {days}).",
                          code="bad_lead_time")
    return days


def pack_size(units: int) -> int:
    if not 1 <= units <= MAX_PACK_SIZE:
        raise DomainError(f"A pack holds between 1 and {MAX_PACK_SIZE:,} units (it was {units}).",
                          code="bad_pack_size")
    return units


def service_level(value: Decimal | str) -> Decimal:
    """'0.95', '95 %', '95' → 0.9500; refused outside 50 %–99.9 %."""
    text = str(value).strip().rstrip("%").strip()
    try:
        level = Decimal(text)
    except InvalidOperation:
        raise DomainError(f"'{value}' is not a service level (e.g. 0.95 or 95 %).", code="bad_service_level") from None
    if not level.is_finite():
        raise DomainError(f"'{value}' is not a service level (e.g. 0.95 or 95 %).", code="bad_service_level")
    if level >= 1:
        level = level / 100
    z_of(level)  # refuses a level outside 0.5–0.999
    return level.quantize(Decimal("0.0001"))


def _apply_buying(p: Product, buying: Buying, changed: list[str]) -> None:
    if buying.lead_time_days is not None:
        p.lead_time_days = lead_time(buying.lead_time_days)
        changed.append("lead time")
    if buying.pack_size is not None:
        p.pack_size = pack_size(buying.pack_size)
        changed.append("pack size")
    if buying.service_level is not None:
        p.service_level = service_level(buying.service_level)
        changed.append("service level")


def _months(value: int, what: str) -> int:
    if not 0 <= value <= 240:
        raise DomainError(f"{what} must be between 0 and 240 months (it was {value}).", code="bad_warranty")
    return value


class ProductSettingsService(Service):
    def add_product(self, sku: str, name: str, buying: Buying = Buying(), **fields: Any) -> ProductSettings:
        """``CatalogueService.add_product`` with the buying settings, in the same transaction."""
        self.actor.require(Action.EDIT_CATALOGUE)
        product = new_product(sku, name, **fields)
        _apply_buying(product, buying, [])
        with self.uows() as uow:
            add_product_row(uow.session, product)
            self.record(uow.session, kind="product_added", product_id=product.id, data={"sku": product.sku})
            uow.commit()
            return settings_view(product)

    def set_product(self, sku: str, buying: Buying = Buying(), *, name: str | None = None,
                    cost: str | Decimal | None = None, price: str | Decimal | None = None,
                    warranty_months: int | None = None, supplier_warranty_months: int | None = None,
                    repair_extension_months: int | None = None, gtin: str | None = None) -> ProductSettings:
        """Change what is given (None: left as it is); ``gtin=""`` removes the barcode. All or nothing."""
        self.actor.require(Action.EDIT_CATALOGUE)
        with self.uows() as uow:
            s = uow.session
            p = product_by_code(s, sku)
            changed: list[str] = []
            if name is not None:
                p.name = clean_name(name, "product")
                changed.append("name")
            if cost is not None:
                p.cost = to_money(cost, "Cost")
                changed.append("cost")
            if price is not None:
                p.price = to_money(price, "Price")
                changed.append("price")
            for value, attr, what in ((warranty_months, "warranty_months", "Warranty"),
                                      (supplier_warranty_months, "supplier_warranty_months", "The supplier's warranty"),
                                      (repair_extension_months, "repair_extension_months", "A repair's extension")):
                if value is not None:
                    setattr(p, attr, _months(value, what))
                    changed.append(attr.replace("_", " "))
            if gtin is not None:
                p.gtin = self._free_gtin(s, p, gtin)
                changed.append("barcode")
            _apply_buying(p, buying, changed)
            if not changed:
                raise DomainError(f"Nothing to change on {p.sku}: say what to set (e.g. --lead-time-days 14).",
                                  code="nothing_to_change")
            s.flush()
            self.record(s, kind="product_changed", product_id=p.id, data={"sku": p.sku, "changed": changed})
            uow.commit()
            return settings_view(p, tuple(changed))

    @staticmethod
    def _free_gtin(s: Any, p: Product, gtin: str) -> str | None:
        value = clean_gtin(gtin) if gtin.strip() else None
        if value is not None:
            clash = s.scalar(select(Product).where(Product.gtin == value, Product.id != p.id))
            if clash is not None:
                raise DomainError(f"There is already a product with barcode {value}: {clash.name}.",
                                  code="product_exists")
        return value

    def settings(self, sku: str) -> ProductSettings:
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            return settings_view(product_by_code(uow.session, sku))
