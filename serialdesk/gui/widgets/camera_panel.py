"""A camera as a second scanner in a pane: the toggle, a small live preview and what the camera is doing.

scanning.camera.CameraScanner reads and decodes on its own worker thread and calls back there; this widget
turns the callbacks into Qt signals (emitted on the worker thread, delivered queued to the GUI thread), so a
camera scan reaches the pane exactly like a scanner burst and the window never waits for the camera. The
preview polls the newest frame ~10 times a second instead of repainting for every frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QImage, QPixmap
from PySide6.QtWidgets import QFrame, QWidget

from serialdesk.gui.generated.ui_camera_panel import Ui_CameraPanel
from serialdesk.gui.widgets.feedback import restyle

if TYPE_CHECKING:  # OpenCV and numpy are imported when a camera is first started, not when the window opens
    import numpy as np

    from serialdesk.scanning.camera import CameraScanner, CameraStatus
    from serialdesk.scanning.decode import DecodedCode

PREVIEW_INTERVAL_MS = 100
CAMERA_OFF = "Camera off"
CAMERA_ON = "Camera on"
CAMERA_LOST = "Camera lost — the scanner keeps working"

ScannerFactory = Callable[..., "CameraScanner"]


def frame_image(frame: np.ndarray) -> QImage:
    """A BGR frame (OpenCV's order) as a QImage that owns its pixels."""
    import numpy as np

    frame = np.ascontiguousarray(frame)
    height, width = frame.shape[:2]
    return QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_BGR888).copy()


def describe(status: CameraStatus) -> tuple[str, str, str]:
    """(tone, status-bar text, longer note) for a state of the camera."""
    from serialdesk.scanning.camera import CameraState

    if status.state is CameraState.STARTING:
        return "info", "Camera starting…", status.message
    if status.state is CameraState.RUNNING:
        return "good", CAMERA_ON, status.message
    if status.state is CameraState.DEVICE_LOST:
        return "warn", CAMERA_LOST, f"{status.message} The barcode scanner and typing keep working."
    if status.state is CameraState.ERROR:
        return "bad", "No camera — the scanner keeps working", (
            f"{status.message} Check the camera is plugged in and chosen in Settings (Ctrl+,); the barcode "
            "scanner and typing keep working.")
    return "muted", CAMERA_OFF, ""


class CameraPanel(QFrame):
    """``sig_scan(text)`` for each debounced code; ``sig_state(tone, text, note)`` for each change of state."""

    sig_scan = Signal(str)
    sig_state = Signal(str, str, str)
    _sig_status = Signal(object)  # CameraStatus, from the worker thread

    def __init__(self, parent: QWidget | None = None, *, factory: ScannerFactory | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CameraPanel()
        self.ui.setupUi(self)
        self.ui.stateLabel.setProperty("role", "muted")
        self.factory = factory  # None: scanning.camera.CameraScanner
        self.source: int | str = 0
        self.scanner: CameraScanner | None = None
        self.state_text = CAMERA_OFF
        self._shown: np.ndarray | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(PREVIEW_INTERVAL_MS)
        self._timer.timeout.connect(self.show_latest_frame)
        self._sig_status.connect(self._status_changed)
        self.ui.cameraButton.toggled.connect(self._toggled)
        self._show_off()

    @property
    def running(self) -> bool:
        return self.scanner is not None and self.scanner.is_running

    def set_source(self, source: int | str) -> None:
        """The device index or video file from Settings; a running camera switches at the next start."""
        self.source = source

    def toggle(self) -> None:
        self.ui.cameraButton.toggle()

    def start(self) -> None:
        self.ui.cameraButton.setChecked(True)

    def stop(self) -> None:
        self.ui.cameraButton.setChecked(False)

    def _toggled(self, on: bool) -> None:
        self.ui.cameraButton.setText(("Stop camera" if on else "Camera") + "   Ctrl+K")
        if on and self.scanner is None:
            from serialdesk.scanning.camera import CameraScanner, CameraSettings

            factory = self.factory or CameraScanner
            self.scanner = factory(CameraSettings(source=self.source), on_scan=self._scanned,
                                   on_state=self._sig_status.emit)
            self.ui.previewLabel.setVisible(True)
            self._timer.start()
            self.scanner.start()
        elif not on and self.scanner is not None:
            self._release()
            self._show_off()
            self.sig_state.emit("muted", CAMERA_OFF, "")

    def _release(self) -> None:
        scanner, self.scanner = self.scanner, None
        self._timer.stop()
        if scanner is not None:
            scanner.stop()

    def _scanned(self, code: DecodedCode) -> None:  # worker thread: only emit
        self.sig_scan.emit(code.text)

    def _status_changed(self, status: CameraStatus) -> None:
        from serialdesk.scanning.camera import CameraState

        if self.scanner is None or status.state is CameraState.STOPPED:
            return  # the worker's last word after the clerk switched it off: already shown
        tone, text, note = describe(status)
        if status.state in (CameraState.DEVICE_LOST, CameraState.ERROR):
            self._release()
            self.ui.cameraButton.blockSignals(True)
            self.ui.cameraButton.setChecked(False)
            self.ui.cameraButton.blockSignals(False)
            self.ui.cameraButton.setText("Camera   Ctrl+K")
            self._show_off()
        self.state_text = text
        self.ui.stateLabel.setText(text if tone in ("good", "info") else f"{text}. {note}")
        self.ui.stateLabel.setProperty("tone", tone)
        restyle(self.ui.stateLabel)
        self.sig_state.emit(tone, text, note)

    def show_latest_frame(self) -> None:
        frame = self.scanner.latest_frame() if self.scanner is not None else None
        if frame is None or frame is self._shown:
            return
        self._shown = frame
        label = self.ui.previewLabel
        label.setPixmap(QPixmap.fromImage(frame_image(frame)).scaled(
            label.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def _show_off(self) -> None:
        self._shown = None
        self.state_text = CAMERA_OFF
        self.ui.previewLabel.clear()
        self.ui.previewLabel.setText("📷")
        self.ui.previewLabel.setVisible(False)
        self.ui.stateLabel.setText(CAMERA_OFF)
        self.ui.stateLabel.setProperty("tone", "muted")
        restyle(self.ui.stateLabel)

    def hideEvent(self, event: QHideEvent) -> None:
        """Another pane (or sign-out) hides this one: free the camera, which only one pane can hold."""
        if self.scanner is not None:
            self.stop()
        elif self.state_text != CAMERA_OFF:  # an old "no camera" is no news in the next pane
            self._show_off()
            self.sig_state.emit("muted", CAMERA_OFF, "")
        super().hideEvent(event)
