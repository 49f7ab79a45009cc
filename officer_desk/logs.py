"""Logging to ``$OFFICER_DESK_HOME/logs/``: technical detail only, never personal data.

Log records carry ids, codes and counts; names, ID numbers, phones and addresses never go into a
log message. ``redact`` is a second line of defence for exception texts, which may quote input.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import traceback
import uuid
from logging.handlers import RotatingFileHandler

from officer_desk.paths import Home

_LOGGER_NAME = "officer_desk"
_configured_for: str | None = None
# Long digit runs (ID numbers, phones) and quoted strings (which may be names) are masked.
_DIGITS_RE = re.compile(r"\d[\d .]{6,}\d")
_QUOTED_RE = re.compile(r"(['\"])(?:(?!\1).){2,}\1")


def redact(text: str) -> str:
    """Mask digit runs and quoted strings, keeping traceback file lines readable."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.lstrip().startswith('File "'):
            lines.append(line)
        else:
            lines.append(_QUOTED_RE.sub("'…'", _DIGITS_RE.sub("###", line)))
    return "".join(lines)


def get_logger() -> logging.Logger:
    """The desk's logger, writing to the home's logs/ folder (configured once per home)."""
    global _configured_for
    logger = logging.getLogger(_LOGGER_NAME)
    home = Home()
    key = str(home.root)
    if _configured_for != key:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
        try:
            # owner-only from the first line logged, even before any database exists (issue 16)
            home.ensure()
            home.logs.mkdir(mode=0o700, parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                home.logs.chmod(0o700)
            log_file = home.logs / "officer-desk.log"
            os.close(os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
            with contextlib.suppress(OSError):
                log_file.chmod(0o600)
            handler = RotatingFileHandler(
                home.logs / "officer-desk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            logger.addHandler(handler)
        except OSError:
            logger.addHandler(logging.NullHandler())
        logger.setLevel(logging.INFO)
        logger.propagate = False
        _configured_for = key
    return logger


def log_unexpected(exc: BaseException) -> str:
    """Log an unexpected error with its traceback (redacted); return a reference for the officer."""
    reference = uuid.uuid4().hex[:8]
    detail = redact("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    get_logger().error("unexpected error %s\n%s", reference, detail)
    return reference
