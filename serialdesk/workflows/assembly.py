"""An assembly at the bench (issue 14): the product being built, the new unit's serial (scanned or to be
generated), the parts scanned so far (the undo stack) and the slots they fill — what the Assembly pane shows,
without Qt.

As in the receiving workflow, each action comes in two halves: ``*_call`` returns a function that only talks to
the services (one service call; a scan only reads and checks, the build is one transaction), ``*_done`` applies
its result on the caller's thread. ``scan(text)`` and ``build()`` do both, for tests and scripts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import listing
from serialdesk.services.bundle import Services
from serialdesk.services.dto import AssemblyScan, AssemblyView, SlotFill, UnitRef


@dataclass(frozen=True)
class PartLine:
    """A part scanned for this build: the unit, its lot and supplier, the slot it fills."""

    unit: UnitRef
    lot: str | None
    supplier: str | None
    slot: str


@dataclass(frozen=True)
class BenchOutcome:
    """One scan or action as the person at the bench sees it. ``tone``: good · info · bad (refused, why)."""

    tone: str
    text: str
    message: str


@dataclass
class AssemblySession:
    services: Services
    sku: str | None = None
    product: str = ""
    declared: tuple[SlotFill, ...] = ()  # the product's slots (``filled`` 0)
    host: str | None = None  # the new unit's serial as scanned; None with ``generate`` or not scanned yet
    generate: bool = False
    lot: str | None = None
    parts: list[PartLine] = field(default_factory=list)  # the undo stack, oldest first
    last_build: AssemblyView | None = None

    # --- what the bench shows ------------------------------------------------------------------------------

    @property
    def slots(self) -> tuple[SlotFill, ...]:
        skus = [p.unit.sku for p in self.parts]
        return tuple(SlotFill(f.sku, f.product, f.count, skus.count(f.sku)) for f in self.declared)

    @property
    def missing(self) -> list[str]:
        return [f"{f.count - f.filled} × {f.product} ({f.sku})" for f in self.slots if f.filled < f.count]

    @property
    def ready(self) -> bool:
        return self.sku is not None and bool(self.parts) and (self.generate or self.host is not None)

    def summary(self) -> str:
        if self.sku is None:
            return "Scan the barcode of the product to build (or choose it), then its serial and its parts."
        serial = "serial generated when built" if self.generate else (self.host or "serial not scanned yet")
        missing = self.missing
        still = f"still missing {listing(missing)}" if missing else "every slot filled"
        return f"{self.product} ({self.sku}) · {serial} · {len(self.parts)} part(s) scanned, {still}."

    # --- choosing the product and the serial ---------------------------------------------------------------

    def choose_call(self, sku: str) -> Callable[[], AssemblyScan]:
        assembly = self.services.assembly
        return lambda: assembly.read_scan(None, sku)

    def set_generate(self, on: bool) -> BenchOutcome:
        self.generate = on
        if on and self.host is not None:
            gone, self.host = self.host, None
            return BenchOutcome("info", "", f"The serial will be generated when the unit is built ({gone} dropped).")
        return BenchOutcome("info", "", "The serial will be generated when the unit is built." if on
                            else "Scan the new unit's serial.")

    # --- scanning ------------------------------------------------------------------------------------------

    def scan_call(self, text: str) -> Callable[[], AssemblyScan]:
        """The one service call of a scan: what it is, checked against the parts already scanned (reads only)."""
        assembly, sku, host, generate = self.services.assembly, self.sku, self.host, self.generate
        parts, lot = [p.unit.label for p in self.parts], self.lot
        return lambda: assembly.read_scan(sku, text, host=host, generate=generate, parts=parts, lot=lot)

    def scan_done(self, text: str, result: AssemblyScan | DomainError) -> BenchOutcome:
        if isinstance(result, DomainError):
            return BenchOutcome("bad", text, result.message)
        if result.kind == "product" and result.sku == self.sku:
            return BenchOutcome("info", text, f"Still building {result.product} ({result.sku}); "
                                              f"{self.summary()}")
        if result.kind == "product":
            dropped = len(self.parts) + (1 if self.host else 0)
            self.sku, self.product, self.declared = result.sku, result.product, result.slots
            self.host, self.parts = None, []
            gone = " (the scans before were for another build and were dropped)" if dropped else ""
            takes = listing([f"{f.count} × {f.product} ({f.sku})" for f in result.slots])
            return BenchOutcome("info", text, f"Building {result.product} ({result.sku}): it takes {takes}{gone}. "
                                              f"Scan its serial (or generate one), then its parts.")
        if result.kind == "host":
            self.host = result.serial
            return BenchOutcome("good", text, f"✓ {result.serial} is the new {result.product}'s serial. "
                                              f"Now scan its parts.")
        assert result.part is not None and result.slot is not None
        self.parts.append(PartLine(result.part, result.lot, result.supplier, result.slot))
        missing = self.missing
        rest = f" Still missing: {listing(missing)}." if missing else " Every slot is filled: build it (Ctrl+Enter)."
        return BenchOutcome("good", text, f"✓ {result.part.label} fills the slot {result.slot}.{rest}")

    def scan(self, text: str) -> BenchOutcome:
        try:
            result: AssemblyScan | DomainError = self.scan_call(text)()
        except DomainError as exc:
            result = exc
        return self.scan_done(text, result)

    def undo(self) -> BenchOutcome:
        """Take back the last scan: the last part, else the serial."""
        if self.parts:
            line = self.parts.pop()
            return BenchOutcome("info", line.unit.label, f"{line.unit.label} taken off this build; "
                                                         f"{len(self.parts)} part(s) left.")
        if self.host is not None:
            serial, self.host = self.host, None
            return BenchOutcome("info", serial, f"Serial {serial} taken back: scan the new unit's serial again.")
        raise DomainError("Nothing to undo: nothing has been scanned for this build yet.", code="nothing_to_undo")

    # --- building ------------------------------------------------------------------------------------------

    def build_call(self, labour: object = None, note: str | None = None) -> Callable[[], AssemblyView]:
        """The build: one service call, one transaction (the service checks everything again)."""
        if self.sku is None:
            raise DomainError("Choose the product to build first.", code="no_current_product")
        if not self.parts:
            raise DomainError("Scan at least one part to build the unit from.", code="no_parts")
        if not self.generate and self.host is None:
            raise DomainError("Scan the new unit's serial, or have it generated from its pattern.",
                              code="host_serial_required")
        assembly, sku, host, generate = self.services.assembly, self.sku, self.host, self.generate
        parts, lot = [p.unit.label for p in self.parts], self.lot
        return lambda: assembly.assemble(sku, host, parts=parts, generate=generate, lot=lot, labour=labour,
                                         note=note)

    def build_done(self, view: AssemblyView) -> BenchOutcome:
        self.last_build, self.host, self.parts = view, None, []
        note = f" {view.note}" if view.note else ""
        return BenchOutcome("good", view.host.serial,
                            f"✓ Built {view.host.label} from {listing([p.label for p in view.parts])} "
                            f"({view.build.number}); it is in stock.{note} Scan the next one's serial.")

    def build(self, labour: object = None, note: str | None = None) -> BenchOutcome:
        return self.build_done(self.build_call(labour, note)())

    def clear(self) -> None:
        """Start this build again (the product stays chosen)."""
        self.host, self.parts = None, []
