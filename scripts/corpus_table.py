"""Print the decoder's figures on the shared photo corpus (`make corpus`).

Per set: the labelled images read by pyzbar alone and by zxing-cpp alone (each with its default settings, all
symbologies: the baselines of ../shared/corpus/README.md), by either of them, and by serialdesk's still-photo
pipeline (serialdesk/scanning/decode.py + variants.py); the texts serialdesk read that are not the label
("other": a second real symbol or a misread); false positives on the barcode-free sets; serialdesk's time per
image (p50 / p95, wall-clock and this thread's CPU time, reading the file included). tests/unit/test_decode.py
asserts the same figures.

    python scripts/corpus_table.py [--half even|odd] [--techniques]

``--half`` keeps every other image of each set (the even half is the one techniques were chosen on);
``--techniques`` adds, one technique at a time, what each variant of variants.py adds and costs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import zxingcpp
from biip import BiipException
from biip.gs1_messages import GS1Message
from pyzbar import pyzbar

from serialdesk.scanning import variants
from serialdesk.scanning.decode import decode_file, expand_upce

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "zxing"
SUFFIXES = {".png", ".jpg", ".jpeg", ".gif"}


def _same(text: str) -> str:
    return text.replace("\r\n", "\n")  # the corpus's .txt files use \n where the QR codes encode \r\n


def written_forms(text: str) -> set[str]:
    """The ways one content is written: as is, UPC-A with/without its leading 0, GTIN-14 with AI 01, GS1 raw
    and HRI, UPC-E's 8 digits and the GTIN-13 it expands to. Used on both sides, label and read."""
    text = _same(text)
    forms = {text}
    if text.isdigit():
        if len(text) == 12:
            forms.add("0" + text)
        if len(text) == 13 and text.startswith("0"):
            forms.add(text[1:])
        if len(text) == 8 and text[0] in "01":
            forms.add("0" + expand_upce(text))
        if len(text) == 14:
            forms.add("01" + text)
    try:
        if text.startswith("("):
            forms.add(GS1Message.parse_hri(text).value)
        elif text[:2].isdigit() and len(text) > 14:
            forms.add(GS1Message.parse(text).as_hri())
    except BiipException:
        pass
    return forms


@contextmanager
def _quiet_stderr() -> Iterator[None]:  # zbar's DataBar decoder prints assertion warnings on some photos
    saved = os.dup(2)
    with open(os.devnull, "w") as null:
        os.dup2(null.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _baseline(image: Path) -> dict[str, set[str]]:
    gray = cv2.imread(str(image), cv2.IMREAD_GRAYSCALE)
    with _quiet_stderr():
        zbar = {d.data.decode("utf-8", "replace") for d in pyzbar.decode(gray)}
    zxing = {b.text for b in zxingcpp.read_barcodes(gray)}
    return {"zbar": zbar, "zxing": zxing}


def images_of(corpus_set: str, half: str | None = None) -> list[tuple[Path, str | None]]:
    images = sorted(p for p in (CORPUS / corpus_set).iterdir() if p.suffix.lower() in SUFFIXES)
    if half is not None:
        images = images[0 if half == "even" else 1 :: 2]
    out = []
    for image in images:
        label = image.with_suffix(".txt")
        out.append((image, _same(label.read_text(encoding="utf-8")) if label.exists() else None))
    return out


def _hit(expected: set[str], texts: set[str]) -> bool:
    return any(written_forms(text) & expected for text in texts)


@dataclass
class Row:
    images: int = 0  # labelled images
    zbar: int = 0
    zxing: int = 0
    either: int = 0
    serialdesk: int = 0
    other: int = 0  # serialdesk's reads that are not the label
    codes: int = 0  # serialdesk's reads in all, labelled or not
    ms: list[float] = field(default_factory=list)  # wall-clock per image
    cpu: list[float] = field(default_factory=list)  # this thread's CPU time per image


def figures(corpus_set: str, half: str | None = None, baseline: bool = True) -> Row:
    row = Row()
    for image, label in images_of(corpus_set, half):
        started, cpu = time.perf_counter(), time.thread_time()
        codes = decode_file(image)
        row.ms.append((time.perf_counter() - started) * 1000)
        row.cpu.append((time.thread_time() - cpu) * 1000)
        row.codes += len(codes)
        if label is None:
            continue
        expected = written_forms(label)
        row.images += 1
        hits = [_hit(expected, set(code.equivalent_texts())) for code in codes]
        row.serialdesk += any(hits)
        row.other += hits.count(False)
        if baseline:
            base = _baseline(image)
            zbar, zxing = _hit(expected, base["zbar"]), _hit(expected, base["zxing"])
            row.zbar += zbar
            row.zxing += zxing
            row.either += zbar or zxing
    return row


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _sets() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def _ms(values: list[float]) -> str:
    return f"{_percentile(values, 0.5):>7.1f} {_percentile(values, 0.95):>7.1f}"


def table(half: str | None) -> int:
    print(f"{'set':<17} {'images':>6} {'zbar':>5} {'zxing':>5} {'either':>6} {'serialdesk':>10} {'other':>6} "
          f"{'false pos.':>10} {'p50 ms':>7} {'p95 ms':>7} {'CPU p50':>7} {'CPU p95':>7}")  # fmt: skip
    total = Row()
    ahead = behind = not_full = false_positives = 0
    for corpus_set in _sets():
        row = figures(corpus_set, half)
        for name in ("images", "zbar", "zxing", "either", "serialdesk", "other"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
        total.ms += row.ms
        total.cpu += row.cpu
        false = "—"
        if corpus_set.startswith("falsepositives"):
            false_positives += row.codes
            false = str(row.codes)
        if row.images and row.either != row.images:
            not_full += 1
            ahead += row.serialdesk > row.either
        behind += row.serialdesk < row.either
        counts = [str(getattr(row, n)) if row.images else "—" for n in ("zbar", "zxing", "either", "serialdesk")]
        other = str(row.other) if row.images else ("—" if false != "—" else f"{row.codes} read")
        print(f"{corpus_set:<17} {row.images:>6} {counts[0]:>5} {counts[1]:>5} {counts[2]:>6} {counts[3]:>10} "
              f"{other:>6} {false:>10} {_ms(row.ms)} {_ms(row.cpu)}")  # fmt: skip
    print(
        f"{'total':<17} {total.images:>6} {total.zbar:>5} {total.zxing:>5} {total.either:>6} "
        f"{total.serialdesk:>10} {total.other:>6} {false_positives:>10} {_ms(total.ms)} {_ms(total.cpu)}"
    )
    gain = (total.serialdesk - total.either) / max(1, total.either) * 100
    print(
        f"serialdesk vs either: {gain:+.1f} % in total; ahead on {ahead} of the {not_full} sets either does not "
        f"read in full; behind on {behind}; false positives {false_positives}"
    )
    return 0


def _corpus_totals(half: str | None) -> tuple[int, int, int, list[float]]:
    read = other = false = 0
    times: list[float] = []
    for corpus_set in _sets():
        row = figures(corpus_set, half, baseline=False)
        read, other, times = read + row.serialdesk, other + row.other, times + row.cpu
        false += row.codes if corpus_set.startswith("falsepositives") else 0
    return read, other, false, times


def techniques(half: str | None) -> int:
    """What each variant adds: the chosen ones cumulatively in pipeline order, then each one left out (TRIED)
    on top of them; with the CPU time per image it costs."""
    print(f"{'variants used':<28} {'read':>5} {'other':>5} {'false pos.':>10} {'CPU p50':>7} {'CPU p95':>7}")
    chosen = variants.VARIANTS
    steps = [("plain passes", ())] + [("+ " + v[0], chosen[: i + 1]) for i, v in enumerate(chosen)]
    steps += [(f"(+ {v[0]}, left out)", (*chosen, v)) for v in variants.TRIED]
    try:
        for name, used in steps:
            variants.VARIANTS = used
            read, other, false, times = _corpus_totals(half)
            print(f"{name:<28} {read:>5} {other:>5} {false:>10} {_ms(times)}")
    finally:
        variants.VARIANTS = chosen
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["even", "odd"])
    parser.add_argument("--techniques", action="store_true")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"No corpus at {CORPUS}", file=sys.stderr)
        return 1
    table(args.half)
    if args.techniques:
        print()
        techniques(args.half)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
