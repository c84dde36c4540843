"""The command's start without the cyclic garbage collector (imported first by serialdesk.cli).

Importing SQLAlchemy, the models and the services makes about half a million objects that live as long as the
process; the collector would walk them again and again while they are made, and once more at exit, for nothing:
~0.2 s of CPU of every command (issue 18). So it is off while the command's modules are imported, and what they
made is then frozen (``gc.freeze``: left out of every later collection); everything made afterwards is
collected as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_WAS_ENABLED = gc.isenabled()
gc.disable()
_frozen = False


def imported() -> None:
    """serialdesk.cli's own imports are done: collect as before (a test importing cli keeps its collector)."""
    if _WAS_ENABLED:
        gc.enable()


@contextmanager
def no_collection() -> Iterator[None]:
    """Import the command's module without collections, then freeze what was made (once a process)."""
    global _frozen
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not _frozen:
            gc.freeze()
            _frozen = True
        if was:
            gc.enable()
