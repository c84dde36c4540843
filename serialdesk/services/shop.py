"""The shop's profile: who the shop is on every receipt, job sheet and letter, kept in the database so every
station prints the same. Anyone may read it; only a manager changes it."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

import cv2
import numpy as np
from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_precision, list_currencies
from sqlalchemy.orm import Session

from serialdesk.db.models import ShopProfile
from serialdesk.db.models.shop import SHOP_PROFILE_ID
from serialdesk.domain.errors import DomainError, PermissionDenied
from serialdesk.domain.roles import Action, Role
from serialdesk.domain.tax import parse_percent, parse_tax_rate
from serialdesk.domain.text import clean_text
from serialdesk.services.common import Service, product_by_code

LOGO_MAX_BYTES = 1_000_000
LOGO_MAX_SIDE = 4000
_LOGO_KINDS = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


@dataclass(frozen=True)
class ShopProfileView:
    """The shop as its paperwork names it. ``places``: the currency's decimals (EUR 2, JPY 0)."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    vat_number: str = ""
    receipt_footer: str = ""
    repair_terms: str = ""
    language: str = "en"
    currency: str = "EUR"
    prices_include_tax: bool = True
    rate_standard: Decimal = Decimal("20.00")
    rate_reduced: Decimal = Decimal("10.00")
    rate_zero: Decimal = Decimal("0.00")
    counter_discount_limit: Decimal = Decimal("10.00")
    logo_type: str = ""
    smtp_host: str = ""
    smtp_port: int = 0
    smtp_tls: str = "starttls"
    smtp_user: str = ""
    smtp_sender: str = ""
    updated_by: str = ""
    updated_at: datetime | None = None
    logo: bytes | None = field(default=None, repr=False)

    @property
    def places(self) -> int:
        return currency_places(self.currency)

    def percent(self, rate: str) -> Decimal:
        return {"standard": self.rate_standard, "reduced": self.rate_reduced, "zero": self.rate_zero}[rate]

    @property
    def contact_lines(self) -> tuple[str, ...]:
        """Address lines, then phone and e-mail: the block every document prints under the name."""
        lines = [ln.strip() for ln in self.address.replace(", ", "\n").splitlines() if ln.strip()]
        lines += [x for x in (f"Tel. {self.phone}" if self.phone else "", self.email) if x]
        return tuple(lines)

    @property
    def sender(self) -> str:
        """Who e-mail comes from: the SMTP sender set, else the shop's own e-mail."""
        return self.smtp_sender or self.email

    @property
    def port(self) -> int:
        """The SMTP port to use: the one set, else the TLS mode's usual one (465 for SSL, 587 otherwise)."""
        return self.smtp_port or (465 if self.smtp_tls == "ssl" else 587 if self.smtp_tls == "starttls" else 25)

    @property
    def missing(self) -> tuple[str, ...]:
        """What a receipt a tax office accepts needs and the profile lacks."""
        return tuple(label for label, value in (("name", self.name), ("address", self.address),
                                                ("VAT/company number", self.vat_number)) if not value.strip())

    def public(self) -> dict[str, Any]:
        """For ``shop show --json``: everything but the logo's bytes (their size instead)."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "logo"}
        out["logo_bytes"] = len(self.logo) if self.logo else 0
        out["places"] = self.places
        return out


def currency_places(code: str) -> int:
    return int(get_currency_precision(code))


def profile_view(row: ShopProfile | None) -> ShopProfileView:
    if row is None:
        return ShopProfileView()
    return ShopProfileView(
        row.name, row.address, row.phone, row.email, row.vat_number, row.receipt_footer, row.repair_terms,
        row.language, row.currency, row.prices_include_tax, row.rate_standard, row.rate_reduced, row.rate_zero,
        row.counter_discount_limit, row.logo_type, row.smtp_host, row.smtp_port, row.smtp_tls, row.smtp_user,
        row.smtp_sender, row.updated_by, row.updated_at, row.logo)


def read_profile(session: Session) -> ShopProfileView:
    return profile_view(session.get(ShopProfile, SHOP_PROFILE_ID))


def check_logo(data: bytes) -> str:
    """'png' or 'jpeg' for an image a document can print; DomainError in the user's words otherwise."""
    if not data:
        raise DomainError("The logo file is empty.", code="bad_logo")
    if len(data) > LOGO_MAX_BYTES:
        raise DomainError(f"The logo is {len(data) / 1e6:.1f} MB; use an image under 1 MB (PNG or JPEG).",
                          code="bad_logo")
    kind = next((k for magic, k in _LOGO_KINDS.items() if data.startswith(magic)), None)
    if kind is None:
        raise DomainError("The logo must be a PNG or JPEG image.", code="bad_logo")
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None or image.size == 0:
        raise DomainError(f"The logo file is not a readable {kind.upper()} image (damaged or cut short?).",
                          code="bad_logo")
    if max(image.shape[:2]) > LOGO_MAX_SIDE:
        raise DomainError(f"The logo is {image.shape[1]}×{image.shape[0]} pixels; use one at most "
                          f"{LOGO_MAX_SIDE} pixels a side.", code="bad_logo")
    return kind


def _currency(code: str) -> str:
    value = code.strip().upper()
    if value not in list_currencies():
        raise DomainError(f"'{code}' is not a currency code (e.g. EUR, GBP, CHF, USD).", code="bad_currency")
    if currency_places(value) > 2:
        raise DomainError(f"{value} has {currency_places(value)} decimals; serialdesk keeps money to 2.",
                          code="bad_currency")
    return value


def _port(value: Any) -> int:
    try:
        port = int(str(value).strip())
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise DomainError(f"'{value}' is not a port number (e.g. 587 for STARTTLS, 465 for SSL; 0: the usual one).",
                          code="bad_smtp")
    return port


def _language(code: str) -> str:
    value = code.strip().replace("-", "_")
    try:
        Locale.parse(value)
    except (UnknownLocaleError, ValueError):
        raise DomainError(f"'{code}' is not a language (e.g. en, de, fr, nl, de_CH).", code="bad_language") from None
    return value


_TEXTS = {"name": 200, "address": 500, "phone": 60, "email": 200, "vat_number": 60, "receipt_footer": 2000,
          "repair_terms": 4000, "smtp_host": 200, "smtp_user": 200, "smtp_sender": 200}
SMTP_TLS_MODES = ("starttls", "ssl", "none")
_MULTILINE = {"address", "receipt_footer", "repair_terms"}
_PERCENTS = {"rate_standard": "The standard rate", "rate_reduced": "The reduced rate", "rate_zero": "The zero rate",
             "counter_discount_limit": "The counter's discount limit"}


def _cleaned(changes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if value is None:
            continue
        if key in _TEXTS:
            out[key] = clean_text(str(value), key.replace("_", " "), multiline=key in _MULTILINE,
                                  limit=_TEXTS[key]) or ""
            if key in ("email", "smtp_sender") and out[key] and "@" not in out[key]:
                raise DomainError(f"'{out[key]}' is not an e-mail address.", code="bad_email")
            if key == "smtp_host" and any(c.isspace() or c in "/@" for c in out[key]):
                raise DomainError(f"'{out[key]}' is not a server name (e.g. smtp.example.com).", code="bad_smtp")
        elif key == "smtp_port":
            out[key] = _port(value)
        elif key == "smtp_tls":
            mode = str(value).strip().lower()
            if mode not in SMTP_TLS_MODES:
                raise DomainError(f"'{value}' is not a way to secure the mail connection: use starttls, ssl or "
                                  "none.", code="bad_smtp")
            out[key] = mode
        elif key in _PERCENTS:
            out[key] = parse_percent(value, _PERCENTS[key])
        elif key == "currency":
            out[key] = _currency(str(value))
        elif key == "language":
            out[key] = _language(str(value))
        elif key == "prices_include_tax":
            out[key] = bool(value)
        elif key == "logo":
            logo = bytes(value)
            out["logo"], out["logo_type"] = (logo, check_logo(logo)) if logo else (None, "")
        else:
            raise DomainError(f"The shop profile has no field '{key}'.", code="bad_field")
    return out


class ShopService(Service):
    def profile(self) -> ShopProfileView:
        """The shop's profile (empty fields until a manager sets them)."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            return read_profile(uow.session)

    def update_profile(self, **changes: Any) -> ShopProfileView:
        """Change the given fields (None: leave as is; ``logo=b""`` removes the logo). Manager only.
        DomainError for a bad e-mail, currency, language, percentage or logo — nothing is saved then."""
        if self.actor.role is not Role.MANAGER:
            raise PermissionDenied(f"{self.actor.name} is signed in as {self.actor.role.value} and may not change "
                                   "the shop's profile (needs manager).", action="change the shop profile")
        values = _cleaned(changes)
        if not values:
            raise DomainError("Nothing to change: give at least one field (e.g. --name).", code="nothing_to_change")
        with self.uows() as uow:
            s = uow.session
            row = s.get(ShopProfile, SHOP_PROFILE_ID, with_for_update=True)
            if row is None:  # made by migration 0011; only a hand-edited database lacks it
                raise DomainError("The shop profile is missing from this database: run `serialdesk init`.",
                                  code="no_shop_profile")
            before = profile_view(row)
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_by, row.updated_at = self.actor.name, self.clock()
            s.flush()
            after = profile_view(row)
            changed = sorted(k for k in values if k != "logo_type" and getattr(before, k) != getattr(after, k))
            self.record(s, kind="shop_profile_changed", data={"fields": changed})
            uow.commit()
            return replace(after)

    def set_product_tax_rate(self, sku: str, rate: str) -> str:
        """Which tax rate (standard, reduced, zero) a product is sold at; returns the rate set. Those who may
        change products may; NotFound for an unknown SKU."""
        self.actor.require(Action.EDIT_CATALOGUE)
        rate = parse_tax_rate(rate)
        with self.uows() as uow:
            product = product_by_code(uow.session, sku)
            before, product.tax_rate = product.tax_rate, rate
            self.record(uow.session, kind="product_tax_rate_set", product_id=product.id,
                        data={"sku": product.sku, "from": before, "to": rate})
            uow.commit()
            return rate
