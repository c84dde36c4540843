"""The desktop app's own start (``serialdesk gui``): signed in with --pin, the window opens, and once it is up the
process settles its heap (``settle_heap``: Python's full collections then walk only what the session allocates)."""

from __future__ import annotations

from pathlib import Path

import pytest

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.gui import app as gui_app_module


def test_the_window_opens_and_the_heap_is_settled_once_it_is_up(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    shop = App(Settings(db_url=url, user="admin", station="test"))
    assert shop.init_schema(admin_pin="2468")
    shop.close()
    settled: list[bool] = []

    def settle() -> None:
        from PySide6.QtWidgets import QApplication

        settled.append(any(w.isVisible() and type(w).__name__ == "MainWindow" for w in QApplication.topLevelWidgets()))

    monkeypatch.setattr(gui_app_module, "settle_heap", settle)
    monkeypatch.setattr(gui_app_module, "SCREENSHOT_DELAY_MS", 300)
    shot = tmp_path / "window.png"
    code = gui_app_module.run(Settings(db_url=url, user="admin", station="test"), "admin", "2468",
                              screenshot=str(shot))
    assert code == 0 and shot.stat().st_size > 10_000
    assert settled == [True]  # once, with the window up


def test_settling_the_heap_collects_then_freezes_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import threading

    from serialdesk import bootstrap

    calls: list[str] = []
    monkeypatch.setattr(bootstrap, "_SETTLED", threading.Event())
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append("collect") or 0)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    bootstrap.settle_heap()
    bootstrap.settle_heap()
    assert calls == ["collect", "freeze"]
