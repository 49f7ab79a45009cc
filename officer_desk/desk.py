"""The desk context: one open database plus configuration, catalogue and calendar, built once."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from functools import cached_property

from officer_desk.cases import CaseService
from officer_desk.catalogue import Catalogue, load_catalogue
from officer_desk.config import DeskConfig, load_config
from officer_desk.database import open_database
from officer_desk.fileio import clean_stale_temp_files
from officer_desk.models.session import Database
from officer_desk.paths import Home
from officer_desk.workdays import WorkingCalendar, default_calendar

OFFICER_ENV = "OFFICER_DESK_OFFICER"


def current_officer_username() -> str:
    """Who is working: ``OFFICER_DESK_OFFICER`` or the operating-system account."""
    configured = os.environ.get(OFFICER_ENV)
    if configured:
        return configured.strip()[:64]
    try:
        return getpass.getuser()[:64]
    except Exception:  # noqa: BLE001 - no account name on some locked-down PCs
        return "officer"


@dataclass
class Desk:
    """The open desk; ``catalogue``, ``calendar`` and ``cases`` are built on first use."""

    home: Home
    db: Database
    config: DeskConfig
    officer: str

    @cached_property
    def catalogue(self) -> Catalogue:
        return load_catalogue(self.home, self.config.aliases)

    @cached_property
    def calendar(self) -> WorkingCalendar:
        extra = self.home.root / "calendar-overrides.yaml"
        return default_calendar((extra,) if extra.exists() else ())

    @cached_property
    def cases(self) -> CaseService:
        return CaseService(self)

    def close(self) -> None:
        self.db.dispose()


def open_desk(home: Home | None = None, url: str | None = None, officer: str | None = None) -> Desk:
    home = home or Home()
    if home.root.is_dir():  # temp files a killed run left beside db.key / config.toml
        clean_stale_temp_files(home.root)
    config = load_config(home)
    db = open_database(home, url)
    return Desk(home=home, db=db, config=config, officer=officer or current_officer_username())
