"""`serialdesk scan-image` on a photo of a box holding several codes: all of them, where, and which is which."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

F = zxingcpp.BarcodeFormat


def _run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SERIALDESK_DB": db, "SERIALDESK_PIN": "1234"}
    env.pop("SERIALDESK_USER", None)
    proc = subprocess.run([sys.executable, "-m", "serialdesk", *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return proc


def _box_label(path: Path) -> None:
    parts = []
    for content, fmt in (("4006381333931", F.EAN13), ("SN0042", F.Code128), ("LOT L2406A", F.Code128)):
        symbol = np.asarray(zxingcpp.create_barcode(content, fmt).to_image(scale=3))
        parts.append(cv2.copyMakeBorder(symbol, 30, 30, 30, 600 - symbol.shape[1], cv2.BORDER_CONSTANT, value=255))
    cv2.imwrite(str(path), np.vstack(parts))


def test_scan_image_classify_returns_every_code_with_its_place_and_role(sqlite_url: str, tmp_path: Path) -> None:
    _run(sqlite_url, "product", "add", "DRL-18V", "--name", "Drill", "--gtin", "4006381333931",
         "--serial-regex", r"SN\d{4}")  # fmt: skip
    photo = tmp_path / "box.png"
    _box_label(photo)

    (entry,) = json.loads(_run(sqlite_url, "scan-image", str(photo), "--classify", "--json").stdout)

    assert [c["text"] for c in entry["codes"]] == ["4006381333931", "SN0042", "LOT L2406A"]  # top to bottom
    assert all(len(c["box"]) == 4 and c["box"][0] < c["box"][2] for c in entry["codes"])
    label = entry["label"]
    assert (label["sku"], label["serial"], label["lot"]) == ("DRL-18V", "SN0042", "L2406A")
    assert label["roles"] == ["product", "serial", "lot"]
    text = _run(sqlite_url, "scan-image", str(photo), "--classify").stdout
    assert "→ serial" in text and "taken: sku DRL-18V, serial SN0042, lot L2406A" in text
