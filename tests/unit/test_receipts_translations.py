"""Every user-facing message of the receipts area has an English translation."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from officer_desk.cli import receipts_cmd
from officer_desk.paths import resource

ROOT = Path(__file__).resolve().parents[2]
MODULES = [*(ROOT / "officer_desk" / "receipts").glob("*.py"), ROOT / "officer_desk" / "cli" / "receipts_cmd.py"]
OTHER_AREAS = {"service.py"}  # the case layer's module in this package keeps its own catalogue


def messages() -> set[str]:
    found: set[str] = set()
    for path in MODULES:
        if path.name in OTHER_AREAS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found | set(receipts_cmd.STATUS_TEXT.values()) | set(receipts_cmd.FIELD_LABELS.values())


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    catalogue = json.loads(resource("translations", "core.en.receipts.json").read_text(encoding="utf-8"))
    missing = sorted(messages() - set(catalogue))
    assert not missing
    for source, english in catalogue.items():
        assert sorted(part.split("}")[0] for part in source.split("{")[1:]) == \
            sorted(part.split("}")[0] for part in english.split("{")[1:]), source
