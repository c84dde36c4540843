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


# --- issue 19: the camera around its last hit, on a recorded video of real labels -------------------------

# Photos the camera settings read when held still (upca-1/1 and upca-5/01 are not: too soft for one frame).
VIDEO_PHOTOS = ("code128-2/05.png", "ean13-2/03.png", "upca-1/2.png", "qrcode-2/5.png", "code128-2/12.png",
                "upca-5/03.png", "ean8-1/1.png", "qrcode-4/04.png")  # fmt: skip
FRAME_P50_MS, FRAME_P95_MS = 10.0, 20.0


def _record_video(path: Path, frames_per_label: int = 30) -> list[str]:
    """A 1280×720 MJPEG clip: each corpus photo held up in front of a counter for a second, drifting and
    shaking a little as a hand does, a few empty frames between labels. Returns the labels' texts."""
    rng = np.random.default_rng(5)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30.0, (1280, 720))
    counter = cv2.GaussianBlur(rng.normal(120, 20, (720, 1280, 3)).clip(0, 255).astype(np.uint8), (0, 0), 3)
    texts = []
    for name in VIDEO_PHOTOS:
        photo = cv2.imread(str(CORPUS / name))
        if photo is None:
            pytest.skip(f"barcode photo corpus not found at {CORPUS}")
        texts.append((CORPUS / name).with_suffix(".txt").read_text(encoding="utf-8"))
        photo = cv2.resize(photo, None, fx=1.2, fy=1.2, interpolation=cv2.INTER_CUBIC)
        h, w = photo.shape[:2]
        x, y = float(rng.integers(0, 1280 - w)), float(rng.integers(0, 720 - h))
        for _ in range(frames_per_label):
            x = min(max(0.0, x + rng.normal(0, 4)), 1280 - w - 1)
            y = min(max(0.0, y + rng.normal(0, 3)), 720 - h - 1)
            frame = counter.copy()
            frame[int(y) : int(y) + h, int(x) : int(x) + w] = photo
            writer.write(frame)
        for _ in range(5):
            writer.write(counter)
    writer.release()
    return texts


def test_camera_frames_of_a_recorded_video_decode_within_10_ms_p50_and_20_ms_p95(tmp_path: Path) -> None:
    import time

    from serialdesk.scanning.region import RegionDecoder

    video = tmp_path / "labels.avi"
    labels = _record_video(video)
    capture = cv2.VideoCapture(str(video))
    decoder = RegionDecoder()
    times, read = [], set()
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        started = time.thread_time()  # CPU time: the machine is shared, wall-clock would measure the others
        codes = decoder.decode(frame)
        times.append((time.thread_time() - started) * 1000)
        read |= {code.hri for code in codes} | {code.text for code in codes}
    capture.release()
    times.sort()
    p50, p95 = times[len(times) // 2], times[int(0.95 * (len(times) - 1))]
    print(f"\n{len(times)} frames: p50 {p50:.1f} ms, p95 {p95:.1f} ms CPU; region hits {decoder.region_hits}, "
          f"full frames {decoder.full_frames}; labels read {sum(t in read or '0' + t in read for t in labels)}"
          f"/{len(labels)}")  # fmt: skip
    assert [t for t in labels if t not in read and "0" + t not in read] == []
    assert decoder.region_hits > decoder.full_frames  # the region of the last hit does most of the work
    assert p50 <= FRAME_P50_MS and p95 <= FRAME_P95_MS, (p50, p95)
