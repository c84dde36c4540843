"""CSV cells: what a spreadsheet would run is written as text, and read back exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serialdesk.documents.spreadsheet import FORMULA_START, guard_cell, read_table, unguard_cell, write_table
from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import clean_argument, shown, text_problem


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab1 ."), max_size=8) | st.text(max_size=12))
def test_any_cell_survives_export_and_import_and_never_starts_like_a_formula(value: str) -> None:
    guarded = guard_cell(value)
    assert not guarded.startswith(FORMULA_START)
    assert unguard_cell(guarded) == value


@pytest.mark.parametrize(("value", "numeric", "written"), [
    ("-5.00", True, "-5.00"), ("-5.00", False, "'-5.00"), ("-1+1", True, "'-1+1"), ("=A1", True, "'=A1"),
    ("+45 20 123456", False, "'+45 20 123456"), ("Plain", False, "Plain"), ("'=x", False, "''=x"),
])
def test_cells_a_spreadsheet_would_run_get_an_apostrophe_but_numbers_stay(value: str, numeric: bool,
                                                                          written: str) -> None:
    assert guard_cell(value, numeric=numeric) == written


def test_a_written_table_reads_back_the_same(tmp_path: Path) -> None:
    rows = [{"name": '=HYPERLINK("x")', "cost": "-1.50", "note": "line 1\nline 2"}, {"name": "@a", "cost": "2"}]
    path = tmp_path / "t.csv"
    assert write_table(path, ["name", "cost", "note"], rows, numeric={"cost"}) == 2
    assert "'=HYPERLINK" in path.read_text() and ",-1.50," in path.read_text()
    table = read_table(path, {"name", "cost", "note"})
    assert table.rows == ({**rows[0]}, {"name": "@a", "cost": "2", "note": ""}) and table.lines == (2, 4)


def test_text_that_cannot_be_stored_is_named() -> None:
    assert text_problem("ok") is None
    assert text_problem("a\x00b") == "contains a NUL character"
    assert text_problem("Jos\udce9") == "contains bytes that are not UTF-8 text"
    assert shown("Jos\udce9\x00") == "Jos\\xe9\\x00"
    with pytest.raises(DomainError, match=r"The supplier 'Jos\\xe9' contains bytes"):
        clean_argument("Jos\udce9", "The supplier")


@given(data=st.binary(max_size=200) | st.text(alphabet=st.sampled_from('ab,;"\n\r\t\x00\'=é'), max_size=60).map(
    lambda t: t.encode("utf-8")))
def test_any_file_is_read_or_refused_in_a_sentence(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.csv"
    path.write_bytes(data)
    try:
        table = read_table(path, {"a", "b"})
    except DomainError as exc:
        assert exc.message and "\n" not in exc.message.replace(str(path), "")
        return
    for row in table.rows:
        assert all(text_problem(v) is None for v in row.values())
        assert len(row) <= len(table.columns)
