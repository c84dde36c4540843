"""Tell a keyboard-wedge scanner from a person typing, key by key, without Qt.

A wedge scanner types its barcode as a burst of key presses a few milliseconds apart; a person needs 75 ms or
more between keys. The GUI's event filter feeds every key press here *before* the focused widget sees it and
is told, for that key, whether to swallow it. Any key could be the first of a scan, so each printable key is
held back until it is known:

* it is followed within ``max_gap`` by enough keys to make a burst → the keys become one scan and never reach
  the widget;
* it is not (the next key is late, or nothing follows) → it is released, and the filter replays it to the
  widget, in order, before anything later. A person's keys arrive at most ``max_gap`` (50 ms) late.

Once a burst is confirmed (``min_length`` keys), it goes on until Enter/Tab or ``end_idle`` (120 ms) without a
key: a scanner's hiccup of 60–120 ms cannot split a scan, and nobody starts typing 60 ms after a scan.

Times are seconds on any clock that only moves forward (the key events' own timestamps are best: a busy GUI
then cannot turn queued human typing into a burst). ``poll(now)`` must use the same clock; ``next_deadline()``
says when to call it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Generic, TypeVar

GS = "\x1d"  # GS1 field separator: a scanner types it as Ctrl+]
T = TypeVar("T")


@dataclass(frozen=True)
class WedgeSettings:
    min_length: int = 4  # fewer keys are never a scan (a fast person manages three)
    max_gap: float = 0.050  # seconds between the keys of a burst
    end_idle: float = 0.120  # a confirmed burst ends after this long without a key
    terminators: frozenset[str] = frozenset({"\r", "\n", "\t"})  # the scanner's suffix: Enter or Tab
    control_chars: frozenset[str] = frozenset({GS})  # non-printable characters that belong in a scan

    def __post_init__(self) -> None:
        if self.min_length < 1 or self.max_gap <= 0 or self.end_idle < self.max_gap:
            raise ValueError("wedge settings need min_length ≥ 1 and 0 < max_gap ≤ end_idle")


@dataclass(frozen=True)
class HeldKey(Generic[T]):
    """A key held back; ``payload`` is whatever the caller needs to replay it (e.g. the widget and event)."""

    char: str
    at: float
    payload: T | None = None


@dataclass(frozen=True)
class WedgeOutcome(Generic[T]):
    """What the caller must do, in this order: deliver ``release`` to the widgets, report ``scan``, then
    deliver the current key unless ``swallow`` (for ``poll``/``flush`` there is no current key)."""

    swallow: bool = False
    release: tuple[HeldKey[T], ...] = ()
    scan: str | None = None


class WedgeDetector(Generic[T]):
    """Key-by-key burst detection; one detector per application (not thread-safe: the GUI thread owns it)."""

    def __init__(self, settings: WedgeSettings | None = None) -> None:
        self.settings = settings or WedgeSettings()
        self._held: list[HeldKey[T]] = []
        self._scan_ended_at: float | None = None  # when a scan ended by its suffix (CR LF is one suffix)

    @property
    def holding(self) -> bool:
        """True while keys are held back (the caller should arrange a ``poll`` at ``next_deadline()``)."""
        return bool(self._held)

    def held_keys(self) -> tuple[HeldKey[T], ...]:
        """The keys held back so far, oldest first."""
        return tuple(self._held)

    def is_scan_char(self, char: str) -> bool:
        """A character that may be part of a scan: visible or a space, or one of the allowed control characters."""
        if len(char) != 1:
            return False
        if char in self.settings.control_chars:
            return True
        # Not str.isprintable(): that refuses the no-break space a scanner may type on some layouts.
        return unicodedata.category(char)[0] != "C" and char not in "\u2028\u2029"

    def key(self, char: str, at: float, payload: T | None = None) -> WedgeOutcome[T]:
        """A key press with text ``char`` at time ``at``: a character, a terminator, or any other text."""
        if char in self.settings.terminators:
            return self._terminator(at)
        if not self.is_scan_char(char):
            return self.other_key(at)
        self._scan_ended_at = None
        if self._held and at - self._held[-1].at <= self._allowed_gap():
            self._held.append(HeldKey(char, at, payload))
            return WedgeOutcome(swallow=True)
        ended = self._end_held()  # the held keys cannot be continued by a key this late
        self._held.append(HeldKey(char, at, payload))
        return WedgeOutcome(swallow=True, release=ended.release, scan=ended.scan)

    def other_key(self, at: float) -> WedgeOutcome[T]:
        """A key without scan text (arrows, Backspace, F-keys, Ctrl+letter, auto-repeat): it passes, after
        whatever is held has been resolved. Pure modifier keys (Shift…) must not be fed at all: scanners
        press Shift for capitals."""
        self._scan_ended_at = None
        return self._end_held()

    def poll(self, now: float) -> WedgeOutcome[T]:
        """Resolve held keys whose time is up: release a person's keys, or end a scan that had no suffix."""
        if self._held and now - self._held[-1].at > self._allowed_gap():
            return self._end_held()
        return WedgeOutcome()

    def flush(self) -> WedgeOutcome[T]:
        """Resolve everything held now (the application loses focus, the window closes)."""
        self._scan_ended_at = None
        return self._end_held()

    def next_deadline(self) -> float | None:
        """When ``poll`` can next change something, or None while nothing is held."""
        if not self._held:
            return None
        return self._held[-1].at + self._allowed_gap()

    # --- internals -------------------------------------------------------------------------------------------

    def _confirmed(self) -> bool:
        return len(self._held) >= self.settings.min_length

    def _allowed_gap(self) -> float:
        return self.settings.end_idle if self._confirmed() else self.settings.max_gap

    def _terminator(self, at: float) -> WedgeOutcome[T]:
        if self._held and self._confirmed() and at - self._held[-1].at <= self.settings.end_idle:
            scan = "".join(key.char for key in self._held)
            self._held.clear()
            self._scan_ended_at = at
            return WedgeOutcome(swallow=True, scan=scan)
        if not self._held and self._scan_ended_at is not None and at - self._scan_ended_at <= self.settings.max_gap:
            self._scan_ended_at = None
            return WedgeOutcome(swallow=True)  # the LF of a CR LF suffix
        self._scan_ended_at = None
        return self._end_held()

    def _end_held(self) -> WedgeOutcome[T]:
        held, self._held = tuple(self._held), []
        if not held:
            return WedgeOutcome()
        if len(held) >= self.settings.min_length:
            return WedgeOutcome(scan="".join(key.char for key in held))
        return WedgeOutcome(release=held)
