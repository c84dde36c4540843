"""The layer rules of DESIGN §3, enforced by reading every module's imports with ``ast``.

Every ``import``/``from … import`` anywhere in a module counts — at the top, inside functions, under
``if TYPE_CHECKING:`` — relative imports are resolved to absolute module names, and literal
``importlib.import_module("…")`` / ``__import__("…")`` calls count too. A failure lists every offending
``file:line``. The self-tests at the bottom feed the checker synthetic modules, so a walking bug cannot make
the real-tree tests pass silently.
"""

from __future__ import annotations

import ast
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = ROOT / "serialdesk"
DOMAIN_MAY_ALSO_IMPORT = frozenset({"biip"})  # GS1 parsing: pure Python, no I/O
LONG_MODULE_LINES = 400
LONG_MODULE_EXEMPT = ("serialdesk/db/migrations/versions/", "serialdesk/gui/generated/")


# --- reading imports --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    line: int
    name: str  # absolute dotted name: a module, or module.attribute for `from module import attribute`


def module_of(relpath: str) -> tuple[str, bool]:
    """'serialdesk/domain/status.py' → ('serialdesk.domain.status', False); an __init__.py is its package."""
    parts = relpath.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str | None:
    """The absolute name a relative import refers to; None if it climbs above the top-level package."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    if level - 1 >= len(package):
        return None
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, target] if target else base)


def _literal_dynamic_import(node: ast.Call) -> str | None:
    func = node.func
    is_import = (isinstance(func, ast.Name) and func.id in {"__import__", "import_module"}) or (
        isinstance(func, ast.Attribute) and func.attr == "import_module"
    )
    first = node.args[0] if node.args else None
    if is_import and isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def imports_in(source: str, relpath: str) -> Iterator[Imported]:
    module, is_package = module_of(relpath)
    for node in ast.walk(ast.parse(source, filename=relpath)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Imported(node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                resolved = resolve_relative(module, is_package, node.level, node.module)
                base = resolved if resolved is not None else "." * node.level + base
            for alias in node.names:
                yield Imported(node.lineno, base if alias.name == "*" else f"{base}.{alias.name}")
        elif isinstance(node, ast.Call) and (name := _literal_dynamic_import(node)):
            yield Imported(node.lineno, name)


def within(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


# --- the rules --------------------------------------------------------------------------------------------


def _under(*folders: str) -> Callable[[str], bool]:
    return lambda relpath: relpath.startswith(tuple(f"serialdesk/{f}/" for f in folders))


def _domain_may_import(name: str) -> bool:
    if name.startswith("."):  # a relative import that climbs out of the package
        return False
    top = name.split(".")[0]
    if top == "serialdesk":
        return within(name, "serialdesk.domain")
    return top in sys.stdlib_module_names or top in DOMAIN_MAY_ALSO_IMPORT


@dataclass(frozen=True)
class Rule:
    says: str
    applies_to: Callable[[str], bool]
    forbids: Callable[[str], bool]


RULES = [
    Rule(
        "domain/ imports only the standard library, biip and serialdesk.domain",
        _under("domain"),
        lambda name: not _domain_may_import(name),
    ),
    Rule(
        "only gui/ imports PySide6.QtWidgets",
        lambda p: not _under("gui")(p),
        lambda name: within(name, "PySide6.QtWidgets"),
    ),
    Rule(
        "only gui/ and labels/ import PySide6",
        lambda p: not _under("gui", "labels")(p),
        lambda name: within(name, "PySide6"),
    ),
    Rule(
        "gui/, cli.py and commands/ never import serialdesk.db, sqlalchemy or alembic",
        lambda p: _under("gui", "commands")(p) or p == "serialdesk/cli.py",
        lambda name: within(name, "serialdesk.db", "sqlalchemy", "alembic"),
    ),
    Rule(
        "services/ never import PySide6, serialdesk.gui, serialdesk.commands or serialdesk.cli",
        _under("services"),
        lambda name: within(name, "PySide6", "serialdesk.gui", "serialdesk.commands", "serialdesk.cli"),
    ),
    Rule(
        "services/ never import the layers above them: serialdesk.workflows, serialdesk.bootstrap",
        _under("services"),
        lambda name: within(name, "serialdesk.workflows", "serialdesk.bootstrap"),
    ),
    Rule(
        "workflows/ import only services, domain and the standard library: no Qt, database, bootstrap or front end",
        _under("workflows"),
        lambda name: within(name, "PySide6", "serialdesk.db", "sqlalchemy", "alembic", "serialdesk.gui",
                            "serialdesk.commands", "serialdesk.cli", "serialdesk.bootstrap"),
    ),
]


def violations_in(source: str, relpath: str, rules: list[Rule] = RULES) -> list[str]:
    """One line per (file:line, rule) naming what was imported: 'serialdesk/x.py:3: imports sqlalchemy …'."""
    found: dict[tuple[int, str], list[str]] = {}
    for rule in rules:
        if not rule.applies_to(relpath):
            continue
        for imported in imports_in(source, relpath):
            if rule.forbids(imported.name):
                found.setdefault((imported.line, rule.says), []).append(imported.name)
    return [
        f"{relpath}:{line}: imports {', '.join(sorted(set(names)))} — {says}"
        for (line, says), names in sorted(found.items())
    ]


def package_modules() -> list[tuple[str, str]]:
    """(relative posix path, source) of every .py under serialdesk/."""
    return [
        (path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
    ]


# --- the real tree ----------------------------------------------------------------------------------------


def test_the_walk_reads_every_module_and_finds_real_imports() -> None:
    modules = dict(package_modules())
    assert "serialdesk/domain/status.py" in modules and "serialdesk/cli.py" in modules
    assert len(modules) == sum(1 for _ in PACKAGE_DIR.rglob("*.py"))
    names = {i.name for path, source in modules.items() for i in imports_in(source, path)}
    assert any(within(n, "sqlalchemy") for n in names)  # the db layer is built on it
    assert any(within(n, "serialdesk.domain.errors") for n in names)  # everyone raises DomainError


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.says)
def test_the_layer_rule_holds_in_every_module(rule: Rule) -> None:
    offenders = [v for path, source in package_modules() for v in violations_in(source, path, [rule])]
    assert not offenders, f"{len(offenders)} import(s) break '{rule.says}':\n" + "\n".join(offenders)


def test_long_modules_are_reported() -> None:
    # STYLE: modules ≤ ~400 lines. Too strict to fail on today; a warning keeps them visible.
    lines = {
        path: len(source.splitlines()) for path, source in package_modules() if not path.startswith(LONG_MODULE_EXEMPT)
    }
    assert lines.get("serialdesk/domain/status.py", 0) > 0  # the count really read the package
    long_ones = [f"{path} ({n} lines)" for path, n in sorted(lines.items()) if n > LONG_MODULE_LINES]
    if long_ones:
        warnings.warn(f"modules over {LONG_MODULE_LINES} lines: " + ", ".join(long_ones), UserWarning, stacklevel=1)


# --- the checker checks (synthetic modules) ---------------------------------------------------------------


def _lines(source: str, relpath: str) -> list[int]:
    return sorted({int(v.split(":")[1]) for v in violations_in(source, relpath)})


@pytest.mark.parametrize(
    ("module", "is_package", "level", "target", "expected"),
    [
        ("serialdesk.domain.status", False, 1, "errors", "serialdesk.domain.errors"),
        ("serialdesk.domain.status", False, 1, None, "serialdesk.domain"),
        ("serialdesk.domain.status", False, 2, "db", "serialdesk.db"),
        ("serialdesk.domain", True, 1, "errors", "serialdesk.domain.errors"),
        ("serialdesk.domain", True, 2, "db.uow", "serialdesk.db.uow"),
        ("serialdesk.gui.panes.sales", False, 3, "db", "serialdesk.db"),
        ("serialdesk.cli", False, 1, "db", "serialdesk.db"),
        ("serialdesk.cli", False, 2, "db", None),
    ],
)
def test_relative_imports_resolve_to_absolute_names(
    module: str, is_package: bool, level: int, target: str | None, expected: str | None
) -> None:
    assert resolve_relative(module, is_package, level, target) == expected


def test_the_checker_catches_the_domain_importing_the_database_at_any_depth() -> None:
    source = (
        "import sqlalchemy\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from serialdesk.services.dto import ItemPassport\n"
        "def load():\n"
        "    from ..db import models\n"
        "    import PySide6.QtCore\n"
        "    from serialdesk import db\n"
        "    return models\n"
        "import psycopg, alembic.op\n"
    )
    violations = violations_in(source, "serialdesk/domain/fake.py")
    assert _lines(source, "serialdesk/domain/fake.py") == [1, 4, 6, 7, 8, 10]
    assert any("serialdesk.db.models" in v for v in violations)  # the relative import, resolved
    assert any("psycopg" in v and "alembic.op" in v for v in violations)  # every name on one line


def test_the_checker_lets_the_domain_use_the_stdlib_biip_and_itself() -> None:
    source = (
        "from __future__ import annotations\n"
        "import re, calendar\n"
        "from decimal import Decimal\n"
        "from biip.gtin import Gtin\n"
        "from . import errors\n"
        "from .status import ItemStatus\n"
        "from serialdesk.domain.errors import DomainError\n"
        "from serialdesk import domain\n"
    )
    assert violations_in(source, "serialdesk/domain/fake.py") == []
    assert violations_in(source, "serialdesk/domain/__init__.py") == []


def test_the_checker_catches_a_relative_import_climbing_out_of_the_domain_package_init() -> None:
    assert _lines("from .. import db\n", "serialdesk/domain/__init__.py") == [1]


def test_the_checker_keeps_qt_widgets_in_gui_and_qt_in_gui_and_labels() -> None:
    widgets = "from PySide6.QtWidgets import QApplication\n"
    painter = "from PySide6.QtGui import QPainter, QPdfWriter\nfrom PySide6 import QtCore\n"
    assert violations_in(widgets + painter, "serialdesk/gui/panes/sales.py") == []
    assert violations_in(painter, "serialdesk/labels/render.py") == []
    assert _lines(widgets, "serialdesk/labels/render.py") == [1]
    assert _lines(painter, "serialdesk/scanning/camera.py") == [1, 2]
    assert _lines("import PySide6\n", "serialdesk/config.py") == [1]
    assert _lines("from PySide6 import QtWidgets\n", "serialdesk/labels/render.py") == [1]


def test_the_checker_keeps_the_database_out_of_gui_cli_and_commands() -> None:
    source = "from serialdesk.services.sales import SalesService\nimport sqlalchemy.orm\n"
    assert _lines(source, "serialdesk/gui/panes/sales.py") == [2]
    assert _lines(source, "serialdesk/cli.py") == [2]
    assert _lines(source, "serialdesk/commands/stock.py") == [2]
    assert _lines("def f():\n    from ...db import uow\n", "serialdesk/gui/panes/sales.py") == [2]
    assert _lines("from serialdesk.db.models import Item\n", "serialdesk/cli.py") == [1]
    assert _lines("import alembic\n", "serialdesk/commands/setup.py") == [1]
    assert violations_in(source, "serialdesk/services/sales.py") == []  # services may use the db


def test_the_checker_keeps_qt_and_the_front_ends_out_of_services() -> None:
    source = (
        "from serialdesk.gui import tasks\n"
        "from ..commands.context import Context\n"
        "import serialdesk.cli\n"
        "def f():\n"
        "    return importlib.import_module('PySide6.QtWidgets')\n"
        "from serialdesk.client_notes import x\n"
    )
    assert _lines(source, "serialdesk/services/sales.py") == [1, 2, 3, 5]


def test_the_checker_sees_dynamic_imports_by_literal_name() -> None:
    source = "import importlib\nm = importlib.import_module('sqlalchemy')\nq = __import__('PySide6.QtWidgets')\n"
    assert _lines(source, "serialdesk/domain/fake.py") == [2, 3]


def test_a_failing_rule_lists_every_offending_file_and_line() -> None:
    sources = [
        ("serialdesk/domain/a.py", "import os\nimport sqlalchemy\n"),
        ("serialdesk/domain/b.py", "\n\nfrom serialdesk.services import sales\n"),
    ]
    offenders = [v for path, source in sources for v in violations_in(source, path, RULES[:1])]
    assert [v.split(" ")[0] for v in offenders] == ["serialdesk/domain/a.py:2:", "serialdesk/domain/b.py:3:"]


def test_the_checker_keeps_workflows_between_the_front_ends_and_the_services() -> None:
    source = (
        "from serialdesk.services.drafts import DraftService\n"
        "from serialdesk.domain.text import plural\n"
        "from PySide6.QtCore import QObject\n"
        "from serialdesk.db.models import Item\n"
        "from serialdesk.bootstrap import App\n"
        "from serialdesk.gui.tasks import Task\n"
    )
    assert _lines(source, "serialdesk/workflows/receiving.py") == [3, 4, 5, 6]
    assert _lines("from serialdesk.workflows.receiving import ReceivingSession\n", "serialdesk/services/x.py") == [1]
    assert _lines("from serialdesk.workflows.receiving import ReceivingSession\n", "serialdesk/gui/x.py") == []


def test_import_linter_keeps_the_layers_contract() -> None:
    """``lint-imports`` (the [tool.importlinter] layers contract in pyproject.toml: cli → gui | commands →
    bootstrap → workflows → services → db → domain) passes, so CI checks the layers as `make lint` does."""
    import subprocess
    import sys
    from pathlib import Path

    tool = Path(sys.executable).with_name("lint-imports")
    assert tool.exists(), "import-linter is a dev dependency: pip install -e '.[dev]'"
    proc = subprocess.run([str(tool)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout
