"""The camera scanner on a real video file: labels passing by the lens, then the end of the file."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import barcode
import cv2
import numpy as np
import pytest
import segno

from serialdesk.scanning.camera import CameraScanner, CameraSettings, CameraState, CameraStatus
from serialdesk.scanning.decode import DecodedCode

FPS = 25
SIZE = (640, 480)


def code128_label(text: str, module: int = 3, height: int = 90) -> np.ndarray:
    modules = barcode.get("code128", text).build()[0]  # python-barcode's encoding: "1" bar, "0" space
    row = np.array([0 if m == "1" else 255 for m in "0" * 12 + modules + "0" * 12], np.uint8)
    return np.repeat(np.tile(row, (height, 1)), module, axis=1)


def qr_label(text: str, module: int = 6) -> np.ndarray:
    matrix = np.array([list(row) for row in segno.make_qr(text, error="m").matrix], np.uint8)
    matrix = np.pad(matrix, 4)  # quiet zone of four modules
    return np.kron(np.where(matrix == 1, 0, 255).astype(np.uint8), np.ones((module, module), np.uint8))


def blank_frame() -> np.ndarray:
    frame = np.full((SIZE[1], SIZE[0], 3), (150, 160, 170), np.uint8)  # a grey counter top
    cv2.rectangle(frame, (40, 400), (600, 470), (90, 90, 100), -1)
    return frame


def passing_by(label: np.ndarray, frames: int) -> Iterator[np.ndarray]:
    """The label slides left to right through the picture, as a clerk moves a box past the camera."""
    height, width = label.shape
    for i in range(frames):
        frame = blank_frame()
        x = 10 + (SIZE[0] - width - 20) * i // max(frames - 1, 1)
        y = (SIZE[1] - height) // 2
        frame[y : y + height, x : x + width] = cv2.cvtColor(label, cv2.COLOR_GRAY2BGR)
        yield frame


def nothing(frames: int) -> Iterator[np.ndarray]:
    for _ in range(frames):
        yield blank_frame()


def write_clip(path: Path, parts: Sequence[Iterator[np.ndarray]]) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), FPS, SIZE)
    assert writer.isOpened()
    for part in parts:
        for frame in part:
            writer.write(frame)
    writer.release()
    return path


class Recorder:
    def __init__(self) -> None:
        self.scans: list[DecodedCode] = []
        self.states: list[CameraStatus] = []
        self.threads: set[str] = set()

    def on_scan(self, code: DecodedCode) -> None:
        self.threads.add(threading.current_thread().name)
        self.scans.append(code)

    def on_state(self, status: CameraStatus) -> None:
        self.states.append(status)

    @property
    def texts(self) -> list[str]:
        return [code.text for code in self.scans]

    @property
    def state_names(self) -> list[CameraState]:
        return [status.state for status in self.states]


def run_to_end(source: Path | str | int) -> Recorder:
    recorder = Recorder()
    scanner = CameraScanner(CameraSettings(source=source), recorder.on_scan, recorder.on_state)
    scanner.start()
    assert scanner.wait(timeout=60), "the worker did not finish"
    return recorder


@pytest.fixture(scope="module")
def three_labels_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    first = code128_label("SN-0001")
    return write_clip(
        tmp_path_factory.mktemp("camera") / "three-labels.avi",
        [
            nothing(10),
            passing_by(first, 12),
            nothing(5),  # a hand covers the label for 0.2 s: still the same scan
            passing_by(first, 12),
            nothing(40),
            passing_by(qr_label("SN-0002"), 20),
            nothing(40),
            passing_by(code128_label("SN-0003"), 20),
            nothing(10),
        ],
    )


def test_each_label_passing_the_camera_is_reported_exactly_once(three_labels_clip: Path) -> None:
    recorder = run_to_end(three_labels_clip)
    assert recorder.texts == ["SN-0001", "SN-0002", "SN-0003"]
    assert [code.format for code in recorder.scans] == ["Code128", "QRCode", "Code128"]
    assert recorder.threads == {"camera-scanner"}  # the caller's thread never decodes


def test_the_end_of_the_video_reports_the_device_as_lost(three_labels_clip: Path) -> None:
    recorder = run_to_end(three_labels_clip)
    assert recorder.state_names == [CameraState.STARTING, CameraState.RUNNING, CameraState.DEVICE_LOST]
    assert "End of the video" in recorder.states[-1].message


def test_a_label_shown_again_after_the_debounce_window_is_a_new_scan(tmp_path: Path) -> None:
    label = code128_label("SN-0001")
    clip = write_clip(tmp_path / "again.avi", [passing_by(label, 12), nothing(50), passing_by(label, 12)])
    assert run_to_end(clip).texts == ["SN-0001", "SN-0001"]


def test_stopping_releases_the_source_and_reports_stopped(tmp_path: Path) -> None:
    clip = write_clip(tmp_path / "long.avi", [nothing(300)])
    recorder = Recorder()
    started = threading.Event()
    scanner = CameraScanner(
        CameraSettings(source=clip), recorder.on_scan, recorder.on_state, on_frame=lambda frame: started.set()
    )
    scanner.start()
    assert started.wait(10)
    assert scanner.latest_frame() is not None and scanner.latest_frame().shape == (480, 640, 3)  # type: ignore[union-attr]
    scanner.stop()
    assert not scanner.is_running
    assert recorder.state_names == [CameraState.STARTING, CameraState.RUNNING, CameraState.STOPPED]
    assert scanner.status.state is CameraState.STOPPED


@pytest.mark.parametrize("source", ["/nonexistent/clip.avi", 57])
def test_a_source_that_cannot_be_opened_reports_an_error(source: str | int) -> None:
    recorder = run_to_end(source)
    assert recorder.state_names == [CameraState.STARTING, CameraState.ERROR]
    assert "Could not open" in recorder.states[-1].message


def test_an_error_in_a_callback_ends_the_worker_with_an_error_state(three_labels_clip: Path) -> None:
    states: list[CameraStatus] = []

    def refuse(code: DecodedCode) -> None:
        raise RuntimeError("database unavailable")

    scanner = CameraScanner(CameraSettings(source=three_labels_clip), refuse, states.append)
    scanner.start()
    assert scanner.wait(timeout=60)
    assert states[-1].state is CameraState.ERROR and "database unavailable" in states[-1].message
