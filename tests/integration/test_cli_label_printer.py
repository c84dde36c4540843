"""`serialdesk labels … --zpl --printer HOST:PORT`: the real command sends every label to a printer socket this test
listens on; a closed port or a printer that hangs up is a plain message, exit 3, and nothing reported printed."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from tests.integration.test_cli import as_json, run
from tests.unit.test_label_printer import printer, read_all

SERIALS = ["SN001", "SN002", "SN003"]


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("zpl") / "shop.db")
    run(db, "init", "--admin-pin", "1234")
    run(db, "product", "add", "DRL-18V", "--name", "Cordless drill 18V", "--price", "129.90")
    run(db, "supplier", "add", "Makita Europe")
    run(db, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "--lot", "L2406A", *SERIALS)
    return db


def test_labels_go_to_the_printer_socket_one_format_each(shop: str, tmp_path: Path) -> None:
    out = tmp_path / "copy.zpl"
    with printer(read_all) as (address, received):
        done = as_json(run(shop, "labels", "--receipt", "R-0001", "--zpl", "--printer", str(address),
                           "--out", str(out), "--json"))
    data = received[0].decode("utf-8")
    assert done["labels"] == 3 and done["printer"] == str(address) and done["bytes"] == len(received[0])
    assert out.read_text(encoding="utf-8") == data  # the copy kept is what the printer got
    formats = re.findall(r"\^XA.*?\^XZ", data, flags=re.S)
    assert [re.search(r"\^BCN.*?\^FD(.*?)\^FS", f).group(1) for f in formats] == SERIALS  # type: ignore[union-attr]
    assert all("Lot L2406A" in f for f in formats)


def test_a_closed_printer_port_is_a_plain_refusal(shop: str) -> None:
    free = socket.create_server(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()
    refused = run(shop, "labels", "SN001", "--zpl", "--printer", f"127.0.0.1:{port}", check=3)
    assert "refused the connection" in refused.stderr and "Traceback" not in refused.stderr
    assert refused.stdout == ""


def test_a_printer_that_hangs_up_is_not_reported_printed(shop: str) -> None:
    with printer(lambda connection: connection.recv(10)) as (address, _):
        dropped = run(shop, "labels", "--receipt", "R-0001", "--zpl", "--printer", str(address), check=3)
    assert "closed the connection before all the labels were sent" in dropped.stderr
    assert dropped.stdout == ""


def test_printer_needs_zpl_and_somewhere_to_go(shop: str) -> None:
    assert "add --zpl" in run(shop, "labels", "SN001", "--printer", "127.0.0.1", check=2).stderr
    assert "--out FILE, or --zpl --printer" in run(shop, "labels", "SN001", check=2).stderr
    assert "not a printer address" in run(shop, "labels", "SN001", "--zpl", "--printer", "zebra:x", check=3).stderr
