"""Bundles for removable media: a desk's changes as one file, encrypted to the receiving identity and
signed by the sender.

Layout: ``ODBUNDLE1\\n`` · header length (4 bytes) · header JSON (bundle id, sender, recipient, the
ephemeral X25519 key, nonce) · AES-256-GCM ciphertext (key: HKDF over X25519(ephemeral, recipient);
the header is authenticated data) · Ed25519 signature of everything before it (64 bytes).
A bundle is applied in one transaction with the rules of ``sync``; its id is recorded so the same
bundle twice is applied once (replay guard). Import at a center answers with a return bundle.
The file, its header and its inflated content are bounded (``officer_desk.sync.limits``).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import re
import secrets
import struct
import uuid
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import func, or_, select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

import officer_desk.sync.bulk as bulk
import officer_desk.sync.bundle_acks as acks
import officer_desk.sync.limits as limits
import officer_desk.sync.state as st
from officer_desk.attachments import AttachmentStore
from officer_desk.audit import audit
from officer_desk.desk import Desk
from officer_desk.errors import DeskError, InputError
from officer_desk.fileio import write_bytes_atomic
from officer_desk.i18n import _
from officer_desk.models import AppliedBundle, Attachment, Case, CaseRoute, Finding, OutboxItem, SyncBase
from officer_desk.models.statistics import optimize
from officer_desk.sync.engine import record_conflict
from officer_desk.sync.identity import DeskIdentity, PublicIdentity, load_identity, trusted_identities, trusted_identity

MAGIC = b"ODBUNDLE1\n"
_SIGNATURE = 64
_BUNDLE_ID = re.compile(r"[0-9a-f]{32}")
# What malformed content raises while it is decoded or applied: judged as "refused", never as "internal".
_UNREADABLE = (OSError, EOFError, zlib.error, ValueError, RecursionError)  # gzip, UTF-8, JSON
_MALFORMED = (KeyError, IndexError, TypeError, ValueError, AttributeError, RecursionError, IntegrityError, DataError)
# Columns a bundle may set on the rows it adds (never their own ids or the case they belong to).
_ATTACHMENT_FIELDS = frozenset(Attachment.__table__.columns.keys()) - {"id", "case_id"}
_FINDING_FIELDS = frozenset(Finding.__table__.columns.keys()) - {"id", "case_id"}
_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_CHUNK = 200  # cases loaded, written and merged together


class NotABundleError(DeskError):
    code = "not_a_bundle"
    exit_code = 2


class BundleRefusedError(DeskError):
    code = "bundle_refused"
    exit_code = 1


@dataclass
class BundleResult:
    applied: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    already_applied: bool = False
    sender: str = ""  # the desk id whose signature was checked (the return bundle goes there, nowhere else)
    superseded: bool = False  # older than a bundle already applied from the same desk: nothing new in it

    def as_json(self) -> dict[str, object]:
        return {"applied": self.applied, "conflicts": self.conflicts}


def _identity(desk: Desk) -> DeskIdentity:
    return load_identity(desk.home, desk.config, set_up=desk.set_up)


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                info=b"officer-desk bundle v1").derive(shared)


def _recipient(desk: Desk, to: str | None) -> PublicIdentity:
    if to:
        found = trusted_identity(desk.db, to)
        if found is None:
            raise InputError(_("Định danh {id} chưa được tin cậy trên quầy này", id=to))
        return found
    trusted = trusted_identities(desk.db)
    if len(trusted) != 1:
        raise InputError(_("Quầy tin cậy nhiều hoặc không có định danh nào: dùng --to để chọn nơi nhận"))
    return trusted[0]


def _cases_for(desk: Desk, session: Session, recipient: PublicIdentity, up_to: int) -> list[str]:
    """Pending (or sent, not yet confirmed) changes; at a center also the cases belonging to the recipient
    (those changed since it confirmed one of our bundles, or all of them: ``bundle_acks``)."""
    codes = list(dict.fromkeys(session.execute(
        select(OutboxItem.entity_id).where(OutboxItem.status.in_(("pending", "sent")), OutboxItem.id <= up_to)
        .order_by(OutboxItem.id)).scalars()))
    query = select(CaseRoute.dossier_code).where(CaseRoute.desk_id == recipient.desk_id)
    since = acks.acked_since(session, recipient.desk_id)
    if since is not None:
        query = query.join(Case, Case.dossier_code == CaseRoute.dossier_code).where(
            or_(Case.updated_at > since, CaseRoute.routed_at > since))
    routed = session.execute(query.order_by(CaseRoute.dossier_code)).scalars()
    return list(dict.fromkeys([*codes, *routed]))


def export_bundle(desk: Desk, out: Path, to: str | None = None) -> list[str]:
    """Write the bundle for ``to`` (or the only trusted identity); returns the codes it holds."""
    identity = _identity(desk)
    recipient = _recipient(desk, to)
    store = AttachmentStore(desk.db)
    with desk.db.session() as session:
        started = datetime.now(UTC)
        # Only the items read now are marked sent below: a change made while the bundle is written (another
        # desk on the same PostgreSQL) is not in it and stays pending.
        up_to = session.execute(select(func.max(OutboxItem.id))).scalar() or 0
        codes = _cases_for(desk, session, recipient, up_to)
        cases: list[dict[str, Any]] = []
        digests: set[str] = set()
        for start in range(0, len(codes), _CHUNK):
            chunk = codes[start:start + _CHUNK]
            loaded = st.load_cases(session, chunk)
            bases = {row.dossier_code: dict(row.state) for row in session.execute(
                select(SyncBase).where(SyncBase.dossier_code.in_(chunk))).scalars()} if desk.db.is_local else {}
            for code in chunk:
                if code not in loaded:
                    continue
                wire = st.case_wire(loaded[code], identity.desk_id)
                wire["base"] = bases.get(code)
                cases.append(wire)
                digests.update(item["content_sha256"] for item in wire["attachments"] if item.get("content_sha256"))
            session.expunge_all()  # a bundle of many cases does not keep them all in the session
        blobs = {digest: base64.b64encode(data).decode() for digest, data in store.get_many(session, digests).items()}
        content: dict[str, Any] = {"cases": cases, "blobs": blobs,
                                   "acked": acks.last_applied_from(session, recipient.desk_id)}
        try:  # never write what the receiver would refuse; nothing is marked sent
            limits.check_counts(content)
            plain = json.dumps(content, ensure_ascii=False).encode()
            del content, blobs
            payload = gzip.compress(plain)
            limits.check_payload_size(len(plain), len(payload))
            del plain
        except limits.BundleTooLargeError as exc:
            raise limits.BundleTooLargeError(_(
                "Các thay đổi chờ gửi vượt giới hạn của một gói dữ liệu ({size} MiB, {cases} hồ sơ, {attachment} MiB "
                "mỗi tệp đính kèm); chưa ghi gì, các thay đổi vẫn chờ: hãy đồng bộ qua mạng",
                size=limits.MAX_PAYLOAD_BYTES // limits.MIB, cases=limits.MAX_CASES,
                attachment=limits.MAX_ATTACHMENT_BYTES // limits.MIB)) from exc
        ephemeral = X25519PrivateKey.generate()
        ephemeral_pub = ephemeral.public_key().public_bytes(_RAW, _RAW_PUB)
        key = _key(ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient.encryption_key)), ephemeral_pub,
                   recipient.encryption_key)
        nonce = secrets.token_bytes(12)
        bundle_id = uuid.uuid4().hex
        header = json.dumps({"bundle_id": bundle_id, "sender": identity.desk_id,
                             "recipient": recipient.desk_id, "created_at": datetime.now(UTC).isoformat(),
                             "ephemeral": ephemeral_pub.hex(), "nonce": nonce.hex(), "cases": len(cases),
                             "sequence": acks.next_sequence(session, started)}).encode()
        body = MAGIC + struct.pack(">I", len(header)) + header + AESGCM(key).encrypt(nonce, payload, header)
        try:
            write_bytes_atomic(out, body + identity.signing.sign(body), private=True)
        except OSError as exc:  # nothing is marked sent: the changes stay pending
            raise InputError(_("Không ghi được gói dữ liệu vào {path}", path=str(out))) from exc
        for item in session.execute(select(OutboxItem).where(OutboxItem.status == "pending",
                                                              OutboxItem.id <= up_to)).scalars():
            item.status = "sent"
            item.last_error = ""
        acks.record_export(session, bundle_id, recipient.desk_id, started)
        audit(session, desk.officer, "bundle.exported", "identity", recipient.desk_id,
              desk=desk.config.desk_number, cases=len(cases))
    return [c["code"] for c in cases]


def _read(data: bytes) -> tuple[dict[str, Any], bytes, bytes, bytes]:
    if not data.startswith(MAGIC):
        raise NotABundleError(_("Tệp này không phải là gói dữ liệu của Officer Desk"))
    # From here on the file says it is a bundle: whatever is wrong with it is "truncated or altered" (exit 1).
    start = len(MAGIC) + 4
    length = struct.unpack(">I", data[len(MAGIC):start])[0] if len(data) >= start else len(data)
    if length > limits.MAX_HEADER_BYTES or start + length + 16 + _SIGNATURE > len(data):
        raise BundleRefusedError(_("Gói dữ liệu bị cắt cụt hoặc bị sửa đổi; không áp dụng gì"))
    header_bytes = data[start:start + length]
    try:
        header = json.loads(header_bytes)  # unauthenticated yet: deep nesting raises RecursionError
        if not isinstance(header, dict):
            raise ValueError("header")
    except (ValueError, RecursionError) as exc:
        raise BundleRefusedError(_("Gói dữ liệu bị cắt cụt hoặc bị sửa đổi; không áp dụng gì")) from exc
    return header, header_bytes, data[:-_SIGNATURE], data[-_SIGNATURE:]


def _check_payload(payload: object) -> dict[str, Any]:
    """The decrypted content's shape, and every attachment equal to its digest, before anything is written.

    A signed bundle comes from a trusted desk, but a bug there (or its keys in the wrong hands) must not
    reach the database as half a case or end the import with an internal error.
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("cases"), list):
        raise ValueError("payload")
    blobs = payload.setdefault("blobs", {})
    if not isinstance(blobs, dict):
        raise ValueError("blobs")
    limits.check_counts(payload)
    for digest, encoded in blobs.items():
        if not isinstance(encoded, str):
            raise ValueError("blob")
        data = base64.b64decode(encoded, validate=True)
        if len(data) > limits.MAX_BLOB_BYTES:
            raise limits.blob_too_large()
        if hashlib.sha256(data).hexdigest() != digest:
            raise ValueError("blob")
    for wire in payload["cases"]:
        if not isinstance(wire, dict) or not isinstance(wire.get("code"), str) or not wire["code"]:
            raise ValueError("case")
        for key, kind in (("columns", dict), ("state", dict), ("events", list), ("attachments", list),
                          ("findings", list)):
            items = wire.get(key)
            if not isinstance(items, kind) or (kind is list and not all(isinstance(i, dict) for i in items)):
                raise ValueError(key)
        if not set(wire["columns"]) <= set(st.CASE_COLUMNS) or wire.get("base") is not None \
                and not isinstance(wire["base"], dict):
            raise ValueError("columns")
        for item in wire["attachments"]:
            if not set(item) <= _ATTACHMENT_FIELDS or item.get("content_sha256") and \
                    item["content_sha256"] not in blobs:
                raise ValueError("attachment")
        if any(not set(item) <= _FINDING_FIELDS for item in wire["findings"]):
            raise ValueError("finding")
    return payload


def _read_file(path: Path) -> bytes:
    """The file's bytes, refused before it is read whole when it is larger than any bundle may be."""
    try:
        with path.open("rb") as stream:
            start = stream.read(len(MAGIC))
            if start != MAGIC:
                raise NotABundleError(_("Tệp này không phải là gói dữ liệu của Officer Desk"))
            size = stream.seek(0, io.SEEK_END)
            if size > limits.MAX_FILE_BYTES:
                raise limits.BundleTooLargeError(_("Gói dữ liệu lớn hơn giới hạn {limit} MiB; không áp dụng gì",
                                                   limit=limits.MAX_FILE_BYTES // limits.MIB))
            stream.seek(0)
            return stream.read(limits.MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise NotABundleError(_("Không đọc được tệp {path}", path=str(path))) from exc


def import_bundle(desk: Desk, path: Path) -> BundleResult:
    data = _read_file(path)
    header, header_bytes, body, signature = _read(data)
    identity = _identity(desk)
    sender = trusted_identity(desk.db, str(header.get("sender", "")))
    if sender is None:
        raise BundleRefusedError(_("Gói dữ liệu đến từ một quầy chưa được tin cậy; không áp dụng gì"))
    try:
        Ed25519PublicKey.from_public_bytes(sender.signing_key).verify(signature, body)
    except InvalidSignature as exc:
        raise BundleRefusedError(_("Gói dữ liệu bị cắt cụt hoặc bị sửa đổi; không áp dụng gì")) from exc
    if header.get("recipient") != identity.desk_id:
        raise BundleRefusedError(_("Gói dữ liệu này gửi cho một quầy khác; không áp dụng gì"))
    bundle_id = header.get("bundle_id")
    if not isinstance(bundle_id, str) or not _BUNDLE_ID.fullmatch(bundle_id):
        raise BundleRefusedError(_("Gói dữ liệu bị cắt cụt hoặc bị sửa đổi; không áp dụng gì"))
    if _applied(desk, bundle_id):
        return BundleResult(already_applied=True, sender=sender.desk_id)
    sequence = header.get("sequence")
    with desk.db.session() as session:
        if acks.superseded(session, sender.desk_id, sequence):
            return BundleResult(already_applied=True, superseded=True, sender=sender.desk_id)
    try:
        ephemeral = bytes.fromhex(header["ephemeral"])
        key = _key(identity.encryption.exchange(X25519PublicKey.from_public_bytes(ephemeral)), ephemeral,
                   identity.public.encryption_key)
        plain = AESGCM(key).decrypt(bytes.fromhex(header["nonce"]), body[len(MAGIC) + 4 + len(header_bytes):],
                                    header_bytes)
    except (KeyError, TypeError, ValueError, InvalidTag) as exc:
        raise BundleRefusedError(_("Không giải mã được gói dữ liệu; không áp dụng gì")) from exc
    invalid = _("Nội dung gói dữ liệu không hợp lệ; không áp dụng gì")
    try:
        inflated = limits.inflate(plain)
        del plain
        payload = _check_payload(json.loads(inflated))
        del inflated
    except _UNREADABLE as exc:
        raise BundleRefusedError(invalid) from exc
    written: list[Path] = []
    try:
        result = _apply(desk, sender, bundle_id, sequence, payload, written)
    except _MALFORMED as exc:
        # the transaction rolled back; the blobs it wrote beside it go too (nothing half-applied)
        for blob in written:
            blob.unlink(missing_ok=True)
        if isinstance(exc, IntegrityError) and _applied(desk, bundle_id):
            # another desk on the same database applied it meanwhile (PostgreSQL: both passed the check)
            return BundleResult(already_applied=True, sender=sender.desk_id)
        raise BundleRefusedError(invalid) from exc
    optimize(desk.db.engine)  # a bundle can bring thousands of cases: the planner's figures follow
    result.sender = sender.desk_id
    return result


def _applied(desk: Desk, bundle_id: str) -> bool:
    with desk.db.session() as session:
        return session.get(AppliedBundle, bundle_id) is not None


def _apply(desk: Desk, sender: PublicIdentity, bundle_id: str, sequence: object, payload: dict[str, Any],
           written: list[Path]) -> BundleResult:
    result = BundleResult()
    store = AttachmentStore(desk.db)
    blobs: dict[str, str] = payload["blobs"]
    with desk.db.session() as session:
        if session.get(AppliedBundle, bundle_id) is not None:
            # Applied by another process since the check above (SQLite: this transaction waited for its lock).
            return BundleResult(already_applied=True)
        if acks.superseded(session, sender.desk_id, sequence):
            return BundleResult(already_applied=True, superseded=True)
        def put(digest: str) -> None:
            path = store.path_for(digest)
            if desk.db.is_local and not path.exists():
                written.append(path)
            store.put(session, base64.b64decode(blobs[digest]))

        def put_many(digests: Iterable[str]) -> None:
            missing = store.missing(session, digests)
            if desk.db.is_local:
                written.extend(store.path_for(digest) for digest in missing)
            store.put_many(session, {d: base64.b64decode(blobs[d]) for d in missing})

        officers = st.Officers(session)
        wires: list[dict[str, Any]] = payload["cases"]
        for start in range(0, len(wires), _CHUNK):
            chunk = wires[start:start + _CHUNK]
            targets = st.load_cases(session, [wire["code"] for wire in chunk], lock=True)
            # Cases new here are written together (bulk inserts); the others merged one by one.
            fresh = [wire for wire in chunk if wire["code"] not in targets]
            fresh = list({wire["code"]: wire for wire in fresh}.values())
            bulk.insert_cases(session, fresh, officers, put_many)
            bulk.add_routes(session, [wire["code"] for wire in fresh], sender.desk_id)
            if desk.db.is_local:
                bulk.set_bases(session, {wire["code"]: wire["state"] for wire in fresh})
            result.applied.extend(wire["code"] for wire in fresh)
            for wire in chunk:
                if wire["code"] in targets:
                    _merge_one(desk, session, sender, wire, targets[wire["code"]], officers, put, result)
        session.add(AppliedBundle(bundle_id=bundle_id, sender=sender.desk_id, result=result.as_json()))
        acks.record_ack(session, sender.desk_id, payload.get("acked"))
        acks.record_sequence(session, sender.desk_id, sequence)
        audit(session, desk.officer, "bundle.imported", "identity", sender.desk_id, desk=desk.config.desk_number,
              bundle=bundle_id, applied=len(result.applied), conflicts=len(result.conflicts))
    return result


def _merge_one(desk: Desk, session: Session, sender: PublicIdentity, wire: dict[str, Any], target: Case,
               officers: st.Officers, put: Callable[[str], None], result: BundleResult) -> None:
    """A case both sides hold: the three-way merge of ``sync``, conflicts recorded."""
    code = wire["code"]
    incoming = wire["state"]
    own = st.case_state(target)
    local_base = session.get(SyncBase, code)
    base = wire.get("base") or (dict(local_base.state) if local_base is not None else None)
    if base is None and st.case_identity(target) != st.case_identity(wire["columns"]):
        record_conflict(session, code, "identity", [], own, incoming, desk.officer, desk.config.desk_number)
        result.conflicts.append(code)
        return
    merged = st.merge3(base if base is not None else st.base_from_raw(target), incoming, own)
    if merged.merged != own:
        st.apply_state(session, target, merged.merged, officers)
    added = st.add_events(session, target, wire["events"], officers, st.known_keys(session, target))
    st.add_attachments(session, target, wire["attachments"], put)
    if session.get(CaseRoute, code) is None:
        session.add(CaseRoute(dossier_code=code, desk_id=sender.desk_id))
    if desk.db.is_local:
        # The next merge's base is what the other side holds: its state as it sent it. Not the merged state:
        # a change made here while the bundle travelled is not there yet, and with it in the base the next
        # bundle would carry it as "unchanged" and the other side's older value would win (issue 12).
        agreed = dict(incoming)
        if local_base is None:
            session.add(SyncBase(dossier_code=code, state=agreed))
        else:
            local_base.state = agreed
        # What we sent has arrived there: the center answered with the case.
        for item in session.execute(select(OutboxItem).where(
                OutboxItem.entity_id == code, OutboxItem.status == "sent")).scalars():
            item.status = "done"
    if merged.conflicts:
        record_conflict(session, code, "fields", merged.conflicts, own, incoming, desk.officer,
                        desk.config.desk_number)
        result.conflicts.append(code)
    elif merged.merged != own or added:
        result.applied.append(code)


def write_return_bundle(desk: Desk, source: Path, sender: str) -> Path | None:
    """The center's answer (new online dossiers, decisions) beside the imported file, when it can."""
    out = source.with_name(source.stem + "-tra-ve.odb")
    try:
        export_bundle(desk, out, to=sender)
    except (OSError, DeskError):
        return None
    return out

