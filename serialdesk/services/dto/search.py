"""What a look-up search found (``LookupService.search``): units, customers with their units, tickets."""

from __future__ import annotations

from dataclasses import dataclass

from serialdesk.services.dto.counter import PartyView


@dataclass(frozen=True)
class FoundUnit:
    sku: str
    product: str
    serial: str
    status: str

    @property
    def ref(self) -> str:
        """What opens its passport (``lookup``): ``SKU:SERIAL``, never ambiguous."""
        return f"{self.sku}:{self.serial}"


@dataclass(frozen=True)
class FoundCustomer:
    customer: PartyView
    units: tuple[FoundUnit, ...]  # bought here or brought to the service desk, newest first
    more_units: bool = False  # they have more than are listed


@dataclass(frozen=True)
class FoundTicket:
    number: str
    status: str
    problem: str
    customer: str | None
    unit: FoundUnit


@dataclass(frozen=True)
class SearchResult:
    """``exact``: units the text names outright (a scan, ``SKU:SERIAL``, a whole serial); ``units``: serials
    beginning with it; ``truncated``: there were more than ``limit`` of a kind, so the clerk should type more."""

    text: str
    exact: tuple[FoundUnit, ...]
    units: tuple[FoundUnit, ...]
    customers: tuple[FoundCustomer, ...]
    tickets: tuple[FoundTicket, ...]
    limit: int
    truncated: bool = False

    @property
    def count(self) -> int:
        return len(self.exact) + len(self.units) + len(self.customers) + len(self.tickets)

    @property
    def only_unit(self) -> FoundUnit | None:
        """The one unit found, when nothing else was: the counter shows its passport straight away."""
        found = self.exact + self.units
        return found[0] if len(found) == 1 and not self.customers and not self.tickets else None
