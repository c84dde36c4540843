"""Dates and counts the way they are said at the counter (local time, '3 Mar 2026', '1 unit')."""

from __future__ import annotations

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
