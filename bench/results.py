"""One measured number with its target, and how the whole set is written (bench/results.json) and shown (a table)."""

from __future__ import annotations

import json
import math
import platform
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Measure:
    """``value`` against ``target`` (every target is an upper bound); no target means it is for the record."""

    name: str
    label: str
    value: float | None
    unit: str
    target: float | None = None
    backend: str = "-"
    size: int | None = None
    note: str = ""

    @property
    def passed(self) -> bool | None:
        """None: no target, or skipped. A measure that could not be taken (note 'failed: …') fails."""
        if self.value is None:
            return False if self.note.startswith("failed") else None
        return None if self.target is None else self.value <= self.target

    def as_json(self) -> dict[str, Any]:
        value = None if self.value is None else round(self.value, 4)
        return {"name": self.name, "label": self.label, "backend": self.backend, "size": self.size, "value": value,
                "unit": self.unit, "target": self.target, "pass": self.passed, "note": self.note}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Measure:
        return cls(data["name"], data["label"], data["value"], data["unit"], data["target"], data["backend"],
                   data["size"], data.get("note", ""))


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share 0.95 → p95): a value that was really measured."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def write_json(path: Path, measures: Sequence[Measure], context: dict[str, Any]) -> None:
    failed = [f"{m.backend}/{m.name}" for m in measures if m.passed is False]
    document = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                    "platform": platform.platform(), **context},
        "summary": {"measures": len(measures), "with_target": sum(m.passed is not None for m in measures),
                    "failed": failed},
        "measures": [m.as_json() for m in measures],
    }
    path.write_text(json.dumps(document, indent=2) + "\n")


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "tests":
        return f"{value:.0f} {unit}"
    if unit == "x" or value < 10:
        return f"{value:.2f} {unit}"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def table(measures: Sequence[Measure]) -> str:
    header = ("backend", "size", "measure", "value", "target", "result")
    lines = [(m.backend, f"{m.size:,}" if m.size else "—", m.label, _number(m.value, m.unit),
              f"≤ {_number(m.target, m.unit)}" if m.target is not None else "—",
              {True: "pass", False: "FAIL", None: m.note or "info"}[m.passed]) for m in measures]
    widths = [max(len(str(row[n])) for row in [header, *lines]) for n in range(len(header))]
    out = ["  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
           for row in [header, tuple("-" * w for w in widths), *lines]]
    return "\n".join(out)


README_BEGIN, README_END = "<!-- last run: begin (written by make bench) -->", "<!-- last run: end -->"


def markdown(measures: Sequence[Measure], context: dict[str, Any]) -> str:
    """The last run as bench/README.md shows it: every measure with a target (and the ones for the record that
    a reader compares against: raw baselines, builds), with its result; what missed is said at the top."""
    failed = [m for m in measures if m.passed is False]
    head = (f"Run of {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {context.get('cpus', '?')} cores, "
            f"{context.get('items', 0):,} units, PostgreSQL {context.get('postgresql', '—')}, "
            f"{context.get('wall_seconds', 0):.0f} s: {len(measures)} measures, "
            + (f"{len(failed)} over target ({', '.join(f'{m.backend}/{m.name}' for m in failed)})."
               if failed else "all within target."))
    rows = ["| backend | measure | value | target | result |", "| --- | --- | --- | --- | --- |"]
    for m in measures:
        target = f"≤ {_number(m.target, m.unit)}" if m.target is not None else "—"
        result = {True: "pass", False: "**FAIL**", None: "for the record"}[m.passed]
        label = m.label.replace("|", "\\|")
        rows.append(f"| {m.backend} | {label} | {_number(m.value, m.unit)} | {target} | {result} |")
    return "\n".join([head, "", *rows])


def splice_readme(readme: str, table_md: str) -> str:
    """``readme`` with the text between the last-run markers replaced by ``table_md`` (markers added at the end
    when missing)."""
    block = f"{README_BEGIN}\n{table_md}\n{README_END}"
    start, end = readme.find(README_BEGIN), readme.find(README_END)
    if start < 0 or end < start:
        return readme.rstrip("\n") + "\n\n## The last run\n\n" + block + "\n"
    return readme[:start] + block + readme[end + len(README_END):]
