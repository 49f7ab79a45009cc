"""The signed QR payload printed on every document, and the per-desk Ed25519 keys that sign it.

Payload (all in the QR alphanumeric alphabet, so the symbol stays small; see docs/receipt-qr.md)::

    ODR1:<type>:<dossier>:<name hash>:<appointment>:<desk id>:<key id>:<issued>:<signature>

- ``type``: one letter (R receipt, S supplement, F refusal, A apology, T return, C control);
- ``dossier``: the dossier code when it is made of ``0-9 A-Z . - /``, else ``$`` + Base32 of its UTF-8;
- ``name hash``: Base32 of the first 10 bytes of SHA-256("ODR1|" + dossier + "|" + name), the name
  NFC-normalised (``officer_desk.text.nfc``) and case-folded;
- ``appointment`` ``YYMMDDHHMM`` and ``issued`` ``YYMMDDHHMMSS``, Vietnam time (UTC+07:00); the
  appointment is empty for documents without one;
- ``desk id``: the issuing desk's name for its QR key (``0-9 A-Z . -``); ``key id``: the first 6
  Base32 characters of SHA-256 of the desk's raw Ed25519 public key. A verifier tries the trusted keys
  matching either, so a payload altered in one of them still counts as tampered, not as foreign;
- ``signature``: Base32 (no padding) of the Ed25519 signature of every byte before it (including the
  last colon), made with the issuing desk's private QR key.

Each desk keeps its private key in ``<home>/keystore/qr-desk.key`` (owner-only) and trusts the public
keys of other desks imported into ``<home>/trust/qr-keys/`` as one-line ``ODK1:`` texts.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import segno
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from segno import consts as segno_consts
from segno import encoder

from officer_desk.errors import DeskError, InputError
from officer_desk.fileio import write_bytes_atomic, write_text_atomic
from officer_desk.i18n import _
from officer_desk.paths import Home
from officer_desk.text import nfc

PREFIX = "ODR1:"
KEY_PREFIX = "ODK1:"
VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")
"""Vietnam has kept UTC+07:00 without daylight saving time since 1975."""

TYPE_LETTERS: dict[str, str] = {
    "receipt": "R",
    "supplement": "S",
    "refusal": "F",
    "apology": "A",
    "return": "T",
    "control": "C",
}
LETTER_TYPES = {letter: doc_type for doc_type, letter in TYPE_LETTERS.items()}

NAME_HASH_BYTES = 10
KEY_ID_LENGTH = 6
DESK_ID_RE = re.compile(r"^[0-9A-Z][0-9A-Z.\-]{0,31}$")
_PLAIN_CODE_RE = re.compile(r"^[0-9A-Z.\-/]{1,64}$")
_B32_RE = re.compile(r"^[A-Z2-7]+$")
_OUR_FAMILY_RE = re.compile(r"^ODR\d+:")

QrStatus = Literal["genuine", "tampered", "unknown_issuer", "not_ours"]


class QrKeyError(DeskError):
    """The desk's QR key is missing, unreadable or conflicts with another; nothing was signed."""

    code = "qr_key"
    exit_code = 2


# --------------------------------------------------------------------------------------------
# Encoding helpers


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _unb32(text: str) -> bytes:
    if not _B32_RE.match(text):
        raise ValueError("not base32")
    data = base64.b32decode(text + "=" * (-len(text) % 8))
    # The last character also carries unused padding bits: only the canonical spelling is accepted,
    # so that changing any character of a printed payload is detected.
    if _b32(data) != text:
        raise ValueError("non-canonical base32")
    return data


def _encode_code(dossier_code: str) -> str:
    code = nfc(dossier_code)
    if _PLAIN_CODE_RE.match(code):
        return code
    return "$" + _b32(code.encode("utf-8"))


def _decode_code(field_text: str) -> str:
    if field_text.startswith("$"):
        return _unb32(field_text[1:]).decode("utf-8")
    if not _PLAIN_CODE_RE.match(field_text):
        raise ValueError("bad dossier code")
    return field_text


def name_key(name: str) -> str:
    """The comparison form of an applicant's name used in the hash: NFC, single spaces, case-folded."""
    return nfc(name).casefold()


def name_hash(dossier_code: str, applicant_name: str) -> str:
    """The payload's name field: salted with the dossier code so equal names give different hashes."""
    material = f"ODR1|{nfc(dossier_code)}|{name_key(applicant_name)}".encode()
    return _b32(hashlib.sha256(material).digest()[:NAME_HASH_BYTES])


def _fmt_time(value: datetime | None, with_seconds: bool) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:
        raise InputError(_("Thời điểm trong mã QR phải có múi giờ"))
    local = value.astimezone(VIETNAM_TIME)
    return local.strftime("%y%m%d%H%M%S" if with_seconds else "%y%m%d%H%M")


def _parse_time(text: str, with_seconds: bool) -> datetime | None:
    if text == "":
        return None
    expected = 12 if with_seconds else 10
    if len(text) != expected or not text.isdigit():
        raise ValueError("bad time")
    # "20" + YY: the two-digit year means 2000-2099 (strptime's %y pivots at 69, so a 2069 appointment
    # came back as 1969 — found by the property test of the codec)
    fmt = "%Y%m%d%H%M%S" if with_seconds else "%Y%m%d%H%M"
    return datetime.strptime("20" + text, fmt).replace(tzinfo=VIETNAM_TIME)


def to_vietnam_time(value: datetime) -> datetime:
    return value.astimezone(VIETNAM_TIME)


# --------------------------------------------------------------------------------------------
# Keys


@dataclass(frozen=True)
class PublicKeyRecord:
    """A desk's public QR key as exchanged between desks (one ``ODK1:`` line)."""

    desk_id: str
    public_bytes: bytes

    @property
    def fingerprint(self) -> str:
        return _b32(hashlib.sha256(self.public_bytes).digest()[:5])

    @property
    def key_id(self) -> str:
        """The key's short name in payloads (first 6 characters of the fingerprint)."""
        return self.fingerprint[:KEY_ID_LENGTH]

    @property
    def text(self) -> str:
        """``ODK1:<desk id>:<Base32 public key>:<fingerprint>`` (also fits in a QR code)."""
        return f"{KEY_PREFIX}{self.desk_id}:{_b32(self.public_bytes)}:{self.fingerprint}"

    @classmethod
    def parse(cls, text: str) -> PublicKeyRecord:
        parts = text.strip().split(":")
        try:
            if len(parts) != 4 or parts[0] + ":" != KEY_PREFIX or not DESK_ID_RE.match(parts[1]):
                raise ValueError("format")
            raw = _unb32(parts[2])
            Ed25519PublicKey.from_public_bytes(raw)
            record = cls(parts[1], raw)
            if record.fingerprint != parts[3]:
                raise ValueError("fingerprint")
        except ValueError as exc:
            raise InputError(
                _("Khóa công khai QR không hợp lệ (cần một dòng dạng ODK1:MÃ-QUẦY:KHÓA:VÂN-TAY)"),
                code="qr_key_invalid",
            ) from exc
        return record


class QrKeyring:
    """The desk's private QR key and the public keys of the desks whose documents it accepts."""

    KEY_FILE = "qr-desk.key"
    TRUST_DIR = "qr-keys"
    KEY_FORMAT = "officer-desk/qr-desk-key/1"

    def __init__(self, home: Home | Path | None = None) -> None:
        self.home = home if isinstance(home, Home) else Home(home)
        self._private: Ed25519PrivateKey | None = None
        self._desk_id: str | None = None
        self._trusted: list[PublicKeyRecord] | None = None
        self._trusted_stamp: tuple[int, int] = (0, 0)

    @property
    def private_key_path(self) -> Path:
        return self.home.keystore / self.KEY_FILE

    @property
    def trust_dir(self) -> Path:
        return self.home.trust / self.TRUST_DIR

    # -- the desk's own key ------------------------------------------------------------------

    def has_desk_key(self) -> bool:
        return self.private_key_path.is_file()

    def _load_private(self) -> tuple[str, Ed25519PrivateKey]:
        if self._private is not None and self._desk_id is not None:
            return self._desk_id, self._private
        path = self.private_key_path
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != self.KEY_FORMAT:
                raise ValueError("format")
            desk_id = str(data["desk_id"])
            key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(data["private_key"]))
        except FileNotFoundError as exc:
            raise QrKeyError(
                _("Quầy chưa có khóa ký mã QR ({path}); hãy tạo khóa trong phần cài đặt", path=path)
            ) from exc
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise QrKeyError(_("Không đọc được khóa ký mã QR {path}", path=path)) from exc
        self._desk_id, self._private = desk_id, key
        return desk_id, key

    @property
    def desk_id(self) -> str:
        return self._load_private()[0]

    def create_desk_key(self, desk_id: str, *, replace: bool = False) -> PublicKeyRecord:
        """Create this desk's key pair; an existing key is kept unless ``replace``.

        On replacement the old public key stays trusted, so documents already issued still verify.
        """
        desk_id = desk_id.strip().upper()
        if not DESK_ID_RE.match(desk_id):
            raise InputError(
                _("Mã quầy {desk_id} không hợp lệ: chỉ dùng chữ in hoa không dấu, số, dấu chấm và gạch ngang "
                  "(tối đa 32 ký tự)", desk_id=desk_id)
            )
        if self.has_desk_key():
            old = self.own_public_key()
            if not replace:
                if old.desk_id != desk_id:
                    raise QrKeyError(
                        _("Quầy đã có khóa QR mang mã {old}; không tạo khóa mới cho {new}", old=old.desk_id,
                          new=desk_id)
                    )
                return old
            self.import_public_key(old.text)
        key = Ed25519PrivateKey.generate()
        payload = {
            "format": self.KEY_FORMAT,
            "desk_id": desk_id,
            "private_key": base64.b64encode(key.private_bytes_raw()).decode("ascii"),
            "created_at": datetime.now(VIETNAM_TIME).isoformat(timespec="seconds"),
        }
        self.home.keystore.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            self.home.keystore.chmod(0o700)
        write_text_atomic(self.private_key_path, json.dumps(payload) + "\n", private=True)
        self._private, self._desk_id, self._trusted = key, desk_id, None
        return self.own_public_key()

    def ensure_desk_key(self, desk_id: str) -> PublicKeyRecord:
        """The desk's public key, creating the key pair on first use."""
        return self.create_desk_key(desk_id, replace=False)

    def own_public_key(self) -> PublicKeyRecord:
        desk_id, key = self._load_private()
        return PublicKeyRecord(desk_id, key.public_key().public_bytes_raw())

    def sign(self, message: bytes) -> bytes:
        return self._load_private()[1].sign(message)

    # -- trusted public keys -------------------------------------------------------------------

    def import_public_key(self, text: str) -> PublicKeyRecord:
        """Trust another desk's public key (the ``ODK1:`` line it exported)."""
        record = PublicKeyRecord.parse(text)
        self.trust_dir.mkdir(parents=True, exist_ok=True)
        path = self.trust_dir / f"{record.desk_id}-{record.fingerprint}.odk"
        write_bytes_atomic(path, (record.text + "\n").encode("ascii"))
        self._trusted = None
        return record

    def remove_public_key(self, desk_id: str, fingerprint: str | None = None) -> int:
        """Stop trusting a desk's keys (all of them, or the one with ``fingerprint``); returns how many."""
        removed = 0
        for path in self._key_files():
            record = self._read_key_file(path)
            if record and record.desk_id == desk_id and fingerprint in (None, record.fingerprint):
                path.unlink()
                removed += 1
        self._trusted = None
        return removed

    def _key_files(self) -> list[Path]:
        try:
            return sorted(p for p in self.trust_dir.iterdir() if p.suffix == ".odk")
        except FileNotFoundError:
            return []

    @staticmethod
    def _read_key_file(path: Path) -> PublicKeyRecord | None:
        try:
            return PublicKeyRecord.parse(path.read_text(encoding="ascii"))
        except (OSError, UnicodeDecodeError, InputError):
            return None  # a damaged file trusts nothing; list_public_keys shows what is usable

    def list_public_keys(self) -> list[PublicKeyRecord]:
        """Imported keys (not including this desk's own)."""
        return [r for r in (self._read_key_file(p) for p in self._key_files()) if r is not None]

    def trusted_records(self) -> list[PublicKeyRecord]:
        """Every key whose payloads verify here: the imported ones and this desk's own."""
        stamp = self._trust_stamp()
        if self._trusted is None or stamp != self._trusted_stamp:
            self._trusted_stamp = stamp
            records = self.list_public_keys()
            if self.has_desk_key():
                with contextlib.suppress(QrKeyError):
                    records.append(self.own_public_key())
            self._trusted = records
        return self._trusted

    def _trust_stamp(self) -> tuple[int, int]:
        """Changes when another process imports or removes keys, so the cache is re-read."""
        stamps = []
        for path in (self.trust_dir, self.private_key_path):
            try:
                stamps.append(path.stat().st_mtime_ns)
            except OSError:
                stamps.append(0)
        return stamps[0], stamps[1]

    def candidates(self, desk_id: str, key_id: str) -> list[PublicKeyRecord]:
        """Trusted keys that may have signed a payload naming ``desk_id`` and ``key_id``."""
        return [r for r in self.trusted_records() if r.desk_id == desk_id or r.key_id == key_id]


# --------------------------------------------------------------------------------------------
# Payload


def make_payload(
    *,
    doc_type: str,
    dossier_code: str,
    applicant_name: str,
    appointment: datetime | None,
    issued_at: datetime,
    keyring: QrKeyring,
) -> str:
    """The signed payload text for one document (see the module docstring for the format)."""
    if doc_type not in TYPE_LETTERS:
        raise InputError(_("Loại phiếu không hợp lệ: {doc_type}", doc_type=doc_type))
    own = keyring.own_public_key()
    body = PREFIX + ":".join(
        [
            TYPE_LETTERS[doc_type],
            _encode_code(dossier_code),
            name_hash(dossier_code, applicant_name),
            _fmt_time(appointment, with_seconds=False),
            own.desk_id,
            own.key_id,
            _fmt_time(issued_at, with_seconds=True),
        ]
    ) + ":"
    return body + _b32(keyring.sign(body.encode("ascii")))


@dataclass(frozen=True)
class QrVerdict:
    """What a payload says and whether its signature holds.

    ``status``: genuine (a trusted desk signed exactly this), tampered (our format but altered,
    malformed or signed by another key than the named desk's), unknown_issuer (well formed, but no key
    of the named desk is trusted here), not_ours (no payload of ours).
    """

    status: QrStatus
    reason: str
    fields: dict[str, str | None] = field(default_factory=dict)
    payload: str = ""

    @property
    def exit_code(self) -> int:
        return {"genuine": 0, "tampered": 1, "unknown_issuer": 2, "not_ours": 3}[self.status]

    def matches_name(self, applicant_name: str) -> bool | None:
        """Whether ``applicant_name`` is the name the payload was issued for (None: no hash)."""
        code, digest = self.fields.get("dossier_code"), self.fields.get("name_hash")
        if not code or not digest:
            return None
        return name_hash(code, applicant_name) == digest

    def as_dict(self) -> dict[str, object]:
        return {"status": self.status, "reason": self.reason, "fields": dict(self.fields), "payload": self.payload}


def parse_payload(text: str) -> dict[str, str | None]:
    """The fields of a well-formed ``ODR1:`` payload (signature unchecked); ValueError if malformed."""
    if not text.startswith(PREFIX):
        raise ValueError("prefix")
    parts = text[len(PREFIX):].split(":")
    if len(parts) != 8:
        raise ValueError("field count")
    letter, code_field, digest, appointment, desk_id, key_id, issued, signature = parts
    if letter not in LETTER_TYPES:
        raise ValueError("type")
    if len(digest) != 16 or not _B32_RE.match(digest):
        raise ValueError("name hash")
    if not DESK_ID_RE.match(desk_id):
        raise ValueError("desk id")
    if len(key_id) != KEY_ID_LENGTH or not _B32_RE.match(key_id):
        raise ValueError("key id")
    if len(_unb32(signature)) != 64:
        raise ValueError("signature length")
    appointment_time = _parse_time(appointment, with_seconds=False)
    issued_time = _parse_time(issued, with_seconds=True)
    if issued_time is None:
        raise ValueError("issued")
    return {
        "doc_type": LETTER_TYPES[letter],
        "dossier_code": _decode_code(code_field),
        "name_hash": digest,
        "appointment": appointment_time.isoformat() if appointment_time else None,
        "desk_id": desk_id,
        "key_id": key_id,
        "issued_at": issued_time.isoformat(),
    }


def verify_payload(text: str, keyring: QrKeyring) -> QrVerdict:
    """Check a payload against the keys this desk trusts."""
    text = text.strip()
    if not _OUR_FAMILY_RE.match(text):
        return QrVerdict("not_ours", _("Không phải mã QR của phiếu một cửa"), payload=text)
    if not text.startswith(PREFIX):
        return QrVerdict("not_ours", _("Mã QR thuộc phiên bản chưa được hỗ trợ"), payload=text)
    try:
        fields = parse_payload(text)
    except (ValueError, UnicodeDecodeError):
        return QrVerdict("tampered", _("Mã QR bị sửa hoặc hỏng: không đọc được nội dung"), payload=text)
    desk_id, key_id = str(fields["desk_id"]), str(fields["key_id"])
    candidates = keyring.candidates(desk_id, key_id)
    if not candidates:
        return QrVerdict(
            "unknown_issuer",
            _("Không có khóa công khai của quầy {desk_id}: chưa xác minh được nguồn phát hành", desk_id=desk_id),
            fields,
            text,
        )
    cut = text.rindex(":") + 1
    message, signature = text[:cut].encode("ascii"), _unb32(text[cut:])
    for record in candidates:
        try:
            Ed25519PublicKey.from_public_bytes(record.public_bytes).verify(signature, message)
        except InvalidSignature:
            continue
        if record.desk_id != desk_id or record.key_id != key_id:
            # A trusted key signed, but under another desk's name: not what the paper claims.
            return QrVerdict("tampered", _("Mã QR ghi quầy {desk_id} nhưng do khóa của quầy {signer} ký",
                                           desk_id=desk_id, signer=record.desk_id), fields, text)
        return QrVerdict("genuine", _("Phiếu do quầy {desk_id} phát hành, nội dung nguyên vẹn", desk_id=desk_id),
                         fields, text)
    return QrVerdict("tampered", _("Chữ ký của mã QR không khớp nội dung: phiếu đã bị sửa"), fields, text)


# --------------------------------------------------------------------------------------------
# Symbol


# One fixed mask instead of segno scoring all eight (~80% of making the symbol: ~20 ms -> ~3 ms a receipt).
# bench/bench_qr_mask.py, 100 signed payloads photographed tilted, blurred, JPEG 50 and decoded by zxing-cpp:
# mask 3 decoded as often as segno's own choice wherever that one did (142-150 px: 100% vs 99%) and more
# often at the edge of legibility (140 px: 31% vs 21%); see bench/README.md, "Receipts".
QR_MASK = 3
# segno's encoder internals, used below; its type stubs describe only the public API.
_SYMBOL_CAPACITY: Any = segno_consts.SYMBOL_CAPACITY
_QR_CODE: Any = segno.QRCode


def qr_symbol(payload: str, error: str = "m") -> segno.QRCode:
    """The QR symbol for a payload (alphanumeric mode; error level boosted when it costs nothing).

    The same symbol as ``segno.make(payload, error=error, micro=False, boost_error=True, mask=QR_MASK)``
    (a test compares them module by module), built faster: segno encodes the data and its error
    correction, but the modules are placed through a per-version list of data positions with the mask
    already applied, instead of segno walking the whole matrix twice (placement, then mask) per symbol.
    """
    segments = encoder.prepare_data(payload, None, None)
    level = encoder.normalize_errorlevel(error)
    version = encoder.find_version(segments, level, eci=False, micro=False)
    level = encoder.boost_error_level(version, level, segments, False)
    buffer = encoder.Buffer()
    version_range = encoder.version_range(version)
    for segment in segments:
        encoder.write_segment(buffer, segment, None, version_range, False)
    capacity = _SYMBOL_CAPACITY[version][level]
    encoder.write_terminator(buffer, capacity, None, len(buffer))
    encoder.write_padding_bits(buffer, version, len(buffer))
    encoder.write_pad_codewords(buffer, version, capacity, len(buffer))
    bits = encoder.make_final_message(version, level, buffer).getbits()
    base, cells = _symbol_layout(version, level, QR_MASK)
    matrix = tuple(bytearray(row) for row in base)
    for (i, j, mask), bit in zip(cells, bits, strict=True):
        if bit != mask:
            matrix[i][j] = 1
    return _QR_CODE(encoder.Code(matrix, version, level, QR_MASK, segments))


@lru_cache(maxsize=32)
def _symbol_layout(version: int, level: int, mask: int) -> tuple[tuple[bytes, ...], tuple[tuple[int, int, int], ...]]:
    """A symbol's fixed modules (finder, timing, alignment, format and version patterns; data modules
    light) and its data modules in segno's placement order, each with its mask bit."""
    width = encoder.calc_matrix_size(version)
    matrix = encoder.make_matrix(width, width)
    encoder.add_finder_patterns(matrix, width, width)
    encoder.add_alignment_patterns(matrix, width, width)
    # segno's add_codewords walk (ISO/IEC 18004:2015, 7.7.3): two-module columns from the right,
    # alternately upwards and downwards, skipping the vertical timing pattern.
    pattern = encoder.get_data_mask_functions(False)[mask]
    cells: list[tuple[int, int, int]] = []
    for right in range(width - 1, 0, -2):
        if right <= 6:
            right -= 1
        for vertical in range(width):
            for z in (0, 1):
                j = right - z
                upwards = ((right & 2) == 0) ^ (j < 6)
                i = (width - 1 - vertical) if upwards else vertical
                if matrix[i][j] == 0x2:
                    cells.append((i, j, int(bool(pattern(i, j)))))
                    matrix[i][j] = 0x0
    encoder.add_format_info(matrix, version, level, mask)
    encoder.add_version_info(matrix, version)
    return tuple(bytes(row) for row in matrix), tuple(cells)


def dark_runs(symbol: segno.QRCode) -> Iterable[tuple[int, int, int]]:
    """The symbol's dark modules as horizontal runs ``(row, first column, length)``, no border."""
    for row, line in enumerate(symbol.matrix):
        start = -1
        for col, value in enumerate(line):
            if value and start < 0:
                start = col
            elif not value and start >= 0:
                yield row, start, col - start
                start = -1
        if start >= 0:
            yield row, start, len(line) - start


def desk_id_for(agency_id: str, desk_number: int | str) -> str:
    """A default desk id: the agency identifier and the desk number (``000.00.01.X99-Q03``)."""
    cleaned = re.sub(r"[^0-9A-Z.\-]", "", nfc(agency_id).upper())[:26] or "DESK"
    number = str(desk_number).strip()
    number = f"{int(number):02d}" if number.isdigit() else re.sub(r"[^0-9A-Z]", "", number.upper())[:4]
    return f"{cleaned}-Q{number}"
