"""A recall's files (run on the worker: a letters PDF for hundreds of customers takes a while) and the list of
recalls on record."""

from __future__ import annotations

from pathlib import Path

from serialdesk.documents.recall_csv import write_csv
from serialdesk.documents.recall_letters import write_recall_letters
from serialdesk.domain.errors import DomainError
from serialdesk.labels import qt_render  # noqa: F401 - the letters are drawn on a worker: Qt imported here, on the GUI thread
from serialdesk.services.dto import RecallView
from serialdesk.services.shop import ShopProfileView

# Recall numbers are handed out in order but a rolled-back transaction on PostgreSQL can skip one; this many
# missing numbers in a row mean there are no more recalls.


def _writable(path: Path) -> Path:
    if not path.parent.is_dir():
        raise DomainError(f"Cannot write {path}: the folder {path.parent} does not exist.", code="file_not_written")
    return path


def save_csv(view: RecallView, path: str | Path) -> Path:
    """The affected units with customer and contact details (the CLI's ``recall --csv`` columns)."""
    target = _writable(Path(path))
    try:
        write_csv(view, target)
    except OSError as exc:
        raise DomainError(f"Cannot write {target}: {exc.strerror or exc}.", code="file_not_written") from None
    return target


def save_letters(view: RecallView, path: str | Path, shop: str | ShopProfileView) -> tuple[Path, int]:
    """One letter per customer holding an affected unit; (path, pages). No customer: no file, 0 pages."""
    target = _writable(Path(path))
    try:
        pages = write_recall_letters(view, target, shop)
    except OSError as exc:
        raise DomainError(f"Cannot write {target}: {exc}.", code="file_not_written") from None
    return target, pages
