"""scan-image and parse-scan as scripts use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.test_cli import as_json, run

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "zxing"


@pytest.fixture
def catalogue_db(sqlite_url: str) -> str:
    run(sqlite_url, "product", "add", "DRL-18V", "--name", "Drill", "--gtin", "09506000134352")
    run(sqlite_url, "product", "add", "BIKE", "--name", "Bike", "--serial-source", "generated",
        "--serial-pattern", "B{SEQ:4}{CHK:luhn}")
    return sqlite_url


def test_a_gs1_128_scan_yields_gtin_lot_and_serial(catalogue_db: str) -> None:
    result = as_json(run(catalogue_db, "parse-scan", r"]C1010950600013435210ABC123\x1d21SN0001", "--json"))
    assert (result["kind"], result["gtin"], result["lot"], result["serial"], result["sku"]) == (
        "gs1", "09506000134352", "ABC123", "SN0001", "DRL-18V")


def test_parse_scan_tells_product_barcodes_serials_and_mistakes_apart(catalogue_db: str) -> None:
    assert as_json(run(catalogue_db, "parse-scan", "09506000134352", "--json"))["kind"] == "product"
    assert as_json(run(catalogue_db, "parse-scan", "drl-18v", "--json"))["sku"] == "DRL-18V"
    serial = as_json(run(catalogue_db, "parse-scan", "sn-77", "--sku", "DRL-18V", "--json"))
    assert (serial["kind"], serial["serial"]) == ("serial", "SN-77")
    lost = run(catalogue_db, "parse-scan", "]C1010950600013435210ABC12321SN0001", check=3)
    assert lost.stderr.strip() != ""
    run(catalogue_db, "parse-scan", "B00018", "--sku", "BIKE", check=3)  # wrong check digit
    assert "Scan the product" in run(catalogue_db, "parse-scan", "SN-77", check=3).stderr


def test_scan_image_reads_corpus_photos_and_reports_unreadable_files(sqlite_url: str, tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        pytest.skip("the shared barcode corpus is not beside the project")
    photo = CORPUS / "code128-2" / "01.png"
    expected = (CORPUS / "code128-2" / "01.txt").read_text().strip()
    found = as_json(run(sqlite_url, "scan-image", str(photo), "--json"))
    assert [c["text"] for c in found[0]["codes"]] == [expected]
    for engine in ("zxing", "zbar"):
        assert as_json(run(sqlite_url, "scan-image", str(photo), "--engine", engine, "--json"))[0]["codes"]
    (tmp_path / "broken.png").write_bytes(b"not an image")
    proc = run(sqlite_url, "scan-image", str(photo), str(tmp_path / "broken.png"), check=4)
    assert "broken.png" in proc.stderr
