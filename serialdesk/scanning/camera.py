"""A camera as a barcode scanner: OpenCV capture and decoding in a worker thread, debounced, by callbacks.

No Qt here. The callbacks run on the worker thread; the GUI adapts them to signals (a Qt signal emitted from
another thread reaches GUI-thread slots queued, so the GUI never waits for the camera).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import cv2
import numpy as np

from serialdesk.scanning.debounce import DEFAULT_WINDOW_SECONDS, Debouncer
from serialdesk.scanning.decode import CAMERA_FRAME, DecodedCode, DecodeOptions, Engine
from serialdesk.scanning.region import RegionDecoder


class CameraState(StrEnum):
    STARTING = "starting"
    RUNNING = "running"
    STOPPED = "stopped"  # stopped on request
    DEVICE_LOST = "device_lost"  # unplugged, or the end of a video file
    ERROR = "error"  # could not open, or decoding failed; the message says which


@dataclass(frozen=True)
class CameraStatus:
    state: CameraState
    message: str = ""


@dataclass(frozen=True)
class CameraSettings:
    source: int | str | os.PathLike[str] = 0  # device index, or a video file (tests, demos)
    width: int = 1280  # asked of the device; a camera may pick the nearest size it supports
    height: int = 720
    engine: Engine = "both"
    options: DecodeOptions = CAMERA_FRAME
    debounce_seconds: float = DEFAULT_WINDOW_SECONDS
    # A camera may drop the odd frame; this long without any frame means it is gone.
    lost_after_seconds: float = 1.0

    @property
    def is_file(self) -> bool:
        return not isinstance(self.source, int)


ScanCallback = Callable[[DecodedCode], None]
StateCallback = Callable[[CameraStatus], None]
FrameCallback = Callable[[np.ndarray], None]


class CameraScanner:
    """Reads frames, decodes them and reports each new code once.

    ``on_scan(code)`` gets every code not seen within the debounce window, ``on_state(status)`` every change
    of state (starting → running → stopped | device_lost | error), ``on_frame(frame)`` every BGR frame for a
    preview. A video file is decoded frame by frame (nothing dropped) and debounced on its own timeline, so a
    test clip gives the same scans however fast the machine is.
    """

    def __init__(
        self,
        settings: CameraSettings,
        on_scan: ScanCallback,
        on_state: StateCallback | None = None,
        on_frame: FrameCallback | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._on_scan = on_scan
        self._on_state = on_state
        self._on_frame = on_frame
        self._clock = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._status = CameraStatus(CameraState.STOPPED)
        self._latest: np.ndarray | None = None

    @property
    def status(self) -> CameraStatus:
        with self._lock:
            return self._status

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def latest_frame(self) -> np.ndarray | None:
        """The last frame read (BGR), for a preview that polls instead of taking ``on_frame``."""
        with self._lock:
            return self._latest

    def start(self) -> None:
        """Open the source and start scanning in the background; does nothing if already running."""
        if self.is_running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera-scanner", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        """Stop scanning and release the device; waits for the worker unless called from a callback."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the worker to end by itself (end of a file, device lost, error). True if it ended."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return not self.is_running

    # --- worker thread ------------------------------------------------------------------------------------

    def _run(self) -> None:
        self._set_status(CameraState.STARTING, f"Opening {self._describe()}…")
        capture: cv2.VideoCapture | None = None
        final: CameraStatus | None = None  # None: _open has already reported why it could not open
        try:
            capture = self._open()
            if capture is not None:
                final = self._scan_frames(capture)
        except Exception as exc:  # a worker thread has nobody to raise to: the error becomes a state
            final = CameraStatus(CameraState.ERROR, f"The camera stopped because of an error: {exc}")
        finally:
            if capture is not None:
                capture.release()
        if final is not None:
            self._set_status(final.state, final.message)

    def _open(self) -> cv2.VideoCapture | None:
        source = self.settings.source
        if not isinstance(source, int):
            path = Path(source)
            capture = cv2.VideoCapture(str(path)) if path.is_file() else None
        else:
            capture = cv2.VideoCapture(source)
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.settings.width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.settings.height)
            # Only the newest frame matters: a deep driver queue would show labels long gone.
            capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        if capture is None or not capture.isOpened():
            if capture is not None:
                capture.release()
            self._set_status(CameraState.ERROR, f"Could not open {self._describe()}.")
            return None
        self._set_status(CameraState.RUNNING, f"Scanning with {self._describe()}.")
        return capture

    def _scan_frames(self, capture: cv2.VideoCapture) -> CameraStatus:
        debouncer = Debouncer(self.settings.debounce_seconds)
        decoder = RegionDecoder(self.settings.engine, self.settings.options)  # around the last hit first
        fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
        frame_number = 0
        last_frame_at = self._clock()
        while not self._stop.is_set():
            ok, frame = capture.read()
            if not ok:
                if self.settings.is_file:
                    return CameraStatus(CameraState.DEVICE_LOST, f"End of the video {self._describe()}.")
                if self._clock() - last_frame_at >= self.settings.lost_after_seconds:
                    return CameraStatus(
                        CameraState.DEVICE_LOST,
                        f"No pictures from {self._describe()} for {self.settings.lost_after_seconds:g} s — "
                        "is it unplugged?",
                    )
                self._stop.wait(0.02)
                continue
            last_frame_at = self._clock()
            frame_number += 1
            now = frame_number / fps if self.settings.is_file else last_frame_at
            self._handle_frame(frame, debouncer, decoder, now)
        return CameraStatus(CameraState.STOPPED, "Camera stopped.")

    def _handle_frame(self, frame: np.ndarray, debouncer: Debouncer, decoder: RegionDecoder, now: float) -> None:
        with self._lock:
            self._latest = frame
        if self._on_frame is not None:
            self._on_frame(frame)
        for code in decoder.decode(frame):
            if debouncer.accept(code.text, now):
                self._on_scan(code)

    def _set_status(self, state: CameraState, message: str) -> None:
        status = CameraStatus(state, message)
        with self._lock:
            self._status = status
        if self._on_state is not None:
            self._on_state(status)

    def _describe(self) -> str:
        source = self.settings.source
        return f"camera {source}" if isinstance(source, int) else f"'{Path(source).name}'"
