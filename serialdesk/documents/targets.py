"""Checking, before anything is saved, that a file the user asked for can be written where they said."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from serialdesk.files import path_problem


def check_writable(path: str | os.PathLike[str]) -> Path:
    """The target, once it is known a file can be created beside it: its folder exists and takes a (removed
    at once) temporary file of the same name. DomainError naming the path otherwise."""
    target = Path(path)
    if target.is_dir():
        raise path_problem(target, IsADirectoryError(errno.EISDIR, "is a directory"))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        code = errno.ENOTDIR if folder.exists() else errno.ENOENT
        raise path_problem(target, OSError(code, os.strerror(code)))
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise path_problem(target, exc) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return target
