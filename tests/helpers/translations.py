"""The one source walker of the translation-coverage tests: which messages the code marks for translation."""

from __future__ import annotations

import ast
import json
import string
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "officer_desk"
TRANSLATIONS = ROOT / "resources" / "translations"


def marked_messages(paths: Iterable[Path], markers: Iterable[str] = ("_",)) -> dict[str, str]:
    """Literal first arguments of calls to the marker functions, each with its first "path:line"."""
    names = frozenset(markers)
    found: dict[str, str] = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def placeholders(text: str) -> set[str]:
    """The ``{named}`` fields of a message."""
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name}


def english(area: str) -> dict[str, str]:
    """One area's English catalogue, e.g. ``english("signing")`` reads core.en.signing.json."""
    data: dict[str, str] = json.loads((TRANSLATIONS / f"core.en.{area}.json").read_text(encoding="utf-8"))
    return data


def untranslated(messages: dict[str, str], catalogue: dict[str, str]) -> list[str]:
    """"path:line: message" for each message missing from the catalogue (sorted)."""
    return sorted(f"{where}: {message}" for message, where in messages.items() if message not in catalogue)


def placeholder_mismatches(catalogue: dict[str, str]) -> list[str]:
    """Catalogue entries whose translation does not keep exactly the source's placeholders."""
    return sorted(source for source, target in catalogue.items() if placeholders(source) != placeholders(target))
