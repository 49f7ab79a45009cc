"""Atomic file writes: an output either appears whole under its name or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

STALE_AFTER_S = 3600.0
"""Where the writer's process cannot be asked whether it still runs, a temp file this old is stale."""


def _process_alive(pid: int) -> bool | None:
    """Whether process ``pid`` runs (None: cannot tell on this platform)."""
    if os.name != "posix":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def clean_stale_temp_files(folder: Path, name: str | None = None) -> int:
    """Remove temporary files a killed writer left in ``folder`` (for target ``name``, or all).

    Temp names carry the writer's process id (``.<name>.<pid>.<random>.tmp``); a file whose process is
    gone (or, where that cannot be asked, older than an hour) is removed. Returns how many were removed.
    """
    removed = 0
    pattern = f".{name}.*.tmp" if name is not None else ".*.tmp"
    try:
        candidates = list(Path(folder).glob(pattern))
    except OSError:
        return 0
    for candidate in candidates:
        parts = candidate.name.rsplit(".", 3)  # ["." + name, pid, random, "tmp"]
        if len(parts) != 4 or not parts[1].isdigit():
            continue
        alive = _process_alive(int(parts[1]))
        if alive is None:
            with contextlib.suppress(OSError):
                alive = time.time() - candidate.stat().st_mtime < STALE_AFTER_S
        if alive is False and int(parts[1]) != os.getpid():
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed += 1
    return removed


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "wb", private: bool = False) -> Iterator[IO]:  # type: ignore[type-arg]
    """Write to a temporary file beside ``path`` and rename it into place on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temp_files(path.parent, path.name)  # what a killed earlier run left for this target
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        if private:
            with contextlib.suppress(OSError):
                os.chmod(tmp, 0o600)
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_bytes_atomic(path: Path, data: bytes, private: bool = False) -> None:
    with atomic_writer(path, "wb", private=private) as handle:
        handle.write(data)


def write_text_atomic(path: Path, text: str, private: bool = False) -> None:
    with atomic_writer(path, "w", private=private) as handle:
        handle.write(text)


def read_secret_file(path: Path) -> str:
    """A PIN or password file: the first line, UTF-8, trailing CR/LF stripped."""
    data = Path(path).read_bytes().decode("utf-8")
    first = data.split("\n", 1)[0]
    return first.rstrip("\r\n")
