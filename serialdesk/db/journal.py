"""Keeps every write in the SQLite journal that all stations see.

SQLite's POSIX locks belong to the process: when *any* code in the process opens and closes the database
file (Qt's file dialogs read the folder's files to pick icons), the process silently loses them. Another
process then believes it is alone: it checkpoints and deletes ``-wal``/``-shm``, and a connection of this
process would go on writing into the deleted files, where no other station ever sees the writes
("How To Corrupt An SQLite Database File", §2.2 and §2.3).

Two defences:

* The guard (Linux): this process holds open-file-description locks of its own (``F_OFD_SETLK``) on the
  database's SHARED range and on ``-shm``'s "dead man's switch" byte. An OFD lock belongs to our own file
  description, so nobody else's ``close()`` can drop it, and it conflicts with the locks another process
  takes to decide it is the last one (EXCLUSIVE on the database) or the first one (``-shm`` reset). So no
  other process deletes or resets the journal while this one has the database open.
* The check (every platform): at BEGIN and before COMMIT the ``-wal`` and ``-shm`` on disk must still be the
  files (device, inode) this process opened, and before COMMIT a writer must still own ``-shm``'s write lock.
  If not, :class:`JournalLost` is raised: the transaction is rolled back, never committed into a journal
  nobody else can see, and the unit of work reconnects (see ``uow.py``).

Reconnecting closes every connection of the engine and forgets the journal once the last one is closed, so
the next connection opens the files every station sees (a connection opened while another one of this process
still holds the lost files would share their lost ``-shm``: it waits).
"""

from __future__ import annotations

import os
import struct
import sys
import threading
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: its locks are not POSIX locks, so this hazard does not exist there
    fcntl = None  # type: ignore[assignment]

PENDING_BYTE = 0x4000_0000
SHARED_FIRST, SHARED_SIZE = PENDING_BYTE + 2, 510  # the database file's SHARED/EXCLUSIVE range
SHM_WRITE_LOCK, SHM_DMS = 120, 128  # -shm: WAL_WRITE_LOCK and the "dead man's switch" (os_unix.c)
_OFD = sys.platform.startswith("linux") and fcntl is not None and hasattr(fcntl, "F_OFD_SETLK")

Identity = tuple[tuple[int, int], tuple[int, int]]


class JournalLost(Exception):
    """The ``-wal``/``-shm`` this process writes into are no longer the ones every other station uses."""


def _flock(kind: int, start: int, length: int) -> bytes:
    return struct.pack("hhqqi4x", kind, os.SEEK_SET, start, length, 0)


def _ofd_lock(fd: int, start: int, length: int) -> bool:
    try:
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, _flock(fcntl.F_RDLCK, start, length))
    except OSError:
        return False
    return True


def _lock_owner(fd: int, start: int) -> tuple[int, int]:
    """(lock type, pid) of a POSIX write lock held on ``start`` by anyone (F_UNLCK, 0 when none)."""
    answer = fcntl.fcntl(fd, fcntl.F_OFD_GETLK, _flock(fcntl.F_WRLCK, start, 1))
    kind, _whence, _start, _len, pid = struct.unpack("hhqqi4x", answer)
    return kind, pid


def _file_id(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


class JournalGuard:
    """One per engine: the guard locks and the journal's identity while the engine has the database open."""

    def __init__(self, database: str) -> None:
        self.database = str(Path(database))
        self.wal, self.shm = f"{self.database}-wal", f"{self.database}-shm"
        self.identity: Identity | None = None
        self.open_connections = 0
        self.guarded = False
        self._fds: list[int] = []
        self._shm_fd: int | None = None
        self._stale = False
        self._lock = threading.Condition()

    @property
    def stale(self) -> bool:
        return self._stale

    # -- connections come and go (pool events) ------------------------------------------------------------

    def opened(self) -> None:
        """A connection has opened the journal (the engine's connect hook ran a read on it)."""
        with self._lock:
            self.open_connections += 1
            if self.identity is None:
                self._attach()

    def closed(self) -> None:
        with self._lock:
            self.open_connections = max(0, self.open_connections - 1)
            if self.open_connections == 0 and self._stale:
                self.release()
            elif self.open_connections == 0 and not self.guarded:
                self.identity = None  # unguarded, others may delete the journal now: the next connection looks again
            self._lock.notify_all()

    def _attach(self) -> None:
        self.identity = (_file_id(self.wal), _file_id(self.shm))
        if not _OFD:
            return
        db_fd = os.open(self.database, os.O_RDONLY | os.O_CLOEXEC)
        shm_fd = os.open(self.shm, os.O_RDONLY | os.O_CLOEXEC)
        self._fds, self._shm_fd = [db_fd, shm_fd], shm_fd
        if (os.fstat(shm_fd).st_dev, os.fstat(shm_fd).st_ino) != self.identity[1]:
            self.identity = None  # replaced while we looked: the next connection tries again
            return
        # Another process may be closing (holding EXCLUSIVE for its checkpoint) for a moment: wait for it.
        deadline = time.monotonic() + 5
        while not (_ofd_lock(db_fd, SHARED_FIRST, SHARED_SIZE) and _ofd_lock(shm_fd, SHM_DMS, 1)):
            if time.monotonic() > deadline:
                return  # unguarded this time; the identity check still holds every write to account
            time.sleep(0.005)
        self.guarded = True

    # -- every transaction ------------------------------------------------------------------------------------

    def check(self, *, writing: bool) -> None:
        """Raise JournalLost unless the journal on disk is the one this process opened (and, for a writer
        about to commit, this process still holds ``-shm``'s write lock)."""
        try:
            current = (_file_id(self.wal), _file_id(self.shm))
        except FileNotFoundError:
            raise JournalLost("the database's -wal/-shm files were deleted by another program") from None
        if current != self.identity:
            raise JournalLost("the database's -wal/-shm files were replaced by another program")
        if writing and self._shm_fd is not None:
            kind, pid = _lock_owner(self._shm_fd, SHM_WRITE_LOCK)
            if kind != fcntl.F_WRLCK or pid != os.getpid():
                raise JournalLost("this program lost its write lock on the database")

    def renew(self, timeout: float = 2.0) -> bool:
        """Forget the journal once no connection of this engine has it open (waiting up to ``timeout`` for the
        others to finish; True if done now); the next connection opens it afresh."""
        with self._lock:
            if self._lock.wait_for(lambda: self.open_connections == 0, timeout):
                self.release()
                return True
            self._stale = True  # released by the last connection to close
            return False

    def release(self) -> None:
        """Drop the guard. Only with no connection open: closing a descriptor drops the process's locks."""
        for fd in self._fds:
            os.close(fd)
        self._fds, self._shm_fd, self.identity, self.guarded, self._stale = [], None, None, False, False
