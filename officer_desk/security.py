"""Keys for data at rest: the database key (SQLCipher) and attachment encryption (AES-GCM).

Key source order (cli-contract.md): ``OFFICER_DESK_DB_KEY_FILE``, else the OS keyring, else a random
256-bit key created once in ``$OFFICER_DESK_HOME/db.key`` (owner-only). Losing every copy of the key
loses the data: ``officer-desk key export`` writes a recovery copy.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from officer_desk.errors import DatabaseKeyError
from officer_desk.fileio import write_text_atomic
from officer_desk.i18n import _
from officer_desk.paths import Home

KEY_FILE_ENV = "OFFICER_DESK_DB_KEY_FILE"
NO_KEYRING_ENV = "OFFICER_DESK_NO_KEYRING"
KEYRING_SERVICE = "officer-desk"
_BLOB_MAGIC = b"ODA1"


def _parse_key_text(text: str, source: str) -> bytes:
    value = text.strip().splitlines()[0].strip() if text.strip() else ""
    try:
        key = bytes.fromhex(value)
    except ValueError as exc:
        raise DatabaseKeyError(
            _("Khóa cơ sở dữ liệu trong {source} không đúng dạng (64 ký tự hex)", source=source)
        ) from exc
    if len(key) != 32:
        raise DatabaseKeyError(
            _("Khóa cơ sở dữ liệu trong {source} phải dài 256 bit (64 ký tự hex)", source=source)
        )
    return key


def _keyring_account(home: Home) -> str:
    return "db-key-" + hashlib.sha256(str(home.root).encode("utf-8")).hexdigest()[:16]


def _usable_keyring() -> Any:  # the keyring module (untyped), or None when no usable backend
    if os.environ.get(NO_KEYRING_ENV):
        return None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) < 1:
            return None
        # Chainer with nothing behind it behaves like the fail backend.
        if backend.__class__.__name__ == "ChainerBackend" and not getattr(backend, "backends", []):
            return None
        return keyring
    except Exception:  # noqa: BLE001 - a broken keyring falls back to the key file
        return None


def load_database_key(home: Home, create: bool = True) -> bytes:
    """The 256-bit database key for ``home`` (created once when none exists and ``create``)."""
    env_file = os.environ.get(KEY_FILE_ENV)
    if env_file:
        path = Path(env_file)
        try:
            return _parse_key_text(path.read_text(encoding="utf-8"), str(path))
        except OSError as exc:
            raise DatabaseKeyError(
                _("Không đọc được tệp khóa {path} ({variable})", path=str(path), variable=KEY_FILE_ENV)
            ) from exc
    if home.key_file.exists():
        try:
            return _parse_key_text(home.key_file.read_text(encoding="utf-8"), str(home.key_file))
        except OSError as exc:
            raise DatabaseKeyError(_("Không đọc được tệp khóa {path}", path=str(home.key_file))) from exc
    keyring = _usable_keyring()
    if keyring is not None:
        try:
            stored = keyring.get_password(KEYRING_SERVICE, _keyring_account(home))
        except Exception:  # noqa: BLE001
            stored = None
        if stored:
            return _parse_key_text(stored, "keyring")
    if not create:
        raise DatabaseKeyError(_("Không tìm thấy khóa cơ sở dữ liệu cho {home}", home=str(home.root)))
    if home.database.exists():
        # A database exists but its key is gone: never silently create a new, useless key.
        raise DatabaseKeyError(
            _(
                "Cơ sở dữ liệu {path} đã tồn tại nhưng không tìm thấy khóa của nó. "
                "Hãy khôi phục tệp khóa (bản sao đã xuất) vào {key_file} hoặc đặt {variable}.",
                path=str(home.database), key_file=str(home.key_file), variable=KEY_FILE_ENV,
            )
        )
    key = secrets.token_bytes(32)
    if keyring is not None:
        try:
            keyring.set_password(KEYRING_SERVICE, _keyring_account(home), key.hex())
            return key
        except Exception:  # noqa: BLE001 - fall back to the key file
            pass
    home.ensure()
    write_text_atomic(home.key_file, key.hex() + "\n", private=True)
    return key


def export_database_key(home: Home, out: Path) -> Path:
    """Write a recovery copy of the database key (owner-only)."""
    key = load_database_key(home, create=False)
    write_text_atomic(out, key.hex() + "\n", private=True)
    return out


def attachment_key(db_key: bytes) -> bytes:
    """AES-256 key for attachment bytes, derived from the database key."""
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"officer-desk attachments v1"
    ).derive(db_key)


def attachment_name_key(db_key: bytes) -> bytes:
    """The desk secret that keys attachment file names (HMAC), derived from the database key."""
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"officer-desk attachment names v1"
    ).derive(db_key)


def encrypt_blob(key: bytes, data: bytes, associated: bytes = b"") -> bytes:
    nonce = secrets.token_bytes(12)
    return _BLOB_MAGIC + nonce + AESGCM(key).encrypt(nonce, data, associated)


def decrypt_blob(key: bytes, blob: bytes, associated: bytes = b"") -> bytes:
    if not blob.startswith(_BLOB_MAGIC) or len(blob) < 4 + 12 + 16:
        raise DatabaseKeyError(_("Tệp đính kèm không đúng định dạng mã hóa"))
    nonce = blob[4:16]
    try:
        return AESGCM(key).decrypt(nonce, blob[16:], associated)
    except InvalidTag as exc:
        raise DatabaseKeyError(_("Không giải mã được tệp đính kèm (sai khóa hoặc tệp bị hỏng)")) from exc
