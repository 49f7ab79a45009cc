"""Attachment files named by a keyed hash (HMAC under a desk secret) instead of their plaintext SHA-256.

Revision ID: 0009_attachment_hmac
Revises: 0007_ocr_provenance
Create Date: 2026-12-06

Issue 16: anyone who could list ``attachments/`` could test whether a known document is stored. Each
local blob ``attachments/<d[:2]>/<digest>`` is renamed to ``attachments/<n[1:3]>/<n>`` with
``n = "h" + HMAC-SHA256(desk secret, digest)``. Renames only (no copy, no data dropped); a run stopped
half-way is finished by the next start, because new names start with ``h`` and old ones do not. The
schema is unchanged; PostgreSQL desks keep blobs in a table and have nothing to rename.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Sequence
from pathlib import Path

from alembic import context

revision: str = "0009_attachment_hmac"
down_revision: str | Sequence[str] | None = "0008_reports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PLAIN = re.compile(r"^[0-9a-f]{64}$")


def _name_key(db_key: bytes) -> bytes:
    # the same derivation as officer_desk.security.attachment_name_key (migrations import nothing above
    # the models layer; tests/integration/test_attachment_names.py reads the renamed files through the store)
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"officer-desk attachment names v1").derive(db_key)


def _blob_path(folder: Path, name_key: bytes, digest: str) -> Path:
    name = "h" + hmac.new(name_key, digest.encode("ascii"), hashlib.sha256).hexdigest()
    return folder / name[1:3] / name


def upgrade() -> None:
    home = context.config.attributes.get("home")
    db_key = context.config.attributes.get("db_key")
    if home is None or db_key is None:
        return  # a shared database (blobs in a table) or a schema-only run
    folder = Path(home.attachments)
    if not folder.is_dir():
        return
    name_key = _name_key(db_key)
    for shard in sorted(p for p in folder.iterdir() if p.is_dir() and len(p.name) == 2):
        for blob in sorted(shard.iterdir()):
            if not _PLAIN.match(blob.name) or not blob.is_file():
                continue
            target = _blob_path(folder, name_key, blob.name)
            target.parent.mkdir(mode=0o700, exist_ok=True)
            if target.exists():
                blob.unlink()  # renamed by a run that stopped before committing: the copy is identical
            else:
                os.replace(blob, target)


def downgrade() -> None:
    """Names are not reverted: the digest cannot be recovered from the keyed name without the database."""
