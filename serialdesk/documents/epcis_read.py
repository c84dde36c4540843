"""Reading a supplier's EPCIS 2.0 document as a shipping notice (issue 16): which serialised units it ships.

The document must pass GS1's EPCIS 2.0 JSON Schema (a copy ships with serialdesk: EPCIS-JSON-Schema.json);
one that does not is refused with the schema's error in one sentence (which field, what is wrong). Of a valid
document only shipping ObjectEvents count: each EPC of their ``epcList`` that is an SGTIN URN (decoded with
epcpy) or a GS1 Digital Link URI (read by the one scan parser, biip) is a unit shipped — GTIN-14, serial and
the lot from the event's ILMD (or the link's AI 10). Everything else (other event types, other business steps,
quantities, EPCs of other kinds) is counted in ``notes``, never an error: the caller decides what applies.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from epcpy.epc_schemes.sgtin import SGTIN
from epcpy.utils.common import replace_uri_escapes
from jsonschema.exceptions import ValidationError, best_match, relevance

from serialdesk.domain.errors import DomainError
from serialdesk.domain.scan import parse_gs1

SCHEMA = Path(__file__).with_name("EPCIS-JSON-Schema.json")
_BIZSTEP_PREFIXES = ("urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-", "https://gs1.org/voc/BizStep-",
                     "cbv:BizStep-", "gs1:BizStep-")
_ANCHORED = re.compile(r"^\^([A-Za-z_]+)\$$")


@dataclass(frozen=True)
class ShippedUnit:
    gtin: str  # GTIN-14
    serial: str  # as the supplier wrote it (decoded, not normalised for a product yet)
    lot: str | None
    event: int  # the event's place in the document, 1-based, for messages
    epc: str


@dataclass(frozen=True)
class EpcisShipment:
    units: tuple[ShippedUnit, ...]
    events: int
    notes: tuple[str, ...]  # what in the document is no shipped unit, grouped and counted


def read_shipment(path: str | Path) -> EpcisShipment:
    """The units a document ships; DomainError (code ``bad_epcis``) in one sentence for a file that is not a
    readable EPCIS 2.0 document."""
    name = Path(path).name
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DomainError(f"There is no file {path}.", code="no_file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DomainError(f"{name} could not be read ({exc}).", code="bad_epcis") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DomainError(f"{name} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); an EPCIS "
                          "document is a JSON-LD file.", code="bad_epcis") from None
    problem = schema_problem(document)
    if problem is not None:
        raise DomainError(f"{name} is not an EPCIS 2.0 document GS1's schema accepts: {problem}.", code="bad_epcis")
    return shipment_of(document)


def schema_problem(document: Any) -> str | None:
    """The schema's first error as a clause (``at epcisBody.eventList[0].action, 'SHIP' is not …``), or None."""
    error = best_match(_validator().iter_errors(document), key=relevance)
    if error is None:
        return None
    return _sentence(error)


def shipment_of(document: Mapping[str, Any]) -> EpcisShipment:
    units: list[ShippedUnit] = []
    notes: Counter[str] = Counter()
    events = 0
    for n, event in enumerate(_events(document), start=1):
        events += 1
        kind = str(event.get("type", "?"))
        step = bizstep(event.get("bizStep"))
        if kind != "ObjectEvent":
            notes[f"{kind} (not a shipment of units)"] += 1
            continue
        if step != "shipping":
            notes[f"ObjectEvent with business step {step or '(none)'} (not shipping)"] += 1
            continue
        if event.get("action") == "DELETE":
            notes["shipping ObjectEvent with action DELETE (units taken off, not shipped)"] += 1
            continue
        if event.get("quantityList"):
            notes["quantityList of a shipping event ignored (quantities name no serials)"] += 1
        lot = _ilmd_lot(event.get("ilmd"))
        for epc in event.get("epcList") or ():
            unit = _unit(str(epc), lot, n)
            if isinstance(unit, str):
                notes[unit] += 1
            else:
                units.append(unit)
    if events == 0:
        notes["the document holds no events"] += 1
    return EpcisShipment(tuple(units), events, tuple(f"{count} × {what}" for what, count in notes.items()))


def bizstep(value: Any) -> str:
    """A CBV business step however it is written (bare, URN, GS1 web vocabulary URI) as its bare word."""
    text = str(value or "")
    for prefix in _BIZSTEP_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def _events(document: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    body = document.get("epcisBody") or {}
    found = body.get("eventList")
    if found is None and isinstance(body.get("event"), Mapping):
        found = [body["event"]]
    if found is None:  # an EPCISQueryDocument
        found = ((body.get("queryResults") or {}).get("resultsBody") or {}).get("eventList") or []
    for event in found:
        if isinstance(event, Mapping):
            yield event


def _ilmd_lot(ilmd: Any) -> str | None:
    if not isinstance(ilmd, Mapping):
        return None
    for key, value in ilmd.items():
        if str(key).rsplit(":", 1)[-1].rsplit("/", 1)[-1].rsplit("-", 1)[-1] == "lotNumber" and value:
            return str(value).strip() or None
    return None


def _unit(epc: str, lot: str | None, event: int) -> ShippedUnit | str:
    """The unit an EPC names, or the note saying why it names none."""
    if epc.startswith("urn:epc:id:sgtin:"):
        try:
            sgtin = SGTIN(epc)
        except Exception:  # epcpy raises several kinds for a malformed URN
            return "SGTIN that could not be decoded"
        return ShippedUnit(sgtin.gtin(), replace_uri_escapes(epc.rsplit(".", 1)[-1]), lot, event, epc)
    if epc.startswith(("http://", "https://")):
        try:
            fields = parse_gs1(epc)
        except DomainError:
            return "web URI that is no readable GS1 Digital Link"
        if not fields.gtin:
            return "Digital Link without a GTIN (not a product)"
        if not fields.serial:
            return "Digital Link without a serial (a product class, not a unit)"
        return ShippedUnit(fields.gtin, fields.serial, fields.lot or lot, event, epc)
    scheme = epc.split(":")[3] if epc.startswith("urn:epc:") and epc.count(":") >= 4 else ""
    return f"EPC of kind {scheme} (not a serialised product)" if scheme else "EPC that is no SGTIN or Digital Link"


@cache
def _validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def _sentence(error: ValidationError) -> str:
    leaf = error
    while leaf.context:
        leaf = best_match(leaf.context, key=relevance) or leaf
        if not leaf.context:
            break
    where = _where(leaf)
    siblings = [e for e in (error.context or []) if list(e.absolute_path) == list(leaf.absolute_path)]
    allowed = [m.group(1) for e in siblings if e.validator == "pattern" and isinstance(e.validator_value, str)
               if (m := _ANCHORED.match(e.validator_value))]
    if len(allowed) > 1:
        return f"{where}{_shown(leaf.instance)} is not one of {', '.join(sorted(set(allowed)))}"
    message = "this field is not allowed here" if leaf.validator == "not" else leaf.message
    if leaf.validator == "pattern" and "urn:epcglobal:cbv" in str(leaf.validator_value):
        message = (f"{_shown(leaf.instance)} is written as an EPCIS 1.x URN; EPCIS 2.0 writes CBV values as "
                   "bare words (e.g. shipping, in_transit)")
    if len(message) > 160:
        message = message[:157] + "…"
    return f"{where}{message}"


def _where(error: ValidationError) -> str:
    path = error.json_path.removeprefix("$").lstrip(".")
    return f"at {path}, " if path else ""


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"
