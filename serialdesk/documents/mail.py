"""E-mail through the shop's SMTP server (issue 18 §5): standard library smtplib and EmailMessage. Sending happens
outside any database transaction; the caller records what the server accepted, one service call per outcome.
Without an SMTP server the messages are written as .eml files instead. The password is never logged or shown."""

from __future__ import annotations

import os
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from types import TracebackType

from serialdesk.domain.errors import DomainError
from serialdesk.files import write_with
from serialdesk.services.shop import ShopProfileView

TIMEOUT = 30.0


class MailProblem(DomainError):
    """The mail server cannot be used at all (unreachable, dropped the connection, refused the login or sender):
    nothing more is sent in this session."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="mail_failed")


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    subtype: str = "pdf"


def message(shop: ShopProfileView, to: str, subject: str, body: str, attachments: tuple[Attachment, ...] = (),
            to_name: str = "") -> EmailMessage:
    """An e-mail from the shop (its sender address, else its own e-mail) with the files attached."""
    sender = shop.sender
    if not sender:
        raise DomainError("The shop has no e-mail address to send from: set one (shop set --email … or "
                          "--smtp-sender …).", code="no_sender")
    msg = EmailMessage()
    try:
        msg["From"] = Address(shop.name, addr_spec=sender)
        msg["To"] = Address(to_name, addr_spec=to)
    except (ValueError, IndexError, HeaderParseError):
        raise DomainError(f"'{to}' is not an e-mail address a message can be sent to.", code="bad_email") from None
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    if shop.phone:
        msg["Reply-To"] = sender
    msg.set_content(body)
    for a in attachments:
        msg.add_attachment(a.data, maintype="application", subtype=a.subtype, filename=a.filename)
    return msg


def mail_ready(shop: ShopProfileView, eml_dir: Path, *, create: bool = True) -> None:
    """Before anything is saved: the shop has an address to send from and, without a mail server, the .eml folder
    can be made (``create``; else: it exists) and written (DomainError in the user's words otherwise)."""
    if not shop.sender:
        raise DomainError("The shop has no e-mail address to send from: set one (shop set --email … or "
                          "--smtp-sender …). Nothing was saved.", code="no_sender")
    if not shop.smtp_host:
        try:
            if create:
                eml_dir.mkdir(parents=True, exist_ok=True)
            elif not eml_dir.is_dir():
                raise FileNotFoundError(2, "no such folder")
        except OSError as exc:
            raise DomainError(f"Cannot make the folder {eml_dir} for the .eml files: {exc.strerror or exc}. "
                              "Nothing was saved.", code="file_not_written") from None
        if not os.access(eml_dir, os.W_OK):
            raise DomainError(f"The folder {eml_dir} cannot be written to. Nothing was saved.",
                              code="file_not_written")


def check_address(text: str | None) -> str | None:
    """A customer's e-mail address as typed, or None when there is none to write to."""
    value = (text or "").strip()
    if not value or "@" not in value or any(c.isspace() or ord(c) < 32 for c in value):
        return None
    return value


class Outbox:
    """One SMTP session: ``with Outbox(shop, password) as box: box.send(msg)``. ``send`` returns None when the
    server accepted the message, or the server's refusal in the user's words; MailProblem when the server cannot
    be used any more (the connection dropped)."""

    def __init__(self, shop: ShopProfileView, password: str | None, timeout: float = TIMEOUT) -> None:
        if not shop.smtp_host:
            raise DomainError("No mail server is set: shop set --smtp-host … --smtp-port …", code="no_smtp")
        self.shop, self.password, self.timeout = shop, password, timeout
        self.where = f"{shop.smtp_host}:{shop.port}"
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Outbox:
        s = self.shop
        try:
            if s.smtp_tls == "ssl":
                self.smtp = smtplib.SMTP_SSL(s.smtp_host, s.port, timeout=self.timeout,
                                             context=ssl.create_default_context())
            else:
                self.smtp = smtplib.SMTP(s.smtp_host, s.port, timeout=self.timeout)
                if s.smtp_tls == "starttls":
                    self.smtp.starttls(context=ssl.create_default_context())
            if s.smtp_user:
                if not self.password:
                    raise MailProblem(f"No password for {s.smtp_user} on the mail server {self.where}: put it in "
                                      "this computer's keyring (Settings → Shop) or in $SERIALDESK_SMTP_PASSWORD.")
                self.smtp.login(s.smtp_user, self.password)
        except MailProblem:
            self._close()
            raise
        except smtplib.SMTPAuthenticationError:
            self._close()
            raise MailProblem(f"The mail server {self.where} refused the user name or password of "
                              f"{s.smtp_user}.") from None
        except smtplib.SMTPNotSupportedError:
            self._close()
            raise MailProblem(f"The mail server {self.where} does not offer "
                              f"{'STARTTLS' if s.smtp_tls == 'starttls' else 'a login'}: check --smtp-tls.") from None
        except (smtplib.SMTPException, OSError) as exc:
            self._close()
            raise MailProblem(f"Could not reach the mail server {self.where}: {_reason(exc)}.") from None
        return self

    def send(self, msg: EmailMessage) -> str | None:
        assert self.smtp is not None, "use Outbox in a with block"
        try:
            refused = self.smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            return "; ".join(f"the server refused {addr} ({_said(code, text)})"
                             for addr, (code, text) in exc.recipients.items())
        except smtplib.SMTPSenderRefused as exc:
            raise MailProblem(f"The mail server {self.where} refused the sender {self.shop.sender} "
                              f"({_said(exc.smtp_code, exc.smtp_error)}).") from None
        except smtplib.SMTPDataError as exc:
            return f"the server refused the message ({_said(exc.smtp_code, exc.smtp_error)})"
        except smtplib.SMTPNotSupportedError:
            return f"the server cannot take an address with letters outside A–Z ({msg['To']})"
        except (smtplib.SMTPServerDisconnected, smtplib.SMTPResponseException, OSError) as exc:
            self.smtp = None
            raise MailProblem(f"The mail server {self.where} dropped the connection: {_reason(exc)}.") from None
        if refused:
            return "; ".join(f"the server refused {a} ({_said(c, t)})" for a, (c, t) in refused.items())
        return None

    def _close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()
            self.smtp = None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._close()


def write_eml(msg: EmailMessage, folder: Path, name: str) -> Path:
    """The message as ``folder/name.eml`` (written whole, or not at all: DomainError naming the path)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(f"Cannot make the folder {folder}: {exc.strerror or exc}.", code="file_not_written") from None
    target = folder / f"{_safe(name)}.eml"
    data = msg.as_bytes()
    write_with(target, lambda temp: Path(temp).write_bytes(data))
    return target


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:120] or "message"


def _said(code: int, text: bytes | str) -> str:
    words = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{code} {words}".strip()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return "no answer in time"
    if isinstance(exc, ConnectionRefusedError):
        return "nothing is listening there (connection refused)"
    if isinstance(exc, socket.gaierror):
        return "no such server name"
    if isinstance(exc, ssl.SSLError):
        return f"the secure connection failed ({exc.reason or exc})"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return "the server closed the connection"
    if isinstance(exc, smtplib.SMTPResponseException):
        return _said(exc.smtp_code, exc.smtp_error)
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__
