"""Shared helpers of the command modules."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from officer_desk.errors import UsageError
from officer_desk.i18n import _
from officer_desk.paths import Home

if TYPE_CHECKING:
    from officer_desk.desk import Desk

# The desk (database, ORM, every table) is imported by the handlers that open it, not when the parser is
# built: ``--help``, ``screen FILE`` and ``verify`` never load it (issue 17, start-up).


def desk_from_args(args: argparse.Namespace) -> Desk:
    """The desk, acting as the command's account (set-up homes) or the named/OS officer (others)."""
    from officer_desk.desk import open_desk

    acting = getattr(args, "acting", None)
    url = getattr(args, "database", None) or os.environ.get("OFFICER_DESK_DATABASE_URL")
    if acting is None:
        return open_desk(Home(), url)
    return open_desk(Home(), url, officer=acting.username, account=acting.actor)


def open_desk_for_sealing() -> Desk | None:
    from officer_desk.desk import open_desk

    home = Home()
    url = os.environ.get("OFFICER_DESK_DATABASE_URL")
    if not url and not home.database.exists():
        return None
    return open_desk(home, url)


def require_tty(option: str) -> None:
    """Commands never prompt without a terminal: fail at once naming the option to use."""
    if not sys.stdin.isatty():
        raise UsageError(_("Không có terminal để hỏi; hãy dùng tùy chọn {option}", option=option))
