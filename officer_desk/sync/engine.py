"""Two-way sync of a local (offline-capable) desk with the center's shared PostgreSQL database.

Push: every case with pending outbox items is merged into the server's copy (three-way, against the
base this desk last synced), its events added by idempotency key; then the desk's own copy takes the
merged values and the base moves on. Outbox items are acknowledged only after both sides committed;
a sync cut anywhere repeats the merge, which is idempotent, so it resumes and converges.
Pull: cases the server changed since the last pull that belong to this desk (pushed by it, or
assigned to it by the province) arrive with their events and attachments.
Conflicts (identity, or fields both sides changed) stay recorded until a supervisor resolves them and
are reported by every sync.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

import officer_desk.sync.bulk as bulk
import officer_desk.sync.limits as limits
import officer_desk.sync.state as st
from officer_desk.attachments import AttachmentStore
from officer_desk.audit import audit, audit_many
from officer_desk.database import open_database
from officer_desk.desk import Desk
from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.models import (
    Attachment,
    AttachmentBlob,
    Case,
    CaseRoute,
    DeskSetting,
    OutboxItem,
    RegisteredDesk,
    SyncBase,
    SyncConflict,
)
from officer_desk.models.session import Database
from officer_desk.models.statistics import optimize
from officer_desk.sync.identity import DeskIdentity, load_identity

PULL_CURSOR = "sync.pulled_until"
# What a sync pushes: changes not yet synced, and those written to a USB bundle whose answer has not come
# back (the stick may be lost, or the center never imported it): pushing a case twice changes nothing.
UNSYNCED = ("pending", "sent")
LAST_SYNC = "sync.last_success"
# Pull re-reads an hour before the cursor (applying a case twice is a no-op). The cursor is the server's
# clock, but a case's ``updated_at`` is written by the desk that changed it, with that PC's clock: a center
# counter whose clock is behind (by up to the overlap) still has its changes pulled. A transaction that
# committed after the cursor but started before it is covered the same way.
_PULL_OVERLAP = timedelta(hours=1)


class SyncError(DeskError):
    code = "sync"
    exit_code = 1


@dataclass
class SyncReport:
    pushed: list[str] = field(default_factory=list)
    pulled: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    offline: bool = False

    def as_json(self) -> dict[str, object]:
        return {"pushed": self.pushed, "pulled": self.pulled, "conflicts": self.conflicts, "offline": self.offline}


def pending_count(desk: Desk) -> int:
    with desk.db.session() as session:
        return int(session.execute(
            select(func.count(OutboxItem.id)).where(OutboxItem.status == "pending")).scalar_one())


def open_conflicts(db: Database) -> list[str]:
    with db.session() as session:
        return list(dict.fromkeys(session.execute(
            select(SyncConflict.dossier_code).where(SyncConflict.resolved_at.is_(None))
            .order_by(SyncConflict.id)).scalars()))


def desk_identity(desk: Desk) -> DeskIdentity:
    return load_identity(desk.home, desk.config, set_up=desk.set_up)


def register_desk(server: Session, identity: DeskIdentity) -> None:
    """First sync: record the desk; a set-up desk's number must be free in its agency."""
    public = identity.public
    row = server.get(RegisteredDesk, public.desk_id)
    if row is not None:
        return
    if public.desk_number is not None:
        taken = server.execute(select(RegisteredDesk).where(
            RegisteredDesk.agency_code == public.agency_code,
            RegisteredDesk.desk_number == public.desk_number)).scalar_one_or_none()
        if taken is not None:
            raise SyncError(_("Số quầy {number} đã được một quầy khác của cơ quan {agency} dùng; "
                              "quản trị viên cần chọn số quầy khác trước khi đồng bộ",
                              number=public.desk_number, agency=public.agency_code))
    import json

    server.add(RegisteredDesk(desk_id=public.desk_id, agency_code=public.agency_code,
                              desk_number=public.desk_number, identity=json.dumps(public.to_json())))
    server.flush()


def record_conflict(session: Session, code: str, kind: str, fields: list[str], mine: dict[str, Any],
                    theirs: dict[str, Any], actor: str, desk_number: int) -> None:
    """Keep both versions; one open conflict per case (a newer one replaces the older record)."""
    row = session.execute(select(SyncConflict).where(
        SyncConflict.dossier_code == code, SyncConflict.resolved_at.is_(None))).scalar_one_or_none()
    if row is None:
        row = SyncConflict(dossier_code=code, kind=kind, resolved_by="", resolution="")
        session.add(row)
        audit(session, actor, "sync.conflict", "case", code, desk=desk_number, kind=kind, fields=fields)
    row.kind, row.fields, row.mine, row.theirs = kind, fields, mine, theirs


@dataclass
class _Outcome:
    code: str
    conflict: bool
    pushed: bool


def _set_base(session: Session, code: str, state: dict[str, Any]) -> None:
    row = session.get(SyncBase, code)
    if row is None:
        session.add(SyncBase(dossier_code=code, state=state))
    else:
        row.state = state
        row.synced_at = datetime.now(UTC)


def _blob_copier(src_store: AttachmentStore, src: Session, dst_store: AttachmentStore, dst: Session) -> Any:
    def put(digest: str) -> None:
        dst_store.put(dst, src_store.get(src, digest))
    return put


PUSH_CHUNK = 500  # cases per pair of transactions: one commit (and fsync) per chunk, not per case


def push_cases(desk: Desk, identity: DeskIdentity, remote: Database, codes: list[str], up_to: int) -> list[_Outcome]:
    """Push a chunk of cases in one server and one desk transaction (the server commits first).

    Cases the server does not hold yet are written together (bulk inserts); the others are merged one
    by one. Cut anywhere, nothing is acknowledged that the server did not commit; the next sync
    repeats the chunk and the merge, being idempotent, changes nothing twice.
    """
    local_store, remote_store = AttachmentStore(desk.db), AttachmentStore(remote)
    with desk.db.session() as local, remote.session() as server:
        mine, theirs = st.load_cases(local, codes), st.load_cases(server, codes, lock=True)
        fresh = [code for code in codes if code in mine and code not in theirs]
        outcomes = {code: _Outcome(code, False, True) for code in fresh}
        if fresh:
            wires = [st.case_wire(mine[code], identity.desk_id) for code in fresh]
            bulk.insert_cases(server, wires, st.Officers(server),
                              bulk.blob_copy(local_store, local, remote_store, server))
            bulk.add_routes(server, fresh, identity.desk_id)
            audit_many(server, desk.officer, "sync.received", "case", fresh, desk=desk.config.desk_number,
                       conflict=False)
            # The desk's side: both now hold exactly this desk's case.
            bulk.set_bases(local, {wire["code"]: wire["state"] for wire in wires})
            bulk.ack(local, fresh, up_to)
            audit_many(local, desk.officer, "sync.pushed", "case", fresh, desk=desk.config.desk_number)
        for code in codes:
            if code not in outcomes:
                outcomes[code] = _push_one(desk, identity, local, server, local_store, remote_store, code, up_to,
                                           mine.get(code), theirs.get(code))
        return [outcomes[code] for code in codes]


def _push_one(desk: Desk, identity: DeskIdentity, local: Session, server: Session, local_store: AttachmentStore,
              remote_store: AttachmentStore, code: str, up_to: int, case: Case | None,
              target: Case | None) -> _Outcome:
    """Merge one case into the server, then the merged values back into the desk; ack its items."""
    base_row = local.get(SyncBase, code)
    base = dict(base_row.state) if base_row is not None else None
    outcome = _Outcome(code, False, False)
    if case is None:
        _ack(local, code, up_to, "done")
        return outcome
    wire = st.case_wire(case, identity.desk_id)
    mine = wire["state"]
    server_officers = st.Officers(server)
    if target is None:
        # New on the server: both now hold exactly this desk's case.
        st.insert_case(server, wire, server_officers, _blob_copier(local_store, local, remote_store, server))
        if server.get(CaseRoute, code) is None:
            server.add(CaseRoute(dossier_code=code, desk_id=identity.desk_id))
        audit(server, desk.officer, "sync.received", "case", code, desk=desk.config.desk_number, conflict=False)
        _set_base(local, code, mine)
        _ack(local, code, up_to, "done")
        audit(local, desk.officer, "sync.pushed", "case", code, desk=desk.config.desk_number)
        outcome.pushed = True
        return outcome
    theirs = st.case_state(target)
    if base is None and st.case_identity(target) != st.case_identity(case):
        # Same code, another citizen or procedure: two cases, never one.
        record_conflict(local, code, "identity", [], mine, theirs, desk.officer, desk.config.desk_number)
        _ack(local, code, up_to, "conflict", _("Mã hồ sơ trùng với một hồ sơ khác trên máy chủ"))
        outcome.conflict = True
        return outcome
    result = merge_holding(local, code, base if base is not None else st.base_from_raw(case), mine, theirs)
    merged, conflicts = result.merged, result.conflicts
    if merged != theirs:
        st.apply_state(server, target, merged, server_officers)
    st.add_events(server, target, wire["events"], server_officers, st.known_keys(server, target))
    st.add_attachments(server, target, wire["attachments"],
                       _blob_copier(local_store, local, remote_store, server))
    if server.get(CaseRoute, code) is None:
        server.add(CaseRoute(dossier_code=code, desk_id=identity.desk_id))
    audit(server, desk.officer, "sync.received", "case", code, desk=desk.config.desk_number,
          conflict=bool(conflicts))
    server.flush()
    # The desk takes what the server now holds (its own values for the fields in conflict).
    server_case = st.load_case(server, code)
    assert server_case is not None
    _pull_into(local, case, server_case, merged, conflicts, mine, local_store, remote_store, server)
    if conflicts:
        record_conflict(local, code, "fields", conflicts, mine, theirs, desk.officer, desk.config.desk_number)
        outcome.conflict = True
    _ack(local, code, up_to, "conflict" if conflicts else "done",
         _("Cả quầy và máy chủ đã sửa cùng thông tin") if conflicts else "")
    audit(local, desk.officer, "sync.pushed", "case", code, desk=desk.config.desk_number)
    outcome.pushed = True
    return outcome


def _pull_into(local: Session, case: Case, server_case: Case, merged: dict[str, Any], conflicts: list[str],
               mine: dict[str, Any], local_store: AttachmentStore, remote_store: AttachmentStore,
               server: Session) -> None:
    officers = st.Officers(local)
    local_values = {**merged, **{k: mine[k] for k in conflicts if k in mine}}
    local_values = {k: v for k, v in local_values.items() if k in merged or k in mine}
    if local_values != mine:
        st.apply_state(local, case, local_values, officers)
    wire = st.case_wire(server_case, "server")
    st.add_events(local, case, wire["events"], officers, st.known_keys(local, case))
    st.add_attachments(local, case, wire["attachments"], _blob_copier(remote_store, server, local_store, local))
    # Base: what both sides now hold. A field that still differs (in conflict, or changed here and
    # not yet pushed) keeps its old base, so the next merge sees it exactly as now.
    base_row = local.get(SyncBase, case.dossier_code)
    old = dict(base_row.state) if base_row is not None else {}
    theirs_now = wire["state"]
    base = {k: v for k, v in theirs_now.items() if local_values.get(k, _MISSING) == v}
    base.update({k: old[k] for k in set(old) - set(base)
                 if theirs_now.get(k, _MISSING) != local_values.get(k, _MISSING)})
    _set_base(local, case.dossier_code, base)


_MISSING = object()


def held_fields(local: Session, code: str) -> set[str]:
    """Fields of an open conflict: neither side's value moves until someone decides."""
    rows = local.execute(select(SyncConflict.fields).where(
        SyncConflict.dossier_code == code, SyncConflict.resolved_at.is_(None))).scalars()
    return {name for fields in rows for name in fields}


def merge_holding(local: Session, code: str, base: dict[str, Any] | None, mine: dict[str, Any],
                  theirs: dict[str, Any]) -> st.MergeResult:
    result = st.merge3(base, mine, theirs)
    for name in held_fields(local, code):
        if mine.get(name, _MISSING) != theirs.get(name, _MISSING):
            if name in theirs:
                result.merged[name] = theirs[name]
            else:
                result.merged.pop(name, None)
            if name not in result.conflicts:
                result.conflicts.append(name)
    result.conflicts.sort()
    return result


def _ack(local: Session, code: str, up_to: int, status: str, reason: str = "") -> None:
    for item in local.execute(select(OutboxItem).where(
            OutboxItem.entity_id == code, OutboxItem.status.in_(UNSYNCED), OutboxItem.id <= up_to)).scalars():
        item.status = status
        item.attempts += 1
        item.last_error = reason


# A pulled case's records (raw and current) and each pulled attachment are bounded like a bundle's: the
# server is shared by many desks, and one bad row there must not exhaust this desk's memory.
_BLOB_OVERHEAD = 64  # what encryption adds to an attachment's bytes (marker, nonce, tag)


def _check_pulled_sizes(server: Session, codes: list[str]) -> None:
    """Refuse, before anything is read whole, a case or an attachment larger than this desk accepts."""
    for code, chars in server.execute(select(
            Case.dossier_code, func.length(Case.dossier_json) + func.length(Case.raw_json))
            .where(Case.dossier_code.in_(codes))):
        if (chars or 0) > limits.MAX_PULLED_JSON_CHARS:
            raise SyncError(_("Hồ sơ {code} trên máy chủ lớn hơn giới hạn của quầy; chưa nhận hồ sơ này và các "
                              "hồ sơ sau nó. Quản trị viên trung tâm cần kiểm tra hồ sơ đó", code=code))
    for code, size in server.execute(select(Case.dossier_code, func.length(AttachmentBlob.data))
                                     .join(Attachment, Attachment.case_id == Case.id)
                                     .join(AttachmentBlob, AttachmentBlob.sha256 == Attachment.content_sha256)
                                     .where(Case.dossier_code.in_(codes))):
        if (size or 0) > limits.MAX_BLOB_BYTES + _BLOB_OVERHEAD:
            raise SyncError(_("Một tệp đính kèm của hồ sơ {code} trên máy chủ lớn hơn giới hạn {limit} MiB; chưa "
                              "nhận hồ sơ này và các hồ sơ sau nó. Quản trị viên trung tâm cần kiểm tra hồ sơ đó",
                              code=code, limit=limits.MAX_ATTACHMENT_BYTES // limits.MIB))


def pull(desk: Desk, identity: DeskIdentity, remote: Database, report: SyncReport) -> None:
    """Bring the server's changes to this desk's cases, and cases assigned to it, onto the desk."""
    local_store, remote_store = AttachmentStore(desk.db), AttachmentStore(remote)
    with desk.db.session() as local:
        cursor_row = local.get(DeskSetting, PULL_CURSOR)
        since = datetime.fromisoformat(cursor_row.value) - _PULL_OVERLAP if cursor_row else None
        known = set(local.execute(select(SyncBase.dossier_code)).scalars())
    with remote.session() as server:
        now = server.execute(select(func.now())).scalar_one()
        query = select(Case.dossier_code, Case.updated_at)
        if since is not None:
            query = query.where(Case.updated_at > since)
        changed = [code for code, _at in server.execute(query.order_by(Case.id)).all()]
        routed = set(server.execute(select(CaseRoute.dossier_code).where(
            CaseRoute.desk_id == identity.desk_id)).scalars())
        if since is not None:
            # Assigned to this desk since the last pull, though the case itself did not change.
            changed += [code for code in server.execute(select(CaseRoute.dossier_code).where(
                CaseRoute.desk_id == identity.desk_id, CaseRoute.routed_at > since)).scalars()]
            changed = list(dict.fromkeys(changed))
    # Cases this sync just merged both ways are skipped; a change the server took after that is read
    # again next time (the cursor overlaps).
    done = set(report.pushed)
    wanted = [c for c in changed if (c in known or c in routed) and c not in done]
    for start in range(0, len(wanted), PUSH_CHUNK):
        chunk = wanted[start:start + PUSH_CHUNK]
        with desk.db.session() as local, remote.session() as server:
            if not remote.is_local:  # attachments live in the server's table (a local file: this desk's own)
                _check_pulled_sizes(server, chunk)
            theirs_cases, mine_cases = st.load_cases(server, chunk), st.load_cases(local, chunk)
            fresh = [code for code in chunk if code in theirs_cases and code not in mine_cases]
            wires = [st.case_wire(theirs_cases[code], "server") for code in fresh]
            bulk.insert_cases(local, wires, st.Officers(local),
                              bulk.blob_copy(remote_store, server, local_store, local))
            bulk.set_bases(local, {wire["code"]: wire["state"] for wire in wires})
            report.pulled.extend(fresh)
            for code in chunk:
                theirs_case = theirs_cases.get(code)
                if theirs_case is not None and code in mine_cases:
                    _pull_one(desk, local, server, local_store, remote_store, code, theirs_case,
                              mine_cases[code], report)
    with desk.db.session() as local:
        row = local.get(DeskSetting, PULL_CURSOR)
        value = now.astimezone(UTC).isoformat()
        if row is None:
            local.add(DeskSetting(key=PULL_CURSOR, value=value))
        else:
            row.value = value


def _pull_one(desk: Desk, local: Session, server: Session, local_store: AttachmentStore,
              remote_store: AttachmentStore, code: str, theirs_case: Case, mine_case: Case,
              report: SyncReport) -> None:
    wire = st.case_wire(theirs_case, "server")
    base_row = local.get(SyncBase, code)
    mine = st.case_state(mine_case)
    if base_row is None and st.case_identity(mine_case) != st.case_identity(theirs_case):
        record_conflict(local, code, "identity", [], mine, wire["state"], desk.officer, desk.config.desk_number)
        return
    result = merge_holding(local, code, dict(base_row.state) if base_row else st.base_from_raw(mine_case),
                           mine, wire["state"])
    before = len(st.known_keys(local, mine_case))
    _pull_into(local, mine_case, theirs_case, result.merged, result.conflicts, mine, local_store, remote_store,
               server)
    local.flush()
    if result.conflicts:
        record_conflict(local, code, "fields", result.conflicts, mine, wire["state"], desk.officer,
                        desk.config.desk_number)
    elif mine != result.merged or len(st.known_keys(local, mine_case)) != before:
        report.pulled.append(code)


def synchronize(desk: Desk, url: str) -> SyncReport:
    """Push then pull; every open conflict is reported, also those found by an earlier sync."""
    if not desk.db.is_local:
        raise SyncError(_("Quầy này đang dùng trực tiếp cơ sở dữ liệu chung; không cần đồng bộ"))
    report = SyncReport()
    identity = desk_identity(desk)
    try:
        remote = open_database(desk.home, url)
    except DeskError as exc:
        if isinstance(exc.__cause__, OperationalError) or "database" in exc.code:
            report.offline = True
            report.conflicts = open_conflicts(desk.db)
            return report
        raise
    try:
        with remote.session() as server:
            try:
                register_desk(server, identity)
            except IntegrityError as exc:  # two desks registering the same number at once
                raise SyncError(_("Số quầy {number} đã được một quầy khác dùng", number=desk.config.desk_number)) \
                    from exc
        with desk.db.session() as local:
            up_to = local.execute(select(func.max(OutboxItem.id))).scalar() or 0
            codes = list(dict.fromkeys(local.execute(
                select(OutboxItem.entity_id).where(OutboxItem.status.in_(UNSYNCED), OutboxItem.id <= up_to)
                .order_by(OutboxItem.id)).scalars()))
        for start in range(0, len(codes), PUSH_CHUNK):
            chunk = codes[start:start + PUSH_CHUNK]
            try:
                outcomes = push_cases(desk, identity, remote, chunk, up_to)
            except IntegrityError:
                # Another desk inserted one of these codes between our read and our insert (both rolled
                # back here): again, the chunk sees it on the server and merges or reports the conflict.
                outcomes = push_cases(desk, identity, remote, chunk, up_to)
            for outcome in outcomes:
                if outcome.pushed and not outcome.conflict:
                    report.pushed.append(outcome.code)
        pull(desk, identity, remote, report)
        optimize(desk.db.engine)  # a pull can bring thousands of cases: the planner's figures follow
        with desk.db.session() as local:
            row = local.get(DeskSetting, LAST_SYNC)
            if row is None:
                local.add(DeskSetting(key=LAST_SYNC, value=datetime.now(UTC).isoformat()))
            else:
                row.value = datetime.now(UTC).isoformat()
    except OperationalError:
        report.offline = True
    finally:
        remote.dispose()
    report.conflicts = open_conflicts(desk.db)
    return report


def push(desk: Desk, url: str) -> SyncReport:
    """Kept name: a sync is a push and a pull."""
    return synchronize(desk, url)
