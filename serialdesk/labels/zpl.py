"""ZPL II for Zebra label printers: one ``^XA … ^XZ`` block per label, coordinates in printer dots.

The printer encodes the symbols itself (``^BC`` Code 128, ``^BX`` DataMatrix, ``^BQ`` QR) with the module
size and position from the plan, so what it prints matches the PDF/PNG layout. Text uses the printer's
scalable font 0; because the printer cannot elide, text is shortened here from an estimate of its width.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from serialdesk.labels.compose import Align, LabelPlan, SymbolBox, TextBox
from serialdesk.labels.symbols import Symbology, gs1_fields

# Font 0 (CG Triumvirate Bold Condensed) averages about 0.55 of its height per character; 0.6 is a safe
# upper bound for elision, so shortened text never runs past its box.
_FONT0_ADVANCE = 0.6
_JUSTIFY = {Align.LEFT: "L", Align.CENTER: "C", Align.RIGHT: "R"}


def escape_field(text: str) -> str:
    """Field data for a ``^FH_`` field: ``^``, ``~`` and ``_`` would be read as commands or escapes."""
    return "".join(f"_{ord(ch):02X}" if ch in "^~_" else ch for ch in text)


def _elided(text: str, width: int, size: int) -> str:
    fits = int(width / (size * _FONT0_ADVANCE))
    if len(text) <= fits:
        return text
    return text[: max(0, fits - 3)].rstrip() + "..."


def _text_field(box: TextBox) -> list[str]:
    r = box.rect
    line_h = r.height // box.lines
    # Word wrapping wastes part of each full line, so wrapped text gets only 80 % of its room.
    room = r.width if box.lines == 1 else int(r.width * box.lines * 0.8)
    text = box.text if not box.elide else _elided(box.text, room, box.size)
    top = r.y + (line_h - box.size) // 2
    # ^FB wraps (more than one line) and justifies within the box; its width keeps text inside the label.
    return [
        f"^FO{r.x},{top}^A0N,{box.size},{box.size}"
        f"^FB{r.width},{box.lines},{max(0, line_h - box.size)},{_JUSTIFY[box.align]},0"
        f"^FH_^FD{escape_field(text)}^FS"
    ]


def _datamatrix_gs1(element_string: str) -> str:
    # With escape character '_': _1 is FNC1 (first position, then as the separator after variable-length
    # AIs); an underscore inside a value is written as its code, _d095.
    return "_1" + "".join(
        ai + value.replace("_", "_d095") + ("_1" if separated else "")
        for ai, value, separated in gs1_fields(element_string)
    )


def _symbol_field(placed: SymbolBox) -> str:
    symbol, k = placed.symbol, placed.module
    origin = f"^FO{placed.x},{placed.y}"
    if symbol.symbology is Symbology.CODE128:
        # Mode A lets the printer pick subsets; mode D is GS1-128 and inserts FNC1 from the parentheses.
        mode = "D" if symbol.gs1 else "A"
        return f"{origin}^BY{k}^BCN,{placed.height},N,N,N,{mode}^FD{symbol.data}^FS"
    if symbol.symbology is Symbology.DATAMATRIX:
        # Columns and rows pinned to the size zxing chose, so the printed symbol has the planned size.
        if symbol.gs1:
            return f"{origin}^BXN,{k},200,{symbol.width},{symbol.height},6,_^FD{_datamatrix_gs1(symbol.data)}^FS"
        return f"{origin}^BXN,{k},200,{symbol.width},{symbol.height}^FD{symbol.data}^FS"
    # ^BQ: model 2, magnification k, error correction M; "MA," = level M, automatic input mode.
    return f"{origin}^BQN,2,{k},M^FDMA,{symbol.data}^FS"


def zpl_label(plan: LabelPlan) -> str:
    """One label as a ZPL format, ``^XA`` to ``^XZ``."""
    lines = [
        "^XA",
        "^CI28",  # field data is UTF-8
        f"^PW{plan.label.width}",
        f"^LL{plan.label.height}",
        "^LH0,0",
        _symbol_field(plan.symbol),
    ]
    for box in plan.texts:
        lines.extend(_text_field(box))
    lines += ["^PQ1", "^XZ"]
    return "\n".join(lines) + "\n"


def write_zpl(plans: Sequence[LabelPlan], out: Path, step: Callable[[int], bool]) -> bool:
    """All labels into one ZPL file; False (and no file) if ``step`` asked to stop."""
    chunks = []
    for done, plan in enumerate(plans, start=1):
        chunks.append(zpl_label(plan))
        if not step(done):
            return False
    out.write_text("".join(chunks), encoding="utf-8")
    return True
