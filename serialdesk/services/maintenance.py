"""Backup, restore and check (managers only), and what every command needs to know about the database file
before trusting it: is it there, is it ours, is it damaged. A restore replaces everything: it is never done by
accident, and never from a file that is not shown complete and intact first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from serialdesk.db import backup as backups
from serialdesk.db import health
from serialdesk.db.dumpfile import Manifest
from serialdesk.db.engine import create_private_file
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.roles import Action
from serialdesk.files import make_private, path_problem, private_dir
from serialdesk.services import summaries
from serialdesk.services.common import Service
from serialdesk.services.history_check import history_problems


@dataclass(frozen=True)
class BackupResult:
    file: str
    kind: str  # "sqlite" (a database file) or "portable" (gzip'd JSON lines, loads into SQLite or PostgreSQL)
    rows: dict[str, int]
    revision: str = ""
    checksum: str | None = None  # SHA-256 in the manifest (None: a plain shop database file without one)
    kept_aside: str | None = None  # restore over a damaged database: where the damaged file now is

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def _result(path: Path, manifest: Manifest, kept: Path | None = None) -> BackupResult:
    return BackupResult(str(path), manifest.kind, dict(manifest.rows), manifest.revision, manifest.checksum,
                        str(kept) if kept else None)


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def verify_backup(source: str) -> BackupResult:
    """What a backup file holds, once it is shown to be a complete, intact serialdesk backup of a schema this
    version knows (DomainError naming what is wrong otherwise). Reads the file only; no database is touched."""
    path = Path(source)
    if not path.is_file():
        raise DomainError(f"There is no backup file {source}.", code="no_backup")
    try:
        return _result(path, backups.verify(path))
    except OSError as exc:
        raise path_problem(path, exc, "read") from None


class MaintenanceService(Service):
    def backup(self, out: str, *, portable: bool = False) -> BackupResult:
        """Back up the live database, written whole or not at all, with a manifest that proves it complete.
        SQLite: a consistent database file (online backup API) unless ``portable``; PostgreSQL: always the
        portable dump. Refused onto the shop's own database file."""
        self.actor.require(Action.MAINTAIN)
        engine = self.uows.engine
        path = Path(out)
        if health.is_own_file(path, _url(engine)):
            raise DomainError(f"{out} is this shop's own database; write the backup to another file.",
                              code="backup_onto_itself")
        if engine.dialect.name == "sqlite" and not portable:
            manifest = backups.sqlite_backup(engine, path)
        else:
            manifest = backups.dump(engine, path)
        result = _result(path, manifest)
        with self.uows() as uow:
            self.record(uow.session, kind="backup_written", data={
                "file": str(path.resolve()), "kind": result.kind, "rows": result.total_rows})
            uow.commit()
        return result

    def restore(self, source: str, *, replace: bool = False) -> BackupResult:
        """Replace this database's contents with a verified backup. Refused on a database holding data unless
        ``replace`` — restoring over a shop's work is never the default; a damaged database is set aside
        (NAME.damaged-YYYYmmdd-HHMMSS) and the backup restored in its place."""
        self.actor.require(Action.MAINTAIN)
        engine = self.uows.engine
        checked = verify_backup(source)
        path = Path(source)
        if checked.kind == "sqlite" and engine.dialect.name != "sqlite":
            raise DomainError("That backup is a SQLite database file; to move a shop to PostgreSQL, make a "
                              "portable backup (backup --portable) and restore that.", code="wrong_backup_kind")
        kept = self._make_room(engine, replace)
        manifest = Manifest(checked.kind, checked.revision, checked.rows, checked.checksum)
        audit = self.event(kind="restored", data={"file": str(path.resolve()), "kind": checked.kind,
                                                  "rows": checked.total_rows, "kept_aside": str(kept or "")})
        if checked.kind == "sqlite":
            backups.sqlite_restore(engine, path)
            with self.uows() as uow:
                self.record(uow.session, **audit)
                uow.commit()
        else:
            backups.load(engine, path, manifest, audit)
        if (target := health.sqlite_path(_url(engine))) is not None:
            make_private(target)
        return _result(path, manifest, kept)

    def _make_room(self, engine: Engine, replace: bool) -> Path | None:
        url = _url(engine)
        if (target := health.sqlite_path(url)) is not None:
            private_dir(target.parent)
        if (problem := health.damage(url)) is not None:
            if not replace:
                raise DomainError(f"The database {target} is damaged ({problem}); add --replace to restore the "
                                  "backup in its place (the damaged file is kept beside it).", code="db_damaged")
            engine.dispose()
            return health.set_aside(url, self.clock().astimezone())
        refuse_foreign(engine)
        if backups.has_data(engine) and not replace:
            raise DomainError("This database already holds products or units; restoring would replace them. "
                              "Add --replace if that is what you want.", code="restore_over_data")
        return None

    def check(self) -> list[str]:
        """Problems found in the database (storage, references, ledger vs. unit status, each unit's history in
        time order); empty when healthy."""
        self.actor.require(Action.MAINTAIN)
        problems = health.integrity_problems(self.uows.engine) + history_problems(self.uows.engine)
        with self.uows.reading() as uow:
            return problems + summaries.mismatches(uow.session)

    def rebuild_summaries(self) -> int:
        """The daily summaries and stock ages again from the ledger, in one transaction; the rows written."""
        self.actor.require(Action.MAINTAIN)
        with self.uows() as uow:
            summaries.rebuild(uow.session)
            rows = summaries.row_count(uow.session)
            uow.commit()
        return rows


# ---- before a command trusts the database ------------------------------------------------------------------


def refuse_foreign(engine: Engine) -> None:
    if tables := health.foreign_tables(engine):
        shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
        raise DomainError(f"{health.sqlite_path(_url(engine)) or 'This database'} is another program's database "
                          f"(tables {shown}), not a serialdesk shop; choose another file.", code="foreign_database")


def missing_database(url: str) -> NotFound | None:
    """The refusal for a SQLite database that does not exist (only init, demo and restore make one)."""
    if (path := health.missing(url)) is None:
        return None
    return NotFound(f"There is no shop database at {path}; create one with `serialdesk init`.", code="no_database")


def database_failure(exc: BaseException, url: str) -> DomainError | None:
    """A damaged database file, said in one sentence (None when ``exc`` is something else)."""
    if (why := health.is_damage(exc)) is None:
        return None
    where = health.sqlite_path(url) or "in use"
    return DomainError(f"The database {where} is damaged ({why}): `serialdesk check` lists what SQLite finds, "
                       "and `serialdesk restore --replace BACKUP` or `serialdesk init` puts a sound one in its place "
                       "(the damaged file is kept beside it).", code="db_damaged")


def storage_damage(engine: Engine) -> list[str]:
    """SQLite's own integrity findings on a damaged file ([] when sound, missing or not SQLite); needs no
    sign-in, since a damaged file may not even have a readable user table."""
    if health.damage(_url(engine)) is None:
        return []
    return health.integrity_problems(engine)


def nothing_to_protect(engine: Engine) -> bool:
    """A missing, damaged (it is set aside, not lost) or never set-up database: a restore into it loses
    nothing, so no sign-in on it is needed."""
    url = _url(engine)
    if health.missing(url) is not None or health.damage(url) is not None:
        return True
    try:
        return "alembic_version" not in health.table_names(engine)
    except Exception as exc:  # unreachable, say: the ordinary sign-in path says what is wrong
        return health.is_damage(exc) is not None


def prepare_new_database(engine: Engine) -> str | None:
    """Before ``init``/``demo`` build the schema: the folder made, another program's database refused, and a
    damaged file set aside (returned) so a new one takes its place."""
    url = _url(engine)
    if (target := health.sqlite_path(url)) is not None:
        private_dir(target.parent)
    if health.damage(url) is not None:
        engine.dispose()
        kept = str(health.set_aside(url))
    else:
        refuse_foreign(engine)
        kept = None
    if target is not None:
        create_private_file(target)  # 0600 from the start (SQLite gives its -wal/-shm the same mode)
    return kept
