"""Every core message marked with _() has an English translation with the same placeholders."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from officer_desk.i18n import _catalogue

PACKAGE = Path(__file__).resolve().parents[2] / "officer_desk"


def core_messages() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "both")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = f"{path.relative_to(PACKAGE)}:{node.lineno}"
    return found


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_core_message_has_an_english_translation() -> None:
    english = _catalogue("en")
    missing = [f"{where}: {message}" for message, where in core_messages().items() if message not in english]
    assert missing == [], "missing English translations:\n" + "\n".join(sorted(missing))


def test_translations_keep_the_placeholders() -> None:
    english = _catalogue("en")
    wrong = [m for m in core_messages() if m in english and _fields(m) != _fields(english[m])]
    assert wrong == []


def test_no_f_strings_inside_the_translation_marker() -> None:
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\b_\(\s*f[\"']", source), path
