"""Attachment bytes, encrypted at rest (AES-GCM, key derived from the database key).

Local desks keep them as files in ``$OFFICER_DESK_HOME/attachments/`` named by the plaintext's
SHA-256; on PostgreSQL they live in the ``attachment_blobs`` table so every desk can read them.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_desk.errors import NotFoundError
from officer_desk.fileio import write_bytes_atomic
from officer_desk.i18n import _
from officer_desk.models import AttachmentBlob
from officer_desk.models.session import Database
from officer_desk.security import attachment_key, decrypt_blob, encrypt_blob, load_database_key


class AttachmentStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        # On a shared server every desk must decrypt the same blobs: the center distributes one key
        # file to its desks (OFFICER_DESK_DB_KEY_FILE), from which the attachment key derives.
        self._key = attachment_key(db.db_key if db.db_key is not None else load_database_key(db.home))

    def put(self, session: Session, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        if self.db.is_local:
            path = self.db.home.attachments / digest[:2] / digest
            if not path.exists():
                write_bytes_atomic(path, encrypt_blob(self._key, data, digest.encode()), private=True)
        elif session.get(AttachmentBlob, digest) is None:
            session.add(AttachmentBlob(sha256=digest, data=encrypt_blob(self._key, data, digest.encode())))
        return digest

    def get(self, session: Session, digest: str) -> bytes:
        if self.db.is_local:
            path = self.db.home.attachments / digest[:2] / digest
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
