"""Every pane, as the clerk sees it after some real work, saved as PNG at 1366×768 and 1920×1080 into
test-screenshots/ (the run prints the folder at its end) — for a person to look at after each change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow

from .conftest import GTIN, SCREENSHOTS, Shop
from .test_receiving_pane import receiving, wedge_scan
from .test_service_pane import service

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_each_pane_is_saved_as_a_screenshot(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], size: tuple[int, int]
) -> None:
    shop.stock("SN001", "SN002")
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    window = open_window()
    window.resize(*size)
    pane = receiving(window)
    for text in (GTIN, "SN100", "SN101", "SN002"):  # the last is refused: already in stock
        wedge_scan(qtbot, window, pane, text)
    desk = service(window)
    with qtbot.waitSignal(desk.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("SN001")  # type: ignore[union-attr]
    SCREENSHOTS.mkdir(exist_ok=True)
    for key in window.panes:
        window.show_pane(key)
        qtbot.waitUntil(lambda: not window.runner.busy)
        path = SCREENSHOTS / f"{size[0]}x{size[1]}-{key}.png"
        assert window.grab().save(str(path))
        image = QImage(str(path))
        assert (image.width(), image.height()) == size
        colours = {image.pixel(x, y) for x in range(0, size[0], 13) for y in range(0, size[1], 11)}
        assert len(colours) > 3, f"{path} looks blank"
    assert sorted(p.name for p in Path(SCREENSHOTS).glob(f"{size[0]}x{size[1]}-*.png")) == sorted(
        f"{size[0]}x{size[1]}-{key}.png" for key in window.panes)
