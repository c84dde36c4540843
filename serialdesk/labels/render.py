"""The one entry point: labels in, a PDF, PNG files or a ZPL file out.

Every label is checked and laid out first; only when all of them fit does drawing start, so a serial that is
too long for the label refuses the whole job before any file is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from serialdesk.domain.errors import DomainError
from serialdesk.domain.serial_rules import SerialCase, normalise_serial
from serialdesk.labels.compose import Device, LabelData, LabelPlan, plan_linear, plan_matrix, refuse_non_gs1
from serialdesk.labels.layout import LabelMedia, media_named
from serialdesk.labels.symbols import Symbology, encode, gs1_pairs, symbology_named

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class OutputFormat(StrEnum):
    PDF = "pdf"
    PNG = "png"
    ZPL = "zpl"


ZPL_MAX_MODULE = 10  # ^BY module width and ^BQ magnification accept 1–10 dots
# Laser printers and PDF viewers: 300 dpi; Zebra desktop printers: 203 dpi.
DEFAULT_DPI = {OutputFormat.PDF: 300, OutputFormat.PNG: 300, OutputFormat.ZPL: 203}


@dataclass(frozen=True)
class LabelOutput:
    """What was written: the files (one PDF, one ZPL, or one PNG per page), and whether it was stopped."""

    files: tuple[Path, ...]
    labels: int
    pages: int
    cancelled: bool = False


def _format_named(name: str) -> OutputFormat:
    try:
        return OutputFormat(name)
    except ValueError:
        raise DomainError(
            f"Unknown label format '{name}'; choose one of {', '.join(f.value for f in OutputFormat)}.",
            code="labels_bad_format",
        ) from None


def _checked(data: LabelData) -> LabelData:
    """The label with its serial validated; GS1 content must name the same serial in AI (21)."""
    serial = normalise_serial(data.serial, case=SerialCase.PRESERVE, product=data.sku)
    refuse_non_gs1(data)
    if data.gs1 is not None:
        ai21 = dict(gs1_pairs(data.gs1)).get("21")
        if ai21 is not None and ai21 != serial:
            raise DomainError(
                f"The GS1 content {data.gs1} carries serial {ai21}, but the label is for serial {serial}.",
                code="labels_gs1_serial",
                serial=serial,
            )
    if data.link is not None and data.gs1 is not None:
        raise DomainError("A label carries GS1 content or a Digital Link, not both.", code="labels_gs1_and_link")
    if serial == data.serial:
        return data
    return LabelData(serial, data.sku, data.name, data.lot, data.price, data.gs1, data.link)


def plan_labels(
    labels: Sequence[LabelData],
    media: LabelMedia,
    symbology: Symbology,
    device: Device | int,
    start_position: int = 0,
) -> list[LabelPlan]:
    """Lay out every label for ``device`` (or just a resolution in dpi, text widths estimated); DomainError
    names the first serial that does not fit."""
    device = device if isinstance(device, Device) else Device(device)
    dpi = device.dpi
    plans = []
    for raw, placement in zip(labels, media.place(len(labels), start_position), strict=True):
        data = _checked(raw)
        symbol = encode(data.link or data.gs1 or data.serial, symbology, gs1=data.gs1 is not None)
        label = placement.box.to_dots(dpi)
        inner = media.content_box(placement.box).to_dots(dpi)
        plan = plan_linear if symbology is Symbology.CODE128 else plan_matrix
        plans.append(plan(data, symbol, placement.page, label, inner, media, device))
    return plans


def _pages(plans: list[LabelPlan]) -> list[list[LabelPlan]]:
    pages: list[list[LabelPlan]] = []
    for plan in plans:
        while len(pages) <= plan.page:
            pages.append([])
        pages[plan.page].append(plan)
    return pages


def _check_job(labels: Sequence[LabelData], media: LabelMedia, fmt: OutputFormat, dpi: int, out: Path | None) -> None:
    if out is not None and not out.parent.is_dir():
        raise DomainError(f"Cannot write {out}: the folder {out.parent} does not exist.", code="labels_bad_out")
    if not labels:
        raise DomainError("There are no labels to print.", code="labels_none")
    if not 100 <= dpi <= 1200:
        raise DomainError(f"A printer resolution of {dpi} dpi is not supported (100–1200).", code="labels_bad_dpi")
    if fmt is OutputFormat.ZPL and not media.is_roll:
        raise DomainError(
            "ZPL is for label printers on a roll: use the roll-62x29 layout, or PDF/PNG for A4 sheets.",
            code="labels_zpl_needs_roll",
        )


def render_labels(
    labels: Sequence[LabelData],
    *,
    layout: str,
    symbology: str,
    fmt: str,
    out: Path | str,
    dpi: int | None = None,
    start_position: int = 0,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> LabelOutput:
    """Render ``labels`` on ``layout`` (roll-62x29 | a4-3x8) with ``symbology`` (code128 | datamatrix | qr)
    as ``fmt`` (pdf | png | zpl) to ``out``.

    ``dpi`` defaults to 300 for PDF/PNG and 203 for ZPL; ``start_position`` skips labels already used on the
    first A4 sheet. ``progress(done, total)`` is called after each label; when ``cancelled()`` turns true
    the job stops, leaves no files behind and returns ``cancelled=True``. PNG writes ``out`` for a single
    page, else ``<stem>-001.png`` … one per page (a roll label, or a sheet).

    DomainError (nothing written): an unknown layout/symbology/format, no labels, an invalid serial, a
    serial too long for the label and symbology, GS1 content for QR or naming another serial, ZPL on A4.
    """
    media, sym, form = media_named(layout), symbology_named(symbology), _format_named(fmt)
    resolution = dpi or DEFAULT_DPI[form]
    _check_job(labels, media, form, resolution, Path(out))
    plans = plan_labels(labels, media, sym, _device_for(form, resolution), start_position)
    total = len(plans)

    def step(done: int) -> bool:
        if progress is not None:
            progress(done, total)
        return not (cancelled is not None and cancelled())

    pages = _pages(plans)
    files = _write(form, pages, media, resolution, Path(out), step)
    if files is None:
        return LabelOutput((), 0, 0, cancelled=True)
    return LabelOutput(tuple(files), total, len(pages))


def zpl_document(labels: Sequence[LabelData], *, layout: str, symbology: str, dpi: int | None = None) -> str:
    """All the labels as one ZPL text (``^XA … ^XZ`` per label) for a printer's socket; the same checks and
    DomainErrors as ``render_labels``."""
    from serialdesk.labels.zpl import zpl_label

    media, sym = media_named(layout), symbology_named(symbology)
    resolution = dpi or DEFAULT_DPI[OutputFormat.ZPL]
    _check_job(labels, media, OutputFormat.ZPL, resolution, None)
    plans = plan_labels(labels, media, sym, _device_for(OutputFormat.ZPL, resolution))
    return "".join(zpl_label(plan) for plan in plans)


def _device_for(form: OutputFormat, dpi: int) -> Device:
    # PDF and PNG are drawn with Qt's fonts, so Qt measures their text; the printer's font for ZPL is estimated.
    if form is OutputFormat.ZPL:
        return Device(dpi, max_module=ZPL_MAX_MODULE)
    from serialdesk.labels import qt_render

    return Device(dpi, qt_render.text_width)


def _write(
    form: OutputFormat,
    pages: list[list[LabelPlan]],
    media: LabelMedia,
    dpi: int,
    target: Path,
    step: Callable[[int], bool],
) -> list[Path] | None:
    # Qt is imported only for PDF/PNG: writing ZPL must not need it (a print server may lack it).
    if form is OutputFormat.ZPL:
        from serialdesk.labels.zpl import write_zpl

        return [target] if write_zpl([plan for page in pages for plan in page], target, step) else None
    from serialdesk.labels import qt_render

    if form is OutputFormat.PDF:
        return [target] if qt_render.write_pdf(pages, media, dpi, target, step) else None
    return qt_render.write_pngs(pages, media, dpi, target, step)
