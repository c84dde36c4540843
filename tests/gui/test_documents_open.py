"""Documents open (issue 18 §7): after a PDF is saved, the banner offers "Open", which asks the desktop to open
that very file. The opener is swapped for one that records what it was asked, so nothing is launched."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serialdesk.gui import opener
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.widgets.feedback import Banner

from .conftest import Shop
from .test_labels_dialog import open_labels, posted_receipt
from .test_recall_pane import preview_lot, recalls, two_lots  # noqa: F401 - two_lots is a fixture
from .test_sale_receipt_pdf import sell_two
from .test_service_pane import service

pytestmark = pytest.mark.gui


@pytest.fixture
def opened() -> Iterator[list[Path]]:
    """What the desktop was asked to open (and it "opens" everything)."""
    asked: list[Path] = []

    def record(path: Path) -> bool:
        asked.append(path)
        return True

    previous = opener.use_opener(record)
    yield asked
    opener.use_opener(previous)


def click_open(banner: Banner) -> None:
    assert banner.offered is not None and 'href="open">Open</a>' in banner.text()
    banner.linkActivated.emit("open")  # what a click on the link (or Enter on it) does


def test_a_saved_receipt_opens_from_the_banner(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path, opened: list[Path]
) -> None:
    pane = sell_two(qtbot, shop, open_window())
    out = tmp_path / "receipt.pdf"
    with qtbot.waitSignal(pane.receipt_output.sig_done, timeout=10_000):
        pane.receipt_output.save_pdf(out)
    assert opened == []  # nothing opens by itself
    click_open(pane.ui.banner)
    assert opened == [out]


def test_a_saved_job_sheet_opens_from_the_banner(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path, opened: list[Path]
) -> None:
    shop.stock("SN001")
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    ticket = shop.services.service_desk.open_ticket("SN001", "Chuck slips")
    pane = service(open_window())
    out = tmp_path / "job-sheet.pdf"
    with qtbot.waitSignal(pane.paper.sig_done, timeout=10_000):
        pane.paper.save(ticket, out)
    click_open(pane.paper.banner)
    assert opened == [out]


def test_saved_labels_open_from_the_dialogs_banner(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path, opened: list[Path]
) -> None:
    dialog, _pdf, _pages = open_labels(qtbot, posted_receipt(qtbot, open_window(), shop))
    with qtbot.waitSignal(dialog.sig_saved, timeout=5000):
        dialog.save_pdf(tmp_path / "labels.pdf")
    click_open(dialog.ui.banner)
    assert opened == [tmp_path / "labels.pdf"]
    dialog.reject()


def test_recall_letters_open_and_a_missing_program_is_said_in_words(
    qtbot: QtBot, two_lots: Shop, open_window: Callable[..., MainWindow], tmp_path: Path  # noqa: F811
) -> None:
    pane = recalls(qtbot, open_window())
    view = preview_lot(qtbot, pane, "L2406A")
    out = tmp_path / "letters.pdf"
    with qtbot.waitSignal(pane.sig_file_written, timeout=20_000):
        pane.save_letters(view, out)
    asked: list[Path] = []
    previous = opener.use_opener(lambda path: asked.append(path) is not None)  # no program for PDFs: False
    try:
        click_open(pane.ui.banner)
    finally:
        opener.use_opener(previous)
    assert asked == [out]
    assert pane.ui.banner.tone == "warn"
    assert pane.ui.banner.text() == f"Cannot open {out}: this computer has no program set up for .pdf files."
    assert pane.ui.banner.offered is None  # the next message took the link away


def test_the_banner_shows_the_text_as_text_and_a_deleted_file_is_not_opened(
    qtbot: QtBot, tmp_path: Path, opened: list[Path]
) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    out = tmp_path / "<b>odd<b> & name.pdf"
    out.write_bytes(b"%PDF-1.4\n")
    banner.offer_open(f"Saved {out}.", out)
    assert "&lt;b&gt;odd&lt;b&gt; &amp; name.pdf" in banner.text()  # never read as markup
    out.unlink()
    click_open(banner)
    assert opened == [] and banner.text() == f"Cannot open {out}: it is no longer there."
    banner.good("Something else.")
    assert banner.offered is None and banner.text() == "Something else."


def test_the_desktop_opener_asks_qdesktopservices_for_the_files_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QDesktopServices

    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()) is None)
    assert opener.desktop_opener(tmp_path / "receipt.pdf")
    assert urls == [f"file://{tmp_path / 'receipt.pdf'}"]


def test_the_recall_list_saves_as_xlsx_and_opens(
    qtbot: QtBot, two_lots: Shop, open_window: Callable[..., MainWindow], tmp_path: Path,  # noqa: F811
    opened: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    pane = recalls(qtbot, open_window())
    view = preview_lot(qtbot, pane, "L2406A")
    filters: list[str] = []

    def dialog(_parent: object, _title: str, _start: str, kinds: str) -> tuple[str, str]:
        filters.append(kinds)
        return str(tmp_path / "recall"), "Excel workbooks (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    with qtbot.waitSignal(pane.sig_file_written, timeout=5000) as written:
        pane.ask_save_csv(view)
    assert "*.xlsx" in filters[0] and written.args[0] == str(tmp_path / "recall.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "recall.xlsx").active
    head = [c.value for c in sheet[1]]
    sn001 = next(r for r in sheet.iter_rows(min_row=2) if r[head.index("serial")].value == "SN001")
    assert sn001[head.index("phone")].value == "+45 20 123456" and sn001[head.index("phone")].data_type == "s"
    assert sn001[head.index("received")].is_date and sheet.freeze_panes == "A2"
    click_open(pane.ui.banner)
    assert opened == [tmp_path / "recall.xlsx"]
