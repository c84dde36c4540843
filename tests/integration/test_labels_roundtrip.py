"""Generate 100 serials, print their labels, scan the printout back: every label reads, exactly."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from serialdesk.scanning.decode import decode_file
from tests.integration.test_cli import as_json, run


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, list[str]]:
    db = str(tmp_path_factory.mktemp("labels") / "shop.db")
    run(db, "init", "--admin-pin", "1234")
    run(db, "product", "add", "BIKE-28", "--name", "City bike 28\"", "--serial-source", "generated",
        "--serial-pattern", "{LOT}-{SEQ:5}{CHK:luhn}", "--price", "549")
    run(db, "supplier", "add", "Velo Import")
    receipt = as_json(run(db, "receive", "--supplier", "Velo Import", "--sku", "BIKE-28", "--lot", "L2611A",
                          "--generate", "100", "--json"))
    return db, receipt["number"], [u["serial"] for u in receipt["units"]]


@pytest.mark.slow
@pytest.mark.parametrize("symbology", ["code128", "datamatrix", "qr"])
def test_a_sheet_of_generated_labels_scans_back_100_of_100(
    generated: tuple[str, str, list[str]], symbology: str, tmp_path: Path
) -> None:
    db, receipt, serials = generated
    pdf = tmp_path / "labels.pdf"
    printed = as_json(run(db, "labels", "--receipt", receipt, "--format", "pdf", "--layout", "a4-3x8",
                          "--symbology", symbology, "--out", str(pdf), "--json"))
    assert printed["labels"] == 100 and printed["pages"] == 5
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(tmp_path / "page")], check=True)
    read: list[str] = []
    for page in sorted(tmp_path.glob("page-*.png")):
        read += [code.text for code in decode_file(page)]
    assert sorted(read) == sorted(serials)  # every label once, nothing misread, nothing extra
