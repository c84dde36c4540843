"""CSV files as shops really have them, read and written without losing anything.

Writing: every cell a spreadsheet would run as a formula (OWASP's CSV-injection rule: it starts with
= + - @ TAB or CR) gets a leading apostrophe, which Excel and LibreOffice show as text; a plain number in a
numeric column (a negative cost) is left alone. A cell that already starts with apostrophes before such a
character gets one more, so reading strips exactly one and export → import gives back every value.

Reading: UTF-8 with or without a BOM (another encoding only when asked for), CRLF or LF, ',' ';' TAB or '|'
between cells (found from the header line), an unclosed quote or a row with more cells than the header refused
with its line number, and every cell clean Unicode text (no NUL, no undecodable bytes).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import shown, text_problem
from serialdesk.files import path_problem, write_atomically

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_GUARDED = re.compile(r"'*[=+\-@\t\r]", re.DOTALL)
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
DELIMITERS = ",;\t|"
MAX_CELL = 10_000


def guard_cell(value: str, *, numeric: bool = False) -> str:
    """A cell a spreadsheet shows as text, never runs (numbers in numeric columns stay numbers)."""
    if numeric and _NUMBER.fullmatch(value):
        return value
    return "'" + value if _GUARDED.match(value) else value


def unguard_cell(value: str) -> str:
    """The value ``guard_cell`` was given (one apostrophe before a formula character is taken off)."""
    return value[1:] if value.startswith("'") and _GUARDED.match(value[1:]) else value


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def write_rows(handle: Any, columns: Sequence[str], rows: Iterable[Mapping[str, Any]],
               numeric: Collection[str] = ()) -> int:
    out = csv.writer(handle, lineterminator="\r\n")
    out.writerow(columns)
    count = 0
    for row in rows:
        out.writerow([guard_cell(_cell(row.get(c)), numeric=c in numeric) for c in columns])
        count += 1
    return count


def write_table(path: str | Path, columns: Sequence[str], rows: Iterable[Mapping[str, Any]],
                numeric: Collection[str] = ()) -> int:
    """Write a CSV file whole or not at all ('-': standard output); returns the number of data rows."""
    if str(path) == "-":
        return write_rows(sys.stdout, columns, rows, numeric)
    with write_atomically(path, "w", newline="", encoding="utf-8") as handle:
        return write_rows(handle, columns, rows, numeric)


@dataclass(frozen=True)
class Table:
    """A CSV file read: its column names and rows, each with the line it starts on (header = line 1)."""

    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    lines: tuple[int, ...]
    delimiter: str


def check_encoding(name: str | None) -> str:
    if not name:
        return "utf-8-sig"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise DomainError(f"'{shown(name)}' is not an encoding I know (try utf-8 or latin-1).",
                          code="bad_encoding") from None
    return "utf-8-sig" if codec == "utf-8" else codec


def decode(data: bytes, path: str | Path, encoding: str | None = None, *, option: bool = True) -> str:
    """The file's text; a file that is not UTF-8 is refused naming the line, unless ``encoding`` is given
    (``option``: the command has --encoding to suggest)."""
    codec = check_encoding(encoding)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = "" if codec != "utf-8-sig" else (
            "; if it was saved by a spreadsheet on Windows, it is probably Latin-1: run again with --encoding latin-1"
            if option else "; save it as UTF-8 text and try again")
        raise DomainError(f"{path} is not {'UTF-8' if codec == 'utf-8-sig' else codec} text "
                          f"(line {line} has the byte 0x{data[exc.start]:02X}){hint}.", code="bad_encoding") from None


def read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise DomainError(f"Cannot read {path}: there is no such file.", code="file_unreadable") from None
    except OSError as exc:
        raise path_problem(path, exc, "read") from None


def _delimiter(header: str, known: Collection[str]) -> str:
    """The separator that splits the header into the most known column names (then: into the most cells)."""
    def score(sep: str) -> tuple[int, int]:
        cells = [c.strip().strip('"').strip().lower() for c in header.split(sep)]
        return sum(c in known for c in cells), len(cells)

    return max(DELIMITERS, key=score)


def read_table(path: str | Path, known: Collection[str], encoding: str | None = None) -> Table:
    """Read a CSV file (see the module docstring); DomainError naming the file and line for anything unusable."""
    text = decode(read_bytes(path), path, encoding)
    header_line = text.split("\n", 1)[0].rstrip("\r")
    sep = _delimiter(header_line, known)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    problems: list[str] = []
    columns: list[str] | None = None
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            what = ("a quote is not closed" if "end of data" in str(exc) else
                    "a quoted cell has more text after its closing quote" if "expected after" in str(exc)
                    else str(exc))
            raise DomainError(f"{path}, line {start}: {what}; nothing was imported.", code="bad_csv") from None
        line, start = start, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        bad = [f"line {line}, column {n}: {p}" for n, c in enumerate(cells, start=1)
               if (p := text_problem(c) or ("is too long" if len(c) > MAX_CELL else None))]
        if bad:
            problems += bad
            continue
        if columns is None:
            columns = [unguard_cell(c).strip().lower().replace(" ", "_") for c in cells]
            continue
        if len(cells) > len(columns):
            problems.append(f"line {line} has {len(cells)} cells but the header has {len(columns)}")
            continue
        rows.append({name: unguard_cell(value) for name, value in zip(columns, cells, strict=False)})
        lines.append(line)
    if problems:
        more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        raise DomainError(f"Nothing was imported: {path} cannot be read — {'; '.join(problems[:3])}{more}.",
                          code="bad_csv", problems=problems)
    if columns is None:
        raise DomainError(f"{path} is empty.", code="empty_import")
    return Table(tuple(columns), tuple(rows), tuple(lines), sep)
