"""A service-desk session (issue 13): the unit scanned (its passport), the ticket chosen, and the ticket's work —
open a ticket, take in a unit we never sold, log work, swap a part, wait for parts, done, close — what the service
pane shows, without Qt.

As in workflows.receiving, each action comes in two halves: ``*_call`` returns a function that only talks to the
services (one service call, one transaction), ``*_done`` applies its result on the caller's thread. A ticket
that changed shows its unit again (the passport has a new event): ``ticket_done`` chooses it and the pane (or
``reload``) reads the passport. ``scan(text)``, ``log_work(…)`` and friends do it all, for the CLI and tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.products import parse_record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.scan import ScanKind, ScanResult, split_symbology
from serialdesk.services.bundle import Services
from serialdesk.services.dto import ItemPassport, TicketView

CLOSED, WAITING, DONE, OPEN = "closed", "waiting_parts", "done", "open"
TAKE_IN_HINT = " Not one of ours? Unit not sold by us… (Ctrl+U) takes it in."


@dataclass(frozen=True)
class DeskOutcome:
    """A scan at the desk as the clerk sees it: good (the unit's passport shown) · bad (refused, the reason)."""

    tone: str
    text: str
    message: str
    passport: ItemPassport | None = None


@dataclass
class ServiceDeskSession:
    services: Services
    passport: ItemPassport | None = None
    ticket_id: int | None = None  # the ticket chosen among the unit's
    unknown: str = ""  # the last scan that is not one of our units: offered to "Unit not sold by us…"

    @property
    def may_service(self) -> bool:
        return self.services.actor.may(Action.SERVICE)

    # --- the unit --------------------------------------------------------------------------------------------

    def scan_call(self, text: str) -> Callable[[], ItemPassport]:
        lookup, desk, ref = self.services.lookup, self.services.service_desk, text.strip()
        number = scanned_ticket(ref)
        if number is None:
            return lambda: lookup.passport(ref)

        def by_ticket() -> ItemPassport:  # the barcode on a job sheet (issue 18): the ticket's unit
            try:
                ticket = desk.ticket(number)
            except NotFound:  # a unit whose serial only looks like a ticket number
                return lookup.passport(ref)
            return lookup.passport(f"{ticket.sku}:{ticket.serial}")

        return by_ticket

    def scan_done(self, text: str, result: ItemPassport | DomainError) -> DeskOutcome:
        if isinstance(result, DomainError):
            self.unknown, self.passport, self.ticket_id = text.strip(), None, None
            return DeskOutcome("bad", text, result.message + (TAKE_IN_HINT if self.may_service else ""))
        self.unknown = ""
        self.show(result, keep_ticket=scanned_ticket(text.strip()))
        return DeskOutcome("good", text, self.summary(), result)

    def scan(self, text: str) -> DeskOutcome:
        try:
            result: ItemPassport | DomainError = self.scan_call(text)()
        except DomainError as exc:
            result = exc
        return self.scan_done(text, result)

    def show(self, p: ItemPassport, keep_ticket: int | None = None) -> ItemPassport:
        """The unit's passport; the ticket chosen is ``keep_ticket`` if it is the unit's, else its latest open one."""
        self.passport = p
        ids = {t.id for t in p.tickets}
        open_ones = self.open_tickets()
        self.ticket_id = keep_ticket if keep_ticket in ids else (open_ones[-1].id if open_ones else None)
        return p

    def summary(self) -> str:
        p = self.passport
        if p is None:
            return "No unit scanned."
        owner = (f"{p.customer.name} ({p.customer.number})" + (f" · {p.customer.phone}" if p.customer.phone else "")
                 if p.customer else "not sold" if p.sold_by_us else "Not sold by us")
        count = len(self.open_tickets())
        return f"{p.product} · {p.serial} — {owner}" + (
            f" · {count} open ticket" if count == 1 else f" · {count} open tickets" if count else "")

    # --- tickets ---------------------------------------------------------------------------------------------

    def tickets(self) -> tuple[TicketView, ...]:
        """The unit's tickets, the latest first."""
        return tuple(reversed(self.passport.tickets)) if self.passport else ()

    def open_tickets(self) -> list[TicketView]:
        return [t for t in self.passport.tickets if t.status != CLOSED] if self.passport else []

    def choose(self, ticket_id: int | None) -> TicketView | None:
        self.ticket_id = ticket_id if any(t.id == ticket_id for t in self.tickets()) else None
        return self.ticket

    @property
    def ticket(self) -> TicketView | None:
        return next((t for t in self.tickets() if t.id == self.ticket_id), None)

    @property
    def may_open(self) -> bool:
        """A ticket can be opened on the unit shown unless it is in service already."""
        return self.may_service and self.passport is not None and self.passport.status != "in_service"

    @property
    def may_work(self) -> bool:
        """The chosen ticket takes work (log, swap, status, close)."""
        return self.may_service and self.ticket is not None and self.ticket.status != CLOSED

    def _working(self) -> TicketView:
        ticket = self.ticket
        if not self.may_service:
            self.services.actor.require(Action.SERVICE)
        if ticket is None:
            raise DomainError("Choose the ticket first: scan the unit, then pick its ticket.", code="no_ticket")
        if ticket.status == CLOSED:
            raise DomainError(f"Ticket {ticket.number} is closed; open a new ticket for new work.",
                              code="ticket_closed")
        return ticket

    def open_ticket_call(self, problem: str) -> Callable[[], TicketView]:
        p = self.passport
        if p is None:
            raise DomainError("Scan the unit first, then open its ticket.", code="no_unit")
        desk, ref = self.services.service_desk, f"{p.sku}:{p.serial}"
        return lambda: desk.open_ticket(ref, problem)

    def take_in_call(self, serial: str, problem: str, customer: str, sku: str) -> Callable[[], TicketView]:
        """A unit we never sold: registered as the customer's and its ticket opened, in one call."""
        if not customer.strip():
            raise DomainError("Choose the owner: find them by name, phone or e-mail, or add them with New….",
                              code="no_customer")
        if sku.strip() in ("", "None"):
            raise DomainError("Choose the product the unit is.", code="no_product")
        desk = self.services.service_desk
        return lambda: desk.open_ticket(serial, problem, customer=customer, sku=sku)

    def log_work_call(self, text: str, minutes: int) -> Callable[[], TicketView]:
        desk, ticket = self.services.service_desk, self._working()
        return lambda: desk.log_work(ticket.id, text, minutes)

    def swap_call(self, out: str, into: str) -> Callable[[], TicketView]:
        desk, ticket = self.services.service_desk, self._working()
        return lambda: desk.swap_part(ticket.id, out=out, into=into)

    def status_call(self, status: str) -> Callable[[], TicketView] | None:
        """open ↔ waiting for parts → done; None when the ticket is in that state already."""
        desk, ticket = self.services.service_desk, self._working()
        if ticket.status == status:
            return None
        return lambda: desk.set_status(ticket.id, status)

    def toggle_waiting_call(self) -> Callable[[], TicketView] | None:
        ticket = self._working()
        return self.status_call(OPEN if ticket.status == WAITING else WAITING)

    def close_call(self, resolution: str) -> Callable[[], TicketView]:
        desk, ticket = self.services.service_desk, self._working()
        return lambda: desk.close_ticket(ticket.id, resolution)

    def ticket_done(self, ticket: TicketView) -> Callable[[], ItemPassport]:
        """A ticket changed: it is the one chosen; returns the read that shows its unit again."""
        self.ticket_id, lookup, ref = ticket.id, self.services.lookup, f"{ticket.sku}:{ticket.serial}"
        return lambda: lookup.passport(ref)

    def reload_done(self, p: ItemPassport) -> ItemPassport:
        return self.show(p, keep_ticket=self.ticket_id)

    def apply(self, call: Callable[[], TicketView] | None) -> TicketView | None:
        """Run a ticket action and show its unit again (the CLI's and the tests' way)."""
        if call is None:
            return self.ticket
        ticket = call()
        self.reload_done(self.ticket_done(ticket)())
        return self.ticket

    def take_in(self, serial: str, problem: str, customer: str, sku: str) -> TicketView | None:
        return self.apply(self.take_in_call(serial, problem, customer, sku))

    def open_ticket(self, problem: str) -> TicketView | None:
        return self.apply(self.open_ticket_call(problem))

    def log_work(self, text: str, minutes: int = 0) -> TicketView | None:
        return self.apply(self.log_work_call(text, minutes))

    def swap(self, out: str, into: str) -> TicketView | None:
        return self.apply(self.swap_call(out, into))

    def set_status(self, status: str) -> TicketView | None:
        return self.apply(self.status_call(status))

    def close(self, resolution: str) -> TicketView | None:
        return self.apply(self.close_call(resolution))

    # --- a part scanned into the swap form -------------------------------------------------------------------

    def part_scan_call(self, text: str) -> Callable[[], ScanResult | None]:
        """What a scan into the swap form names, through the one classifier; None for a bare serial (the swap
        finds its product)."""
        scans, raw = self.services.scans, text.strip()

        def classify() -> ScanResult | None:
            try:
                return scans.classify(raw)
            except DomainError as exc:
                if exc.code == "no_current_product":
                    return None
                raise

        return classify

    @staticmethod
    def part_ref(text: str, result: ScanResult | None) -> str:
        """The part as the swap takes it: ``SKU:SERIAL`` when the scan names its product, else the serial;
        DomainError for a scan that names no unit (a product barcode, a GS1 label without a serial)."""
        if result is None:
            return text.strip()
        if result.product is None and result.gtin:  # a barcode the shop does not know: never a serial
            raise DomainError(result.note or f"Unknown product barcode {result.gtin}.", code="unknown_product_barcode")
        if result.kind is ScanKind.PRODUCT:
            what = f"{result.product.name} ({result.product.sku})" if result.product else "a product"
            raise DomainError(f"'{result.text}' is the product barcode of {what}, not a part's serial — scan the "
                              "serial on the part.", code="product_not_unit")
        if result.serial is None:
            raise DomainError("This label holds no serial number — scan the serial on the part.",
                              code="gs1_no_serial")
        return f"{result.product.sku}:{result.serial}" if result.product else result.serial

    def part(self, text: str) -> str:
        return self.part_ref(text, self.part_scan_call(text)())


def scanned_ticket(text: str) -> int | None:
    """The ticket a job sheet's barcode names ('T-0007', with or without a symbology identifier), else None."""
    try:
        body = split_symbology(text)[1]
    except DomainError:
        return None
    return parse_record_number("ticket", body) if body[:2].upper() == "T-" else None
