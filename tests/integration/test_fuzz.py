"""Fuzzing what arrives from outside — scans, CLI arguments — against a real database: a scan is taken or
refused with a DomainError and nothing is written on refusal; the CLI never ends in a traceback."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serialdesk.bootstrap import App, Services
from serialdesk.cli import main
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError

pytestmark = pytest.mark.fuzz

scan_text = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=80),
    st.from_regex(r"\]C1(01\d{14})(10[A-Z0-9]{1,20})?\x1d?(21[A-Z0-9]{1,20})?", fullmatch=True),
    st.from_regex(r"[A-Z0-9\-]{1,70}", fullmatch=True),
)


@pytest.fixture(scope="module")
def shop_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'shop.db'}"
    app = App(Settings(db_url=url, user="admin", station="fuzz"))
    app.init_schema("1234")
    services = app.services(app.actor())
    services.catalogue.add_product("DRL-18V", "Drill", gtin="4006381333931", warranty_months=24)
    services.catalogue.add_product("BIKE", "Bike", serial_source="generated", serial_pattern="B{SEQ:5}{CHK:luhn}")
    services.catalogue.add_supplier("Makita Europe")
    services.catalogue.add_customer("Jane Smith")
    services.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["S1", "S2"])
    app.close()
    yield url


@pytest.fixture(scope="module")
def services(shop_url: str) -> Iterator[Services]:
    app = App(Settings(db_url=shop_url, user="admin", station="fuzz"))
    yield app.services(app.actor())
    app.close()


@given(text=scan_text, sku=st.sampled_from(["DRL-18V", "BIKE"]))
def test_any_scan_is_taken_or_refused_and_a_refusal_writes_nothing(services: Services, text: str, sku: str) -> None:
    draft = services.receiving.open_receipt()
    try:
        result = services.scans.classify(text, sku)
        serial = result.serial or text
        services.receiving.add_scan(draft.id, sku, serial)
    except DomainError as exc:
        assert exc.message.strip() and exc.code
        assert services.receiving.receipt(draft.id).count == 0
    finally:
        services.receiving.cancel_receipt(draft.id)


COMMANDS = [["lookup"], ["sell", "--customer", "Jane Smith"], ["parse-scan"], ["parse-scan", "--sku", "BIKE"],
            ["return", "--to", "stock", "--reason", "x"], ["ticket", "open", "--problem", "p"],
            ["recall", "--sku", "DRL-18V", "--preview", "--lot"], ["customer", "find"],
            ["product", "add", "--name", "n"],
            ["receive", "--supplier", "Makita Europe", "--sku", "DRL-18V"], ["receipts"], ["report", "stock"],
            ["sell", "--customer"], ["ticket", "close"], ["recall-show"]]


@pytest.fixture(scope="module")
def signed_in() -> Iterator[None]:
    """The command line signs in with SERIALDESK_PIN (the template admin's 1234), so the fuzzing reaches past the
    sign-in into each command."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SERIALDESK_PIN", "1234")
        patch.delenv("SERIALDESK_USER", raising=False)
        yield


@given(command=st.sampled_from(COMMANDS), words=st.lists(st.text(max_size=30), max_size=3),
       json=st.booleans())
def test_the_command_line_answers_any_arguments_with_an_exit_code(shop_url: str, signed_in: None, command: list[str],
                                                                   words: list[str], json: bool) -> None:
    argv = ["--db", shop_url, *(["--json"] if json else []), *command, *words]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse: usage errors and --help
            code = exit_.code if isinstance(exit_.code, int) else 2
    assert code in (0, 2, 3, 4), (argv, code, err.getvalue())
    assert "Traceback" not in err.getvalue()
    if code in (3, 4):
        assert err.getvalue().strip(), argv  # a refusal always says why


def test_fuzz_database_stays_healthy(services: Services, shop_url: str) -> None:
    assert services.maintenance.check() == []
    assert Path(shop_url.removeprefix("sqlite:///")).exists()
