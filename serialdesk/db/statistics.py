"""PostgreSQL's planner statistics renewed after a big write, off the clerk's clock (issue 17 §4).

A bulk receipt of 10,000 units or more leaves PostgreSQL planning from row counts that no longer hold (or, in a
shop never analysed — autovacuum off, a copied database — from none). Its own statements do not depend on them,
so the ``ANALYZE`` of the tables it touched runs after its commit, on a connection of its own in a background
thread: the receipt is saved and shown while the statistics are renewed. ``wait()`` (the app's close) lets a
renewal in progress finish. SQLite gets nothing: the app never runs ``ANALYZE`` there.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Engine
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
_AFTER_COMMIT = "serialdesk.renew_statistics"  # session.info: the tables to renew once the transaction commits

# Only these (fixed names, never user input) may be analysed.
TABLES = frozenset({"items", "receipt_lines", "events", "sale_lines", "fitments"})


def renew_after_commit(session: Session, tables: tuple[str, ...]) -> None:
    """Ask for ``tables``' statistics to be renewed once ``session``'s transaction has committed (its unit of
    work starts the renewal; nothing happens if it rolls back)."""
    session.info.setdefault(_AFTER_COMMIT, set()).update(tables)


def asked_after_commit(session: Session) -> tuple[str, ...]:
    """The tables ``renew_after_commit`` asked for in this transaction (and forget them)."""
    return tuple(sorted(session.info.pop(_AFTER_COMMIT, ())))


class StatisticsRenewal:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._running: list[threading.Thread] = []

    def renew(self, tables: tuple[str, ...]) -> bool:
        """Start ``ANALYZE`` of ``tables`` in the background on PostgreSQL; False (nothing started) elsewhere."""
        if self.engine.dialect.name != "postgresql":
            return False
        unknown = set(tables) - TABLES
        if unknown:
            raise ValueError(f"not a table whose statistics are renewed: {sorted(unknown)}")
        thread = threading.Thread(target=self._analyze, args=(tables,), name="serialdesk-analyze", daemon=True)
        with self._lock:
            self._running = [t for t in self._running if t.is_alive()]
            self._running.append(thread)
        thread.start()
        return True

    def _analyze(self, tables: tuple[str, ...]) -> None:
        try:
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(f"ANALYZE {', '.join(tables)}")
        except Exception:
            log.warning("renewing PostgreSQL's statistics of %s failed", ", ".join(tables), exc_info=True)

    def wait(self, timeout: float | None = 120.0) -> None:
        """Let renewals in progress finish (each up to ``timeout`` seconds)."""
        with self._lock:
            running, self._running = self._running, []
        for thread in running:
            thread.join(timeout)
