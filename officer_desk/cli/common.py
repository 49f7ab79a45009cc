"""Shared helpers of the command modules."""

from __future__ import annotations

import argparse
import os
import sys

from officer_desk.desk import Desk, open_desk
from officer_desk.errors import UsageError
from officer_desk.i18n import _
from officer_desk.paths import Home


def desk_from_args(args: argparse.Namespace) -> Desk:
    return open_desk(Home(), getattr(args, "database", None) or os.environ.get("OFFICER_DESK_DATABASE_URL"))


def require_tty(option: str) -> None:
    """Commands never prompt without a terminal: fail at once naming the option to use."""
    if not sys.stdin.isatty():
        raise UsageError(_("Không có terminal để hỏi; hãy dùng tùy chọn {option}", option=option))
