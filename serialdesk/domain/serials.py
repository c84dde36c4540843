"""Generated serial numbers: a product's serial pattern, rendering, check digits, and reading a serial back.

Pattern language — literal text plus tokens in braces. For lot L2406A, SKU DRL-18V, 13 June 2024, unit 17:
``{LOT}-{SEQ:5}-{CHK:luhn}`` → ``L2406A-00017-3``; ``{SKU}{YY}{MM}{SEQ:6}`` → ``DRL-18V2406000017``;
``SN{SEQ:8}{CHK:mod11}`` → ``SN000000175``; ``{LOT}{SEQ:4}{CHK:mod37-36}`` → ``L2406A00178``.

* ``{LOT}`` lot code · ``{SKU}`` product code · ``{STN}`` (or ``{STATION}``) station code — variable length.
* ``{YYYY}`` ``{YY}`` ``{MM}`` ``{DD}`` parts of the ``when`` date; ``{WW}`` its ISO 8601 week (around New
  Year the ISO week may belong to the neighbouring year).
* ``{SEQ:n}`` the unit's sequence number, zero-padded to exactly n digits (1 ≤ n ≤ 18): required, once;
  ``max_sequence`` is 10ⁿ − 1.
* ``{CHK:alg}`` one check character: optional, and the very last thing in the pattern.

Token names are case-insensitive; each token appears at most once. Literal text may only hold characters a
serial may hold (letters, digits, ``- . _ / + # *``); braces cannot be escaped since no serial contains
them. Generated serials are upper case.

Check characters are computed over **the rendered serial before them** (literals included), upper-cased,
punctuation skipped. Punctuation is thus not covered by the check, but :meth:`SerialPattern.verify` also
checks the serial's shape, so a literal in the wrong place is still caught.

* ``luhn`` (alias ``mod10``): Luhn, letters first written as two digits A=10 … Z=35 as ISIN (ISO 6166)
  does. Catches every single digit substitution and most adjacent transpositions.
* ``mod11`` (alias ``mod11-2``): ISO/IEC 7064 MOD 11-2 over the same digits; the check is 0–9 or X.
  Catches every single digit substitution and every adjacent transposition.
* ``mod37-36`` (alias ``mod37``): ISO/IEC 7064 MOD 37,36 over letters and digits; the check is 0–9 or A–Z.
  Catches every single substitution and adjacent transposition of letters/digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property

from serialdesk.domain.errors import DomainError
from serialdesk.domain.serial_rules import ALLOWED_PUNCTUATION, MAX_SERIAL_LENGTH, normalise_serial

_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SERIAL_CHARS = re.compile(rf"[A-Za-z0-9{re.escape(ALLOWED_PUNCTUATION)}]")
_VALUE_RE = rf"[A-Z0-9{re.escape(ALLOWED_PUNCTUATION)}]+"
MAX_SEQUENCE_WIDTH = 18


class CheckAlgorithm(StrEnum):
    LUHN = "luhn"
    MOD11 = "mod11"
    MOD37_36 = "mod37-36"


_ALIASES = {"mod10": "luhn", "mod11-2": "mod11", "mod37": "mod37-36"}


def _algorithm_named(name: str) -> CheckAlgorithm | None:
    key = name.strip().lower()
    return next((alg for alg in CheckAlgorithm if alg.value == _ALIASES.get(key, key)), None)


def _alnum_only(payload: str) -> str:
    return "".join(ch for ch in payload.upper() if ch in _ALNUM)


def _as_digits(payload: str) -> str:
    # ISIN-style expansion: letters become two digits (A=10 … Z=35), so numeric algorithms still cover them.
    return "".join(str(_ALNUM.index(ch)) for ch in _alnum_only(payload))


def luhn_check_digit(payload: str) -> str:
    """Luhn (mod 10) check digit for ``payload`` (letters expanded A=10…Z=35, punctuation skipped)."""
    total = 0
    # Walking from the right, the digit next to the future check digit is doubled, then every second one.
    for index, ch in enumerate(reversed(_as_digits(payload))):
        value = int(ch) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def mod11_check_digit(payload: str) -> str:
    """ISO/IEC 7064 MOD 11-2 check character (0–9 or X) for ``payload`` (expanded like Luhn)."""
    p = 0
    for ch in _as_digits(payload):
        p = ((p + int(ch)) * 2) % 11
    check = (12 - p) % 11  # the value c that makes (p + c) mod 11 == 1
    return "X" if check == 10 else str(check)


def mod37_36_check_character(payload: str) -> str:
    """ISO/IEC 7064 MOD 37,36 check character (0–9, A–Z) over the letters and digits of ``payload``."""
    modulus = 36
    p = modulus
    for ch in _alnum_only(payload):
        s = (p + _ALNUM.index(ch)) % modulus or modulus
        p = (s * 2) % (modulus + 1)
    return _ALNUM[(modulus + 1 - p) % modulus]


def check_character(algorithm: CheckAlgorithm | str, payload: str) -> str:
    """The check character ``algorithm`` appends to ``payload``."""
    alg = _algorithm_named(str(algorithm))
    if alg is None:
        raise DomainError(f"Unknown check digit method '{algorithm}'.", code="pattern_unknown_check")
    compute = {"luhn": luhn_check_digit, "mod11": mod11_check_digit, "mod37-36": mod37_36_check_character}[alg]
    return compute(payload)


# Fixed-width tokens and the regex each renders as; variable tokens match _VALUE_RE.
_FIXED_TOKENS: dict[str, tuple[int, str]] = {
    "YYYY": (4, r"\d{4}"),
    "YY": (2, r"\d{2}"),
    "MM": (2, r"(?:0[1-9]|1[0-2])"),
    "DD": (2, r"(?:0[1-9]|[12]\d|3[01])"),
    "WW": (2, r"(?:0[1-9]|[1-4]\d|5[0-3])"),
}
_VARIABLE_TOKENS = {"LOT": "lot", "SKU": "sku", "STN": "station", "STATION": "station"}
_KNOWN_TOKENS = "{LOT} {SKU} {STN} {YYYY} {YY} {MM} {DD} {WW} {SEQ:n} {CHK:luhn|mod11|mod37-36}"


@dataclass(frozen=True)
class PatternPart:
    """One piece of a pattern: ``kind`` is 'literal', 'lot', 'sku', 'station', a date part, 'seq' or 'chk'."""

    kind: str
    text: str = ""  # the literal text, or the check algorithm for 'chk'
    width: int = 0  # digits of 'seq' and date parts; 0 for variable-length parts


@dataclass(frozen=True)
class SerialParts:
    """What a generated serial says about its unit (fields the pattern does not contain are None)."""

    serial: str
    sequence: int
    lot: str | None = None
    sku: str | None = None
    station: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None


def _refuse(pattern: str, code: str, problem: str) -> DomainError:
    return DomainError(f"The serial pattern '{pattern}' {problem}", code=code, pattern=pattern)


def _token_part(pattern: str, body: str, position: int) -> PatternPart:
    name, _, arg = (piece.strip() for piece in body.partition(":"))
    name, where = name.upper(), f"at position {position}"
    if name == "SEQ":
        if not arg:
            raise _refuse(pattern, "pattern_bad_seq", f"needs a width in {{SEQ}} {where}, e.g. {{SEQ:5}}.")
        if not arg.isdigit() or not 1 <= int(arg) <= MAX_SEQUENCE_WIDTH:
            problem = f"has {{SEQ:{arg}}} {where}: the width must be a whole number from 1 to {MAX_SEQUENCE_WIDTH}."
            raise _refuse(pattern, "pattern_bad_seq", problem)
        return PatternPart("seq", width=int(arg))
    if name == "CHK":
        if (algorithm := _algorithm_named(arg)) is None:
            problem = f"has {{CHK:{arg}}} {where}; the check digit method must be luhn, mod11 or mod37-36."
            raise _refuse(pattern, "pattern_unknown_check", problem)
        return PatternPart("chk", text=algorithm.value, width=1)
    if name not in _FIXED_TOKENS and name not in _VARIABLE_TOKENS:
        problem = f"has an unknown token {{{body}}} {where}. Known tokens: {_KNOWN_TOKENS}."
        raise _refuse(pattern, "pattern_unknown_token", problem)
    if arg:
        raise _refuse(pattern, "pattern_bad_token", f"has {{{body}}} {where}; {{{name}}} takes no ':' option.")
    if name in _FIXED_TOKENS:
        return PatternPart(name.lower(), width=_FIXED_TOKENS[name][0])
    return PatternPart(_VARIABLE_TOKENS[name])


def _literal_part(pattern: str, text: str) -> PatternPart:
    if bad := sorted({ch for ch in text if not _SERIAL_CHARS.fullmatch(ch)}):
        shown = " ".join("space" if ch == " " else repr(ch) for ch in bad)
        allowed = " ".join(ALLOWED_PUNCTUATION)
        problem = f"contains characters a serial number cannot have: {shown}. Use letters, digits and {allowed}."
        raise _refuse(pattern, "pattern_bad_characters", problem)
    return PatternPart("literal", text=text.upper())


_PIECES = re.compile(r"\{([^{}]*)\}|([^{}]+)|(.)")  # a token, literal text, or a stray brace


def _split(pattern: str) -> list[PatternPart]:
    matches = list(_PIECES.finditer(pattern))
    # Braces first: a stray brace makes everything after it misread, so it is the error worth showing.
    for match in matches:
        if brace := match.group(3):
            other, position = "}" if brace == "{" else "{", match.start() + 1
            raise _refuse(
                pattern, "pattern_braces", f"has a '{brace}' at position {position} without a matching '{other}'."
            )
    return [
        _literal_part(pattern, m.group(2)) if m.group(2) else _token_part(pattern, m.group(1), m.start() + 1)
        for m in matches
    ]


def _check_structure(pattern: str, parts: list[PatternPart]) -> None:
    kinds = [part.kind for part in parts if part.kind != "literal"]
    if "seq" not in kinds:
        raise _refuse(pattern, "pattern_no_seq", "has no {SEQ:n}: without a sequence every unit gets the same serial.")
    for kind in sorted(set(kinds)):
        if kinds.count(kind) > 1:
            raise _refuse(pattern, "pattern_repeated_token", f"uses {{{kind.upper()}}} more than once.")
    if "chk" in kinds and parts[-1].kind != "chk":
        problem = "must end with its {CHK:…} token: the check digit covers everything before it."
        raise _refuse(pattern, "pattern_chk_not_last", problem)
    shortest = sum(len(p.text) if p.kind == "literal" else max(p.width, 1) for p in parts)
    if shortest > MAX_SERIAL_LENGTH:
        problem = f"makes serials of at least {shortest} characters; at most {MAX_SERIAL_LENGTH} are allowed."
        raise _refuse(pattern, "pattern_too_long", problem)


@dataclass(frozen=True)
class SerialPattern:
    """A product's validated serial pattern; build it with :meth:`parse`."""

    text: str
    parts: tuple[PatternPart, ...]

    @classmethod
    def parse(cls, text: str | None) -> SerialPattern:
        """Validate a pattern typed into the product form; DomainError ``pattern_*`` says what is wrong."""
        stripped = (text or "").strip()
        if not stripped:
            raise DomainError("The serial pattern is empty; try e.g. {LOT}-{SEQ:5}{CHK:luhn}.", code="pattern_empty")
        parts = _split(stripped)
        _check_structure(stripped, parts)
        return cls(stripped, tuple(parts))

    def __str__(self) -> str:
        return self.text

    @property
    def sequence_width(self) -> int:
        return next(part.width for part in self.parts if part.kind == "seq")

    @property
    def max_sequence(self) -> int:
        """The largest sequence number the pattern can print (99999 for ``{SEQ:5}``)."""
        return int("9" * self.sequence_width)

    @property
    def check_algorithm(self) -> CheckAlgorithm | None:
        last = self.parts[-1]
        return CheckAlgorithm(last.text) if last.kind == "chk" else None

    @property
    def uses(self) -> frozenset[str]:
        """The kinds of value the pattern needs: a subset of lot, sku, station, date, seq, chk."""
        kinds = {"date" if p.kind.upper() in _FIXED_TOKENS else p.kind for p in self.parts}
        return frozenset(kinds - {"literal"})

    def render(
        self,
        seq: int,
        *,
        lot: str | None = None,
        sku: str | None = None,
        when: date | None = None,
        station: str | None = None,
    ) -> str:
        """The serial for sequence number ``seq``. DomainError when the sequence is used up, a value the
        pattern needs is missing or unprintable, or the result is no valid serial (e.g. too long)."""
        if seq < 0 or seq > self.max_sequence:
            raise DomainError(
                f"Cannot make serial number {seq} from pattern '{self.text}': the pattern's "
                f"{self.sequence_width}-digit sequence is used up ({self.max_sequence}). "
                "Give the product a pattern with a wider {SEQ:n}.",
                code="sequence_exhausted",
                pattern=self.text,
            )
        values = {"lot": lot, "sku": sku, "station": station}
        pieces: list[str] = []
        for part in self.parts:
            if part.kind == "literal":
                pieces.append(part.text)
            elif part.kind == "seq":
                pieces.append(f"{seq:0{part.width}d}")
            elif part.kind == "chk":
                pieces.append(check_character(part.text, "".join(pieces)))
            elif part.kind in values:
                pieces.append(self._value(part.kind, values[part.kind]))
            else:
                pieces.append(self._date_piece(part.kind, when))
        return normalise_serial("".join(pieces))

    def _value(self, kind: str, value: str | None) -> str:
        name = {"lot": "lot code", "sku": "product code", "station": "station code"}[kind]
        text = (value or "").strip().upper()
        if not text:
            raise DomainError(
                f"The serial pattern '{self.text}' contains the {name}, so serials need a {name}.",
                code=f"pattern_needs_{kind}",
            )
        if not re.fullmatch(_VALUE_RE, text):
            raise DomainError(
                f"The {name} '{value}' cannot be part of a serial: use only letters, digits and "
                f"{' '.join(ALLOWED_PUNCTUATION)}.",
                code="pattern_bad_value",
            )
        return text

    def _date_piece(self, kind: str, when: date | None) -> str:
        if when is None:
            raise DomainError(
                f"The serial pattern '{self.text}' contains the date, so a date is needed to make serials.",
                code="pattern_needs_date",
            )
        numbers = {"yyyy": when.year, "yy": when.year % 100, "mm": when.month, "dd": when.day}
        number = when.isocalendar().week if kind == "ww" else numbers[kind]
        return f"{number:0{_FIXED_TOKENS[kind.upper()][0]}d}"

    def example(self, sku: str = "DRL-18V", when: date = date(2024, 6, 13)) -> str:
        """A sample serial for the product form: unit 17 (or the largest the pattern allows) of lot L2406A,
        made at station S1."""
        return self.render(min(17, self.max_sequence), lot="L2406A", sku=sku, when=when, station="S1")

    def _regex(self, known: dict[str, str]) -> re.Pattern[str]:
        pieces: list[str] = []
        for part in self.parts:
            if part.kind == "literal":
                pieces.append(re.escape(part.text))
            elif part.kind == "seq":
                pieces.append(rf"(?P<seq>\d{{{part.width}}})")
            elif part.kind == "chk":
                pieces.append(r"(?P<chk>[0-9A-Z])")
            elif part.kind in known:
                pieces.append(f"(?P<{part.kind}>{re.escape(known[part.kind])})")
            elif part.kind in _VARIABLE_TOKENS.values():
                pieces.append(f"(?P<{part.kind}>{_VALUE_RE})")
            else:
                pieces.append(f"(?P<{part.kind}>{_FIXED_TOKENS[part.kind.upper()][1]})")
        return re.compile("".join(pieces))

    @cached_property
    def _shape(self) -> re.Pattern[str]:
        return self._regex({})

    def verify(self, serial: str) -> str:
        """Return the serial (normalised) if it has this pattern's shape and check character; otherwise a
        DomainError naming the serial: ``serial_pattern_mismatch`` or ``serial_check_digit`` (mistyped)."""
        text = normalise_serial(serial)
        if not self._shape.fullmatch(text):
            raise DomainError(
                f"The serial {text} does not follow this product's serial pattern {self.text}. "
                "Check it was typed or scanned correctly.",
                code="serial_pattern_mismatch",
                serial=text,
            )
        algorithm = self.check_algorithm
        if algorithm is not None and check_character(algorithm, text[:-1]) != text[-1]:
            raise DomainError(
                f"The serial {text} fails its check digit — it was probably mistyped. Scan it or retype it.",
                code="serial_check_digit",
                serial=text,
            )
        return text

    def matches(self, serial: str) -> bool:
        """True when :meth:`verify` accepts ``serial``."""
        try:
            self.verify(serial)
        except DomainError:
            return False
        return True

    def read(
        self, serial: str, *, sku: str | None = None, lot: str | None = None, station: str | None = None
    ) -> SerialParts:
        """Split a verified serial into its sequence, lot, date … Values already known (``sku`` …) are
        matched as literals; more than one unknown variable-length value (lot, SKU, station) would make the
        split ambiguous, so that raises DomainError ``pattern_ambiguous``."""
        text = self.verify(serial)
        known = {k: v.strip().upper() for k, v in {"sku": sku, "lot": lot, "station": station}.items() if v}
        unknown = [p.kind for p in self.parts if p.kind in _VARIABLE_TOKENS.values() and p.kind not in known]
        if len(unknown) > 1:
            raise DomainError(
                f"The serial {text} cannot be split into {' and '.join(unknown)} unambiguously with pattern "
                f"{self.text}.",
                code="pattern_ambiguous",
            )
        match = self._regex(known).fullmatch(text)
        if match is None:
            raise DomainError(
                f"The serial {text} does not belong to {' / '.join(known.values())}.",
                code="serial_pattern_mismatch",
            )
        found = match.groupdict()
        # A two-digit year is read as 20YY: these serials are made by this shop, now.
        year = found.get("yyyy") or (f"20{found['yy']}" if found.get("yy") else None)
        numbers = {key: int(value) for key, value in {**found, "year": year}.items() if value and value.isdigit()}
        return SerialParts(
            text, numbers["seq"], found.get("lot"), found.get("sku"), found.get("station"),
            numbers.get("year"), numbers.get("mm"), numbers.get("dd"), numbers.get("ww"),
        )  # fmt: skip
