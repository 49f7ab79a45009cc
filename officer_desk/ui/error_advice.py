"""Error messages from the core name command-line options; in the window they name where to click.

The core's messages serve the CLI too ("dùng --keystore P12", "'officer-desk trust add'"). Before a
message reaches an officer's error box, each command or option is replaced by the place in the window
that does the same (Settings › Signing & printing, Tools › Verify, File › Generate demo data).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


def _places() -> list[tuple[re.Pattern[str], str]]:
    signing = QCoreApplication.translate("Errors", "“Settings › Signing & printing”")
    trust = QCoreApplication.translate("Errors", "“Tools › Verify a signed document” (trusted roots)")
    demo = QCoreApplication.translate("Errors", "“File › Generate demo data”")
    return [
        (re.compile(r"'officer-desk (?:keys|sign)[^']*'"), signing),
        (re.compile(r"'officer-desk trust[^']*'"), trust),
        (re.compile(r"'officer-desk demo[^']*'"), demo),
        (re.compile(r"'officer-desk [^']*'"), QCoreApplication.translate("Errors", "the desk's Settings")),
        (re.compile(r"--(?:keystore|token-module|key-id|pin-file)(?: [A-Z0-9_./-]+)?"), signing),
        (re.compile(r"--trust(?: [A-Z]+)?"), trust),
        (re.compile(r"--tsa(?: URL)?|timestamp_url trong config\.toml|timestamp_url in config\.toml"), signing),
    ]


def window_advice(message: str) -> str:
    """The message with command-line advice turned into the window's menus."""
    if "officer-desk" not in message and "--" not in message and "config.toml" not in message:
        return message
    for pattern, place in _places():
        message = pattern.sub(place, message)
    return message
