"""Issue 18 §5 in the window: the recall pane's "E-mail letters" sends through a real SMTP server on 127.0.0.1 and
marks only the accepted customers; the shop profile's mail password goes to the keyring, never to QSettings or
the database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from serialdesk.config import KEYRING_SERVICE, smtp_account
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.settings_dialog import SettingsDialog
from tests.smtp_server import Mailbox, smtp_server

from .conftest import Shop
from .test_recall_pane import preview_lot, recalls, start
from .test_settings_secrets import MemoryKeyring

pytestmark = pytest.mark.gui


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(fail.Keyring())


def test_e_mail_letters_sends_through_the_shop_server_and_marks_only_the_accepted(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    services = shop.services
    tom = services.catalogue.add_customer("Tom Olsen", email="tom@example.net")
    eva = services.catalogue.add_customer("Eva Berg", email="eva@example.net")
    services.receiving.receive_units(supplier=shop.supplier.number, sku="DRL-18V", serials=["SN001", "SN002", "SN003"],
                                     lot="L2406A")
    services.sales.sell_items(tom.number, ["SN001"])
    services.sales.sell_items(eva.number, ["SN002"])
    services.sales.sell_items(shop.customer.number, ["SN003"])  # Jane Smith: no e-mail address
    services.shop.update_profile(name="Nordic Tools", email="service@nordic.example")
    box = Mailbox(refuse={"eva@example.net"})
    with smtp_server(box) as port:
        services.shop.update_profile(smtp_host="127.0.0.1", smtp_port=port, smtp_tls="none")
        pane = recalls(qtbot, open_window())
        preview_lot(qtbot, pane, "L2406A")
        view = start(qtbot, pane, "Battery contacts overheat")
        button = pane.findChild(QPushButton, "emailLettersButton")
        assert isinstance(button, QPushButton) and button.isEnabled() and button.text() == "E-mail letters"
        with qtbot.waitSignal(pane.mailing.sig_mailed, timeout=20000) as mailed:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    report = mailed.args[0]
    assert [r for r, _ in box.received] == [["tom@example.net"]]
    assert box.received[0][1]["Subject"] == "Important safety recall: Cordless drill 18V (recall RC-0001)"
    assert pane.ui.banner.tone == "warn" and "NOT sent to Eva Berg" in pane.ui.banner.text()
    assert "To letter by post (no e-mail address): Jane Smith" in report.text()
    now = services.recalls.recall(view.id or 0)
    assert {u.customer.name: u.contacted_at is not None for u in now.units if u.customer} == {
        "Tom Olsen": True, "Eva Berg": False, "Jane Smith": False}


def test_the_mail_password_goes_to_the_keyring_never_to_the_settings_file_or_database(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], memory_keyring: MemoryKeyring
) -> None:
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    settings = QApplication.activeModalWidget()
    assert isinstance(settings, SettingsDialog)
    dialog = window.open_shop_settings(settings)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=5000)
    dialog.lines["smtp_host"].setText("mail.nordic.example")
    dialog.lines["smtp_port"].setText("465")
    dialog.lines["smtp_user"].setText("shop")
    dialog.tls.setCurrentText("ssl")
    dialog.password.setText("Gui-Mail-Pw-9")
    with qtbot.waitSignal(dialog.sig_saved, timeout=5000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    saved = shop.services.shop.profile()
    assert (saved.smtp_host, saved.port, saved.smtp_tls, saved.smtp_user) == ("mail.nordic.example", 465, "ssl",
                                                                            "shop")
    assert memory_keyring.saved == {(KEYRING_SERVICE, smtp_account("mail.nordic.example", "shop")): "Gui-Mail-Pw-9"}
    assert "Gui-Mail-Pw-9" not in repr(saved.public())
    store = QSettings()
    store.sync()
    ini = Path(store.fileName())
    assert all("Gui-Mail-Pw-9" not in str(store.value(k)) for k in store.allKeys())
    assert not ini.is_file() or b"Gui-Mail-Pw-9" not in ini.read_bytes()


def test_e_mail_receipt_sends_the_numbered_receipt_pdf_to_the_customer(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    from .test_sales_pane import choose_customer, sales, scan

    shop.services.catalogue.add_customer("Tom Olsen", email="tom@example.net")
    shop.services.shop.update_profile(name="Nordic Tools", email="service@nordic.example")
    shop.stock("SN001", "SN002")
    window = open_window()
    pane = sales(window)
    button = pane.findChild(QPushButton, "emailReceiptButton")
    assert isinstance(button, QPushButton) and not button.isEnabled()
    choose_customer(qtbot, pane, "tom")
    scan(qtbot, window, pane, "SN001")
    with qtbot.waitSignal(pane.sig_sold, timeout=5000):
        qtbot.mouseClick(pane.ui.completeButton, Qt.MouseButton.LeftButton)
    sale = pane.last_sale
    assert sale is not None and button.isEnabled()
    box = Mailbox()
    with smtp_server(box) as port:
        shop.services.shop.update_profile(smtp_host="127.0.0.1", smtp_port=port, smtp_tls="none")
        with qtbot.waitSignal(pane.receipt_mailing.sig_mailed, timeout=20000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [r for r, _ in box.received] == [["tom@example.net"]]
    (pdf,) = list(box.received[0][1].iter_attachments())
    assert pdf.get_filename() == f"{sale.receipt_number}.pdf" and pdf.get_content().startswith(b"%PDF")
    assert pane.ui.banner.tone == "good" and f"{sale.receipt_number} was e-mailed to tom@example.net." in \
        pane.ui.banner.text()
    shop.services.shop.update_profile(smtp_host="")  # no server: the .eml goes into the folder picked
    with qtbot.waitSignal(pane.receipt_mailing.sig_mailed, timeout=20000):
        pane.receipt_mailing.send(sale, str(tmp_path))
    assert [p.name for p in tmp_path.glob("*.eml")] == [f"{sale.receipt_number}.eml"]
    assert pane.ui.banner.tone == "warn" and "nothing was sent" in pane.ui.banner.text()
