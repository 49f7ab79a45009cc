"""One place that knows where shipped resources and the installation's home folder live."""

from __future__ import annotations

import os
from importlib import resources as importlib_resources
from pathlib import Path

APP_NAME = "officer-desk"
HOME_ENV = "OFFICER_DESK_HOME"


def resources_dir() -> Path:
    """The shipped resources folder, from an installed wheel or from a checkout."""
    try:
        root = importlib_resources.files("officer_desk.resources")
        path = Path(str(root))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A path below the shipped resources folder."""
    return resources_dir().joinpath(*parts)


def home_dir() -> Path:
    """The installation's home: every file the desk writes lives below it."""
    configured = os.environ.get(HOME_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs  # here, not at the top: the window's splash needs resource() before anything else

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class Home:
    """The layout of one installation's home folder (see cli-contract.md)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or home_dir()).resolve()

    @property
    def database(self) -> Path:
        return self.root / "officer-desk.db"

    @property
    def key_file(self) -> Path:
        return self.root / "db.key"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def config_file(self) -> Path:
        return self.root / "config.toml"

    @property
    def keystore(self) -> Path:
        return self.root / "keystore"

    @property
    def trust(self) -> Path:
        return self.root / "trust"

    @property
    def procedures(self) -> Path:
        return self.root / "procedures"

    @property
    def demo(self) -> Path:
        return self.root / "demo"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> Home:
        """Create the home folder (owner-only where the platform supports it)."""
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            self.root.chmod(0o700)
        except OSError:  # pragma: no cover - Windows ACLs are inherited instead
            pass
        return self


def normalise_pg_url(url: str) -> str:
    """Where a shared PostgreSQL database lives: ``postgresql://`` and ``postgres://`` mean the psycopg 3
    driver. Here, not in the database layer, so ``screen FILE`` reads the queue without importing it."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url
