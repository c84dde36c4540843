"""What every document the customer takes home shares: the shop's letterhead, money and dates in the document's
language (Babel), and the way a finished HTML document becomes a PDF (painted by labels.pages)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from html import escape
from pathlib import Path

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal

from serialdesk.files import write_with
from serialdesk.labels.symbols import Symbol
from serialdesk.services.shop import ShopProfileView

LOGO = "shop-logo"


class Paper:
    """Formats for one shop's documents (its language and currency)."""

    def __init__(self, shop: ShopProfileView, currency: str | None = None) -> None:
        self.shop = shop
        self.locale = shop.language or "en"
        self.currency = currency or shop.currency

    def money(self, amount: Decimal, sign: str = "") -> str:
        """The amount in the document's language, never broken over two lines (HTML)."""
        text = sign + str(format_currency(amount, self.currency, locale=self.locale))
        return escape(text).replace(" ", "&nbsp;").replace("\u00a0", "&nbsp;")

    def percent(self, value: Decimal) -> str:
        return f"{format_decimal(value.normalize(), locale=self.locale)}&nbsp;%"

    def day(self, moment: datetime | None) -> str:
        return str(format_date(moment.astimezone(), format="medium", locale=self.locale)) if moment else "—"

    def moment(self, moment: datetime) -> str:
        return str(format_datetime(moment.astimezone(), format="medium", locale=self.locale))

    def letterhead(self, title: str, number: str, when: str) -> str:
        """Logo and shop on the left, the document's title, number and date on the right."""
        s = self.shop
        logo = f"<img src='{LOGO}' height='60'><br>" if s.logo else ""
        contact = "<br>".join(escape(x) for x in s.contact_lines)
        vat = f"<br>VAT no. {escape(s.vat_number)}" if s.vat_number else ""
        name = escape(s.name) if s.name else "<span style='color:#b91c1c'>(shop name not set)</span>"
        return (
            "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
            f"<td valign='top' width='60%'>{logo}<font size='+2'><b>{name}</b></font><br>"
            f"<span class='muted'>{contact}{vat}</span></td>"
            f"<td valign='top' align='right' width='40%'><font size='+3'><b>{escape(title)}</b></font><br>"
            f"<font size='+1'><b>{escape(number)}</b></font><br>"
            f"<span class='muted'>{escape(when)}</span></td>"
            "</tr></table><hr>"
        )

    def images(self, **more: bytes | Symbol) -> dict[str, bytes | Symbol]:
        found: dict[str, bytes | Symbol] = {LOGO: self.shop.logo} if self.shop.logo else {}
        found.update(more)
        return found


def address_block(name: str, number: str, address: str | None, extra: tuple[str, ...] = ()) -> str:
    lines = [f"<b>{escape(name)}</b> <span class='muted'>({escape(number)})</span>"]
    lines += [escape(x.strip()) for x in (address or "").splitlines() if x.strip()]
    lines += [escape(x) for x in extra if x]
    return "<br>".join(lines)


def write_document_pdf(html: str, out: Path, *, title: str, images: Mapping[str, bytes | Symbol]) -> Path:
    """The HTML as an A4 PDF at ``out``, written whole or not at all (DomainError naming the path)."""
    from serialdesk.labels.pages import write_html_pdf

    write_with(out, lambda temp: write_html_pdf(html, Path(temp), title=title, images=images))
    return out
