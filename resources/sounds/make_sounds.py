"""Writes the two scan sounds (16-bit mono WAV, 44.1 kHz) with the standard library only.

    python resources/sounds/make_sounds.py   # then python ui/build.py to put them into the resources

good.wav: one short, soft beep (1.8 kHz, 90 ms) — pleasant when heard a hundred times an hour.
bad.wav: a lower double buzz (220 Hz with its odd harmonics, twice 140 ms) — unmistakable from across the counter.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
HERE = Path(__file__).resolve().parent


def tone(frequency: float, seconds: float, volume: float, harmonics: tuple[float, ...] = (1.0,)) -> list[float]:
    count = int(RATE * seconds)
    fade = int(RATE * 0.008)  # 8 ms in and out: no clicks
    samples = []
    for i in range(count):
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        value = sum(weight * math.sin(2 * math.pi * frequency * (2 * n + 1) * i / RATE)
                    for n, weight in enumerate(harmonics))
        samples.append(volume * envelope * value / sum(harmonics))
    return samples


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32_767)) for s in samples))


def main() -> None:
    write(HERE / "good.wav", tone(1_800, 0.09, 0.45))
    buzz = tone(220, 0.14, 0.6, harmonics=(1.0, 0.5, 0.3))
    write(HERE / "bad.wav", buzz + silence(0.07) + buzz)


if __name__ == "__main__":
    main()
