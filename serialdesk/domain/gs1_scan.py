"""GS1 element strings and Digital Links as scanned: their fields read by biip, checked against misreads.

``domain.scan`` decides that a scan is GS1 (raw, HRI, a Digital Link) and hands its body here. biip is imported
on the first GS1 scan, not when the app starts: it takes ~0.1 s to import and most scans are plain serials.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import quote

from serialdesk.domain.errors import DomainError
from serialdesk.domain.scan_checks import refuse_gs1_spaces
from serialdesk.domain.serial_rules import GS

if TYPE_CHECKING:
    from biip.gs1_element_strings import GS1ElementString

_AI_NAMES = {
    "01": "product number (GTIN)", "10": "lot number", "11": "production date",
    "15": "best-before date", "17": "expiry date", "21": "serial number",
}  # fmt: skip
# Fixed-length fields that check themselves (a check digit, a calendar date): found inside a variable-length
# field they are a strong sign that the separator before them was lost.
_SELF_CHECKING = frozenset({"01", "11", "15", "17"})


def gtin14(gtin: str) -> str:
    """A GTIN-8/12/13/14 as the 14 digits GS1 compares (zero-padded on the left)."""
    return gtin.zfill(14)


@dataclass(frozen=True)
class Gs1Fields:
    """The fields of a GS1 element string; ``elements`` has every (AI, value) in order, the unused ones too."""

    gtin: str | None = None  # GTIN-14
    lot: str | None = None
    serial: str | None = None  # as encoded; ScanResult.serial is the normalised one
    expiry: date | None = None
    elements: tuple[tuple[str, str], ...] = ()


def read_gs1(body: str, form: str) -> Gs1Fields:
    """The fields of ``body``, a GS1 scan in ``form`` ("raw", "hri", "link" or "compressed"), checked against
    misreads; DomainError in the clerk's words if it cannot be read."""
    if form == "compressed":
        raise DomainError(
            f"'{shown(body)}' looks like a compressed GS1 Digital Link; serialdesk cannot read compressed links "
            "yet. Scan the label's other barcode, or type the serial number in.",
            code="digital_link_compressed",
        )
    if form == "link":
        return _parse_digital_link(body)
    refuse_gs1_spaces(body, form)
    from biip import BiipException
    from biip.gs1_messages import GS1Message

    try:
        message = GS1Message.parse_hri(body) if form == "hri" else GS1Message.parse(body.lstrip(GS))
    except (BiipException, ValueError) as exc:
        raise DomainError(
            f"This GS1 barcode could not be read ({exc}). Scan it again; if it keeps failing, type the serial "
            "number in.",
            code="gs1_unreadable",
        ) from None
    elements = list(message.element_strings)
    _check_elements(elements)
    if form == "raw" and GS not in body.lstrip(GS):
        # Only a scan without any GS can have lost one: scanners drop all of them or none.
        _refuse_lost_separator(elements)
    return _fields(elements)


def _parse_digital_link(body: str) -> Gs1Fields:
    """A GS1 Digital Link URI read by biip: path AIs and query-string AIs, percent-decoded."""
    from biip import BiipException
    from biip.gs1_digital_link_uris import GS1DigitalLinkURI

    try:
        link = GS1DigitalLinkURI.parse(body)
    except (BiipException, ValueError) as exc:
        raise DomainError(
            f"This GS1 Digital Link could not be read ({exc}). Scan it again; if it keeps failing, type the serial "
            "number in.",
            code="digital_link_unreadable",
        ) from None
    elements = list(link.element_strings)
    _check_elements(elements)
    return _fields(elements)


def digital_link(gtin: str, serial: str | None = None, lot: str | None = None,
                 base: str = "https://id.gs1.org") -> str:
    """The GS1 Digital Link URI of a unit (or of a product without a serial), under the resolver ``base``."""
    path = f"/01/{gtin14(gtin)}"
    if lot:
        path += f"/10/{quote(lot, safe='')}"
    if serial:
        path += f"/21/{quote(serial, safe='')}"
    return base.rstrip("/") + path


def _check_elements(elements: list[GS1ElementString]) -> None:
    if not elements:
        raise DomainError("This GS1 barcode holds no data — scan it again.", code="gs1_empty")
    seen: dict[str, str] = {}
    for element in elements:
        ai = element.ai.ai
        if element.gtin_error:
            raise DomainError(
                f"The product number (GTIN) {element.value} in this GS1 barcode has a wrong check digit — the "
                "label is misprinted or was misread. Scan it again or type the serial number in.",
                code="bad_gtin_check",
            )
        if seen.setdefault(ai, element.value) != element.value:
            what = _AI_NAMES.get(ai, f"field ({ai})")
            raise DomainError(
                f"This GS1 barcode holds two different values for the {what} ({seen[ai]} and {element.value}).",
                code="gs1_conflict",
            )


def _refuse_lost_separator(elements: list[GS1ElementString]) -> None:
    """A variable-length field runs to the next GS; if the scanner lost the GS (a keyboard layout without
    Ctrl+], a badly set-up wedge), it swallows the fields after it: the lot '10ABC' + serial '21XYZ' read as
    one lot 'ABC21XYZ' and no serial. Refuse the scan rather than receive a wrong lot without a serial."""
    present = {element.ai.ai for element in elements}
    for element in elements:
        if not element.ai.separator_required:
            continue
        swallowed = _swallowed_fields(element.ai.ai, element.value, present)
        if swallowed is not None:
            start, ais = swallowed
            field_name = _AI_NAMES.get(element.ai.ai, f"field ({element.ai.ai})")
            lost = " and ".join(_AI_NAMES[ai] for ai in ais)
            raise DomainError(
                f"The scanner seems to have dropped a field separator: the {field_name} reads "
                f"'{element.value}', which runs into what looks like the {lost} ('{element.value[start:]}'). "
                "Check that the scanner sends the GS separator (Ctrl+]), then scan again — or type the values in.",
                code="gs1_separator_lost",
                field=element.ai.ai,
                value=element.value,
                swallowed=element.value[start:],
            )


def _swallowed_fields(ai: str, value: str, present: set[str]) -> tuple[int, list[str]] | None:
    """Where in ``value`` a run of further fields (that the scan lacks) may begin, and their AIs."""
    for start in range(1, len(value) - 2):
        if value[start : start + 2] not in _AI_NAMES:
            continue
        ais = _known_fields(value[start:])
        if not ais or present & set(ais):
            continue
        # A date or a GTIN checks itself; a lot followed by a bare serial is the classic loss on shop labels.
        if _SELF_CHECKING & set(ais) or (ai == "10" and "21" in ais):
            return start, ais
    return None


def _known_fields(text: str) -> list[str]:
    """The AIs ``text`` reads as if it were a whole element string of the fields we use, else []."""
    from biip import BiipException
    from biip.gs1_messages import GS1Message

    try:
        elements = GS1Message.parse(text).element_strings
    except (BiipException, ValueError):
        return []
    ais = [element.ai.ai for element in elements]
    if any(ai not in _AI_NAMES for ai in ais) or any(element.gtin_error for element in elements):
        return []
    return ais


def _fields(elements: list[GS1ElementString]) -> Gs1Fields:
    values = {element.ai.ai: element.value for element in elements}
    expiry = next((element.date for element in elements if element.ai.ai == "17"), None)
    pairs = tuple((element.ai.ai, element.value) for element in elements)
    return Gs1Fields(values.get("01"), values.get("10"), values.get("21"), expiry, pairs)


def shown(text: str) -> str:
    """Scan text as it can be shown in a message: separators visible, long scans shortened."""
    visible = text.replace(GS, "<GS>")
    visible = "".join(ch if ch.isprintable() else "?" for ch in visible)
    return visible if len(visible) <= 40 else visible[:37] + "…"
