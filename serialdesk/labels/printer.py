"""ZPL straight to a label printer's raw socket (port 9100, "JetDirect"), as Zebra and most label printers take it.

No Qt. Every failure is a DomainError in the clerk's words (refused, unknown printer, no answer, the line cut
while sending); ``send_zpl`` returns only when every byte was handed over and the printer did not reset the
connection, so nothing counts as printed unless all of it was sent.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass

from serialdesk.domain.errors import DomainError

RAW_PORT = 9100
CONNECT_TIMEOUT_S = 5.0
SEND_TIMEOUT_S = 20.0  # a printer that takes no data for this long is stuck (out of labels, lid open)
SETTLE_S = 0.3  # after the last byte: time for a printer that closed early to say so (a reset)


@dataclass(frozen=True)
class PrinterAddress:
    host: str
    port: int = RAW_PORT

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def printer_address(text: str) -> PrinterAddress:
    """``HOST``, ``HOST:PORT`` or ``[IPv6]:PORT`` (port 9100 when not given); DomainError for anything else."""
    value = text.strip()
    host, port = value, str(RAW_PORT)
    if value.startswith("["):
        inside, _, rest = value[1:].partition("]")
        host, port = inside, rest[1:] if rest.startswith(":") else (rest or str(RAW_PORT))
    elif value.count(":") == 1:
        host, port = value.split(":")
    bad = not host or any(ch.isspace() or ord(ch) < 32 for ch in host) or "/" in host
    if bad or not port.isdigit() or not 0 < int(port) < 65536:
        raise DomainError(f"'{text}' is not a printer address: use HOST or HOST:PORT, e.g. 192.168.1.50:9100.",
                          code="printer_bad_address")
    return PrinterAddress(host, int(port))


def send_zpl(address: PrinterAddress, zpl: str, *, connect_timeout: float = CONNECT_TIMEOUT_S,
             send_timeout: float = SEND_TIMEOUT_S, settle: float = SETTLE_S) -> int:
    """Send ``zpl`` (UTF-8, as its ^CI28 says) to the printer; returns the bytes sent (all of them)."""
    data = zpl.encode("utf-8")
    where = f"the label printer at {address}"
    try:
        connection = socket.create_connection((address.host, address.port), timeout=connect_timeout)
    except socket.gaierror:
        raise DomainError(f"No printer called {address.host} is known on this network: check the name or use its "
                          f"IP address.", code="printer_unknown_host") from None
    except ConnectionRefusedError:
        raise DomainError(f"{where.capitalize()} refused the connection: is it switched on, and is {address.port} "
                          f"its raw printing port?", code="printer_refused") from None
    except TimeoutError:
        raise DomainError(f"{where.capitalize()} did not answer within {connect_timeout:g} s: check that it is on "
                          f"and on the network.", code="printer_timeout") from None
    except OSError as exc:
        raise DomainError(f"Cannot reach {where}: {exc.strerror or exc}.", code="printer_unreachable") from None
    with connection:
        connection.settimeout(send_timeout)
        try:
            connection.sendall(data)
            connection.shutdown(socket.SHUT_WR)  # the end of the job: the printer may close now
            _settle(connection, settle)
        except TimeoutError:
            raise DomainError(f"{where.capitalize()} stopped taking data: the labels were not all sent (check its "
                              f"labels and ribbon, then print again).", code="printer_timeout") from None
        except OSError:  # reset, broken pipe: it closed while we were sending
            raise DomainError(f"{where.capitalize()} closed the connection before all the labels were sent: "
                              f"nothing is counted as printed; check the printer, then print again.",
                              code="printer_dropped") from None
    return len(data)


def _settle(connection: socket.socket, seconds: float) -> None:
    """Wait briefly for the printer's side: a close is fine (it read everything), silence is fine (it keeps the
    line open), a reset means it threw data away (raises ConnectionResetError)."""
    connection.settimeout(seconds)
    try:
        while connection.recv(4096):  # some printers answer with status text: read and ignore it
            pass
    except TimeoutError:
        return
