"""Every user-facing message of the receipts area has an English translation."""

from __future__ import annotations

from officer_desk.cli import receipts_cmd
from tests.helpers.translations import PACKAGE, english, marked_messages, placeholder_mismatches

OTHER_AREAS = {"service.py"}  # the case layer's module in this package keeps its own catalogue
MODULES = [*(path for path in (PACKAGE / "receipts").glob("*.py") if path.name not in OTHER_AREAS),
           PACKAGE / "cli" / "receipts_cmd.py"]


def messages() -> set[str]:
    return (set(marked_messages(MODULES)) | set(receipts_cmd.STATUS_TEXT.values())
            | set(receipts_cmd.FIELD_LABELS.values()))


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    catalogue = english("receipts")
    assert sorted(messages() - set(catalogue)) == []
    assert placeholder_mismatches(catalogue) == []
