"""assemble, disassemble, components, where-used: units built from serialised parts, and where a part sits."""

from __future__ import annotations

import argparse

from serialdesk.commands.context import Context, UsageError, parse_when
from serialdesk.commands.output import local, warn
from serialdesk.services.dto import AssemblyView, ComponentTree, FitmentView, PartNode, UnitRef, WhereUsedLine


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("assemble", parents=[common], help="build a unit from serialised parts (into stock)")
    p.add_argument("host", metavar="HOST", nargs="?", help="the new unit's serial (omit with --generate)")
    p.add_argument("--sku", help="the product being built (or HOST as SKU:SERIAL)")
    p.add_argument("--serial", dest="serial_opt", metavar="SERIAL", help="the new unit's serial (same as HOST)")
    p.add_argument("--generate", action="store_true", help="make the serial from the product's pattern")
    p.add_argument("--part", action="append", nargs="+", required=True, metavar="PART",
                   help="a part as SERIAL or SKU:SERIAL (repeat, or several after one --part)")
    p.add_argument("--lot", help="lot of the new unit")
    p.add_argument("--labour", help="labour cost added to the parts' cost")
    p.add_argument("--note", help="what the build record should say")
    p.add_argument("--at", help="when it was built (ISO date/time; default now)")
    p.set_defaults(handler=run_assemble)

    p = sub.add_parser("disassemble", parents=[common], help="take a unit of ours apart: its parts back to stock")
    p.add_argument("host", metavar="HOST", help="SERIAL or SKU:SERIAL")
    p.add_argument("--to", choices=["stock", "quarantine"], default="stock", help="where the parts go")
    p.add_argument("--sku")
    p.add_argument("--at", help="when (ISO date/time; default now)")
    p.set_defaults(handler=run_disassemble)

    p = sub.add_parser("components", parents=[common], help="a unit's tree of parts, and where it sits itself")
    p.add_argument("serial", metavar="SERIAL")
    p.add_argument("--sku")
    p.set_defaults(handler=run_components)

    p = sub.add_parser("where-used", parents=[common],
                       help="where parts sit: the outermost unit, its status and its customer")
    p.add_argument("serial", metavar="SERIAL", nargs="?")
    p.add_argument("--sku")
    p.add_argument("--lot")
    p.set_defaults(handler=run_where_used)


def run_assemble(ctx: Context) -> int:
    a = ctx.args
    if a.host and a.serial_opt and a.host != a.serial_opt:
        raise UsageError("Give the new unit's serial once (HOST or --serial).")
    serial, sku = a.host or a.serial_opt, a.sku
    if not sku and serial and ":" in serial:  # HOST as SKU:SERIAL
        sku, serial = serial.split(":", 1)
    if not sku:
        raise UsageError("Name the product being built (--sku SKU, or HOST as SKU:SERIAL).")
    if bool(serial) == a.generate:
        raise UsageError("Give the new unit's serial (HOST or --serial), or --generate — one of the two.")
    parts = [ref for group in a.part for ref in group]
    view = ctx.services.assembly.assemble(sku, serial, parts=parts, generate=a.generate, lot=a.lot,
                                          labour=a.labour, note=a.note, at=parse_when(a.at))
    if view.note and not ctx.json:
        warn(view.note)
    return ctx.emit(view, lambda: assembly_text(view, "Built"))


def run_disassemble(ctx: Context) -> int:
    a = ctx.args
    view = ctx.services.assembly.disassemble(a.host, to=a.to, sku=a.sku, at=parse_when(a.at))
    if view.note and not ctx.json:
        warn(view.note)
    return ctx.emit(view, lambda: assembly_text(view, "Taken apart"))


def run_components(ctx: Context) -> int:
    tree = ctx.services.assembly.components(ctx.args.serial, ctx.args.sku)
    return ctx.emit(_tree_json(tree), lambda: components_text(tree))


def run_where_used(ctx: Context) -> int:
    a = ctx.args
    if not a.serial and not (a.sku and a.lot):
        raise UsageError("Give a SERIAL, or --sku S --lot L.")
    lines = ctx.services.assembly.where_used(a.serial, sku=a.sku, lot=None if a.serial else a.lot)
    return ctx.emit(lines, lambda: where_used_text(lines))


def _node_json(n: PartNode) -> dict[str, object]:
    return {"serial": n.unit.serial, "sku": n.unit.sku, "product": n.unit.product, "status": n.unit.status,
            "lot": n.lot, "supplier": n.supplier, "fitted_at": n.fitted_at.isoformat(), "via": n.via,
            "parts": [_node_json(c) for c in n.parts]}


def _tree_json(t: ComponentTree) -> dict[str, object]:
    """The CLI contract of issue 14: ``{"serial", "sku", "parts": [...]}`` (each part the same shape)."""
    from serialdesk.commands.output import plain

    return {"serial": t.unit.serial, "sku": t.unit.sku, "product": t.unit.product, "status": t.unit.status,
            "cost": str(t.cost), "parts": [_node_json(n) for n in t.parts], "slots": plain(t.slots),
            "build": plain(t.build), "within": plain(t.within), "history": plain(t.history)}


def assembly_text(v: AssemblyView, what: str) -> str:
    lines = [f"{what} {v.host.label} ({v.host.product}) — {v.build.number}, cost {v.cost}, now "
             f"{v.host.status.replace('_', ' ')}"]
    lines += [f"  {p.label:<28} {p.product:<28} {p.status.replace('_', ' ')}" for p in v.parts]
    return "\n".join(lines)


def tree_lines(parts: tuple[PartNode, ...], within: tuple[UnitRef, ...], history: tuple[FitmentView, ...],
               indent: str = "  ") -> list[str]:
    """The genealogy lines of a passport or a tree: parts (nested), where it sits, where it sat before."""
    lines: list[str] = []

    def walk(nodes: tuple[PartNode, ...], depth: int) -> None:
        for n in nodes:
            lines.append(f"{indent}{'  ' * depth}- {n.unit.label} {n.unit.product}   lot {n.lot or '—'}   "
                         f"supplier {n.supplier or '—'}   since {local(n.fitted_at)[:10]} ({n.via})")
            walk(n.parts, depth + 1)

    if parts:
        lines.append(f"{indent}parts:")
        walk(parts, 1)
    if within:
        lines.append(f"{indent}sits in   " + " in ".join(f"{h.label} ({h.status.replace('_', ' ')})"
                                                        for h in within))
    before = [h for h in history if h.removed_at is not None]
    if before:
        lines.append(f"{indent}sat in before:")
        lines += [f"{indent}  - {h.host.label} {local(h.fitted_at)[:10]} ({h.via}) → {local(h.removed_at)[:10]} "
                  f"({h.removed_via})" for h in before]
    return lines


def components_text(t: ComponentTree) -> str:
    lines = [f"{t.unit.label} — {t.unit.product}   {t.unit.status.replace('_', ' ')}   cost {t.cost}"]
    if t.build:
        lines.append(f"  built     {t.build.number} by {t.build.by} at {t.build.station or '—'} "
                     f"{local(t.build.at)}" + (f" — {t.build.note}" if t.build.note else ""))
    if t.slots:
        lines.append("  slots     " + ", ".join(f"{s.sku} {s.filled}/{s.count}" for s in t.slots))
    lines += tree_lines(t.parts, t.within, t.history) or ["  no parts"]
    return "\n".join(lines)


def where_used_text(found: list[WhereUsedLine]) -> str:
    if not found:
        return "No units."
    lines = []
    for ln in found:
        outer = ln.outermost
        place = (" in ".join(h.label for h in ln.within) + f" ({outer.status.replace('_', ' ')})" if outer
                 else f"in no unit ({ln.part.status.replace('_', ' ')})")
        who = f"{ln.customer.name} ({ln.customer.number}) {ln.customer.phone or ''}".rstrip() if ln.customer else "—"
        lines.append(f"  {ln.part.label:<24} {ln.lot or '—':<10} {place:<44} {who}")
    return "\n".join(lines)
