"""Label jobs: what is refused before anything is written, progress and cancel, files written, and the
layout rules every label obeys (symbols on whole dots, nothing outside its label, text clear of the symbol).
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from serialdesk.domain.errors import DomainError
from serialdesk.domain.serial_rules import ALLOWED_PUNCTUATION
from serialdesk.labels import LabelData, media_named, plan_labels, render_labels
from serialdesk.labels.compose import Font, LabelPlan
from serialdesk.labels.layout import DotRect
from serialdesk.labels.symbols import Symbology

# PDF/PNG jobs measure text with Qt: a real QApplication first, so the labels never make their own
# QGuiApplication in the test process (widget tests later in the session need a QApplication).
pytestmark = pytest.mark.usefixtures("qapp")

DRILL = LabelData("L2406A-00017-3", "DRL-18V", "Cordless drill 18 V", "L2406A", Decimal("129.90"))
SERIAL_64 = "A" * 20 + "-" + "0123456789" * 4 + "-X1"


def labels(count: int) -> list[LabelData]:
    return [LabelData(f"L2406A-{n:05d}-3", "DRL-18V", "Cordless drill 18 V", "L2406A") for n in range(count)]


# --- refused before anything is written -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"layout": "letter"}, "labels_bad_layout"),
        ({"symbology": "pdf417"}, "labels_bad_symbology"),
        ({"fmt": "svg"}, "labels_bad_format"),
        ({"layout": "a4-3x8", "fmt": "zpl"}, "labels_zpl_needs_roll"),
        ({"dpi": 72}, "labels_bad_dpi"),
        ({"start_position": 3}, "labels_bad_start"),  # a roll has no used labels to skip
    ],
)
def test_a_bad_job_is_refused_and_writes_nothing(tmp_path: Path, changes: dict[str, object], code: str) -> None:
    job: dict[str, object] = {"layout": "roll-62x29", "symbology": "code128", "fmt": "pdf"} | changes
    out = tmp_path / "labels.out"
    with pytest.raises(DomainError) as refused:
        render_labels([DRILL], out=out, **job)  # type: ignore[arg-type]
    assert refused.value.code == code
    assert list(tmp_path.iterdir()) == []


def test_a_serial_too_long_for_code128_on_a_roll_refuses_the_whole_job_naming_it(tmp_path: Path) -> None:
    job = [*labels(3), LabelData(SERIAL_64, "DRL-18V", "Cordless drill")]
    with pytest.raises(DomainError) as refused:
        render_labels(job, layout="roll-62x29", symbology="code128", fmt="pdf", out=tmp_path / "l.pdf")
    assert refused.value.code == "labels_serial_too_long"
    assert SERIAL_64 in refused.value.message
    assert "Choose another symbology or layout" in refused.value.message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("symbology", [Symbology.DATAMATRIX, Symbology.QR])
@pytest.mark.parametrize("layout", ["roll-62x29", "a4-3x8"])
@pytest.mark.parametrize("dpi", [203, 300])
def test_the_longest_serial_still_fits_a_2d_label_with_its_text_on_three_lines(
    symbology: Symbology, layout: str, dpi: int
) -> None:
    (plan,) = plan_labels([LabelData(SERIAL_64, "DRL-18V", "Cordless drill")], media_named(layout), symbology, dpi)
    serial_lines = [box.text for box in plan.texts if box.font is Font.SERIAL]
    assert "".join(serial_lines) == SERIAL_64
    assert len(serial_lines) == 3


@pytest.mark.parametrize(
    ("label", "code"),
    [
        (LabelData("", "DRL-18V", "Drill"), "empty_serial"),
        (LabelData("L24 06", "DRL-18V", "Drill"), "serial_bad_characters"),
        (LabelData("X" * 65, "DRL-18V", "Drill"), "serial_too_long"),
        (LabelData("SN1", "DRL-18V", "Drill", gs1="(01)09521234543213(21)SN2"), "labels_gs1_serial"),
        (LabelData("SN1", "DRL-18V", "Drill", gs1="01 09521234543213"), "labels_bad_gs1"),
    ],
)
def test_an_unprintable_label_is_refused(tmp_path: Path, label: LabelData, code: str) -> None:
    with pytest.raises(DomainError) as refused:
        render_labels([label], layout="roll-62x29", symbology="datamatrix", fmt="zpl", out=tmp_path / "l.zpl")
    assert refused.value.code == code


def test_gs1_content_is_not_printed_as_qr(tmp_path: Path) -> None:
    label = LabelData("SN1", "DRL-18V", "Drill", gs1="(01)09521234543213(21)SN1")
    with pytest.raises(DomainError) as refused:
        render_labels([label], layout="roll-62x29", symbology="qr", fmt="zpl", out=tmp_path / "l.zpl")
    assert refused.value.code == "labels_gs1_qr"


def test_an_empty_job_and_a_missing_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="no labels"):
        render_labels([], layout="roll-62x29", symbology="qr", fmt="zpl", out=tmp_path / "l.zpl")
    with pytest.raises(DomainError, match="does not exist"):
        render_labels([DRILL], layout="roll-62x29", symbology="qr", fmt="zpl", out=tmp_path / "nope" / "l.zpl")


# --- progress, cancel, files ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["pdf", "png", "zpl"])
def test_progress_counts_every_label(tmp_path: Path, fmt: str) -> None:
    seen: list[tuple[int, int]] = []
    result = render_labels(
        labels(5),
        layout="roll-62x29",
        symbology="qr",
        fmt=fmt,
        out=tmp_path / f"l.{fmt}",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    assert (result.labels, result.pages, result.cancelled) == (5, 5, False)
    assert all(f.stat().st_size > 0 for f in result.files)


@pytest.mark.parametrize("fmt", ["pdf", "png", "zpl"])
def test_a_cancelled_job_stops_and_leaves_no_files(tmp_path: Path, fmt: str) -> None:
    done_so_far: list[int] = []
    result = render_labels(
        labels(6),
        layout="roll-62x29",
        symbology="code128",
        fmt=fmt,
        out=tmp_path / f"l.{fmt}",
        progress=lambda done, _total: done_so_far.append(done),
        cancelled=lambda: len(done_so_far) >= 3,
    )
    assert result.cancelled and result.files == ()
    assert done_so_far == [1, 2, 3]
    assert list(tmp_path.iterdir()) == []


def test_one_png_page_is_written_under_the_name_given(tmp_path: Path) -> None:
    result = render_labels(labels(5), layout="a4-3x8", symbology="qr", fmt="png", out=tmp_path / "sheet.png")
    assert result.files == (tmp_path / "sheet.png",)
    result = render_labels(labels(1), layout="roll-62x29", symbology="qr", fmt="png", out=tmp_path / "one.png")
    assert result.files == (tmp_path / "one.png",)


def test_a_pdf_has_one_page_per_roll_label_and_per_sheet(tmp_path: Path) -> None:
    roll = render_labels(labels(3), layout="roll-62x29", symbology="datamatrix", fmt="pdf", out=tmp_path / "r.pdf")
    sheet = render_labels(labels(30), layout="a4-3x8", symbology="datamatrix", fmt="pdf", out=tmp_path / "s.pdf")
    assert (roll.pages, sheet.pages) == (3, 2)
    info = subprocess.run(["pdfinfo", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=True).stdout
    assert "Pages:           3" in info
    # 62 × 29 mm is 175.7 × 82.2 pt; Qt's PDF writer rounds page sizes to whole points (≤ 0.1 mm off,
    # inside the label's blank padding).
    assert "176 x 82 pts" in info


def test_rendering_works_headless_with_no_application_and_no_display(tmp_path: Path) -> None:
    # What the CLI does: no QApplication, no DISPLAY. The renderer must make its own offscreen one.
    script = (
        "from serialdesk.labels import LabelData, render_labels\n"
        "r = render_labels([LabelData('SN1', 'DRL-18V', 'Drill')], layout='roll-62x29', symbology='qr',"
        f" fmt='pdf', out=r'{tmp_path / 'cli.pdf'}')\n"
        "print(r.pages)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "1"
    assert (tmp_path / "cli.pdf").stat().st_size > 0


# --- every label obeys the layout rules -------------------------------------------------------------------


def _inside(inner: DotRect, outer: DotRect) -> bool:
    return outer.x <= inner.x and outer.y <= inner.y and inner.right <= outer.right and inner.bottom <= outer.bottom


def _overlap(a: DotRect, b: DotRect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def check_layout_rules(plan: LabelPlan) -> None:
    placed, label = plan.symbol, plan.label
    quiet = placed.symbol.quiet_zone * placed.module
    symbol_rect = DotRect(placed.x, placed.y, placed.width, placed.height)
    with_quiet_zone = DotRect(placed.x - quiet, placed.y, placed.width + 2 * quiet, placed.height)
    if not placed.symbol.is_linear:  # 2D symbols need their quiet zone on all four sides
        with_quiet_zone = DotRect(
            placed.x - quiet, placed.y - quiet, placed.width + 2 * quiet, placed.height + 2 * quiet
        )
    assert _inside(with_quiet_zone, label), "the symbol and its quiet zone stay on the label"
    for box in plan.texts:
        assert _inside(box.rect, label), f"text {box.text!r} stays on the label"
        assert not _overlap(box.rect, with_quiet_zone), f"text {box.text!r} keeps out of the symbol's quiet zone"
    assert _inside(symbol_rect, label)


serial_text = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789" + ALLOWED_PUNCTUATION, min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)  # rendering is slow: not deepened by make fuzz
@given(
    serial=serial_text,
    name=st.text(min_size=0, max_size=80),
    lot=st.none() | st.text(alphabet="ABC0123-", min_size=1, max_size=12),
    price=st.none() | st.decimals(min_value=0, max_value=99999, places=2),
    symbology=st.sampled_from(list(Symbology)),
    layout=st.sampled_from(["roll-62x29", "a4-3x8"]),
    dpi=st.sampled_from([203, 300, 600]),
)
def test_every_label_either_fits_by_the_layout_rules_or_is_refused_as_too_long(
    serial: str, name: str, lot: str | None, price: Decimal | None, symbology: Symbology, layout: str, dpi: int
) -> None:
    try:
        (plan,) = plan_labels([LabelData(serial, "DRL-18V", name, lot, price)], media_named(layout), symbology, dpi)
    except DomainError as refused:
        assert refused.code == "labels_serial_too_long"
        assert symbology is Symbology.CODE128  # 2D symbols take every serial up to 64 characters
        return
    check_layout_rules(plan)
    assert plan.symbol.module * 25.4 / dpi >= (0.19 if symbology is Symbology.CODE128 else 0.245)
