"""The portable dump's file format: gzip'd JSON lines that prove themselves complete.

Line 1 is the header (format, version, schema revision, tables); then one line per row ({"t": table,
"r": row}); the last line is the manifest: rows per table and the SHA-256 of every line before it. A file cut
short has no manifest (or a broken gzip stream); a changed byte breaks the checksum; a foreign file has no
header. ``verify`` reads the whole file and says which, before anything is restored from it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from serialdesk.domain.errors import DomainError

FORMAT = "serialdesk-dump"
VERSION = 2
READ_ERRORS = (OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError)


@dataclass(frozen=True)
class Manifest:
    kind: str  # "portable" or "sqlite"
    revision: str
    rows: dict[str, int]
    checksum: str | None  # None: a serialdesk database file without a manifest (a plain copy of a shop)


def encode_line(obj: dict[str, Any]) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class DumpWriter:
    """Writes the header, the rows, and finally the manifest (counts and checksum of all that came before)."""

    def __init__(self, raw: IO[bytes], revision: str, tables: list[str]) -> None:
        self._gz = gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)
        self._sha = hashlib.sha256()
        self.rows: dict[str, int] = dict.fromkeys(tables, 0)
        self._write({"format": FORMAT, "version": VERSION, "revision": revision, "tables": tables,
                     "made_at": datetime.now(UTC).isoformat(timespec="seconds")})

    def _write(self, obj: dict[str, Any]) -> None:
        line = encode_line(obj)
        self._sha.update(line)
        self._gz.write(line)

    def row(self, table: str, row: dict[str, Any]) -> None:
        self._write({"t": table, "r": row})
        self.rows[table] += 1

    def finish(self) -> None:
        self._gz.write(encode_line({"manifest": {"rows": self.rows, "sha256": self._sha.hexdigest()}}))
        self._gz.close()


def _broken(path: Path, why: str) -> DomainError:
    return DomainError(f"{path} is not a usable backup: {why}; nothing was restored.", code="bad_backup")


def is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def header(path: Path) -> dict[str, Any]:
    try:
        with gzip.open(path, "rb") as handle:
            line = handle.readline()
    except READ_ERRORS as exc:  # gzip framing, but the stream breaks at once
        raise _broken(path, f"it is cut off or damaged ({_reason(exc)})") from None
    try:
        first: Any = json.loads(line)
    except ValueError:
        first = None
    if not isinstance(first, dict) or first.get("format") != FORMAT:
        raise DomainError(f"{path} is not a serialdesk backup; nothing was restored.", code="not_a_backup")
    if first.get("version") != VERSION:
        raise _broken(path, "it was written by another version of serialdesk and has no manifest to prove it "
                            "complete (make a new backup with this version)")
    return first


def verify(path: Path, known_revisions: set[str]) -> Manifest:
    """Read the whole dump: it must be a serialdesk dump of a known schema revision, complete to its manifest,
    every row counted and the checksum matching. Raises DomainError naming what is wrong."""
    head = header(path)
    if head.get("revision") not in known_revisions:
        raise _broken(path, f"it holds schema revision {head.get('revision')}, which this version of serialdesk "
                            "does not know (it was made by a newer one)")
    sha = hashlib.sha256()
    counts = dict.fromkeys(head["tables"], 0)
    manifest: dict[str, Any] | None = None
    try:
        with gzip.open(path, "rb") as handle:
            for line in handle:
                if manifest is not None:
                    raise _broken(path, "there is data after its manifest")
                record = json.loads(line)
                if "manifest" in record:
                    manifest = record["manifest"]
                    continue
                sha.update(line)
                if "t" in record:
                    if record["t"] not in counts:
                        raise _broken(path, f"it holds rows of an unknown table {record['t']!r}")
                    counts[record["t"]] += 1
    except READ_ERRORS as exc:
        raise _broken(path, f"it is cut off or damaged ({_reason(exc)})") from None
    if manifest is None:
        raise _broken(path, "it is cut off (it ends before its manifest)")
    if manifest.get("sha256") != sha.hexdigest():
        raise _broken(path, "it is damaged (its checksum does not match its contents)")
    if manifest.get("rows") != counts:
        raise _broken(path, "it is damaged (its row counts do not match its manifest)")
    return Manifest("portable", head["revision"], counts, manifest["sha256"])


def _reason(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the compressed data ends too early"
    return str(exc).rstrip(".") or type(exc).__name__


def rows(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every row of a dump (verify it first)."""
    with gzip.open(path, "rb") as handle:
        handle.readline()
        for line in handle:
            record = json.loads(line)
            if "t" in record:
                yield record["t"], record["r"]
