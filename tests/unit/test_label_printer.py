"""ZPL straight to a label printer's raw port, against real sockets on 127.0.0.1 that this test listens on: what
arrives is exactly the labels, one ^XA…^XZ each; a closed port, a printer that hangs up early, one that stops
reading, and an unknown host each give the clerk a plain sentence."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from serialdesk.domain.errors import DomainError
from serialdesk.labels import LabelData
from serialdesk.labels.printer import PrinterAddress, printer_address, send_zpl
from serialdesk.labels.render import zpl_document

SERIALS = ["L2406A-00017-3", "SN000000175", "A1b2.C3/D4+E5#F6"]
LABELS = [LabelData(serial, "DRL-18V", "Cordless drill 18 V", "L2406A") for serial in SERIALS]


@contextmanager
def printer(handle: Callable[[socket.socket], bytes]) -> Iterator[tuple[PrinterAddress, list[bytes]]]:
    """A one-connection printer on 127.0.0.1: ``handle`` gets the accepted connection; what it returns is kept."""
    server = socket.create_server(("127.0.0.1", 0))
    received: list[bytes] = []

    def serve() -> None:
        connection, _ = server.accept()
        with connection:
            received.append(handle(connection))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield PrinterAddress("127.0.0.1", server.getsockname()[1]), received
    finally:
        thread.join(10)
        server.close()


def read_all(connection: socket.socket) -> bytes:
    chunks = []
    while chunk := connection.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_every_label_arrives_whole_as_one_zpl_format_each() -> None:
    zpl = zpl_document(LABELS, layout="roll-62x29", symbology="datamatrix")
    with printer(read_all) as (address, received):
        sent = send_zpl(address, zpl)
    data = received[0].decode("utf-8")
    assert data == zpl and sent == len(zpl.encode())
    formats = re.findall(r"\^XA.*?\^XZ", data, flags=re.S)
    assert len(formats) == len(SERIALS)
    for serial, label in zip(SERIALS, formats, strict=True):  # in order, each label's symbol carries its serial
        assert f"^FD{serial}^FS" in label


def test_a_closed_port_is_refused_in_plain_words() -> None:
    free = socket.create_server(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()
    with pytest.raises(DomainError) as refused:
        send_zpl(PrinterAddress("127.0.0.1", port), "^XA^XZ")
    assert refused.value.code == "printer_refused"
    assert f"127.0.0.1:{port} refused the connection" in refused.value.message


def test_a_printer_that_hangs_up_early_is_a_failed_print() -> None:
    zpl = zpl_document(LABELS, layout="roll-62x29", symbology="code128") * 2000  # ~1.5 MB, past the buffers

    def hang_up(connection: socket.socket) -> bytes:
        return connection.recv(1000)  # then closes with data unread: the sender gets a reset

    with printer(hang_up) as (address, received), pytest.raises(DomainError) as dropped:
        send_zpl(address, zpl)
    assert dropped.value.code == "printer_dropped"
    assert "closed the connection before all the labels were sent" in dropped.value.message
    assert 0 < len(received[0]) < len(zpl)


def test_a_printer_that_stops_reading_times_out() -> None:
    stop = threading.Event()

    def stall(connection: socket.socket) -> bytes:
        stop.wait(10)
        return b""

    try:
        with printer(stall) as (address, _), pytest.raises(DomainError) as stalled:
            send_zpl(address, "^XA^XZ\n" * 3_000_000, send_timeout=0.5)  # 21 MB: more than the socket buffers hold
    finally:
        stop.set()
    assert stalled.value.code == "printer_timeout"
    assert "stopped taking data" in stalled.value.message


def test_an_unknown_printer_name_says_so() -> None:
    with pytest.raises(DomainError) as unknown:
        send_zpl(PrinterAddress("no-such-printer.invalid"), "^XA^XZ")
    assert unknown.value.code == "printer_unknown_host"
    assert "No printer called no-such-printer.invalid" in unknown.value.message


@pytest.mark.parametrize(("text", "host", "port"), [
    ("192.168.1.50", "192.168.1.50", 9100), ("zebra-1:6101", "zebra-1", 6101), (" zebra ", "zebra", 9100),
    ("[::1]:9100", "::1", 9100), ("::1", "::1", 9100),
])
def test_printer_addresses(text: str, host: str, port: int) -> None:
    assert printer_address(text) == PrinterAddress(host, port)


@pytest.mark.parametrize("text", ["", "zebra:", "zebra:99999", "zebra:abc", "zeb ra", "a\x07b:9100", "http://x/"])
def test_bad_printer_addresses_are_refused(text: str) -> None:
    with pytest.raises(DomainError) as bad:
        printer_address(text)
    assert bad.value.code == "printer_bad_address"
