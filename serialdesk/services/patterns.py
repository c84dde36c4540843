"""Serial patterns as the services use them: validation on save, checking scans, and generating serials
from concurrency-safe sequences (the template language itself is domain.serials)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from serialdesk.db.models import Item, Product, SerialSequence
from serialdesk.domain.errors import DomainError
from serialdesk.domain.serial_rules import gs1_serial_problem, normalise_serial
from serialdesk.domain.serials import SerialPattern
from serialdesk.services.common import chunks

MAX_GENERATE = 100_000


def check_pattern(text: str) -> str:
    """Validate a product's serial pattern before it is saved (clear DomainError when unusable)."""
    pattern = SerialPattern.parse(text)
    pattern.example()  # a pattern that cannot make even one serial (e.g. too long) is refused now
    return pattern.text


def scanned_serial(product: Product, raw: str, lot: str | None = None) -> str:
    """A scanned serial as stored: normalised, the product's format, GS1 AI (21) characters when the product
    asks for GS1-safe serials, and for generated serials the pattern's shape and check digit (a mistyped label is
    caught at the counter) and — when the pattern holds the lot and a ``lot`` is given — that very lot."""
    return checked_serial(product, normalise_serial(raw, product.serial_case, product.serial_regex, product.sku), lot)


def checked_serial(product: Product, value: str, lot: str | None = None) -> str:
    """``scanned_serial`` of a serial already normalised by the product's rules (the classifier's answer): the
    GS1-safe and pattern checks without normalising it again."""
    if product.serial_gs1_safe and (problem := gs1_serial_problem(value)):
        raise DomainError(f"{problem}, and {product.sku} takes only GS1-safe serials.", code="serial_not_gs1",
                          serial=value)
    if product.serial_source == "generated" and product.serial_pattern:
        pattern = SerialPattern.parse(product.serial_pattern)
        value = pattern.verify(value)
        if lot and "lot" in pattern.uses:
            _refuse_other_lot(pattern, value, product.sku, lot)
    return value


def _refuse_other_lot(pattern: SerialPattern, serial: str, sku: str, lot: str) -> None:
    """A generated serial names its lot: receiving it under another lot would hide it from that lot's recall."""
    try:
        pattern.read(serial, sku=sku, lot=lot)
        return
    except DomainError as exc:
        if exc.code != "serial_pattern_mismatch":
            return  # e.g. lot and station both unknown: the lot part cannot be told apart, nothing to compare
    try:
        says = pattern.read(serial, sku=sku).lot
    except DomainError:
        says = None
    named = f"lot {says}" if says else "another lot"
    raise DomainError(f"Serial {serial} belongs to {named} (its lot part), but it is being received under lot "
                      f"{lot.strip().upper()}. Receive it under {named}.", code="serial_lot_mismatch",
                      serial=serial, serial_lot=says, lot=lot)


def allocate(session: Session, product_id: int, scope: str, count: int) -> range:
    """Reserve ``count`` consecutive sequence numbers: one atomic UPDATE … RETURNING, so two stations (or
    processes) never get the same number; the row stays locked until the caller's transaction ends."""
    dialect = session.get_bind().dialect.name
    make = pg_insert if dialect == "postgresql" else sqlite_insert if dialect == "sqlite" else None
    row = {"product_id": product_id, "scope": scope, "next_value": 1}
    if make is not None:
        session.execute(make(SerialSequence).values(**row).on_conflict_do_nothing())
    elif session.scalar(select(SerialSequence.id).where(SerialSequence.product_id == product_id,
                                                        SerialSequence.scope == scope)) is None:
        session.execute(insert(SerialSequence).values(**row))
    end = session.scalar(
        update(SerialSequence)
        .where(SerialSequence.product_id == product_id, SerialSequence.scope == scope)
        .values(next_value=SerialSequence.next_value + count)
        .returning(SerialSequence.next_value)
    )
    assert end is not None
    return range(end - count, end)


def generate_serials(session: Session, product: Product, *, count: int, lot: str | None, when: datetime,
                     station: str) -> list[str]:
    """``count`` new serials from the product's pattern. A number whose serial already exists (a supplier
    serial that happens to look the same) is skipped, not an error."""
    if product.serial_source == "supplier" or not product.serial_pattern:
        raise DomainError(f"{product.sku} has no serial pattern: its units carry the supplier's serial.",
                          code="no_pattern")
    if not 1 <= count <= MAX_GENERATE:
        raise DomainError(f"Generate between 1 and {MAX_GENERATE:,} serials at a time.", code="bad_count")
    pattern = SerialPattern.parse(product.serial_pattern)
    scope = (lot or "") if "lot" in pattern.uses else ""
    serials: list[str] = []
    while len(serials) < count:
        numbers = allocate(session, product.id, scope, count - len(serials))
        if numbers[-1] > pattern.max_sequence:
            pattern.render(numbers[-1])  # raises "sequence used up" in the clerk's words
        fresh = [pattern.render(n, lot=lot, sku=product.sku, when=when.date(), station=station) for n in numbers]
        taken: set[str] = set()
        for part in chunks(fresh):
            taken.update(session.scalars(select(Item.serial).where(Item.product_id == product.id,
                                                                   Item.serial.in_(part))))
        serials += [s for s in fresh if s not in taken]
    return serials
