"""Forty-seven scan texts and what each means (issue 13): the same meaning through ``parse-scan``, CLI ``receive`` and
the receiving pane. Each row: (text, current SKU, meaning), where meaning is
``("serial", SKU, SERIAL, LOT)`` · ``("product", SKU)`` · ``("unknown", GTIN-14)`` · ``("refused", fragment)``.
Accepted serials are unique across the table, so one shop can take them all."""

from __future__ import annotations

from typing import Any

GS = "\x1d"
BAT = "09506000134352"  # BAT-GS's GTIN-14; its EAN-13 is 9506000134352
PRODUCTS: list[dict[str, Any]] = [
    {"sku": "BAT-GS", "name": "Battery pack", "gtin": BAT},
    {"sku": "DRL-18V", "name": "Cordless drill", "regex": r"[A-Z0-9-]{3,20}"},
    {"sku": "SAW-7", "name": "Circular saw", "gtin": "5901234123457"},
    {"sku": "SODA-1", "name": "Soda crate", "gtin": "036000291452"},
    {"sku": "BIKE", "name": "City bike", "pattern": "B{SEQ:4}{CHK:luhn}"},
    {"sku": "TAG-RF", "name": "RFID tag", "case": "preserve"},
]
SPACE = ("refused", "space inside a value")
WRONG_CHECK = ("refused", "wrong check digit")

SCANS: list[tuple[str, str, tuple[str, ...]]] = [
    # GS1 element strings: raw, with symbology identifiers, FNC1 as a leading GS, HRI
    (f"01{BAT}21BP0001", "BAT-GS", ("serial", "BAT-GS", "BP0001", "")),
    (f"]C101{BAT}10L1{GS}21BP0002", "BAT-GS", ("serial", "BAT-GS", "BP0002", "L1")),
    (f"]d201{BAT}21BP0003{GS}10L1", "BAT-GS", ("serial", "BAT-GS", "BP0003", "L1")),
    (f"]Q301{BAT}21BP0004", "BAT-GS", ("serial", "BAT-GS", "BP0004", "")),
    (f"{GS}01{BAT}21BP0005", "BAT-GS", ("serial", "BAT-GS", "BP0005", "")),
    (f"(01){BAT}(21)BP0006", "BAT-GS", ("serial", "BAT-GS", "BP0006", "")),
    (f"(01){BAT}(10)L1(21)BP0007", "BAT-GS", ("serial", "BAT-GS", "BP0007", "L1")),
    (f"(01) {BAT} (21) BP0008", "BAT-GS", ("serial", "BAT-GS", "BP0008", "")),
    (f"(01){BAT}(17)271231(21)BP0009", "BAT-GS", ("serial", "BAT-GS", "BP0009", "")),
    (f"(01){BAT}(21)bp0010", "BAT-GS", ("serial", "BAT-GS", "BP0010", "")),
    ("]C121BP0011", "BAT-GS", ("serial", "BAT-GS", "BP0011", "")),
    (f"  01{BAT}21BP0012\r\n", "BAT-GS", ("serial", "BAT-GS", "BP0012", "")),
    (f"(01){BAT}(21)BP 0013", "BAT-GS", SPACE),
    (f"01{BAT}21BP 0014", "BAT-GS", SPACE),
    ("(01)09506000134353(21)BP0015", "BAT-GS", WRONG_CHECK),
    (f"]C101{BAT}10ABC12321BP0016", "BAT-GS", ("refused", "dropped a field separator")),
    ("(01)04006381333931(21)X0001", "BAT-GS", ("unknown", "04006381333931")),
    ("]C10104006381333931" + "21X0002", "DRL-18V", ("unknown", "04006381333931")),
    (f"(01){BAT}(10)L7", "BAT-GS", ("product", "BAT-GS")),
    # GTIN / EAN / UPC, known and unknown, with and without identifiers
    (BAT, "BAT-GS", ("product", "BAT-GS")),
    ("9506000134352", "BAT-GS", ("product", "BAT-GS")),
    ("]E09506000134352", "BAT-GS", ("product", "BAT-GS")),
    ("5901234123457", "DRL-18V", ("product", "SAW-7")),
    ("036000291452", "DRL-18V", ("product", "SODA-1")),
    ("4006381333931", "DRL-18V", ("unknown", "04006381333931")),  # the EAN-13 that became a drill's serial
    ("]E04006381333931", "DRL-18V", ("unknown", "04006381333931")),
    ("96385074", "DRL-18V", ("unknown", "00000096385074")),  # an EAN-8 nobody has
    ("4006381333932", "DRL-18V", ("serial", "DRL-18V", "4006381333932", "")),  # no GTIN: its check digit is off
    ("]E04006381333932", "DRL-18V", WRONG_CHECK),
    # SKU:SERIAL
    ("DRL-18V:SN-1001", "DRL-18V", ("serial", "DRL-18V", "SN-1001", "")),
    ("drl-18v:sn-1002", "DRL-18V", ("serial", "DRL-18V", "SN-1002", "")),
    ("DRL-18V:4006381333931", "DRL-18V", ("serial", "DRL-18V", "4006381333931", "")),  # said outright
    ("BIKE:B00018", "BIKE", ("refused", "fails its check digit")),
    ("DRL-18V", "BIKE", ("product", "DRL-18V")),
    # GS1 Digital Link URIs (issue 16): any resolver host, a path prefix, percent-encoding, query-string AIs
    (f"https://id.gs1.org/01/{BAT}/10/ABC1/21/SN%2F001", "BAT-GS", ("serial", "BAT-GS", "SN/001", "ABC1")),
    (f"https://shop.example/dl/01/{BAT}/21/DL0002?17=271231&10=L9", "BAT-GS", ("serial", "BAT-GS", "DL0002", "L9")),
    (f"]Q1HTTPS://ID.GS1.ORG/01/{BAT}/21/DL0003", "BAT-GS", ("serial", "BAT-GS", "DL0003", "")),
    (f"https://id.gs1.org/01/{BAT}", "BAT-GS", ("product", "BAT-GS")),
    ("https://id.gs1.org/01/04006381333931/21/DL0004", "BAT-GS", ("unknown", "04006381333931")),
    ("https://id.gs1.org/01/09506000134353/21/DL0005", "BAT-GS", WRONG_CHECK),
    ("https://id.gs1.org/AQnYUc1gmiN0qsYkJgAJhD", "BAT-GS", ("refused", "compressed")),
    # plain serials checked against the product's rules
    ("sn-1003", "DRL-18V", ("serial", "DRL-18V", "SN-1003", "")),
    ("  SN-1004\r\n", "DRL-18V", ("serial", "DRL-18V", "SN-1004", "")),
    ("SN 1005", "DRL-18V", ("refused", "cannot have: space")),
    ("AB", "DRL-18V", ("refused", "does not look like a serial number")),
    ("B00023", "BIKE", ("serial", "BIKE", "B00023", "")),
    ("aB-9x", "TAG-RF", ("serial", "TAG-RF", "aB-9x", "")),
]


def meaning_of_parse(proc_returncode: int, data: dict[str, Any] | None, stderr: str) -> tuple[str, ...]:
    """What ``parse-scan --json`` said, as a table meaning."""
    if proc_returncode != 0 or data is None:
        return ("refused", stderr.strip())
    if data["sku"] is None and data["gtin"]:
        return ("unknown", data["gtin"])
    if data["kind"] == "product" or data["serial"] is None:
        return ("product", data["sku"])
    return ("serial", data["sku"], data["serial"], data["lot"] or "")


def same(expected: tuple[str, ...], got: tuple[str, ...]) -> bool:
    """A refusal matches when its message holds the row's fragment; other meanings match exactly."""
    if expected[0] == "refused":
        return got[0] == "refused" and expected[1] in got[1]
    return expected == got
