"""Print labels… with a GS1 Digital Link (issue 16): the dialog's option puts each unit's Digital Link, under the
station's resolver setting, in a QR code; the PDF scans back to those links, and a link names its unit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from tests.gui.test_labels_dialog import SERIALS, open_labels, posted_receipt, scanned_texts

from .conftest import GTIN, Shop

pytestmark = pytest.mark.gui


def test_the_digital_link_option_prints_qr_codes_of_the_units_links(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SERIALDESK_RESOLVER", "https://id.example-shop.com/dl")
    pane = posted_receipt(qtbot, open_window(), shop)
    dialog, _, _ = open_labels(qtbot, pane)
    assert not dialog.options().digital_link
    with qtbot.waitSignal(dialog.sig_rendered, timeout=20_000) as rendered:
        dialog.linkCheck.setChecked(True)
    options = dialog.options()
    assert (options.digital_link, options.symbology, options.resolver) == (True, "qr",
                                                                           "https://id.example-shop.com/dl")
    links = [f"https://id.example-shop.com/dl/01/{GTIN.zfill(14)}/21/{s}" for s in SERIALS]
    texts = scanned_texts(Path(rendered.args[0]), tmp_path / "qr")
    assert texts == links
    found = shop.services.lookup.passport(texts[0])  # the printed link names the unit again
    assert found.serial == SERIALS[0]
    dialog.reject()
