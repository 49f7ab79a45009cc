"""Encrypted backup and restore of a whole desk (``backup --out F`` / ``restore F``).

The archive is a tar stream (manifest, every table as JSON lines, the home's files: attachments,
keystore, trust, configuration...) encrypted and authenticated under a key derived from the
database key, in 1 MiB chunks (AES-256-GCM; each chunk's number and a "last chunk" flag are
authenticated, so a truncated, reordered or altered archive is refused). The database key itself
is never in the archive: restoring needs it (``OFFICER_DESK_DB_KEY_FILE`` or the copy from
``key export``).

Restore checks the whole archive first, then rebuilds the desk in a temporary folder beside the home
and moves it in only when everything is in place: a refused archive leaves the home empty.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import io
import json
import os
import secrets
import shutil
import struct
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Table, insert, select, text
from sqlalchemy.engine import Connection

from officer_desk.accounts.roles import Permission
from officer_desk.audit import audit
from officer_desk.errors import DeskError
from officer_desk.fileio import atomic_writer
from officer_desk.i18n import _
from officer_desk.models import Base
from officer_desk.paths import Home

if TYPE_CHECKING:
    from officer_desk.desk import Desk

MAGIC = b"ODBACKUP"
VERSION = 1
CHUNK = 1024 * 1024
ROWS_PER_PART = 5000
# Rebuilt by the database itself (status counters are kept by triggers on ``cases``).
DERIVED_TABLES = frozenset({"case_status_counts"})
# Never in the archive: the database (it is in the archive as rows), its key, logs.
SKIPPED_FILES = ("officer-desk.db", "officer-desk.db-wal", "officer-desk.db-shm", "db.key")
SKIPPED_FOLDERS = ("logs",)


class BackupError(DeskError):
    """The archive is not a desk backup, was made with another key, or was truncated or altered (exit 1)."""

    code = "backup"
    exit_code = 1


@dataclass(frozen=True)
class BackupSummary:
    file: Path
    cases: int
    audit_entries: int
    files: int

    def to_json(self) -> dict[str, Any]:
        return {"file": str(self.file), "cases": self.cases, "audit_entries": self.audit_entries,
                "files": self.files}


# --- the encrypted stream ------------------------------------------------------------------------------


def _keys(db_key: bytes, salt: bytes) -> tuple[bytes, bytes]:
    """(AES key for this archive, key id proving which database key made it)."""
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"officer-desk backup v1").derive(db_key)
    key_id = hmac.new(db_key, b"officer-desk backup key id", hashlib.sha256).digest()[:8]
    return key, key_id


class _EncryptingWriter(io.RawIOBase):
    """File-like sink: plaintext in, authenticated chunks out (``close`` writes the last chunk)."""

    def __init__(self, target: IO[bytes], db_key: bytes) -> None:
        self.target = target
        salt = secrets.token_bytes(16)
        self.key, key_id = _keys(db_key, salt)
        self.header = MAGIC + bytes([VERSION]) + salt + key_id
        self.prefix = secrets.token_bytes(4)
        target.write(self.header + self.prefix)
        self.buffer = bytearray()
        self.counter = 0
        self.aead = AESGCM(self.key)

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.buffer.extend(data)
        while len(self.buffer) >= CHUNK:
            self._emit(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def _emit(self, plain: bytes, last: bool) -> None:
        nonce = self.prefix + struct.pack(">Q", self.counter)
        aad = self.header + struct.pack(">Q?", self.counter, last)
        sealed = self.aead.encrypt(nonce, plain, aad)
        self.target.write(struct.pack(">I", len(sealed)) + sealed)
        self.counter += 1

    def finish(self) -> None:
        self._emit(bytes(self.buffer), last=True)
        self.buffer.clear()


def _chunks(source: IO[bytes], db_key: bytes) -> Iterator[bytes]:
    """Decrypted chunks in order; raises BackupError on any sign of truncation or change."""
    header = source.read(len(MAGIC) + 1 + 16 + 8)
    if len(header) < len(MAGIC) + 25 or not header.startswith(MAGIC):
        raise BackupError(_("Tệp không phải bản sao lưu của quầy"))
    if header[len(MAGIC)] != VERSION:
        raise BackupError(_("Bản sao lưu có định dạng mới hơn phiên bản này đọc được"))
    salt = header[len(MAGIC) + 1:len(MAGIC) + 17]
    key, key_id = _keys(db_key, salt)
    if not hmac.compare_digest(key_id, header[len(MAGIC) + 17:]):
        raise BackupError(_("Bản sao lưu được tạo bằng một khóa cơ sở dữ liệu khác; hãy dùng đúng khóa của quầy đã "
                            "sao lưu"))
    prefix = source.read(4)
    if len(prefix) != 4:
        raise BackupError(_("Bản sao lưu bị cắt cụt"))
    aead = AESGCM(key)
    counter = 0
    while True:
        size_bytes = source.read(4)
        if len(size_bytes) < 4:
            raise BackupError(_("Bản sao lưu bị cắt cụt (thiếu phần cuối)"))
        (size,) = struct.unpack(">I", size_bytes)
        if size > CHUNK + 16:
            raise BackupError(_("Bản sao lưu bị sửa hoặc hỏng"))
        sealed = source.read(size)
        if len(sealed) < size:
            raise BackupError(_("Bản sao lưu bị cắt cụt (thiếu phần cuối)"))
        nonce = prefix + struct.pack(">Q", counter)
        for last in (False, True):
            try:
                plain = aead.decrypt(nonce, sealed, header + struct.pack(">Q?", counter, last))
            except InvalidTag:
                continue
            yield plain
            if last:
                if source.read(1):
                    raise BackupError(_("Bản sao lưu bị sửa: có dữ liệu lạ sau phần cuối"))
                return
            break
        else:
            raise BackupError(_("Bản sao lưu bị sửa hoặc hỏng (phần {n} không xác thực được)", n=counter + 1))
        counter += 1


class _DecryptingReader(io.RawIOBase):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self.pending:
            try:
                self.pending = next(self.chunks)
            except StopIteration:
                return 0
        size = min(len(target), len(self.pending))
        target[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


# --- rows as JSON ---------------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    if isinstance(value, bytes | memoryview):
        return {"$b": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, inner),) = value.items()
        if tag == "$dt":
            return datetime.fromisoformat(inner)
        if tag == "$d":
            return date.fromisoformat(inner)
        if tag == "$b":
            return base64.b64decode(inner)
    return value


def _tables() -> list[Table]:
    return [table for table in Base.metadata.sorted_tables if table.name not in DERIVED_TABLES]


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def _home_files(home: Home) -> Iterator[Path]:
    if not home.root.is_dir():
        return
    for path in sorted(home.root.rglob("*")):
        relative = path.relative_to(home.root)
        if not path.is_file() or path.is_symlink():
            continue
        if relative.parts[0] in SKIPPED_FOLDERS or (len(relative.parts) == 1 and relative.name in SKIPPED_FILES):
            continue
        if relative.name.startswith(".") and relative.name.endswith(".tmp"):
            continue  # an atomic write in progress
        yield path


def _database_key(desk: Desk) -> bytes:
    from officer_desk.security import load_database_key

    return desk.db.db_key if desk.db.db_key is not None else load_database_key(desk.home)


def create_backup(desk: Desk, out: Path) -> BackupSummary:
    """Write the encrypted archive of the whole desk to ``out`` (atomically). Administrators only."""
    from officer_desk.models.migrate import HEAD_REVISION

    desk.require(Permission.BACKUP)
    db_key = _database_key(desk)
    counts: dict[str, int] = {}
    files = 0
    with desk.db.session() as session:  # the backup itself is in the audit log it carries
        audit(session, desk.officer or "system", "desk.backup", "desk", str(desk.config.desk_number),
              desk=desk.config.desk_number)
    with atomic_writer(Path(out), "wb", private=True) as target:
        stream = _EncryptingWriter(target, db_key)
        with tarfile.open(fileobj=stream, mode="w|") as archive:  # type: ignore[call-overload]
            with desk.db.engine.connect() as connection:
                if connection.dialect.name == "postgresql":  # one consistent snapshot of every table
                    connection = connection.execution_options(isolation_level="REPEATABLE READ")
                with connection.begin():
                    for table in _tables():
                        counts[table.name] = _dump_table(archive, connection, table)
            for path in _home_files(desk.home):
                archive.add(str(path), arcname="files/" + path.relative_to(desk.home.root).as_posix(),
                            recursive=False)
                files += 1
            manifest = {"format": "officer-desk/backup@1", "schema": HEAD_REVISION, "tables": counts,
                        "files": files, "created_at": datetime.now().astimezone().isoformat(),
                        "desk_number": desk.config.desk_number}
            _add_bytes(archive, "manifest.json", json.dumps(manifest, ensure_ascii=False).encode("utf-8"))
        stream.finish()
    return BackupSummary(Path(out), counts.get("cases", 0), counts.get("audit_entries", 0), files)


def _dump_table(archive: tarfile.TarFile, connection: Connection, table: Table) -> int:
    order = list(table.primary_key.columns) or list(table.columns)[:1]
    part = 0
    count = 0
    lines: list[str] = []
    result = connection.execution_options(yield_per=ROWS_PER_PART).execute(select(table).order_by(*order))
    for row in result.mappings():
        lines.append(json.dumps({key: _encode(value) for key, value in row.items()}, ensure_ascii=False))
        count += 1
        if len(lines) == ROWS_PER_PART:
            _add_bytes(archive, f"db/{table.name}/{part:06d}.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
            part, lines = part + 1, []
    if lines:
        _add_bytes(archive, f"db/{table.name}/{part:06d}.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
    return count


# --- restore ----------------------------------------------------------------------------------------------


def restore_backup(source: Path, home: Home, database_url: str | None = None) -> BackupSummary:
    """Rebuild a desk from ``source`` into an empty ``home`` (exit 1 when the home is not empty)."""
    from officer_desk.accounts.setup import AlreadySetUpError, home_is_empty
    from officer_desk.security import load_database_key

    if not home_is_empty(home):
        raise AlreadySetUpError(_("Chỉ khôi phục vào thư mục trống: {home} đã có cơ sở dữ liệu, cấu hình hoặc kho "
                                  "khóa", home=str(home.root)))
    db_key = load_database_key(home, create=False)
    try:
        handle = Path(source).open("rb")
    except OSError as exc:
        raise DeskError(_("Không đọc được tệp {path}", path=str(source)), code="invalid_input") from exc
    with handle:
        # Pass 1: the whole archive authenticates (nothing is written before that).
        for _chunk in _chunks(handle, db_key):
            pass
        handle.seek(0)
        home.ensure()
        staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=home.root.parent))
        try:
            summary = _restore_into(handle, db_key, Home(staging), database_url, source)
            _move_into(staging, home)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            if database_url:
                from officer_desk.accounts.setup import _empty_shared_database

                with contextlib.suppress(Exception):
                    _empty_shared_database(database_url)
            raise
        shutil.rmtree(staging, ignore_errors=True)
    _keep_key(home, db_key)
    return summary


def _keep_key(home: Home, db_key: bytes) -> None:
    """A restored desk keeps its key where a new desk would have created it (unless the OS keyring holds it)."""
    from officer_desk.fileio import write_text_atomic
    from officer_desk.security import _usable_keyring

    if not home.key_file.exists() and _usable_keyring() is None:
        write_text_atomic(home.key_file, db_key.hex() + "\n", private=True)


def _restore_into(handle: IO[bytes], db_key: bytes, staging: Home, database_url: str | None,
                  source: Path) -> BackupSummary:
    from officer_desk.database import open_database
    from officer_desk.models.migrate import HEAD_REVISION
    from officer_desk.security import KEY_FILE_ENV

    reader = io.BufferedReader(_DecryptingReader(_chunks(handle, db_key)), buffer_size=CHUNK)
    manifest: dict[str, Any] | None = None
    tables = {table.name: table for table in _tables()}
    counts: dict[str, int] = {}
    files = 0
    # The staging database is keyed with the same database key (its file is moved into the home).
    previous_key_env = os.environ.get(KEY_FILE_ENV)
    key_file = staging.root / ".restore-key"
    staging.ensure()
    key_file.write_text(db_key.hex() + "\n", encoding="utf-8")
    key_file.chmod(0o600)
    os.environ[KEY_FILE_ENV] = str(key_file)
    try:
        db = open_database(staging, database_url)
    finally:
        if previous_key_env is None:
            os.environ.pop(KEY_FILE_ENV, None)
        else:
            os.environ[KEY_FILE_ENV] = previous_key_env
        key_file.unlink()
    try:
        with db.engine.begin() as connection:
            _check_empty(connection)
            connection.exec_driver_sql("DELETE FROM audit_chain_head")
            with tarfile.open(fileobj=reader, mode="r|") as archive:  # type: ignore[call-overload]
                for member in archive:
                    name = member.name
                    extracted = archive.extractfile(member) if member.isfile() else None
                    if extracted is None:
                        continue
                    if name == "manifest.json":
                        manifest = json.loads(extracted.read().decode("utf-8"))
                        if manifest.get("schema") != HEAD_REVISION:
                            raise BackupError(_("Bản sao lưu thuộc phiên bản cơ sở dữ liệu {schema}; phiên bản này "
                                                "cần {head}", schema=str(manifest.get("schema")), head=HEAD_REVISION))
                    elif name.startswith("db/"):
                        table = tables.get(name.split("/")[1])
                        if table is None:
                            raise BackupError(_("Bản sao lưu có bảng lạ {name}", name=name.split("/")[1]))
                        rows = [{key: _decode(value) for key, value in json.loads(line).items()}
                                for line in extracted.read().decode("utf-8").splitlines() if line]
                        if rows:
                            connection.execute(insert(table), rows)
                        counts[table.name] = counts.get(table.name, 0) + len(rows)
                    elif name.startswith("files/"):
                        target = (staging.root / name[len("files/"):]).resolve()
                        if not target.is_relative_to(staging.root.resolve()) or target == staging.root.resolve():
                            raise BackupError(_("Bản sao lưu có đường dẫn tệp không hợp lệ"))
                        target.parent.mkdir(parents=True, exist_ok=True)
                        with target.open("wb") as out:
                            shutil.copyfileobj(extracted, out)
                        target.chmod(0o600)
                        files += 1
            expected = {name: n for name, n in (manifest or {}).get("tables", {}).items() if n}
            if manifest is None or expected != counts or manifest.get("files") != files:
                raise BackupError(_("Bản sao lưu không đầy đủ (thiếu bảng hoặc tệp so với mục lục)"))
            if connection.dialect.name == "postgresql":
                _reset_sequences(connection)
    finally:
        db.dispose()
    return BackupSummary(source, counts.get("cases", 0), counts.get("audit_entries", 0), files)


def _check_empty(connection: Connection) -> None:
    for name in ("cases", "officers", "audit_entries"):
        if connection.execute(text(f"SELECT 1 FROM {name} LIMIT 1")).first() is not None:
            raise BackupError(_("Cơ sở dữ liệu đích đã có dữ liệu; chỉ khôi phục vào cơ sở dữ liệu trống"))


def _reset_sequences(connection: Connection) -> None:
    for table in _tables():
        key = list(table.primary_key.columns)
        if len(key) == 1 and key[0].autoincrement is not False and key[0].type.python_type is int:
            column = key[0].name
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column}'), "
                f"COALESCE((SELECT MAX({column}) FROM {table.name}), 0) + 1, false) "
                f"WHERE pg_get_serial_sequence('{table.name}', '{column}') IS NOT NULL")


def _move_into(staging: Path, home: Home) -> None:
    """Move the rebuilt desk into the home; the database file last, so a crash leaves no half desk."""
    home.ensure()
    items = sorted(staging.iterdir(), key=lambda p: p.name == "officer-desk.db")
    for item in items:
        if item.name in ("db.key",):
            continue
        target = home.root / item.name
        if target.exists():
            if target.is_dir() and item.is_dir():
                shutil.copytree(item, target, dirs_exist_ok=True)
                continue
            raise BackupError(_("Không khôi phục được: {name} đã có trong thư mục đích", name=item.name))
        os.replace(item, target)
