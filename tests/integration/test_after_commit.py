"""A failure after COMMIT (reading the saved receipt back) is never reported as "nothing was saved": the
clerk is told it was saved, and the database holds it. The connection is killed between the commit and the
follow-up read: on PostgreSQL the backend is terminated from a second connection; on SQLite the read fails
with the error a broken disk or lost connection gives."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import OperationalError

from serialdesk.bootstrap import App, Services
from serialdesk.db.uow import UnitOfWork
from serialdesk.domain.errors import DomainError

from ..conftest import PG_ADMIN_URL


class Kills(list[int]):
    """The kills done; ``disarm()`` when the action under test sent nothing after its commit."""

    def __init__(self, armed: list[bool]) -> None:
        super().__init__()
        self.disarm = armed.clear


@pytest.fixture
def kill_after_commit(app: App, monkeypatch: pytest.MonkeyPatch) -> Iterator[Kills]:
    """The first statement after a unit of work's COMMIT loses its connection. Yields the kills done."""
    armed: list[bool] = []
    kills = Kills(armed)
    real_commit = UnitOfWork.commit

    def commit(self: UnitOfWork) -> None:
        real_commit(self)
        armed.append(True)

    monkeypatch.setattr(UnitOfWork, "commit", commit)
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT") if app.engine.dialect.name != "sqlite" else None

    def before(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if not armed:
            return
        armed.clear()
        kills.append(1)
        if admin is None:
            raise OperationalError(statement, None, sqlite3.OperationalError("disk I/O error"))
        pid = conn.connection.dbapi_connection.info.backend_pid
        with admin.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            while other.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}):
                time.sleep(0.01)

    event.listen(app.engine, "before_cursor_execute", before)
    yield kills
    event.remove(app.engine, "before_cursor_execute", before)
    if admin is not None:
        admin.dispose()


def test_a_receive_reads_nothing_after_its_commit_so_its_answer_cannot_be_lost(
    shop: Services, kill_after_commit: Kills
) -> None:
    """A posted receipt's view is built from what it wrote (issue 17): no statement follows the COMMIT, so a
    connection lost just after it cannot turn "saved" into an error — the clerk sees the units received."""
    received = shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["SN-1", "SN-2"])
    assert kill_after_commit == []  # nothing was sent after the commit
    kill_after_commit.disarm()
    assert received.status == "posted" and [u.serial for u in received.units] == ["SN-1", "SN-2"]
    receipts = shop.receiving.receipts()
    assert [(r.status, r.count) for r in receipts] == [("posted", 2)]


def test_a_draft_opened_whose_view_cannot_be_read_back_is_there_to_scan_onto(
    shop: Services, kill_after_commit: Kills
) -> None:
    with pytest.raises(DomainError) as told:
        shop.receiving.open_receipt("Makita Europe")
    assert kill_after_commit == [1] and told.value.code == "saved_not_shown"
    drafts = shop.receiving.receipts(open_only=True)
    assert [d.supplier for d in drafts] == ["Makita Europe"]
    assert shop.receiving.add_scan(drafts[0].id, "DRL-18V", "SN-9").count == 1
