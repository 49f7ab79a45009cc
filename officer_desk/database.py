"""Opening the desk's database: which one (option, environment, ``config.toml``) and the file's key (keyring).

``officer_desk.models`` knows how to connect; what to connect to is the desk's configuration, read here
so the models depend on nothing above them.
"""

from __future__ import annotations

from officer_desk.config import database_url
from officer_desk.models.session import Database, connect_database
from officer_desk.paths import Home
from officer_desk.security import load_database_key


def resolve_url(home: Home, url: str | None = None) -> str | None:
    """The PostgreSQL URL to use, or None for the local encrypted file."""
    return database_url(home, url) or None


def open_database(home: Home | None = None, url: str | None = None, upgrade: bool = True) -> Database:
    """Open (and create or upgrade in place) the desk's database."""
    home = home or Home()
    return connect_database(home, resolve_url(home, url), load_database_key, upgrade)
