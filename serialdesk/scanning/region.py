"""Camera frames: look around the last hit first (region of interest), then at the whole frame.

A label held to the camera stays about where it was from one frame to the next, so the crop around the last
code (its box grown by ``margin`` of its size on every side) is read first: a few hundred pixels instead of
1280×720. Nothing there → the whole frame, as before; nothing for ``forget_after`` frames → the region is
dropped. Codes come back with boxes in the whole frame's pixels.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from serialdesk.scanning.codes import DecodedCode
from serialdesk.scanning.decode import CAMERA_FRAME, DecodeOptions, Engine, decode_image, to_gray

_MIN_SIDE = 160  # pixels: a crop smaller than this misses a code moving fast


class RegionDecoder:
    """decode_image for a stream of frames, region of the last hit first. Not thread-safe: one per camera."""

    def __init__(
        self,
        engine: Engine = "both",
        options: DecodeOptions = CAMERA_FRAME,
        margin: float = 0.75,
        forget_after: int = 15,
    ) -> None:
        self.engine, self.options, self.margin, self.forget_after = engine, options, margin, forget_after
        self.region: tuple[int, int, int, int] | None = None  # x0, y0, x1, y1
        self.region_hits = self.full_frames = 0  # for the figures in tests/bench
        self._misses = 0

    def decode(self, frame: np.ndarray) -> list[DecodedCode]:
        gray = to_gray(frame)
        if self.region is not None:
            x0, y0, x1, y1 = self.region
            codes = decode_image(np.ascontiguousarray(gray[y0:y1, x0:x1]), self.engine, self.options)
            if codes:
                self.region_hits += 1
                codes = [_moved(code, x0, y0) for code in codes]
                self._remember(codes, gray.shape)
                return codes
            self._misses += 1
            if self._misses >= self.forget_after:
                self.region = None
        self.full_frames += 1
        codes = decode_image(gray, self.engine, self.options)
        if codes:
            self._remember(codes, gray.shape)
        return codes

    def _remember(self, codes: list[DecodedCode], shape: tuple[int, ...]) -> None:
        height, width = shape[:2]
        x0 = min(c.box[0] for c in codes)
        y0 = min(c.box[1] for c in codes)
        x1 = max(c.box[2] for c in codes)
        y1 = max(c.box[3] for c in codes)
        grow_x = max((x1 - x0) * self.margin, (_MIN_SIDE - (x1 - x0)) / 2, 0)
        grow_y = max((y1 - y0) * self.margin, (_MIN_SIDE - (y1 - y0)) / 2, 0)
        region = (int(max(0, x0 - grow_x)), int(max(0, y0 - grow_y)), int(min(width, x1 + grow_x)),
                  int(min(height, y1 + grow_y)))  # fmt: skip
        self.region = region if region[2] - region[0] >= 16 and region[3] - region[1] >= 16 else None
        self._misses = 0


def _moved(code: DecodedCode, dx: int, dy: int) -> DecodedCode:
    x0, y0, x1, y1 = code.box
    return replace(code, box=(x0 + dx, y0 + dy, x1 + dx, y1 + dy))
