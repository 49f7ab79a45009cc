"""Attachment bytes, encrypted at rest (AES-GCM, key derived from the database key).

Local desks keep them as files in ``$OFFICER_DESK_HOME/attachments/``. A file is named by a KEYED hash
of the content's SHA-256 — ``h`` + HMAC-SHA256(desk secret, digest) — so that someone who can list the
home cannot test whether a known document is stored (issue 16; the plaintext digest, kept in the
encrypted database, was the name until migration 0009 renamed the files). On PostgreSQL the blobs live
in the ``attachment_blobs`` table so every desk can read them.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from officer_desk.errors import NotFoundError
from officer_desk.fileio import write_bytes_atomic
from officer_desk.i18n import _
from officer_desk.models import AttachmentBlob
from officer_desk.models.base import utcnow
from officer_desk.models.session import Database
from officer_desk.security import (
    attachment_key,
    attachment_name_key,
    decrypt_blob,
    encrypt_blob,
    load_database_key,
)


def blob_name(name_key: bytes, digest: str) -> str:
    return "h" + hmac.new(name_key, digest.encode("ascii"), hashlib.sha256).hexdigest()


def blob_path(folder: Path, name_key: bytes, digest: str) -> Path:
    name = blob_name(name_key, digest)
    return folder / name[1:3] / name


class AttachmentStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        # On a shared server every desk must decrypt the same blobs: the center distributes one key
        # file to its desks (OFFICER_DESK_DB_KEY_FILE), from which the attachment key derives.
        db_key = db.db_key if db.db_key is not None else load_database_key(db.home)
        self._key = attachment_key(db_key)
        self._name_key = attachment_name_key(db_key)

    def path_for(self, digest: str) -> Path:
        """Where the local blob of ``digest`` lives (its name reveals nothing without the desk secret)."""
        return blob_path(self.db.home.attachments, self._name_key, digest)

    def put(self, session: Session, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        if self.db.is_local:
            path = self.path_for(digest)
            if not path.exists():
                write_bytes_atomic(path, encrypt_blob(self._key, data, digest.encode()), private=True)
        elif session.get(AttachmentBlob, digest) is None:
            session.add(AttachmentBlob(sha256=digest, data=encrypt_blob(self._key, data, digest.encode())))
        return digest

    def get(self, session: Session, digest: str) -> bytes:
        if self.db.is_local:
            path = self.path_for(digest)
            if not path.exists():
                legacy = self.db.home.attachments / digest[:2] / digest  # a home not yet migrated (0009)
                path = legacy if legacy.exists() else path
            if not path.exists():
                raise NotFoundError(_("Không tìm thấy tệp đính kèm {digest}", digest=digest[:12]))
            blob = path.read_bytes()
        else:
            row = session.execute(select(AttachmentBlob.data).where(AttachmentBlob.sha256 == digest)).scalar()
            if row is None:
                raise NotFoundError(_("Không tìm thấy tệp đính kèm {digest}", digest=digest[:12]))
            blob = row
        data = decrypt_blob(self._key, blob, digest.encode())
        if hashlib.sha256(data).hexdigest() != digest:
            raise NotFoundError(_("Tệp đính kèm {digest} bị hỏng", digest=digest[:12]))
        return data

    # --- many at once (sync and bundles: one query per chunk, not one per attachment) ---------------

    def get_many(self, session: Session, digests: Iterable[str]) -> dict[str, bytes]:
        """The plaintext of each digest (a missing or damaged blob raises, as ``get`` does)."""
        wanted = sorted(set(digests))
        if self.db.is_local or not wanted:
            return {digest: self.get(session, digest) for digest in wanted}
        rows = dict(session.execute(select(AttachmentBlob.sha256, AttachmentBlob.data)
                                    .where(AttachmentBlob.sha256.in_(wanted))).all())
        result = {}
        for digest in wanted:
            if digest not in rows:
                raise NotFoundError(_("Không tìm thấy tệp đính kèm {digest}", digest=digest[:12]))
            data = decrypt_blob(self._key, rows[digest], digest.encode())
            if hashlib.sha256(data).hexdigest() != digest:
                raise NotFoundError(_("Tệp đính kèm {digest} bị hỏng", digest=digest[:12]))
            result[digest] = data
        return result

    def missing(self, session: Session, digests: Iterable[str]) -> set[str]:
        """Which of ``digests`` this store does not hold yet."""
        wanted = set(digests)
        if self.db.is_local:
            return {d for d in wanted if not self.path_for(d).exists()}
        if not wanted:
            return set()
        have = set(session.execute(select(AttachmentBlob.sha256).where(AttachmentBlob.sha256.in_(wanted)))
                   .scalars())
        return wanted - have

    def put_many(self, session: Session, blobs: dict[str, bytes]) -> None:
        """Store blobs known to be missing (``missing``), keyed by their digest, in one insert."""
        if self.db.is_local:
            for data in blobs.values():
                self.put(session, data)
            return
        if blobs:
            session.execute(insert(AttachmentBlob), [
                {"sha256": digest, "data": encrypt_blob(self._key, data, digest.encode()), "created_at": utcnow()}
                for digest, data in blobs.items()])
