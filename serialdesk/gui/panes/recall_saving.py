"""The recall pane's files: where to save the list and the letters, and what the pane says when they are written
(the writing itself runs on the worker, in recall_files)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from serialdesk.domain.text import plural
from serialdesk.gui.models.export import TABLE_FILES, with_extension
from serialdesk.gui.panes.recall_files import save_csv, save_letters
from serialdesk.services.dto import RecallView


class RecallSaving:
    """Mixed into RecallPane: asks for a path, writes on the worker, says what was written."""

    ui: Any
    services: Any
    shop_name: str
    sig_file_written: Any
    call: Callable[..., Any]

    def _ask_path(self, title: str, name: str, kind: str) -> str:
        path, chosen = QFileDialog.getSaveFileName(self,  title, str(Path.home() / name), kind)
        return with_extension(path, chosen) if kind == TABLE_FILES else path

    def ask_save_csv(self, view: RecallView | None) -> None:
        if view is None:
            return
        path = self._ask_path("Save the recall list", f"recall-{view.number or 'preview'}.csv", TABLE_FILES)
        if path:
            self.save_csv(view, path)

    def ask_save_letters(self, view: RecallView | None) -> None:
        if view is None:
            return
        path = self._ask_path("Save the customer letters", f"recall-{view.number}-letters.pdf", "PDF files (*.pdf)")
        if path:
            self.save_letters(view, path)

    def save_csv(self, view: RecallView, path: str | Path) -> None:
        self.call(lambda: save_csv(view, path), self._csv_written, self.ui.banner.bad, label="save the recall CSV")

    def save_letters(self, view: RecallView, path: str | Path) -> None:
        """The letters under the shop profile's name and contact details (the station's shop name only when the
        profile has no name yet), as the CLI's ``recall --letters`` writes them."""
        fallback, shop = self.shop_name, self.services.shop
        self.ui.banner.say(f"Writing the letters for {plural(view.counts.get('customers', 0), 'customer')}…")

        def write() -> tuple[Path, int]:
            profile = shop.profile()
            return save_letters(view, path, profile if profile.name else fallback)

        self.call(write, self._letters_written, self.ui.banner.bad, label="write the recall letters")

    def _csv_written(self, path: Path) -> None:
        self.ui.banner.offer_open(f"Saved {path}.", path)
        self.sig_file_written.emit(str(path), 0)

    def _letters_written(self, written: tuple[Path, int]) -> None:
        path, pages = written
        if pages:
            self.ui.banner.offer_open(f"Saved {path}: {plural(pages, 'page')} of letters, ready to print.", path)
        else:
            self.ui.banner.warn("No customer holds an affected unit: there are no letters to write.")
        self.sig_file_written.emit(str(path), pages)
