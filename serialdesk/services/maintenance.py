"""Backup and restore (managers only). A restore replaces everything: it is never done by accident."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from serialdesk.db import backup as backups
from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Action
from serialdesk.services.common import Service
from serialdesk.services.history_check import history_problems


@dataclass(frozen=True)
class BackupResult:
    file: str
    kind: str  # "sqlite" (a database file) or "portable" (gzip'd JSON lines, loads into SQLite or PostgreSQL)
    rows: dict[str, int]


class MaintenanceService(Service):
    def backup(self, out: str, *, portable: bool = False) -> BackupResult:
        """Back up the live database. SQLite: a consistent database file (online backup API) unless
        ``portable``; PostgreSQL: always the portable dump."""
        self.actor.require(Action.MAINTAIN)
        engine = self.uows.engine
        path = Path(out)
        if engine.dialect.name == "sqlite" and not portable:
            backups.sqlite_backup(engine, path)
            return BackupResult(str(path), "sqlite", {})
        return BackupResult(str(path), "portable", backups.dump(engine, path))

    def restore(self, source: str, *, replace: bool = False) -> BackupResult:
        """Replace this database's contents with a backup. Refused on a database holding data unless
        ``replace`` — restoring over a shop's work is never the default."""
        self.actor.require(Action.MAINTAIN)
        engine = self.uows.engine
        path = Path(source)
        if not path.is_file():
            raise DomainError(f"There is no backup file {source}.", code="no_backup")
        if backups.has_data(engine) and not replace:
            raise DomainError("This database already holds products or units; restoring would replace them. "
                              "Add --replace if that is what you want.", code="restore_over_data")
        if backups.is_sqlite_file(path):
            if engine.dialect.name != "sqlite":
                raise DomainError("That backup is a SQLite database file; to move a shop to PostgreSQL, make a "
                                  "portable backup (backup --portable) and restore that.", code="wrong_backup_kind")
            backups.sqlite_restore(engine, path)
            return BackupResult(str(path), "sqlite", {})
        try:
            backups.read_header(path)
        except (OSError, ValueError) as exc:
            raise DomainError(f"{source} is not a serialdesk backup ({exc}).", code="not_a_backup") from None
        return BackupResult(str(path), "portable", backups.load(engine, path))

    def check(self) -> list[str]:
        """Problems found in the database (storage, references, ledger vs. unit status, each unit's history in
        time order); empty when healthy."""
        self.actor.require(Action.MAINTAIN)
        return backups.integrity_problems(self.uows.engine) + history_problems(self.uows.engine)
