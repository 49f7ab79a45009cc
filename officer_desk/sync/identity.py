"""A desk's identity: desk id, agency code, desk number, Ed25519 signing and X25519 encryption keys.

The private keys live in ``identity.key`` in the home, encrypted (AES-GCM) under a key derived from
the desk's database key, like attachments: a copied identity file alone is useless. The public part
is what ``identity export`` writes and another desk's administrator ``identity trust``s; ``identity
list`` shows the trusted ones and ``identity untrust`` withdraws trust (bundles from that desk are refused
from then on; what it sent before stays, conflicts included).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select

from officer_desk.audit import audit
from officer_desk.config import DeskConfig
from officer_desk.errors import DatabaseKeyError, DeskError, InputError, NotFoundError
from officer_desk.fileio import write_bytes_atomic
from officer_desk.i18n import _
from officer_desk.models import TrustedIdentity
from officer_desk.models.session import Database
from officer_desk.paths import Home
from officer_desk.security import decrypt_blob, encrypt_blob, load_database_key

IDENTITY_FORMAT = "officer-desk-identity/1"
_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw


class IdentityError(DeskError):
    code = "identity"
    exit_code = 1


def _identity_path(home: Home) -> Path:
    return home.root / "identity.key"


def _wrap_key(home: Home) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"officer-desk identity v1").derive(load_database_key(home))


@dataclass(frozen=True)
class PublicIdentity:
    desk_id: str
    agency_code: str
    desk_number: int | None
    signing_key: bytes
    encryption_key: bytes

    def to_json(self) -> dict[str, Any]:
        return {"format": IDENTITY_FORMAT, "desk_id": self.desk_id, "agency_code": self.agency_code,
                "desk_number": self.desk_number, "signing_key": self.signing_key.hex(),
                "encryption_key": self.encryption_key.hex()}

    @classmethod
    def from_json(cls, data: Any) -> PublicIdentity:
        if not isinstance(data, dict) or data.get("format") != IDENTITY_FORMAT:
            raise InputError(_("Tệp không phải là định danh quầy của Officer Desk"))
        try:
            signing = bytes.fromhex(str(data["signing_key"]))
            encryption = bytes.fromhex(str(data["encryption_key"]))
            Ed25519PublicKey.from_public_bytes(signing)
            X25519PublicKey.from_public_bytes(encryption)
            number = data.get("desk_number")
            if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
                raise ValueError("desk_number")
            desk_id = str(data["desk_id"])
            uuid.UUID(desk_id)
            return cls(desk_id, str(data["agency_code"])[:64], number, signing, encryption)
        except (KeyError, ValueError, TypeError) as exc:
            raise InputError(_("Định danh quầy bị hỏng hoặc thiếu thông tin")) from exc

    @property
    def fingerprint(self) -> str:
        """What two administrators read to each other (by phone) before trusting: both public keys, hashed."""
        digest = hashlib.sha256(self.signing_key + self.encryption_key).hexdigest()[:32].upper()
        return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))

    @property
    def label(self) -> str:
        """How officers see another desk: agency and desk number, never the id."""
        if self.desk_number:
            return _("quầy {number} ({agency})", number=self.desk_number, agency=self.agency_code)
        return _("quầy chưa thiết lập ({agency})", agency=self.agency_code)


@dataclass(frozen=True)
class DeskIdentity:
    """This desk's identity with its private keys (in memory only while used)."""

    public: PublicIdentity
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    @property
    def desk_id(self) -> str:
        return self.public.desk_id


def load_identity(home: Home, config: DeskConfig, set_up: bool = True) -> DeskIdentity:
    """This desk's identity, created once (keys and desk id) on first use.

    ``set_up``: whether the desk number was chosen at setup (a desk never set up has none that
    anyone vouched for, so its identity carries no desk number and it is never registered by number).
    """
    path = _identity_path(home)
    key = _wrap_key(home)
    if path.exists():
        try:
            secret = json.loads(decrypt_blob(key, path.read_bytes(), b"identity"))
            signing = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret["signing"]))
            encryption = X25519PrivateKey.from_private_bytes(bytes.fromhex(secret["encryption"]))
            desk_id = str(secret["desk_id"])
        except (OSError, ValueError, KeyError, DatabaseKeyError) as exc:
            raise IdentityError(_("Không đọc được định danh của quầy ({path})", path=str(path))) from exc
    else:
        signing, encryption, desk_id = Ed25519PrivateKey.generate(), X25519PrivateKey.generate(), str(uuid.uuid4())
        secret = {"desk_id": desk_id,
                  "signing": signing.private_bytes(_RAW, serialization.PrivateFormat.Raw,
                                                   serialization.NoEncryption()).hex(),
                  "encryption": encryption.private_bytes(_RAW, serialization.PrivateFormat.Raw,
                                                         serialization.NoEncryption()).hex()}
        home.ensure()
        write_bytes_atomic(path, encrypt_blob(key, json.dumps(secret).encode(), b"identity"), private=True)
    public = PublicIdentity(desk_id, config.agency_id, config.desk_number if set_up else None,
                            signing.public_key().public_bytes(_RAW, _RAW_PUB),
                            encryption.public_key().public_bytes(_RAW, _RAW_PUB))
    return DeskIdentity(public, signing, encryption)


_MAX_IDENTITY_FILE = 64 * 1024  # an identity is a few hundred bytes; anything larger is not one


def read_identity_file(path: Path) -> PublicIdentity:
    try:
        with path.open("rb") as stream:
            raw = stream.read(_MAX_IDENTITY_FILE + 1)
        if len(raw) > _MAX_IDENTITY_FILE:
            raise InputError(_("Tệp không phải là định danh quầy của Officer Desk"))
        data = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(_("Không đọc được tệp định danh {path}", path=str(path))) from exc
    return PublicIdentity.from_json(data)


def trust_identity(db: Database, identity: PublicIdentity, actor: str, desk_number: int = 0) -> None:
    """Record a trusted identity, or update its agency and desk number; audited.

    The same desk id with other keys is refused: replacing a desk's keys silently would let whoever holds
    the new ones speak for that desk. The administrator untrusts the old identity first, on purpose.
    """
    with db.session() as session:
        row = session.get(TrustedIdentity, identity.desk_id)
        if row is not None and (row.signing_key != identity.signing_key.hex()
                                or row.encryption_key != identity.encryption_key.hex()):
            raise IdentityError(_("Quầy {desk} đã được tin cậy với khóa khác (dấu vân tay {fingerprint}); nếu "
                                  "quầy đó đã đổi khóa, hãy bỏ tin cậy định danh cũ trước",
                                  desk=identity.label, fingerprint=_public(row).fingerprint))
        if row is None:
            row = TrustedIdentity(desk_id=identity.desk_id)
            session.add(row)
        row.agency_code = identity.agency_code
        row.desk_number = identity.desk_number
        row.signing_key = identity.signing_key.hex()
        row.encryption_key = identity.encryption_key.hex()
        row.trusted_by = actor
        audit(session, actor, "identity.trusted", "identity", identity.desk_id, desk=desk_number,
              agency=identity.agency_code, desk_number=identity.desk_number)


def _public(row: TrustedIdentity) -> PublicIdentity:
    return PublicIdentity(row.desk_id, row.agency_code, row.desk_number, bytes.fromhex(row.signing_key),
                          bytes.fromhex(row.encryption_key))


def trusted_identity(db: Database, desk_id: str) -> PublicIdentity | None:
    with db.session() as session:
        row = session.get(TrustedIdentity, desk_id)
        return _public(row) if row is not None else None


def trusted_identities(db: Database) -> list[PublicIdentity]:
    with db.session() as session:
        return [_public(r) for r in session.execute(select(TrustedIdentity)).scalars()]


@dataclass(frozen=True)
class TrustedEntry:
    """A trusted identity as ``identity list`` shows it: who, since when, trusted by whom."""

    identity: PublicIdentity
    trusted_at: datetime
    trusted_by: str


def list_trusted(db: Database) -> list[TrustedEntry]:
    """The trusted identities, by agency and desk number."""
    with db.session() as session:
        rows = session.execute(select(TrustedIdentity)).scalars().all()
        entries = [TrustedEntry(_public(r), r.trusted_at, r.trusted_by) for r in rows]
    return sorted(entries, key=lambda e: (e.identity.agency_code, e.identity.desk_number or 0, e.trusted_at))


def untrust_identity(db: Database, desk_id: str, actor: str, desk_number: int = 0) -> PublicIdentity:
    """Withdraw trust from a desk; audited with everything the trust record held.

    Only the trust record goes: cases it sent, their routes, open conflicts and the bundles already
    applied stay as they are. From now on its bundles are refused and none is written for it.
    """
    with db.session() as session:
        row = session.get(TrustedIdentity, desk_id.strip())
        if row is None:
            raise NotFoundError(_("Không có định danh {id} trong danh sách tin cậy của quầy này", id=desk_id))
        public = _public(row)
        audit(session, actor, "identity.untrusted", "identity", public.desk_id, desk=desk_number,
              agency=public.agency_code, desk_number=public.desk_number, fingerprint=public.fingerprint,
              signing_key=row.signing_key, encryption_key=row.encryption_key,
              trusted_at=row.trusted_at.isoformat() if row.trusted_at else None, trusted_by=row.trusted_by)
        session.delete(row)
    return public
