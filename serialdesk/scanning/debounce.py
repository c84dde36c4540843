"""One physical scan = one scan event, although a camera sees the same label in thirty frames a second."""

from __future__ import annotations

import time
from collections.abc import Callable

DEFAULT_WINDOW_SECONDS = 1.5


class Debouncer:
    """Lets a text through once; the same text again counts as the same scan until it has been out of sight
    for ``window`` seconds.

    The window restarts at every sighting (not only at the first), because a label held still in front of a
    camera is seen continuously and must not be received again every 1.5 s. Other texts are independent: two
    labels in one frame are two scans. Not thread-safe: one debouncer per scanning thread.
    """

    def __init__(self, window: float = DEFAULT_WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        if window < 0:
            raise ValueError("the debounce window cannot be negative")
        self.window = window
        self._clock = clock
        self._last_seen: dict[str, float] = {}

    def accept(self, text: str, now: float | None = None) -> bool:
        """True if ``text`` is a new scan, False if it repeats one seen less than ``window`` seconds ago.

        ``now`` overrides the clock (e.g. a video's own timestamps when a file plays faster than real time).
        """
        moment = self._clock() if now is None else now
        self._forget_before(moment - self.window)
        previous = self._last_seen.get(text)
        self._last_seen[text] = moment
        return previous is None

    def forget(self, text: str) -> None:
        """Let ``text`` through again at once, e.g. after the clerk undid that scan and wants to rescan it."""
        self._last_seen.pop(text, None)

    def reset(self) -> None:
        """Forget everything seen, e.g. when the camera restarts."""
        self._last_seen.clear()

    def _forget_before(self, cutoff: float) -> None:
        # Keeps the memory to what was seen in the last window, however long the camera runs.
        stale = [text for text, seen in self._last_seen.items() if seen <= cutoff]
        for text in stale:
            del self._last_seen[text]
