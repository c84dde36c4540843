"""Good and bad scan sounds, so the clerk need not look at the screen after each scan.

QSoundEffect (QtMultimedia) plays the two short WAVs from the resources. QtMultimedia needs the system's audio
libraries (libpulse0 on Debian); when it cannot load, or a sound cannot be decoded, a refusal still gets the
system beep and an accepted scan stays silent — a missing speaker never stops the counter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWidgets import QApplication

SOUNDS = {"good": "qrc:/sounds/good.wav", "bad": "qrc:/sounds/bad.wav"}
VOLUME = 0.6


class Playable(Protocol):
    def play(self) -> None: ...


EffectLoader = Callable[[str, QObject], Playable | None]


def sound_effect(url: str, parent: QObject) -> Playable | None:
    """A QSoundEffect for ``url``, or None when QtMultimedia (or the audio system) is not available."""
    try:
        from PySide6.QtMultimedia import QSoundEffect
    except Exception:  # ImportError, or an OSError from a missing shared library
        return None
    try:
        effect = QSoundEffect(parent)
        effect.setSource(QUrl(url))
        effect.setVolume(VOLUME)
    except Exception:
        return None
    return _CheckedEffect(effect)


class _CheckedEffect:
    """Plays the effect unless it failed to load (then the caller falls back to the beep)."""

    def __init__(self, effect: object) -> None:
        self.effect = effect

    def play(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        effect = self.effect
        assert isinstance(effect, QSoundEffect)
        if effect.status() == QSoundEffect.Status.Error:
            raise OSError(f"cannot play {effect.source().toString()}")
        effect.play()


class ScanSounds(QObject):
    """``play(tone)`` after each scan's outcome; ``sig_requested(sound)`` says what was played: good · bad · beep."""

    sig_requested = Signal(str)

    def __init__(self, parent: QObject | None = None, *, enabled: bool = True,
                 loader: EffectLoader = sound_effect) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.loader = loader  # tests give a recorder instead of the speakers
        self._effects: dict[str, Playable | None] | None = None  # loaded at the first scan, not at start-up

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled

    def scan_handled(self, tone: str, _message: str = "") -> None:
        self.play(tone)

    def play(self, tone: str) -> None:
        if not self.enabled or tone not in SOUNDS:
            return  # "info" (a product chosen …) is not worth a sound
        if self._effects is None:
            self._effects = {name: self.loader(url, self) for name, url in SOUNDS.items()}
        effect = self._effects.get(tone)
        if effect is not None:
            try:
                effect.play()
                self.sig_requested.emit(tone)
                return
            except Exception:
                self._effects[tone] = None  # once broken, stay with the fallback
        if tone == "bad":
            QApplication.beep()
            self.sig_requested.emit("beep")
