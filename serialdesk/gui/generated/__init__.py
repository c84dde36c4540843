"""Python generated from ui/*.ui (pyside6-uic) and resources/serialdesk.qrc (pyside6-rcc): run `python ui/build.py`."""
