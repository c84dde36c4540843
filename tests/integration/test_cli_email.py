"""Issue 18 §5 on the command line: shop set --smtp-…, recall … --email, recall-show … --email, reprint … --email,
against a real SMTP server on 127.0.0.1; the password only ever comes from $SERIALDESK_SMTP_PASSWORD (or the
keyring) and appears in no file and no output."""

from __future__ import annotations

import os
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from tests.smtp_server import Mailbox, hang_up_server, smtp_server

from .test_cli import as_json, run

SECRET = "Sm7p-S3cret-pw"


def _shop(db: str) -> None:
    run(db, "shop", "set", "--name", "Velo Vogel GmbH", "--address", "Hauptstraße 12, 10115 Berlin", "--phone",
        "+49 30 1234567", "--email", "service@velovogel.de", "--vat-number", "DE123456789")
    run(db, "product", "add", "EB-VX25", "--name", "E-bike Vortex 25", "--price", "2499.00")
    run(db, "supplier", "add", "Vortex Bikes")
    run(db, "customer", "add", "Anna Schmidt", "--email", "anna@example.de", "--address", "Lindenallee 4\n10437 Berlin")
    run(db, "customer", "add", "Bernd Meier", "--email", "bernd@example.de")
    run(db, "customer", "add", "Carla Roth", "--address", "Am Markt 1\n14467 Potsdam")
    run(db, "receive", "--supplier", "Vortex Bikes", "--sku", "EB-VX25", "--lot", "25B04", "VX01", "VX02", "VX03")
    run(db, "sell", "--customer", "Anna Schmidt", "VX01", "--pay", "card")
    run(db, "sell", "--customer", "Bernd Meier", "VX02", "--pay", "card")
    run(db, "sell", "--customer", "Carla Roth", "VX03", "--pay", "card")


def _contacted(db: str) -> dict[str, bool]:
    shown = as_json(run(db, "recall-show", "RC-0001", "--json"))
    return {u["customer"]["name"]: u["contacted_at"] is not None for u in shown["units"]}


def test_recall_email_sends_marks_what_was_accepted_and_says_who_is_left(
        sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _shop(sqlite_url)
    monkeypatch.setenv("SERIALDESK_SMTP_PASSWORD", SECRET)
    box = Mailbox(refuse={"bernd@example.de"})
    with smtp_server(box, user="vogel", password=SECRET) as port:
        saved = run(sqlite_url, "shop", "set", "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--smtp-user",
                    "vogel", "--smtp-tls", "none")
        assert f"e-mail: through 127.0.0.1:{port} (none, user vogel) from service@velovogel.de" in saved.stdout
        first = run(sqlite_url, "recall", "--sku", "EB-VX25", "--reason", "Brake calliper may crack", "--email",
                    check=3)
        assert "e-mailed Anna Schmidt (C-0001) at anna@example.de: marked contacted" in first.stdout
        assert "NOT sent to Bernd Meier (C-0002) at bernd@example.de: the server refused bernd@example.de (550" \
            in first.stdout
        assert "To letter by post (no e-mail address): Carla Roth (C-0003)" in first.stdout
        assert _contacted(sqlite_url) == {"Anna Schmidt": True, "Bernd Meier": False, "Carla Roth": False}
        box.refuse.clear()  # Bernd's address works again: only he is written to the second time
        again = run(sqlite_url, "recall-show", "RC-0001", "--email")
        assert "1 of 1 e-mails accepted" in again.stdout
    assert [r for r, _ in box.received] == [["anna@example.de"], ["bernd@example.de"]]
    anna = box.received[0][1]
    assert anna["Subject"] == "Important safety recall: E-bike Vortex 25 (recall RC-0001)"
    assert "Brake calliper may crack" in anna.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert [a.get_filename() for a in anna.iter_attachments()] == ["recall-RC-0001-C-0001.pdf"]
    assert _contacted(sqlite_url) == {"Anna Schmidt": True, "Bernd Meier": True, "Carla Roth": False}
    # The password is in no output, not in the database file, nor in the station's settings.
    for proc in (saved, first, again, run(sqlite_url, "shop", "show", "--json")):
        assert SECRET not in proc.stdout + proc.stderr
    db_file = Path(sqlite_url.removeprefix("sqlite:///"))
    assert db_file.exists() and SECRET.encode() not in db_file.read_bytes()
    ini = Path(os.environ["SERIALDESK_CONFIG"])
    assert not ini.exists() or SECRET not in ini.read_text()


def test_without_a_mail_server_eml_files_go_beside_the_letters_and_nobody_is_marked(
        sqlite_url: str, tmp_path: Path) -> None:
    _shop(sqlite_url)
    letters = tmp_path / "out" / "letters.pdf"
    letters.parent.mkdir()
    done = run(sqlite_url, "recall", "--sku", "EB-VX25", "--reason", "Brake calliper may crack", "--email",
               "--letters", str(letters))
    folder = tmp_path / "out" / "RC-0001-emails"
    assert f"written as .eml files into {folder}" in done.stdout
    files = sorted(folder.glob("*.eml"))
    assert [f.name for f in files] == ["RC-0001-C-0001.eml", "RC-0001-C-0002.eml"]
    parsed = message_from_bytes(files[1].read_bytes(), policy=policy.default)
    assert parsed["To"] == "Bernd Meier <bernd@example.de>" and parsed["From"] == \
        "Velo Vogel GmbH <service@velovogel.de>"
    assert _contacted(sqlite_url) == {"Anna Schmidt": False, "Bernd Meier": False, "Carla Roth": False}
    refused = run(sqlite_url, "recall", "--sku", "EB-VX25", "--preview", "--email", check=2)
    assert "A preview e-mails nobody" in refused.stderr


def test_a_server_that_hangs_up_is_said_plainly_and_the_recall_is_still_saved(sqlite_url: str) -> None:
    _shop(sqlite_url)
    with hang_up_server() as port:
        run(sqlite_url, "shop", "set", "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--smtp-tls", "none")
        out = run(sqlite_url, "recall", "--sku", "EB-VX25", "--reason", "Brake calliper may crack", "--email",
                  check=3)
    assert f"Could not reach the mail server 127.0.0.1:{port}" in out.stdout and "Nothing was sent." in out.stdout
    assert "Traceback" not in out.stdout + out.stderr
    assert _contacted(sqlite_url) == {"Anna Schmidt": False, "Bernd Meier": False, "Carla Roth": False}


def test_reprint_email_sends_the_numbered_receipt_to_the_customer_or_another_address(
        sqlite_url: str, tmp_path: Path) -> None:
    _shop(sqlite_url)
    box = Mailbox()
    with smtp_server(box) as port:
        run(sqlite_url, "shop", "set", "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--smtp-tls", "none")
        sent = run(sqlite_url, "reprint", "SR-000001", "--email")
        assert "SR-000001 was e-mailed to anna@example.de." in sent.stdout
        run(sqlite_url, "reprint", "SR-000002", "--email", "--to", "office@meier.example")
        nobody = run(sqlite_url, "reprint", "SR-000003", "--email", check=3)
        assert "Carla Roth (C-0003) has no e-mail address on file: give --to ADDRESS." in nobody.stderr
        bad = run(sqlite_url, "reprint", "SR-000003", "--email", "--to", "not an address", check=2)
        assert "is not an e-mail address" in bad.stderr
    assert [r for r, _ in box.received] == [["anna@example.de"], ["office@meier.example"]]
    receipt = box.received[0][1]
    assert receipt["Subject"] == "Receipt SR-000001 — Velo Vogel GmbH"
    (pdf,) = list(receipt.iter_attachments())
    assert pdf.get_filename() == "SR-000001.pdf" and pdf.get_content().startswith(b"%PDF")
    missing = run(sqlite_url, "reprint", "SR-000001", check=2)
    assert "Give --out OUT.pdf" in missing.stderr


def test_a_mail_set_up_that_cannot_work_saves_no_recall_and_a_bad_address_is_said_for_that_customer(
        sqlite_url: str, tmp_path: Path) -> None:
    _shop(sqlite_url)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    refused = run(sqlite_url, "recall", "--sku", "EB-VX25", "--reason", "Brake calliper may crack", "--email",
                  "--eml-dir", str(blocker / "emails"), check=3)
    assert "for the .eml files" in refused.stderr and "Nothing was saved." in refused.stderr
    assert "There is no recall RC-0001" in run(sqlite_url, "recall-show", "RC-0001", check=None).stderr
    run(sqlite_url, "customer", "add", "Jörg Müller", "--email", "jörg@exämple.de")
    run(sqlite_url, "receive", "--supplier", "Vortex Bikes", "--sku", "EB-VX25", "VX04")
    run(sqlite_url, "sell", "--customer", "Jörg Müller", "VX04", "--pay", "card")
    out = run(sqlite_url, "recall", "--sku", "EB-VX25", "--reason", "Brake calliper may crack", "--email",
              "--eml-dir", str(tmp_path / "eml"), check=3)
    assert "NOT sent to Jörg Müller (C-0004) at jörg@exämple.de: 'jörg@exämple.de' is not an e-mail address a " \
        "message can be sent to. Still to contact." in out.stdout
    assert len(list((tmp_path / "eml").glob("*.eml"))) == 2 and "Traceback" not in out.stderr


def test_smtp_password_is_read_from_stdin_never_the_command_line(
        sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # never a developer's keyring
    _shop(sqlite_url)
    early = run(sqlite_url, "shop", "smtp-password", stdin=f"{SECRET}\n", check=2)
    assert "Set the mail server and user first" in early.stderr
    run(sqlite_url, "shop", "set", "--smtp-host", "mail.example", "--smtp-user", "vogel")
    empty = run(sqlite_url, "shop", "smtp-password", stdin="\n", check=2)
    assert "No password was given" in empty.stderr
    # A computer without a keyring: said so, with the way out, and the password is not echoed.
    none = run(sqlite_url, "shop", "smtp-password", stdin=f"{SECRET}\n", check=2)
    assert "SERIALDESK_SMTP_PASSWORD" in none.stderr and SECRET not in none.stdout + none.stderr
