"""Compile the Designer forms and the resource file into serialdesk/gui/generated/ (the output is committed).

    .venv/bin/python ui/build.py           # rebuild
    .venv/bin/python ui/build.py --check   # exit 1 if a generated file is out of date (tests/gui runs this)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
OUT_DIR = ROOT / "serialdesk" / "gui" / "generated"
QRC = ROOT / "resources" / "serialdesk.qrc"


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else name


def outputs() -> dict[Path, list[str]]:
    """Each generated file and the command that makes it (on stdout)."""
    jobs = {OUT_DIR / f"ui_{ui.stem}.py": [_tool("pyside6-uic"), str(ui)] for ui in sorted(UI_DIR.glob("*.ui"))}
    jobs[OUT_DIR / "resources_rc.py"] = [_tool("pyside6-rcc"), "-g", "python", "--format-version", "1", str(QRC)]
    return jobs


def generate(command: list[str]) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for target, command in outputs().items():
        text = generate(command)
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(target.relative_to(ROOT).as_posix())
        else:
            target.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run python ui/build.py):", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
