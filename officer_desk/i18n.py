"""Translation of core (non-Qt) messages: Vietnamese source strings, English on request.

The core marks every user-facing text with ``_()`` and named ``{placeholders}``; the English
catalogues are ``resources/translations/core.en*.json`` (Vietnamese source -> English), one per
area. Qt code uses Qt's own translation system instead.
"""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from typing import Any

from officer_desk.paths import resource

SUPPORTED_LANGUAGES = ("vi", "en")
_state = threading.local()
_default_language = "vi"


def set_language(language: str) -> None:
    """Set the process-wide language for core messages ("vi" or "en")."""
    global _default_language
    _default_language = language if language in SUPPORTED_LANGUAGES else "vi"
    _state.language = _default_language


def current_language() -> str:
    return getattr(_state, "language", _default_language)


@lru_cache(maxsize=4)
def _catalogue(language: str) -> dict[str, str]:
    if language == "vi":
        return {}
    merged: dict[str, str] = {}
    # One catalogue per area (core.en.json, core.en.signing.json, ...), merged.
    for path in sorted(resource("translations").glob(f"core.{language}*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        merged.update({str(k): str(v) for k, v in data.items()})
    return merged


def translate(message: str, language: str | None = None) -> str:
    """The message in ``language`` (default: the current one); the source text when missing."""
    return _catalogue(language or current_language()).get(message, message)


def _(message: str, /, **values: Any) -> str:
    """Translate ``message`` and fill its named placeholders."""
    text = translate(message)
    return text.format(**values) if values else text


def both(message: str, /, **values: Any) -> tuple[str, str]:
    """The message in Vietnamese and in English (for stored texts shown in either language)."""
    vi = message.format(**values) if values else message
    en_template = translate(message, "en")
    en = en_template.format(**values) if values else en_template
    return vi, en
