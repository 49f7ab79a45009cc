"""Layering rules that keep the core headless: no Qt outside officer_desk/ui/."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "officer_desk"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def test_no_qt_import_outside_ui_package() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "ui":
            continue
        if any(m == "PySide6" or m.startswith("PySide6.") for m in _imported_modules(path)):
            offenders.append(str(relative))
    assert offenders == [], f"PySide6 imported outside officer_desk/ui/: {offenders}"


def test_the_architecture_check_detects_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "leaky.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imported_modules(sample)


def test_signing_sources_are_ascii() -> None:
    """Electrum's rule: signing code stays plain ASCII (labels come from translations)."""
    for path in (PACKAGE / "signing").rglob("*.py"):
        path.read_text(encoding="utf-8").encode("ascii")
