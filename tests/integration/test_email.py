"""Recall letters by e-mail against a real SMTP server on 127.0.0.1 (aiosmtpd), on SQLite and PostgreSQL: what
arrives, what gets marked contacted, a refused recipient, a dropped connection, .eml files without a server."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from serialdesk.bootstrap import Services
from serialdesk.documents.recall_mail import EML, NOT_SENT, POST, REFUSED, SENT, email_recall_letters
from serialdesk.domain.errors import DomainError
from serialdesk.services.dto import PartyView, RecallCriteria, RecallView
from tests.smtp_server import Mailbox, hang_up_server, smtp_server


@pytest.fixture
def recalled(shop: Services, clock) -> tuple[Services, RecallView]:  # type: ignore[no-untyped-def]
    """Jane and Tom (both with e-mail) and Ole (none) each bought a recalled drill."""
    clock.now = datetime(2026, 5, 1, 9, tzinfo=UTC)
    shop.shop.update_profile(name="Nordic Tools", address="Havnegade 1, 1058 København", phone="+45 70 10 20 30",
                             email="service@nordic.example", vat_number="DK12345678")
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", lot="L1", serials=["A01", "A02", "A03"],
                                 at=datetime(2026, 3, 1, 9, tzinfo=UTC))
    shop.sales.sell_items("Jane Smith", ["A01"], at=datetime(2026, 3, 10, 12, tzinfo=UTC))
    tom = shop.catalogue.add_customer("Tom Olsen", email="tom@example.net")
    shop.sales.sell_items(tom.number, ["A02"], at=datetime(2026, 3, 11, 12, tzinfo=UTC))
    ole = shop.catalogue.add_customer("Ole Hansen", phone="+45 31 000000")
    shop.sales.sell_items(ole.number, ["A03"], at=datetime(2026, 3, 12, 12, tzinfo=UTC))
    return shop, shop.recalls.start_recall(RecallCriteria("DRL-18V", lots=("L1",)), "Overheating battery contacts")


def use_server(services: Services, port: int, **more: object) -> None:
    services.shop.update_profile(smtp_host="127.0.0.1", smtp_port=port, smtp_tls="none", **more)


def send(services: Services, view: RecallView, tmp_path: Path, password: str | None = None):  # type: ignore[no-untyped-def]
    def mark(p: PartyView, to: str) -> None:
        services.recalls.mark_contacted(view.id or 0, p.number, emailed_to=to)

    return email_recall_letters(view, services.shop.profile(), password=password, mark=mark,
                                eml_dir=tmp_path / "eml")


def contacted(services: Services, view: RecallView) -> dict[str, bool]:
    now = services.recalls.recall(view.id or 0)
    return {u.customer.name: u.contacted_at is not None for u in now.units if u.customer}


def test_a_delivered_letter_arrives_with_its_text_and_pdf_and_its_line_is_marked_contacted(
        recalled: tuple[Services, RecallView], tmp_path: Path) -> None:
    services, view = recalled
    box = Mailbox()
    with smtp_server(box) as port:
        use_server(services, port)
        report = send(services, view, tmp_path)
    assert {x.customer.split(" (")[0]: x.outcome for x in report.letters} == {
        "Jane Smith": SENT, "Tom Olsen": SENT, "Ole Hansen": POST}
    assert report.complete and len(box.received) == 2
    _rcpts, jane = next((r, m) for r, m in box.received if r == ["jane@example.net"])
    assert jane["To"] == "Jane Smith <jane@example.net>"
    assert jane["From"] == "Nordic Tools <service@nordic.example>"
    assert jane["Subject"] == "Important safety recall: Cordless drill 18V (recall RC-0001)"
    body = jane.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    assert "Dear Jane Smith," in text and "Overheating battery contacts" in text and "A01" in text
    assert "call us on +45 70 10 20 30" in text and "A02" not in text  # Tom's unit is in Tom's letter only
    (pdf,) = list(jane.iter_attachments())
    assert pdf.get_content_type() == "application/pdf" and pdf.get_filename() == "recall-RC-0001-C-0001.pdf"
    assert pdf.get_content().startswith(b"%PDF")
    assert contacted(services, view) == {"Jane Smith": True, "Tom Olsen": True, "Ole Hansen": False}
    assert "To letter by post (no e-mail address): Ole Hansen" in report.text()


def test_a_refused_recipient_stays_uncontacted_while_the_others_are_marked(
        recalled: tuple[Services, RecallView], tmp_path: Path) -> None:
    services, view = recalled
    box = Mailbox(refuse={"jane@example.net"})
    with smtp_server(box) as port:
        use_server(services, port)
        report = send(services, view, tmp_path)
    outcome = {x.customer.split(" (")[0]: x for x in report.letters}
    assert outcome["Jane Smith"].outcome == REFUSED and outcome["Tom Olsen"].outcome == SENT
    assert "550" in outcome["Jane Smith"].detail and "jane@example.net" in outcome["Jane Smith"].detail
    assert [r for r, _ in box.received] == [["tom@example.net"]]
    assert contacted(services, view) == {"Jane Smith": False, "Tom Olsen": True, "Ole Hansen": False}
    assert not report.complete
    assert "NOT sent to Jane Smith (C-0001) at jane@example.net" in report.text()


@pytest.mark.parametrize("when", ["at the first message", "at once"])
def test_a_server_that_drops_the_connection_gives_a_clear_message_and_marks_nothing(
        recalled: tuple[Services, RecallView], tmp_path: Path, when: str) -> None:
    services, view = recalled
    if when == "at once":
        with hang_up_server() as port:
            use_server(services, port)
            report = send(services, view, tmp_path)
        assert report.problem.startswith(f"Could not reach the mail server 127.0.0.1:{port}")
    else:
        box = Mailbox(drop_after=0)
        with smtp_server(box) as port:
            use_server(services, port)
            report = send(services, view, tmp_path)
        assert report.problem.startswith(f"The mail server 127.0.0.1:{port} dropped the connection")
        assert box.received == []
    assert "Nothing was sent." in report.problem
    assert {x.outcome for x in report.letters} == {NOT_SENT, POST}
    assert contacted(services, view) == {"Jane Smith": False, "Tom Olsen": False, "Ole Hansen": False}


def test_a_connection_dropped_after_one_letter_keeps_that_one_marked_and_the_rest_not(
        recalled: tuple[Services, RecallView], tmp_path: Path) -> None:
    services, view = recalled
    box = Mailbox(drop_after=1)
    with smtp_server(box) as port:
        use_server(services, port)
        report = send(services, view, tmp_path)
    assert [x.outcome for x in report.letters if x.outcome != POST] == [SENT, NOT_SENT]
    assert "Nothing was sent." not in report.problem and "dropped the connection" in report.problem
    assert contacted(services, view) == {"Jane Smith": True, "Tom Olsen": False, "Ole Hansen": False}


def test_without_a_mail_server_eml_files_are_written_that_parse_back_and_nobody_is_marked(
        recalled: tuple[Services, RecallView], tmp_path: Path) -> None:
    services, view = recalled
    report = send(services, view, tmp_path)
    assert report.eml_dir == str(tmp_path / "eml") and report.count(EML) == 2
    files = sorted((tmp_path / "eml").glob("*.eml"))
    assert [f.name for f in files] == ["RC-0001-C-0001.eml", "RC-0001-C-0002.eml"]
    parsed = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert parsed["To"] == "Jane Smith <jane@example.net>"
    assert [a.get_filename() for a in parsed.iter_attachments()] == ["recall-RC-0001-C-0001.pdf"]
    assert contacted(services, view) == {"Jane Smith": False, "Tom Olsen": False, "Ole Hansen": False}


def test_the_login_uses_the_password_given_and_a_wrong_one_is_said_plainly(
        recalled: tuple[Services, RecallView], tmp_path: Path) -> None:
    services, view = recalled
    box = Mailbox()
    with smtp_server(box, user="shop", password="pw-Correct-1") as port:
        use_server(services, port, smtp_user="shop")
        wrong = send(services, view, tmp_path, password="nope")
        assert "refused the user name or password of shop" in wrong.problem and "nope" not in wrong.text()
        right = send(services, view, tmp_path, password="pw-Correct-1")
    assert right.complete and len(box.received) == 2 and box.logins[-1] == ("shop", "pw-Correct-1")


def test_smtp_settings_are_checked_before_anything_is_saved(recalled: tuple[Services, RecallView]) -> None:
    services, _ = recalled
    for bad in ({"smtp_tls": "tls13"}, {"smtp_port": "99999"}, {"smtp_port": "x"}, {"smtp_host": "mail host"},
                {"smtp_sender": "no-at-sign"}):
        with pytest.raises(DomainError):
            services.shop.update_profile(**bad)
    view = services.shop.update_profile(smtp_host="mail.example", smtp_tls="SSL", smtp_user="shop")
    assert (view.smtp_host, view.port, view.smtp_tls, view.sender) == ("mail.example", 465, "ssl",
                                                                       "service@nordic.example")


@pytest.mark.parametrize(("tls", "said"), [("starttls", "does not offer STARTTLS: check --smtp-tls"),
                                           ("ssl", "the secure connection failed")])
def test_a_tls_mode_the_server_does_not_speak_is_said_plainly(tls: str, said: str) -> None:
    from serialdesk.documents.mail import MailProblem, Outbox
    from serialdesk.services.shop import ShopProfileView

    with smtp_server(Mailbox()) as port:
        shop = ShopProfileView(name="Nordic Tools", email="s@nordic.example", smtp_host="127.0.0.1", smtp_port=port,
                               smtp_tls=tls)
        with pytest.raises(MailProblem) as caught, Outbox(shop, None, timeout=10):
            pass
    assert said in caught.value.message and f"127.0.0.1:{port}" in caught.value.message
