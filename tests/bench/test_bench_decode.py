"""DESIGN §6: camera decode of a 1280×720 frame ≤ 33 ms (zxing-cpp, restricted formats, camera settings)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from serialdesk.scanning.decode import CAMERA_FRAME, decode_image

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "zxing"
FRAME_BUDGET_SECONDS = 0.033


def _photo_frame(name: str) -> np.ndarray:
    photo = cv2.imread(str(CORPUS / name))
    if photo is None:
        pytest.skip(f"barcode photo corpus not found at {CORPUS}")
    return cv2.resize(photo, (1280, 720), interpolation=cv2.INTER_CUBIC)


def _noisy_counter() -> np.ndarray:
    """A frame with texture but no code: the worst case, every search pass runs to the end."""
    rng = np.random.default_rng(7)
    frame = rng.normal(140, 25, (720, 1280, 3)).clip(0, 255).astype(np.uint8)
    return cv2.GaussianBlur(frame, (5, 5), 0)


FRAMES = {
    "code128_photo": lambda: _photo_frame("code128-2/05.png"),
    "qr_photo": lambda: _photo_frame("qrcode-2/5.png"),
    "no_code_photo": lambda: _photo_frame("falsepositives-2/03.png"),
    "no_code_noise": _noisy_counter,
}


@pytest.mark.parametrize("frame_name", sorted(FRAMES))
def test_zxing_decodes_a_1280x720_camera_frame_within_33_ms(benchmark: BenchmarkFixture, frame_name: str) -> None:
    frame = FRAMES[frame_name]()
    codes = benchmark(decode_image, frame, "zxing", CAMERA_FRAME)
    assert ("no_code" in frame_name) == (codes == [])
    assert benchmark.stats is not None
    assert benchmark.stats.stats.median <= FRAME_BUDGET_SECONDS


@pytest.mark.parametrize("frame_name", sorted(FRAMES))
def test_both_engines_on_a_1280x720_camera_frame(benchmark: BenchmarkFixture, frame_name: str) -> None:
    """For the record (no budget): zbar only runs when zxing-cpp found nothing."""
    frame = FRAMES[frame_name]()
    codes = benchmark(decode_image, frame, "both", CAMERA_FRAME)
    assert ("no_code" in frame_name) == (codes == [])
