"""Unsaved work kept on disk, encrypted: the intake form's draft survives a crash or a mistaken close.

A draft holds the citizen's personal data, so it is never written in clear: it is sealed with AES-GCM
under a key derived from the database key (as attachments are), in ``$OFFICER_DESK_HOME/drafts/``, one
file per officer and form. The file name is a hash of the officer's user name (no name on disk).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from officer_desk.errors import DatabaseKeyError
from officer_desk.fileio import write_bytes_atomic
from officer_desk.paths import Home
from officer_desk.security import decrypt_blob, encrypt_blob, load_database_key

_FORMAT = 1


def drafts_key(db_key: bytes) -> bytes:
    """AES-256 key for drafts, derived from the database key (a different key from the attachments')."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"officer-desk drafts v1").derive(db_key)


@dataclass(frozen=True)
class Draft:
    """A saved form: its values and when it was last written."""

    values: dict[str, Any]
    saved_at: datetime


class DraftStore:
    """Encrypted drafts of one officer on this desk."""

    def __init__(self, home: Home, officer: str, db_key: bytes | None = None) -> None:
        self.folder = home.root / "drafts"
        self._key = drafts_key(db_key if db_key is not None else load_database_key(home))
        self._officer = hashlib.sha256(officer.encode("utf-8")).hexdigest()[:16]

    def _path(self, form: str) -> Path:
        return self.folder / f"{form}-{self._officer}.bin"

    def _associated(self, form: str) -> bytes:
        # Binds the sealed bytes to their form and officer: a draft copied to another name does not open.
        return f"{form}:{self._officer}".encode()

    def save(self, form: str, values: dict[str, Any]) -> None:
        payload = {"format": _FORMAT, "saved_at": datetime.now(UTC).isoformat(), "values": values}
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(self._path(form), encrypt_blob(self._key, data, self._associated(form)), private=True)

    def load(self, form: str) -> Draft | None:
        """The draft, or None when there is none or it cannot be read (another key, damaged file)."""
        path = self._path(form)
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        try:
            payload = json.loads(decrypt_blob(self._key, blob, self._associated(form)).decode("utf-8"))
            return Draft(dict(payload["values"]), datetime.fromisoformat(payload["saved_at"]))
        except (DatabaseKeyError, ValueError, KeyError, TypeError):
            return None

    def discard(self, form: str) -> None:
        self._path(form).unlink(missing_ok=True)
