"""Atomic file writes: an output either appears whole under its name or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "wb", private: bool = False) -> Iterator[IO]:  # type: ignore[type-arg]
    """Write to a temporary file beside ``path`` and rename it into place on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
