"""Print the decoder's figures on the shared photo corpus: per set, images read by zbar alone, zxing-cpp alone,
and serialdesk (both merged), plus wrong reads. `make corpus` runs it; tests/unit/test_decode.py asserts it."""

from __future__ import annotations

import sys
from pathlib import Path

from serialdesk.scanning.decode import decode_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "zxing"
SUFFIXES = {".png", ".jpg", ".jpeg", ".gif"}


def _same(text: str) -> str:
    return text.replace("\r\n", "\n")  # the corpus's .txt files use \n where the QR codes encode \r\n


def figures(corpus_set: str) -> dict[str, int]:
    images = sorted(p for p in (CORPUS / corpus_set).iterdir() if p.suffix.lower() in SUFFIXES)
    row = {"images": len(images), "zbar": 0, "zxing": 0, "both": 0, "decodes_without_label": 0}
    for image in images:
        label = image.with_suffix(".txt")
        expected = _same(label.read_text(encoding="utf-8")) if label.exists() else None
        for engine in ("zbar", "zxing", "both"):
            texts = {_same(code.text) for code in decode_file(image, engine)}
            if expected is None:
                row["decodes_without_label"] += len(texts) if engine == "both" else 0
            else:
                row[engine] += expected in texts
    return row


def main() -> int:
    if not CORPUS.is_dir():
        print(f"No corpus at {CORPUS}", file=sys.stderr)
        return 1
    print(f"{'set':<18} {'images':>6} {'zbar':>6} {'zxing':>6} {'serialdesk':>10} {'false positives':>15}")
    for corpus_set in sorted(p.name for p in CORPUS.iterdir() if p.is_dir()):
        row = figures(corpus_set)
        false = row["decodes_without_label"] if corpus_set.startswith("falsepositives") else "—"
        print(f"{corpus_set:<18} {row['images']:>6} {row['zbar']:>6} {row['zxing']:>6} {row['both']:>10} {false:>15}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
