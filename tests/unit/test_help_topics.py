"""Every pane's F1 opens a help page of its own, and the keys list names every pane's key."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from serialdesk.gui import help as help_pages

PANES = Path(__file__).resolve().parents[2] / "serialdesk" / "gui" / "panes"


def _topics() -> list[tuple[str, str]]:
    found = []
    for path in sorted(PANES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            named = isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "help_topic"
                                                         for t in node.targets)
            if named and isinstance(node.value, ast.Constant) and node.value.value:  # type: ignore[attr-defined]
                found.append((path.name, str(node.value.value)))  # type: ignore[attr-defined]
    return found


@pytest.mark.parametrize(("pane", "topic"), _topics(), ids=[p for p, _ in _topics()])
def test_every_panes_help_topic_has_a_page(pane: str, topic: str) -> None:
    assert topic in help_pages.TOPICS, f"{pane}: F1 would open an empty page for '{topic}'"


@pytest.mark.parametrize("key", ["F2", "F3", "F4", "F6", "F7", "F8", "F9", "F10"])
def test_the_keys_list_names_every_panes_key(key: str) -> None:
    assert f"<b>{key}</b>" in help_pages._KEYS
