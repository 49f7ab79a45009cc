"""Every message of the screening engine has an English translation with the same placeholders."""

from __future__ import annotations

from tests.helpers.translations import PACKAGE, english, marked_messages, placeholder_mismatches

SOURCES = [*sorted((PACKAGE / "screening").glob("*.py")), PACKAGE / "cli" / "screening_cmd.py"]


def templates() -> set[str]:
    return set(marked_messages(SOURCES, markers=("text", "_")))


def test_engine_messages_are_translated() -> None:
    catalogue = english("screening")
    used = templates()
    assert len(used) > 50
    assert sorted(used - set(catalogue)) == []
    assert placeholder_mismatches(catalogue) == []
