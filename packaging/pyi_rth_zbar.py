"""PyInstaller runtime hook: pyzbar finds libzbar with ctypes.util.find_library, which knows nothing of the
bundle; point it at the copy shipped in the app folder so a shop PC needs no libzbar0 package."""

import ctypes.util
import os
import sys

_find_library = ctypes.util.find_library


def _find_bundled(name: str) -> str | None:
    if name == "zbar":
        for candidate in ("libzbar.so.0", "libzbar.so"):
            path = os.path.join(getattr(sys, "_MEIPASS", ""), candidate)
            if os.path.exists(path):
                return path
    return _find_library(name)


ctypes.util.find_library = _find_bundled
