"""Every message of the screening engine has an English translation with the same placeholders."""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "officer_desk" / "screening").glob("*.py")),
           ROOT / "officer_desk" / "cli" / "screening_cmd.py"]
TRANSLATIONS = ROOT / "resources" / "translations" / "core.en.screening.json"


def templates() -> set[str]:
    found = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("text", "_")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


def placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_engine_messages_are_translated() -> None:
    english = json.loads(TRANSLATIONS.read_text(encoding="utf-8"))
    used = templates()
    assert len(used) > 50
    missing = sorted(used - set(english))
    assert missing == []
    for source, target in english.items():
        assert placeholders(source) == placeholders(target), source
