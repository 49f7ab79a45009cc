"""Opening the desk's database: which one (option, environment, ``config.toml``) and the file's key (keyring).

``officer_desk.models`` knows how to connect; what to connect to is the desk's configuration, read here
so the models depend on nothing above them.
"""

from __future__ import annotations

import os

from officer_desk.config import load_config
from officer_desk.errors import DeskError
from officer_desk.models.session import Database, connect_database
from officer_desk.paths import Home
from officer_desk.security import load_database_key

DATABASE_URL_ENV = "OFFICER_DESK_DATABASE_URL"


def resolve_url(home: Home, url: str | None = None) -> str | None:
    """The PostgreSQL URL to use, or None for the local encrypted file."""
    if url:
        return url
    env = os.environ.get(DATABASE_URL_ENV)
    if env:
        return env
    try:
        configured = load_config(home).database_url
    except DeskError:
        configured = ""
    return configured or None


def open_database(home: Home | None = None, url: str | None = None, upgrade: bool = True) -> Database:
    """Open (and create or upgrade in place) the desk's database."""
    home = home or Home()
    return connect_database(home, resolve_url(home, url), load_database_key, upgrade)
