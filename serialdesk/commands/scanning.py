"""scan-image IMAGE... and parse-scan TEXT."""

from __future__ import annotations

import argparse

from serialdesk.commands.context import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("scan-image", parents=[common], help="read the barcodes in image files")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument(
        "--engine",
        default="both",
        choices=["zxing", "zbar", "both"],
        help="decoder: zxing-cpp, zbar, or both merged (default)",
    )
    p.add_argument(
        "--classify",
        action="store_true",
        help="also say which code of each image is the product, the serial and the lot",
    )
    p.add_argument("--sku", help="with --classify: the current product, for codes that name none")
    p.set_defaults(handler=run_scan_image)

    p = sub.add_parser("parse-scan", parents=[common], help="what a scanned text means (GS1, product, serial)")
    p.add_argument("text", metavar="TEXT", help=r"the scan; GS1 separators may be written as \x1d or <GS>")
    p.add_argument("--sku", help="the current product, for a bare serial")
    p.set_defaults(handler=run_parse_scan)


def run_scan_image(ctx: Context) -> int:
    from serialdesk.scanning.decode import scan_image_files

    found = scan_image_files(ctx.args.images, ctx.args.engine)
    failed = [entry for entry in found if "error" in entry]
    if ctx.args.classify:
        for entry in found:
            if entry["codes"]:
                reading = ctx.services.scans.classify_label([c["scan_text"] for c in entry["codes"]], ctx.args.sku)
                entry["label"] = reading.as_dict()

    def text() -> str:
        lines = []
        for entry in found:
            codes = entry["codes"]
            roles = entry.get("label", {}).get("roles", [""] * len(codes))
            shown = "; ".join(
                f"{c['format']}: {c['hri']!r}" + (f" → {role}" if role else "")
                for c, role in zip(codes, roles, strict=True)
            ) or entry.get("error", "no barcode")
            lines.append(f"{entry['file']}: {shown}")
            label = entry.get("label")
            if label:
                taken = ", ".join(
                    f"{k} {label[k]}" for k in ("sku", "serial", "lot", "expiry", "weight_kg") if label[k]
                )
                lines.append(f"  taken: {taken or 'nothing'}" + "".join(f"\n  {n}" for n in label["notes"]))
        return "\n".join(lines)

    ctx.emit(found, text)
    if failed:
        for entry in failed:
            print(entry["error"], file=__import__("sys").stderr)
        return 4
    return 0


def unescape(text: str) -> str:
    """Let people type the invisible GS separator: \\x1d, <GS> or ^] all mean 0x1D."""
    for token in ("\\x1d", "\\x1D", "<GS>", "<gs>", "^]"):
        text = text.replace(token, "\x1d")
    return text


def run_parse_scan(ctx: Context) -> int:
    result = ctx.services.scans.classify(unescape(ctx.args.text), ctx.args.sku)
    data = result.as_dict()
    return ctx.emit(data, lambda: "\n".join(f"{k:>13}: {v}" for k, v in data.items() if v not in (None, "")))
