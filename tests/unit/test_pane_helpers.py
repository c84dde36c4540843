"""Pane helpers never import their pane (issue 13: import cycles) and the counter's pane modules stay small.

A pane module is one that defines a Pane (a class deriving from Pane or ScanningPane); every other module in
gui/panes is a helper of one. Imports are read with ``ast`` anywhere in a module, ``if TYPE_CHECKING:`` too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PANES = Path(__file__).resolve().parents[2] / "serialdesk" / "gui" / "panes"
PACKAGE = "serialdesk.gui.panes"
MAX_LINES = 250
PANE_BASES = {"Pane", "ScanningPane"}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def pane_modules() -> set[str]:
    found = set()
    for path in PANES.glob("*.py"):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ClassDef) and any(
                    isinstance(b, ast.Name) and b.id in PANE_BASES for b in node.bases) and path.stem != "base":
                found.add(f"{PACKAGE}.{path.stem}")
    return found


def imported(source: ast.Module) -> list[tuple[int, str]]:
    names = []
    for node in ast.walk(source):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):  # relative imports are from within gui/panes
            base = node.module or "" if node.level == 0 else ".".join(filter(None, (PACKAGE, node.module)))
            names += [(node.lineno, base)] + [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return names


def helper_offences(path: Path, panes: set[str]) -> list[str]:
    own = f"{PACKAGE}.{path.stem}"
    return [f"{path.name}:{line} imports {name}" for line, name in sorted(imported(_tree(path)))
            if name in panes and name != own]


def test_the_panes_are_found() -> None:
    assert {f"{PACKAGE}.sales", f"{PACKAGE}.service", f"{PACKAGE}.receiving", f"{PACKAGE}.recall"} <= pane_modules()


def test_no_pane_helper_imports_a_pane() -> None:
    panes = pane_modules()
    helpers = [p for p in PANES.glob("*.py") if f"{PACKAGE}.{p.stem}" not in panes]
    assert len(helpers) > 10
    offences = [o for path in sorted(helpers) for o in helper_offences(path, panes)]
    assert not offences, "pane helpers import a pane (use a Protocol host or pass what they need):\n" + "\n".join(
        offences)


def test_the_checker_sees_an_import_of_the_pane_under_type_checking(tmp_path: Path) -> None:
    helper = tmp_path / "sales_print.py"
    helper.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                      "    from serialdesk.gui.panes.sales import SalesPane\nfrom . import service\n")
    assert helper_offences(helper, {f"{PACKAGE}.sales", f"{PACKAGE}.service"}) == [
        "sales_print.py:3 imports serialdesk.gui.panes.sales", "sales_print.py:4 imports serialdesk.gui.panes.service"]


@pytest.mark.parametrize("path", sorted(PANES.glob("*.py")), ids=lambda p: p.name)
def test_the_counter_pane_modules_stay_under_250_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) < MAX_LINES
