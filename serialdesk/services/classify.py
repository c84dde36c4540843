"""The one scan classifier (issue 13): what a scanned or typed text means, for every pane and every command.

The rules are domain.scan's (GS1 raw/HRI/with symbology identifiers, GTIN/EAN/UPC, plain serials); this module
gives them the shop's catalogue and the product's own serial checks, and adds ``SKU:SERIAL``. Everything that
takes a serial — receiving (pane, ``receive``, drafts), ``sell``, ``return``, ``lookup``, ``ticket``,
``labels``, ``parse-scan`` — comes through here, so one text has one meaning everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from serialdesk.db.models import Item, Product
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.scan import ProductRef, ScanKind, ScanResult, classify_scan, parse_gs1, split_symbology
from serialdesk.domain.scan_checks import unknown_product_barcode
from serialdesk.domain.serial_rules import normalise_serial
from serialdesk.services.patterns import scanned_serial


def product_ref(p: Product) -> ProductRef:
    return ProductRef(p.sku, p.name, p.gtin, p.serial_regex, p.serial_case, p.serial_pattern)


class DbCatalogue:
    """domain.scan's Catalogue over the products table, one query per look-up (single scans)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._rows: dict[str, Product] = {}

    def _keep(self, product: Product | None) -> ProductRef | None:
        if product is None:
            return None
        self._rows[product.sku] = product
        return product_ref(product)

    def by_gtin(self, gtin: str) -> ProductRef | None:
        return self._keep(self.session.scalar(select(Product).where(Product.gtin == gtin)))

    def by_code(self, text: str) -> ProductRef | None:
        return self._keep(self.session.scalar(select(Product).where(Product.sku == text.strip().upper())))

    def known(self, sku: str) -> Product | None:
        """The product of this SKU if a question already read it (no statement)."""
        return self._rows.get(sku)

    def row(self, ref: ProductRef) -> Product | None:
        return self._rows.get(ref.sku) or self.session.scalar(select(Product).where(Product.sku == ref.sku))


class PrimedCatalogue(DbCatalogue):
    """A catalogue some of whose answers were read already, riding along another statement (the passport's):
    ``known`` maps SKUs (upper case) to their product or None; any other question goes to the database."""

    def __init__(self, session: Session, known: dict[str, Product | None]) -> None:
        super().__init__(session)
        self._known = known

    def by_code(self, text: str) -> ProductRef | None:
        code = text.strip().upper()
        return self._keep(self._known[code]) if code in self._known else super().by_code(text)

    def read_ahead(self, texts: Iterable[str]) -> None:
        """Learn in one statement which of the codes these scans may ask about are SKUs: each whole text (a
        product scanned instead of a unit?) and the part before a colon (``SKU:SERIAL``)."""
        codes: set[str] = set()
        for text in texts:
            head = text.split(":", 1)[0].strip().upper() if ":" in text else None
            if head is None or self._known.get(head) is None:  # SKU:SERIAL of a known product asks nothing more
                codes |= {text.strip().upper(), head or ""}
        codes = {c for c in codes if c and c not in self._known}
        if codes:
            found = {p.sku: p for p in self.session.scalars(select(Product).where(Product.sku.in_(sorted(codes))))}
            self._known.update({c: found.get(c) for c in codes})


class LoadedCatalogue(DbCatalogue):
    """The same catalogue loaded once, for lists (a 10,000-line paste classifies without 10,000 queries)."""

    def __init__(self, session: Session, products: Iterable[Product] | None = None) -> None:
        super().__init__(session)
        rows = list(products if products is not None else session.scalars(select(Product)))
        self._rows = {p.sku: p for p in rows}
        self._by_gtin = {p.gtin: p for p in rows if p.gtin}
        self._refs = {p.sku: product_ref(p) for p in rows}

    def by_gtin(self, gtin: str) -> ProductRef | None:
        found = self._by_gtin.get(gtin)
        return self._refs[found.sku] if found else None

    def by_code(self, text: str) -> ProductRef | None:
        return self._refs.get(text.strip().upper())


def classify(session: Session, text: str, current_sku: str | None = None,
             catalogue: DbCatalogue | None = None) -> ScanResult:
    """What ``text`` is, with ``current_sku`` the product being scanned (for a bare serial).

    Raises DomainError in the clerk's words: an unreadable GS1 string, a bad check digit, a serial against its
    product's rules, a serial before any product; NotFound (code ``unknown_product_barcode``, ``gtin`` in
    details) for a valid GTIN/EAN/UPC that no product has — never taken as a serial.
    """
    catalogue = catalogue or DbCatalogue(session)
    current = catalogue.by_code(current_sku) if current_sku else None
    if current_sku and current is None:
        raise NotFound(f"There is no product with code '{current_sku}'.", code="unknown_product")

    def check(ref: ProductRef, serial: str) -> None:
        # The format and case were applied by the domain already; what is left is a generated serial's check.
        row = catalogue.row(ref)
        if row is not None and row.serial_source == "generated" and row.serial_pattern:
            scanned_serial(row, serial)

    named = _sku_serial(text, catalogue)
    if named is not None:
        ref, tail = named
        serial = normalise_serial(tail, ref.serial_case, ref.serial_regex, ref.sku)
        check(ref, serial)
        return ScanResult(ScanKind.SERIAL, text.strip(), ref, serial)
    return classify_scan(text, catalogue, current, check)


def describe(session: Session, text: str, current_sku: str | None = None) -> ScanResult:
    """``parse-scan``: what the text *is*, even when the shop does not know it — an unknown product barcode is
    an answer (kind ``product`` without a SKU, the GTIN and a note), not a refusal."""
    try:
        return classify(session, text, current_sku)
    except NotFound as exc:
        if exc.code != "unknown_product_barcode":
            raise
        symbology_id, body = split_symbology(text)
        return ScanResult(ScanKind.PRODUCT, body, None, gtin=str(exc.details["gtin"]), symbology_id=symbology_id,
                          note=exc.message)


def known_product(result: ScanResult) -> ProductRef:
    """The product a GS1 or product scan names; NotFound naming the GTIN when the catalogue lacks it."""
    if result.product is None:
        if result.gtin:
            raise unknown_product_barcode(result.gtin)
        raise DomainError("This scan names no product; scan the product barcode first.", code="no_product")
    return result.product


def unit_ref(session: Session, text: str, sku: str | None = None,
             catalogue: DbCatalogue | None = None) -> tuple[str | None, str]:
    """A unit as commands and panes name it — SERIAL, SKU:SERIAL, or a GS1 label with GTIN and serial — as
    (SKU or None, serial as given or normalised). A product barcode alone is refused (it names no unit); a
    GTIN nobody has is NotFound naming it, unless a unit really carries that number as its serial."""
    catalogue = catalogue or DbCatalogue(session)
    try:
        result = classify(session, text, sku, catalogue)
    except DomainError as exc:
        if exc.code == "no_current_product":
            fields = parse_gs1(text) if _is_gs1(text) else None
            return None, fields.serial if fields and fields.serial else text.strip()
        if exc.code == "unknown_product_barcode" and not sku and _unit_carries(session, text):
            return None, text.strip()
        raise
    if result.kind is ScanKind.PRODUCT:
        assert result.product is not None
        raise DomainError(
            f"'{result.text}' is the barcode of the product {result.product.name} ({result.product.sku}), not of "
            "one unit — scan or type the unit's serial number.",
            code="product_not_unit",
        )
    if result.serial is None:
        raise DomainError("This GS1 label holds no serial number, so it names no unit — scan the serial.",
                          code="gs1_no_serial")
    if result.product is None and result.gtin:
        raise unknown_product_barcode(result.gtin)
    if result.product is None:  # GS1 with a serial and no GTIN, no product given
        return None, result.serial
    return result.product.sku, result.serial


def _sku_serial(text: str, catalogue: DbCatalogue) -> tuple[ProductRef, str] | None:
    """``SKU:SERIAL`` when the part before the colon is a product's SKU (a GS1 value may hold a colon too)."""
    stripped = text.strip(" \t\r\n")
    if ":" not in stripped or stripped.startswith("(") or _is_gs1(stripped):
        return None
    head, tail = stripped.split(":", 1)
    found = catalogue.by_code(head) if head.strip() else None
    return (found, tail.strip()) if found is not None else None


def _is_gs1(text: str) -> bool:
    try:
        parse_gs1(text)
    except DomainError as exc:
        return exc.code != "not_gs1"
    return True


def _unit_carries(session: Session, text: str) -> bool:
    """A unit received before issue 13 may carry a GTIN-shaped serial: it stays findable by it."""
    plain = text.strip()
    return plain.isascii() and plain.isdigit() and session.scalar(
        select(Item.id).where(Item.serial == plain).limit(1)) is not None


def receivable(session: Session, product: Product, raw: str, catalogue: DbCatalogue | None = None) -> ScanResult:
    """One line of a list of units received as ``product``: a serial of it (plain, ``SKU:SERIAL`` or a GS1 label
    with its GTIN). A product barcode, another product's label or a GS1 label without a serial is refused; an
    unknown GTIN is NotFound naming it."""
    result = classify(session, raw, product.sku, catalogue)
    if result.kind is ScanKind.PRODUCT:
        named = result.product
        what = f"{named.name} ({named.sku})" if named else "a product"
        raise DomainError(f"'{result.text}' is the product barcode of {what}, not a serial number.",
                          code="product_not_serial")
    found = known_product(result)
    if found.sku != product.sku:
        raise DomainError(f"This label is for {found.name} ({found.sku}), not {product.sku}.",
                          code="other_product")
    if result.serial is None:
        raise DomainError(f"This GS1 label names the product {found.name} ({found.sku}), not a serial number — "
                          "scan the unit's serial.", code="gs1_no_serial")
    return result
