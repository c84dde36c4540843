"""Dates and counts the way they are said at the counter (local time, '3 Mar 2026', '1 unit')."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from serialdesk.domain.errors import DomainError


def day(moment: datetime | None) -> str:
    if moment is None:
        return "an unknown date"
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def listing(values: list[str], limit: int = 5) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


# ---- text typed by people: names, notes, reasons -------------------------------------------------------------

# Characters that are not text: C0/C1 controls (bell, escape, NUL …), line/paragraph separators, and the
# invisible direction overrides that make a name read differently from what is stored.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def refuse_control(value: str | None, field: str, *, multiline: bool = False) -> str | None:
    """``value`` unchanged (``\\r\\n`` made ``\\n``), or a DomainError naming ``field`` ("the customer name") when
    it holds a control character. A multi-line field (notes, an address) may hold line breaks; tabs never."""
    if value is None:
        return None
    text = value.replace("\r\n", "\n")
    for ch in text:
        if ch == "\n" and multiline:
            continue
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch in _BIDI:
            what = "a line break" if ch in "\n\r\u2028\u2029" else f"a control character (U+{ord(ch):04X})"
            allowed = "" if multiline or ch not in "\n\r" else f" ({field} is one line)"
            raise DomainError(f"The {field} contains {what}{allowed}; type it again without it.",
                              code="control_character", field=field)
    return text


def clean_text(value: str | None, field: str, *, multiline: bool = False, limit: int = 2000) -> str | None:
    """Typed text for ``field``: control characters refused, outer blanks trimmed, empty → None."""
    text = refuse_control(value, field, multiline=multiline)
    if text is None or not text.strip():
        return None
    text = text.strip()
    if len(text) > limit:
        raise DomainError(f"The {field} is too long (at most {limit} characters).", code="text_too_long",
                          field=field)
    return text


# '!' rather than a backslash: SQLite and PostgreSQL quote a backslash differently in ESCAPE '…'.
LIKE_ESCAPE = "!"


def like_pattern(text: str) -> str:
    """``%text%`` for SQL ``LIKE … ESCAPE LIKE_ESCAPE``: the clerk's own % _ and ! match as themselves."""
    escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


def shown(value: str) -> str:
    """Text as it can be shown whatever it holds: undecodable bytes as \\xNN, NUL as \\x00."""
    out = []
    for ch in value:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte the terminal's encoding could not decode (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def text_problem(value: str) -> str | None:
    """Why a piece of text cannot be stored as it is, or None: bytes that are not UTF-8 text (argv and
    file names arrive with lone surrogates for them) and NUL characters (PostgreSQL refuses them)."""
    if "\x00" in value:
        return "contains a NUL character"
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        return "contains bytes that are not UTF-8 text"
    return None


def clean_argument(value: str, name: str) -> str:
    """A command-line argument or imported field as clean Unicode text (DomainError naming ``name``)."""
    problem = text_problem(value)
    if problem:
        raise DomainError(f"{name} '{shown(value)}' {problem}; type it again as plain text.", code="bad_text")
    return value
