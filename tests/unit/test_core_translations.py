"""Every core message marked with _() has an English translation with the same placeholders."""

from __future__ import annotations

import re

from officer_desk.i18n import _catalogue
from tests.helpers.translations import PACKAGE, marked_messages, placeholders, untranslated


def core_messages() -> dict[str, str]:
    return marked_messages((path for path in PACKAGE.rglob("*.py") if path.relative_to(PACKAGE).parts[0] != "ui"),
                           markers=("_", "both"))


def test_every_core_message_has_an_english_translation() -> None:
    missing = untranslated(core_messages(), _catalogue("en"))
    assert missing == [], "missing English translations:\n" + "\n".join(missing)


def test_translations_keep_the_placeholders() -> None:
    english = _catalogue("en")
    wrong = [m for m in core_messages() if m in english and placeholders(m) != placeholders(english[m])]
    assert wrong == []


def test_no_f_strings_inside_the_translation_marker() -> None:
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\b_\(\s*f[\"']", source), path
