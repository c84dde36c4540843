"""Real SMTP servers on 127.0.0.1 for the e-mail tests (issue 18 §5): aiosmtpd that keeps what it accepted and
refuses chosen recipients with 550, one that drops the connection mid-session, and a socket that hangs up."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Mailbox:
    """What the server accepted: (envelope recipients, parsed message)."""

    refuse: set[str] = field(default_factory=set)
    drop_after: int | None = None  # close the connection at the DATA of message number drop_after + 1
    received: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        if address.lower() in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.drop_after is not None and len(self.received) >= self.drop_after:
            server.transport.close()  # the line goes dead before the server answers the message
            return "421 closing"
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append((list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"


class _Auth:
    def __init__(self, box: Mailbox, user: str, password: str) -> None:
        self.box, self.user, self.password = box, user, password

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        if isinstance(data, LoginPassword):
            login = (data.login.decode(), data.password.decode())
            self.box.logins.append(login)
            return AuthResult(success=login == (self.user, self.password), handled=False)
        return AuthResult(success=False, handled=False)


@contextmanager
def smtp_server(box: Mailbox, user: str | None = None, password: str | None = None) -> Iterator[int]:
    """An aiosmtpd server on 127.0.0.1 (plain, AUTH allowed without TLS when a user is given); yields its port."""
    port = free_port()
    extra: dict[str, Any] = {}
    if user:
        extra = {"authenticator": _Auth(box, user, password or ""), "auth_require_tls": False}
    controller = Controller(box, hostname="127.0.0.1", port=port, **extra)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


@contextmanager
def hang_up_server() -> Iterator[int]:
    """A plain socket that accepts one connection and closes it at once, then stops."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(10)

    def serve() -> None:
        try:
            conn, _addr = listener.accept()
        except OSError:
            return
        conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        listener.close()
        thread.join(timeout=5)
