"""The desk context: one open database plus configuration, catalogue and calendar, built once."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from functools import cached_property

from officer_desk.accounts.roles import Actor, ActorKind, Permission
from officer_desk.cases import CaseService
from officer_desk.catalogue import Catalogue, load_catalogue
from officer_desk.config import DeskConfig, load_config
from officer_desk.database import open_database
from officer_desk.fileio import clean_stale_temp_files
from officer_desk.models.session import Database
from officer_desk.models.statistics import optimize
from officer_desk.paths import Home
from officer_desk.workdays import WorkingCalendar, calendar_for

OFFICER_ENV = "OFFICER_DESK_OFFICER"
# Who acts on a demo home when no officer is named (cli-contract.md: "the demo officer acts"): one of the
# demo's officers, never the operating-system account.
DEMO_OFFICER = ("canbo.lan", "Nguyễn Thị Lan")


def current_officer_username() -> str:
    """Who works on a home never set up: ``OFFICER_DESK_OFFICER`` or the OS account (demo homes: DEMO_OFFICER).

    Never an identity on a set-up home: there the signed-in account acts (``Desk.actor``).
    """
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
    officer: str  # the acting username, stored on events and audit entries
    # Who acts, with which role; None = a home never set up (the officer above, unrestricted).
    actor: Actor | None = None

    @property
    def acting(self) -> Actor:
        if self.actor is not None:
            return self.actor
        return Actor(self.officer, self.config.officer_name or self.officer, None, ActorKind.UNMANAGED)

    @property
    def officer_name(self) -> str:
        """The acting officer's full name, as receipts, notices and the timeline show it."""
        return self.acting.display_name

    @property
    def set_up(self) -> bool:
        return self.actor is not None and self.actor.kind in (ActorKind.ACCOUNT, ActorKind.NOBODY)

    def require(self, permission: Permission) -> None:
        """Refuse unless the acting account's role allows ``permission`` (accounts.roles.PERMISSIONS)."""
        self.acting.require(permission)

    def act_as(self, actor: Actor) -> None:
        """Switch the acting account (the window after sign-in; ``Actor.nobody()`` after sign-out)."""
        self.actor = actor
        self.officer = actor.username

    @cached_property
    def catalogue(self) -> Catalogue:
        return load_catalogue(self.home, self.config.aliases)

    @cached_property
    def calendar(self) -> WorkingCalendar:
        return calendar_for(self.home.root, self.config.days_off)

    @cached_property
    def cases(self) -> CaseService:
        return CaseService(self)

    def close(self) -> None:
        # Statistics for what this session added (a desk filled by imports plans like a demo desk).
        optimize(self.db.engine)
        self.db.dispose()


def open_desk(home: Home | None = None, url: str | None = None, officer: str | None = None,
              account: Actor | None = None) -> Desk:
    """Open the desk. On a set-up home the desk acts as ``account`` (signed in with
    ``accounts.AuthService``) or as nobody until :meth:`Desk.act_as`; ``officer`` names who acts on a
    home never set up or a demo home (default: ``OFFICER_DESK_OFFICER`` or the OS account).
    """
    from officer_desk.accounts.service import HomeKind, home_kind

    home = home or Home()
    if home.root.is_dir():  # temp files a killed run left beside db.key / config.toml
        clean_stale_temp_files(home.root)
    config = load_config(home)
    db = open_database(home, url)
    try:
        kind = home_kind(db, home)
    except BaseException:
        db.dispose()
        raise
    if kind is HomeKind.SET_UP:
        actor = account if account is not None and account.kind is ActorKind.ACCOUNT else Actor.nobody()
        return Desk(home=home, db=db, config=config, officer=actor.username, actor=actor)
    if kind is HomeKind.DEMO:
        username = officer or os.environ.get(OFFICER_ENV, "").strip()[:64] or DEMO_OFFICER[0]
        name = config.officer_name or (DEMO_OFFICER[1] if username == DEMO_OFFICER[0] else username)
        demo = Actor(username, name, None, ActorKind.DEMO)
        return Desk(home=home, db=db, config=config, officer=username, actor=demo)
    username = officer or current_officer_username()
    return Desk(home=home, db=db, config=config, officer=username)
