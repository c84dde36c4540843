"""Files the shop's data goes into: written whole or not at all, readable by the owner only, errors in one sentence.

Every command or pane that writes a file the user asked for (an export, a backup, a PDF, a CSV of a recall) uses
``write_atomically``: the bytes go to a hidden temporary file beside the target, are flushed to disk, and only then
renamed over the target, so a full disk, a missing folder or a crash never leaves a half-written file under the
user's name. Any problem with the path becomes a ``DomainError`` (exit 3) naming the path.

No Qt, no database: plain stdlib, usable from every layer.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from serialdesk.domain.errors import DomainError

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700

_REASONS = {
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "it is a folder",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.ENAMETOOLONG: "the name is too long",
}


def path_problem(path: str | os.PathLike[str], exc: OSError, doing: str = "write") -> DomainError:
    """One sentence naming the path and what is wrong with it, in the user's words."""
    reason = _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc)).rstrip(".").lower()
    return DomainError(f"Cannot {doing} {os.fspath(path)}: {reason}.", code="path_problem")


def private_dir(path: str | os.PathLike[str]) -> Path:
    """Create a folder (and its parents) readable by the owner only; an existing folder is left as it is."""
    folder = Path(path)
    try:
        folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    except OSError as exc:
        raise path_problem(folder, exc, "create the folder") from None
    return folder


def make_private(path: str | os.PathLike[str]) -> None:
    """Owner-only permissions on an existing file (POSIX; a no-op where chmod means nothing)."""
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(path, PRIVATE_FILE)


@contextlib.contextmanager
def write_atomically(path: str | os.PathLike[str], mode: str = "wb", **open_args: Any) -> Iterator[IO[Any]]:
    """Yield a file to write; on success it replaces ``path`` whole (mode 0600), on any error nothing is left.

    The target's folder must exist (a typo in a folder name is a refusal, not a new folder).
    """
    target = Path(path)
    if target.is_dir():
        raise path_problem(target, IsADirectoryError(errno.EISDIR, "is a directory"))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise path_problem(target, exc) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _put_in_place(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise path_problem(target, exc) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> int:
    with write_atomically(path, "wb") as handle:
        handle.write(data)
    return len(data)


def write_with(path: str | os.PathLike[str], writer: Callable[[str], Any]) -> Any:
    """For libraries that insist on writing to a file name themselves (a PDF writer, openpyxl): they write a
    temporary name beside the target, which is then renamed over it whole."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise path_problem(target, FileNotFoundError(errno.ENOENT, "no folder"))
    # A name of its own for each write (two saves of the same file at once, from two threads, never share one).
    temp = folder / f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:12]}.part{target.suffix}"
    try:
        result = writer(str(temp))
        if not temp.exists():
            raise path_problem(target, OSError(errno.EIO, "nothing was written"))
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        _put_in_place(temp, target)
        return result
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise path_problem(target, exc) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _put_in_place(temp: Path, target: Path) -> None:
    """The whole file, owner-only, renamed over the target in one step (readers see the old file or the new)."""
    os.chmod(temp, PRIVATE_FILE)
    os.replace(temp, target)
