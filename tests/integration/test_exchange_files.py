"""Files and arguments on the command line: CSV dialects a shop has, files checked before anything is saved,
and text that is not clean Unicode refused with a sentence (never a traceback, never stored)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from serialdesk import cli
from serialdesk.domain.errors import DomainError
from tests.integration.test_exchange import run


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shop_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    db = str(tmp_path / "shop.db") if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    run(db, "init", "--admin-pin", "1234")
    run(db, "product", "add", "DRL-18V", "--name", "Cordless drill 18V", "--warranty-months", "24")
    run(db, "supplier", "add", "Makita Europe")
    run(db, "customer", "add", "Jane Smith")
    run(db, "receive", "--supplier", "V-0001", "--sku", "DRL-18V", "--lot", "L1", "A1", "A2", "A3")
    run(db, "sell", "--customer", "C-0001", "A1")
    return db


def customers(db: str) -> list[str]:
    return [c["name"] for c in json.loads(run(db, "customer", "find", "", "--json").stdout)]


# ---- finding 3: CSV dialects and malformed files --------------------------------------------------------

def test_a_semicolon_csv_with_bom_and_crlf_from_a_spreadsheet_imports(shop_db: str, tmp_path: Path) -> None:
    path = tmp_path / "kunder.csv"
    path.write_bytes("\ufeffName;Phone;E-mail;Address\r\nOle Hansen;'+45 31 000000;ole@example.dk;\r\n"
                     '"Smith; Anna";;;"Vej 1\r\n2100 Kbh"\r\n'.encode())
    result = json.loads(run(shop_db, "import", "customers", str(path), "--json").stdout)
    assert result["created"] == 2
    assert sorted(customers(shop_db)) == ["Jane Smith", "Ole Hansen", "Smith; Anna"]
    found = json.loads(run(shop_db, "customer", "find", "ole", "--json").stdout)
    assert found[0]["phone"] == "+45 31 000000"


def test_a_latin1_file_is_refused_with_a_question_and_read_with_encoding(shop_db: str, tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("name,address\nJos\xe9 M\xfcller,K\xf8benhavn\n".encode("latin-1"))
    refused = run(shop_db, "import", "customers", str(path), check=3)
    assert "line 2" in refused.stderr and "--encoding latin-1" in refused.stderr
    assert customers(shop_db) == ["Jane Smith"]
    run(shop_db, "import", "customers", str(path), "--encoding", "latin-1")
    assert "José Müller" in customers(shop_db)
    assert "not an encoding" in run(shop_db, "import", "customers", str(path), "--encoding", "klingon",
                                    check=3).stderr


def test_an_unclosed_quote_is_refused_naming_its_line(shop_db: str, tmp_path: Path) -> None:
    path = tmp_path / "products.csv"
    path.write_text('sku,name,price\nOK-1,Fine,10\n"Unclosed quote,10\nNEW2,Ok,abc\n')
    refused = run(shop_db, "import", "products", str(path), check=3)
    assert "line 3: a quote is not closed" in refused.stderr
    exported = run(shop_db, "export", "products", "-").stdout.splitlines()
    assert len(exported) == 2 and exported[1].startswith("DRL-18V,")


def test_a_row_with_more_cells_than_the_header_is_refused_and_nothing_imported(shop_db: str, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("name,phone\nAnna,1\nBo,2,extra\n\nCy,3\n")
    refused = run(shop_db, "import", "customers", str(path), check=3)
    assert "line 3 has 3 cells but the header has 2" in refused.stderr
    assert customers(shop_db) == ["Jane Smith"]


def test_units_without_a_receipt_date_arrive_on_one_receipt(shop_db: str, tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    path.write_text("sku,serial,supplier,lot\n" + "".join(f"DRL-18V,N{n},Makita Europe,L2\n" for n in range(5)))
    result = json.loads(run(shop_db, "import", "items", str(path), "--json").stdout)
    assert result["created"] == 5 and len(result["receipts"]) == 1


def test_formula_cells_are_exported_as_text_and_imported_back_unchanged(shop_db: str, tmp_path: Path) -> None:
    evil = '=HYPERLINK("http://evil.example","click")'
    names = [evil, "+SUM(A1)", "-2+3", "@cmd", "=1+1", "'=already quoted", "Plain"]
    for name in names:
        run(shop_db, "customer", "add", "--", name)
    out = tmp_path / "customers.csv"
    run(shop_db, "export", "customers", str(out))
    with out.open(newline="") as handle:
        cells = [r["name"] for r in csv.DictReader(handle)]
    assert cells[1:] == ["'" + evil, "'+SUM(A1)", "'-2+3", "'@cmd", "'=1+1", "''=already quoted", "Plain"]
    run(shop_db, "product", "add", "MINUS", "--name=-minus", "--price", "5")
    products = run(shop_db, "export", "products", "-").stdout
    assert "MINUS,'-minus,,0.00,5.00," in products
    fresh = str(tmp_path / "fresh.db")
    run(fresh, "init", "--admin-pin", "1234")
    run(fresh, "import", "customers", str(out))
    assert sorted(customers(fresh)) == sorted(["Jane Smith", *names])


# ---- finding 4: files checked before the commit -----------------------------------------------------------

def test_a_recall_to_a_missing_folder_saves_nothing(shop_db: str, tmp_path: Path) -> None:
    for option, path in (("--csv", "/no/such/dir/r.csv"), ("--letters", "/no/such/dir/x.pdf")):
        refused = run(shop_db, "recall", "--sku", "DRL-18V", "--lot", "L1", "--reason", "Overheating", option, path,
                      check=3)
        assert refused.stderr.strip() == f"Cannot write {path}: the folder does not exist."
    assert "There is no recall" in run(shop_db, "recall-show", "RC-0001", check=4).stderr
    assert json.loads(run(shop_db, "lookup", "A2", "--json").stdout)["status"] == "in_stock"
    ok = tmp_path / "r.csv"
    run(shop_db, "recall", "--sku", "DRL-18V", "--lot", "L1", "--reason", "Overheating", "--csv", str(ok))
    assert [r["serial"] for r in csv.DictReader(ok.open())] == ["A1", "A2", "A3"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_file_that_fails_after_the_recall_was_saved_is_reported_not_a_crash(
        sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    db = sqlite_url.removeprefix("sqlite:///")
    run(db, "product", "add", "DRL-18V", "--name", "Drill")
    run(db, "supplier", "add", "Makita Europe")
    run(db, "receive", "--supplier", "V-0001", "--sku", "DRL-18V", "--lot", "L1", "A1", "A2")

    def disk_full(*_: object) -> None:
        raise DomainError(f"Cannot write {tmp_path / 'r.csv'}: the disk is full.", code="path_problem")

    monkeypatch.setattr("serialdesk.commands.trace.write_csv", disk_full)
    monkeypatch.setenv("SERIALDESK_PIN", "1234")
    code = cli.main(["--db", db, "recall", "--sku", "DRL-18V", "--lot", "L1", "--reason", "Hot",
                     "--csv", str(tmp_path / "r.csv")])
    assert code == 3
    assert capsys.readouterr().err.strip() == (
        f"Recall RC-0001 was saved (2 units held); the CSV could not be written: Cannot write {tmp_path / 'r.csv'}: "
        "the disk is full.")


def test_exports_and_the_database_option_name_the_path_in_one_sentence(shop_db: str, tmp_path: Path) -> None:
    for what in ("suppliers", "products", "customers", "items"):
        refused = run(shop_db, "export", what, "/no/dir/a.csv", check=3)
        assert refused.stderr.strip() == "Cannot write /no/dir/a.csv: the folder does not exist."
    folder = run(shop_db, "export", "items", str(tmp_path), check=3)
    assert folder.stderr.strip() == f"Cannot write {tmp_path}: it is a folder."
    text_file = tmp_path / "notes.txt"
    text_file.write_text("shopping list\n")
    refused = run(str(text_file), "report", "stock", check=3)  # named as damaged, as any unreadable database is
    assert str(text_file) in refused.stderr and "damaged" in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert text_file.read_text() == "shopping list\n"
    assert "there is no such file" in run(shop_db, "import", "items", "/no/such.csv", check=3).stderr


# ---- finding 7: text that is not clean Unicode ------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["parse-scan", "SN\udc80"],
    ["customer", "add", "Jos\udce9"],
    ["receive", "--supplier", "Jos\udce9", "--sku", "DRL-18V", "B1"],
    ["receive", "--supplier=Jos\udce9", "--sku", "DRL-18V", "B1"],
])
def test_undecodable_bytes_in_an_argument_are_refused_naming_it(shop_db: str, args: list[str]) -> None:
    refused = run(shop_db, *[a.encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape") for a in args],
                  check=2)
    assert "contains bytes that are not UTF-8 text" in refused.stderr
    assert "\\x80" in refused.stderr or "\\xe9" in refused.stderr
    assert customers(shop_db) == ["Jane Smith"]
    assert "B1" not in run(shop_db, "export", "items", "-").stdout


def test_nul_and_bad_bytes_in_files_are_refused_with_their_line(shop_db: str, tmp_path: Path) -> None:
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"name\nGood\nBad\x00Name\n")
    assert "line 3, column 1: contains a NUL character" in run(shop_db, "import", "customers", str(nul),
                                                               check=3).stderr
    assert customers(shop_db) == ["Jane Smith"]
    files = {"latin.txt": "serial\nB1\nJos\xe9\n".encode("latin-1"),
             "long.txt": b"serial\n" + b"B" * 130_000 + b"\n",
             "nul.txt": b"B1\nB\x002\n"}
    expect = {"latin.txt": "line 3 has the byte 0xE9", "long.txt": "line 2 is 130,000 characters long",
              "nul.txt": "line 2 contains a NUL character"}
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        refused = run(shop_db, "receive", "--supplier", "V-0001", "--sku", "DRL-18V", "--from-file", str(path),
                      check=3)
        assert expect[name] in refused.stderr
    assert "B1" not in run(shop_db, "export", "items", "-").stdout
