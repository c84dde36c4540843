"""shop set | show: the shop's profile every station prints (issue 18)."""

from __future__ import annotations

import argparse
from pathlib import Path

from serialdesk.commands.context import Context, UsageError
from serialdesk.services.shop import SMTP_TLS_MODES, ShopProfileView

_FIELDS = ("name", "address", "phone", "email", "vat_number", "receipt_footer", "repair_terms", "language",
           "currency", "rate_standard", "rate_reduced", "rate_zero", "counter_discount_limit", "smtp_host",
           "smtp_port", "smtp_tls", "smtp_user", "smtp_sender")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    shop = sub.add_parser("shop", help="the shop's profile on receipts, job sheets and letters")
    commands = shop.add_subparsers(dest="shop_command", required=True)
    p = commands.add_parser("set", parents=[common], help="change the shop's profile (manager)")
    p.add_argument("--name")
    p.add_argument("--address", help="the postal address; lines separated by a newline or ', '")
    p.add_argument("--phone")
    p.add_argument("--email")
    p.add_argument("--vat-number", help="VAT or company registration number")
    p.add_argument("--logo", metavar="FILE", help="PNG or JPEG image (under 1 MB); --no-logo removes it")
    p.add_argument("--no-logo", action="store_true")
    p.add_argument("--receipt-footer")
    p.add_argument("--repair-terms", help="printed on every job sheet above the signature")
    p.add_argument("--language", help="language of documents, e.g. en, de, fr, nl (money and dates)")
    p.add_argument("--currency", help="ISO code, e.g. EUR, GBP, CHF")
    prices = p.add_mutually_exclusive_group()
    prices.add_argument("--prices-incl-tax", dest="prices_include_tax", action="store_const", const=True)
    prices.add_argument("--prices-excl-tax", dest="prices_include_tax", action="store_const", const=False)
    p.add_argument("--rate-standard", metavar="PERCENT")
    p.add_argument("--rate-reduced", metavar="PERCENT")
    p.add_argument("--rate-zero", metavar="PERCENT")
    p.add_argument("--counter-discount-limit", metavar="PERCENT",
                   help="the most a counter clerk may take off a line (managers: any)")
    mail = p.add_argument_group("e-mail (receipts, recall letters); the password: shop smtp-password")
    mail.add_argument("--smtp-host", metavar="HOST", help="the shop's mail server ('' : none, write .eml files)")
    mail.add_argument("--smtp-port", metavar="PORT", help="e.g. 587 (STARTTLS), 465 (SSL); 0: the usual one")
    mail.add_argument("--smtp-tls", choices=SMTP_TLS_MODES, help="how the connection is secured (default starttls)")
    mail.add_argument("--smtp-user", metavar="USER", help="the mail account's user name ('' : no login)")
    mail.add_argument("--smtp-sender", metavar="ADDRESS", help="the From address (default: the shop's --email)")
    p.set_defaults(handler=run_set)
    p = commands.add_parser("smtp-password", parents=[common],
                            help="put the mail account's password into this computer's keyring (read from stdin)")
    p.add_argument("--forget", action="store_true", help="remove it from the keyring")
    p.set_defaults(handler=run_smtp_password)
    p = commands.add_parser("show", parents=[common], help="the shop's profile")
    p.set_defaults(handler=run_show)
    p = sub.add_parser("reprint", parents=[common], help="a receipt, credit receipt or job sheet again, as a PDF "
                       "(--email: to the customer)")
    p.add_argument("document", metavar="SR-…|S-…|CN-…|T-…")
    p.add_argument("--out", metavar="OUT.pdf", help="where the PDF goes (required unless --email)")
    p.add_argument("--email", action="store_true", help="e-mail the receipt's PDF to the customer")
    p.add_argument("--to", metavar="ADDRESS", help="with --email: this address instead of the customer's")
    p.add_argument("--eml-dir", metavar="DIR", help="with --email and no mail server: where the .eml goes")
    p.set_defaults(handler=run_reprint)


def profile_text(v: ShopProfileView) -> str:
    lines = [v.name or "(no shop name yet: shop set --name …)"]
    lines += [f"  {x}" for x in v.contact_lines]
    lines += [f"  VAT/company no. {v.vat_number or '—'}",
              f"  documents in {v.language}, money in {v.currency}, prices "
              f"{'include' if v.prices_include_tax else 'exclude'} tax",
              f"  tax rates: standard {v.rate_standard} %, reduced {v.rate_reduced} %, zero {v.rate_zero} %",
              f"  a counter clerk may give up to {v.counter_discount_limit} % off a line",
              "  logo: " + (f"{v.logo_type.upper()} ({len(v.logo)} bytes)" if v.logo else "none"),
              "  e-mail: " + (f"through {v.smtp_host}:{v.port} ({v.smtp_tls}"
                              + (f", user {v.smtp_user}" if v.smtp_user else ", no login")
                              + f") from {v.sender or '(no sender: shop set --email …)'}" if v.smtp_host
                              else "no mail server set (e-mails are written as .eml files)")]
    if v.receipt_footer:
        lines.append(f"  receipt footer: {v.receipt_footer}")
    if v.repair_terms:
        lines.append(f"  repair terms: {v.repair_terms[:70]}{'…' if len(v.repair_terms) > 70 else ''}")
    if v.missing:
        lines.append(f"  missing for receipts: {', '.join(v.missing)}")
    return "\n".join(lines)


def run_set(ctx: Context) -> int:
    a = ctx.args
    changes: dict[str, object] = {f: getattr(a, f) for f in _FIELDS}
    changes["prices_include_tax"] = a.prices_include_tax
    if a.logo and a.no_logo:
        raise UsageError("Give --logo FILE or --no-logo, not both.")
    if a.no_logo:
        changes["logo"] = b""
    elif a.logo:
        try:
            changes["logo"] = Path(a.logo).read_bytes()
        except OSError as exc:
            raise UsageError(f"Cannot read the logo {a.logo}: {exc.strerror or exc}.") from None
    view = ctx.services.shop.update_profile(**changes)
    return ctx.emit(view.public(), lambda: "Shop profile saved.\n" + profile_text(view))


def run_show(ctx: Context) -> int:
    view = ctx.services.shop.profile()
    return ctx.emit(view.public(), lambda: profile_text(view))


def run_smtp_password(ctx: Context) -> int:
    """The password never comes from the command line (it would be in the shell's history): typed at a prompt,
    or one line on stdin."""
    import getpass
    import sys

    from serialdesk.config import remember_smtp_password

    view = ctx.services.shop.profile()
    if not view.smtp_host or not view.smtp_user:
        raise UsageError("Set the mail server and user first: shop set --smtp-host … --smtp-user ….")
    if ctx.args.forget:
        password = ""
    elif sys.stdin.isatty():
        password = getpass.getpass(f"Password of {view.smtp_user} on {view.smtp_host}: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not ctx.args.forget and not password:
        raise UsageError("No password was given (type it, or pipe it on stdin).")
    if not remember_smtp_password(view.smtp_host, view.smtp_user, password):
        raise UsageError("This computer has no keyring: give the password in $SERIALDESK_SMTP_PASSWORD instead.")
    what = "removed from" if ctx.args.forget else "kept in"
    return ctx.emit({"account": f"{view.smtp_user}@{view.smtp_host}", "stored": not ctx.args.forget},
                    f"The password of {view.smtp_user} on {view.smtp_host} is {what} this computer's keyring.")


def run_reprint(ctx: Context) -> int:
    """SR-000001 / S-0001: the sale's receipt · CN-000001: a credit receipt · T-0001: the ticket's job sheet (the
    hand-back sheet once it is closed)."""
    from serialdesk.commands import paperwork

    if ctx.args.email:
        from serialdesk.commands.mailing import email_receipt

        return email_receipt(ctx, ctx.args.document.strip(), ctx.args.to, ctx.args.out, ctx.args.eml_dir)
    if ctx.args.to or ctx.args.eml_dir:
        raise UsageError("--to and --eml-dir go with --email.")
    if not ctx.args.out:
        raise UsageError("Give --out OUT.pdf (or --email to send it to the customer).")
    ref, out = ctx.args.document.strip(), paperwork.document_target(ctx.args.out)
    assert out is not None
    written = paperwork.reprint(ctx, ref, out)
    return ctx.emit({"document": ref.upper(), "file": str(written)}, f"{ref.upper()} saved as {written}.")
