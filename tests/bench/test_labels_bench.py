"""DESIGN §6 target: 1,000 labels to PDF in at most 3 s (a day's receiving printed in one go)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from serialdesk.labels import LabelData, LabelOutput, render_labels

TARGET_SECONDS = 3.0
LABELS = [
    LabelData(f"L2406A-{n:05d}-{n % 10}", "DRL-18V", "Cordless drill 18 V brushless", "L2406A", Decimal("129.90"))
    for n in range(1, 1001)
]


@pytest.mark.benchmark
@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("symbology", ["code128", "datamatrix", "qr"])
def test_1000_roll_labels_to_pdf_within_3_seconds(benchmark: BenchmarkFixture, tmp_path: Path, symbology: str) -> None:
    out = tmp_path / "labels.pdf"

    def render() -> LabelOutput:
        return render_labels(LABELS, layout="roll-62x29", symbology=symbology, fmt="pdf", out=out)

    result = benchmark.pedantic(render, rounds=3, iterations=1)  # type: ignore[no-untyped-call]
    assert (result.labels, result.pages) == (1000, 1000)
    assert out.stat().st_size > 0
    assert benchmark.stats is not None
    assert benchmark.stats.stats.median <= TARGET_SECONDS


@pytest.mark.benchmark
@pytest.mark.usefixtures("qapp")
def test_1000_labels_on_a4_sheets_to_pdf_within_3_seconds(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    out = tmp_path / "sheets.pdf"

    def render() -> LabelOutput:
        return render_labels(LABELS, layout="a4-3x8", symbology="datamatrix", fmt="pdf", out=out)

    result = benchmark.pedantic(render, rounds=3, iterations=1)  # type: ignore[no-untyped-call]
    assert (result.labels, result.pages) == (1000, 42)
    assert benchmark.stats is not None
    assert benchmark.stats.stats.median <= TARGET_SECONDS
