"""What a decoder pass read (``Read``), and how the reads of several passes become one answer (``merge``).

Every (picture variant, engine) pass that reads a text is one vote for it. Where two texts come from the same
place on the picture (their boxes overlap) and are the same kind of linear code, they are two readings of one
symbol and only the one with more votes is kept (a tie goes to the earlier pass: the plain picture before its
variants, zxing-cpp before zbar). A text nobody else read must still pass its own check digits — both engines
only report EAN/UPC, Code 128, DataBar, QR and Data Matrix whose checks hold — and Code 39 / ITF, which carry
none, must be long enough not to be a stripe of a photo's texture.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from biip import BiipException
from biip.gs1_application_identifiers import GS1ApplicationIdentifier
from biip.gs1_messages import GS1Message

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in image pixels
_GS1_IDENTIFIERS = {"Code128": "]C1", "DataMatrix": "]d2", "QRCode": "]Q3", "DataBar": "]e0",
                    "DataBarExpanded": "]e0", "DataBarLimited": "]e0"}  # fmt: skip
# Several symbols of these kinds cannot share one place on a label: overlapping reads are one symbol misread.
_LINEAR = frozenset(
    {"EAN13", "EAN8", "UPCA", "UPCE", "Code128", "Code39", "ITF", "DataBar", "DataBarLimited", "DataBarExpanded"}
)
_STRONG = frozenset({"QRCode", "DataMatrix", "Code128", "DataBar", "DataBarExpanded", "DataBarLimited"})
# Variable-length linear codes without a mandatory check character: a partial read of a photo's texture gives
# one or two characters (zbar read "T" in falsepositives-2/13.png), and a few bars of an EAN-13 read as
# Interleaved 2 of 5 give 6 digits (zbar on ean13-4/21.jpg). Nothing in a shop is that short: ITF-14 has 14.
_MIN_LENGTH = {"Code39": 3, "ITF": 10}


@dataclass(frozen=True)
class DecodedCode:
    """One barcode read from an image."""

    text: str  # normalised content (see decode.py); GS1 fields separated by GS
    format: str  # Code128, Code39, EAN13, EAN8, UPCA, UPCE, ITF, DataMatrix, QRCode, DataBar[Expanded|Limited]
    symbology_id: str = ""  # AIM identifier such as "]C1"; "" when the engine did not say
    is_gs1: bool = False
    engines: tuple[str, ...] = ()  # which engines read it: ("zxing",), ("zbar",) or ("zxing", "zbar")
    box: Box = (0.0, 0.0, 0.0, 0.0)  # where it is on the picture: x0, y0, x1, y1 in pixels
    upce: str = ""  # a UPC-E symbol's own 8 digits as printed under it ("text" is the expanded GTIN-13)
    votes: int = 1  # how many (picture variant, engine) passes read this text

    @property
    def scan_text(self) -> str:
        """The text a scanner set to transmit AIM identifiers would type: what the scan classifier wants.

        GS1 content always gets the standard GS1 identifier: zxing-cpp reports e.g. "]d8" for a GS1 symbol in
        the rectangular DMRE sizes, which a GS1 parser would not recognise.
        """
        prefix = _GS1_IDENTIFIERS.get(self.format, self.symbology_id) if self.is_gs1 else self.symbology_id
        return prefix + self.text

    @property
    def hri(self) -> str:
        """What a person reads under the symbol: GS1 as "(01)…(21)…", UPC-E as its 8 digits, else the text."""
        if self.upce:
            return self.upce
        if self.is_gs1:
            try:
                return GS1Message.parse(self.text).as_hri()
            except BiipException:
                return _lenient_hri(self.text)  # a value breaks its AI's rules: the HRI still shows it
        return self.text

    @property
    def upca(self) -> str:
        """The 12-digit UPC-A of a UPC-A or UPC-E symbol (what a product's GTIN-12 is matched on), else ""."""
        return self.text[1:] if self.format in ("UPCA", "UPCE") and len(self.text) == 13 else ""

    def equivalent_texts(self) -> frozenset[str]:
        """Every way this symbol's content is commonly written: raw, HRI, UPC-A, UPC-E, a DataBar's GTIN-14."""
        forms = {self.text, self.hri}
        if self.upca:
            forms.add(self.upca)
        if self.format in ("DataBar", "DataBarLimited") and self.text.startswith("01") and len(self.text) == 16:
            forms.add(self.text[2:])
        return frozenset(forms)


def _lenient_hri(raw: str) -> str:
    """ "(AI)value…" split by the AIs' lengths alone (fixed length, else up to the next GS); raw if even that fails."""
    parts, rest = [], raw
    while rest:
        try:
            ai = GS1ApplicationIdentifier.extract(rest)
        except BiipException:
            return raw
        rest = rest[len(ai.ai) :]
        if ai.separator_required:
            value, _, rest = rest.partition("\x1d")
        else:
            length = int(ai.format.split("+", 1)[1].lstrip("NX"))
            value, rest = rest[:length], rest[length:].lstrip("\x1d")
        parts.append(f"({ai.ai}){value}")
    return "".join(parts)


@dataclass(frozen=True)
class Read:
    """One text read by one engine on one picture variant, its box in the original picture's pixels."""

    text: str
    format: str
    symbology_id: str
    is_gs1: bool
    box: Box
    upce: str = ""
    engine: str = "zxing"
    variant: int = 0  # 0 = the picture as given; 1… = the variants tried after it, in order


def bounds(xs: Sequence[float], ys: Sequence[float]) -> Box:
    return min(xs), min(ys), max(xs), max(ys)


def overlap(a: Box, b: Box, margin: float = 2.0) -> bool:
    # zbar locates a 1D code by a thin line (even a single point), so the boxes get a small margin.
    return a[0] - margin <= b[2] and b[0] - margin <= a[2] and a[1] - margin <= b[3] and b[1] - margin <= a[3]


def _canonical(read: Read) -> Read:
    # An EAN-13 starting with 0 *is* a UPC-A symbol: zxing-cpp calls it EAN13, zbar calls it UPCA.
    if read.format == "EAN13" and read.text.startswith("0"):
        return replace(read, format="UPCA")
    return read


def _plausible(read: Read) -> bool:
    return bool(read.text) and len(read.text) >= _MIN_LENGTH.get(read.format, 1)


def _charset_guess(read: Read, reads: Sequence[Read]) -> bool:
    """zbar guesses the character set of QR byte segments (Shift_JIS "¥" for "\\", Big5 for kanji) where
    zxing-cpp follows the standard: a zbar QR text that zxing-cpp read otherwise at the same place, or a non-ASCII
    one that nobody checked, is more likely wrong than right."""
    if read.engine != "zbar" or read.format != "QRCode":
        return False
    if not read.text.isascii():
        return not any(o.engine == "zxing" and o.text == read.text for o in reads)
    return any(o.engine == "zxing" and o.text != read.text and overlap(read.box, o.box) for o in reads)


def merge(reads: Iterable[Read]) -> list[DecodedCode]:
    """One entry per distinct text, in the order first read; where one symbol was read two ways, the agreeing
    reading wins (see the module docstring)."""
    usable = [r for r in map(_canonical, reads) if _plausible(r)]
    usable = [r for r in usable if not _charset_guess(r, usable)]
    by_text: dict[str, list[Read]] = {}
    for read in usable:
        by_text.setdefault(read.text, []).append(read)
    first = {text: index for index, text in enumerate(by_text)}
    ranked = sorted(by_text, key=lambda t: (-_votes(by_text[t]), min(r.variant for r in by_text[t]), first[t]))
    kept: list[str] = []
    for text in ranked:
        mine = by_text[text]
        if any(_same_symbol(mine, by_text[other]) for other in kept):
            continue
        kept.append(text)
    return [_code(by_text[text]) for text in sorted(kept, key=first.__getitem__)]


def settled(found: Sequence[DecodedCode]) -> bool:
    """Whether the search may stop: some code was read twice (two engines or two variants agree) or carries
    a strong check (Reed-Solomon in QR, Data Matrix; the mod-103 of Code 128; DataBar's checksums). A lone
    read of an EAN/UPC (one check digit: 1 misread in 10 passes it) is worth a second look."""
    return any(code.votes >= 2 or code.format in _STRONG for code in found)


def _votes(reads: list[Read]) -> int:
    return len({(r.variant, r.engine) for r in reads})


def _same_symbol(a: list[Read], b: list[Read]) -> bool:
    return any(x.format in _LINEAR and y.format in _LINEAR and overlap(x.box, y.box) for x in a for y in b)


def _code(reads: list[Read]) -> DecodedCode:
    best = min(reads, key=lambda r: (r.variant, r.engine != "zxing"))
    engines = tuple(e for e in ("zxing", "zbar") if any(r.engine == e for r in reads))
    upce = next((r.upce for r in reads if r.upce), "")
    zxing_box = next((r.box for r in reads if r.engine == "zxing"), best.box)  # zbar's box is a thin line
    return DecodedCode(best.text, best.format, best.symbology_id, best.is_gs1, engines, zxing_box, upce, _votes(reads))
