"""ORM models of the local queue (SQLAlchemy 2.x typed mappings).

Schema changes go through Alembic migrations (officer_desk/models/migrations/versions/).
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import uuid4

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from officer_desk.models.base import Base, CalendarDate, SearchTerm, UtcDateTime, utcnow
from officer_desk.models.current_record import current_record_expression, stores_current_record_once
from officer_desk.models.hex_digest import HexDigest
from officer_desk.models.packed_json import PackedJson
from officer_desk.models.record_digest import record_digest, stores_record_digest_once


class Officer(Base):
    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32), default="officer")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Accounts (migration 0006): an officer row with a password hash is an account that can sign in.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    password_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class OfficerCertificate(Base):
    """The signing certificate bound to an account: a PKCS#12 in the desk keystore or a token key."""

    __tablename__ = "officer_certificates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # pkcs12 | pkcs11
    keystore_id: Mapped[str] = mapped_column(String(64), default="")  # Pkcs12Keystore entry id
    module_path: Mapped[str] = mapped_column(String(500), default="")  # PKCS#11 library
    key_id: Mapped[str] = mapped_column(String(128), default="")  # CKA_ID hex or serial:HEX
    token_label: Mapped[str] = mapped_column(String(64), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    common_name: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    not_after: Mapped[datetime] = mapped_column(UtcDateTime)
    certificate_pem: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


@stores_current_record_once  # cases.dossier_json stored only when it differs from raw_json (0023)
@stores_record_digest_once  # cases.raw_sha256 stored only when it is not the SHA-256 of raw_json (0028)
class Case(Base):
    """A dossier in the queue. ``raw_json`` is the interchange object as received (verbatim)."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_status_due", "status", "due_date"),
        Index("ix_cases_status_received", "status", "received_at"),
        Index("ix_cases_applicant_name", "applicant_name"),
        Index("ix_cases_officer_received", "assigned_officer_id", "received_at"),
        # The due-date sort (0025). On PostgreSQL migration 0025 ends this index and ix_cases_received_at,
        # ix_cases_status_due and ix_cases_status_received with the id (the queue's tie-break), so a page far
        # down is an index-only scan; SQLite ends every index entry with the row id anyway.
        Index("ix_cases_due_order", "due_date"),
        # Reports (migrations 0008, 0014): on PostgreSQL the grouped report reads only this index (SQLite
        # reads its grouping indexes and has no ix_cases_report since 0014).
        Index("ix_cases_report", "received_at", "processing_days", "channel", "status", "result_timing",
              "supplement_count", "handling_seconds", "procedure_code", "origin_desk", "handling_officer_id",
              "commune", "agency_id"),
        Index("ix_cases_backlog", "status", "received_at", "due_date", "procedure_code", "origin_desk",
              "handling_officer_id", "commune", "agency_id"),
        Index("ix_cases_facts_pending", "id", sqlite_where=text("processing_days IS NULL AND result_at IS NOT NULL"),
              postgresql_where=text("processing_days IS NULL AND result_at IS NOT NULL")),
        # Migration 0014 adds, on SQLite only, ix_cases_report_by_{procedure,officer,channel,commune}; 0027 drops
        # _by_channel (the by-channel report folds the by-procedure groups by their channel).
        # Migrations 0017 (PostgreSQL) and 0029 (SQLite) add ix_cases_running_received (the running cases' queue).
        Index("ix_cases_commune", "commune"),  # PostgreSQL only since 0018 (SQLite: ix_cases_report_by_commune)
        # Migration 0013: the duplicate lookup (procedure + subject [+ applicant ID]) reads only this index.
        Index("ix_cases_duplicates", "procedure_code", "subject_key", "applicant_id_number"),
        # An imported file's digest, looked up by equality (a file imported twice is skipped); demo and synced
        # cases have none, so only the rows with one are in the index (0026; ``= ?`` implies IS NOT NULL).
        Index("ix_cases_source_file_sha256", "source_file_sha256",
              sqlite_where=text("source_file_sha256 IS NOT NULL"),
              postgresql_where=text("source_file_sha256 IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_code: Mapped[str] = mapped_column(String(64), unique=True)
    # Migration 0018 dropped the single-column indexes that a composite index above begins with (procedure,
    # status, due date, officer; on SQLite also channel and commune, which its report indexes begin with),
    # and two no query used (applicant ID number, raw record hash). Since 0027 no SQLite index begins with the
    # channel: the queue filtered by channel walks ix_cases_received_at in its order (50 rows read, not every
    # case of the channel sorted) and its count skip-scans a report index.
    procedure_code: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    due_date: Mapped[date | None] = mapped_column(CalendarDate)  # days since 1970 on SQLite (0022)
    assigned_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    assigned_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    applicant_name: Mapped[str] = mapped_column(String(200), default="")
    applicant_id_number: Mapped[str] = mapped_column(String(32), default="")  # found by ix_cases_duplicates
    applicant_phone: Mapped[str] = mapped_column(String(32), default="")
    subject_key: Mapped[str] = mapped_column(String(200), default="")
    # Packed on SQLite (migration 0018, officer_desk.models.packed_json); text to the application.
    # active_history: a new record as received needs the old one (current_record: an unedited current record).
    raw_json: Mapped[str] = mapped_column(PackedJson, active_history=True)  # as received, verbatim
    # Current values (officer edits, supplements), stored only when they differ from raw_json (migration 0023;
    # officer_desk.models.current_record): ``dossier_json`` below is the record itself.
    stored_dossier_json: Mapped[str | None] = mapped_column("dossier_json", PackedJson, nullable=True)
    # Hex digests: their bytes on SQLite (HexDigest, migration 0024), hex text to the application.
    # The record's digest, stored only when it is not the SHA-256 of raw_json (migration 0028;
    # officer_desk.models.record_digest): ``raw_sha256`` below is the digest itself. Never looked up (0018).
    stored_raw_sha256: Mapped[str | None] = mapped_column("raw_sha256", HexDigest(64), nullable=True)
    source_file_sha256: Mapped[str | None] = mapped_column(HexDigest(64))  # partial index above (0026)
    version: Mapped[int] = mapped_column(Integer, default=1)
    origin_desk: Mapped[int] = mapped_column(Integer, default=0)
    receipt_issued_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    register_book: Mapped[str | None] = mapped_column(String(16))
    register_number: Mapped[int | None] = mapped_column(Integer)
    appointment_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    clock_started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    worst_severity: Mapped[str | None] = mapped_column(String(16))
    open_finding_count: Mapped[int] = mapped_column(Integer, default=0)
    screened_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    screening_engine_version: Mapped[str | None] = mapped_column(String(32))
    fee_vnd: Mapped[int | None] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
    # Report facts (migration 0008): result_at and supplement_count are kept by timeline triggers,
    # the rest by officer_desk.reports.facts.refresh_facts; handling_seconds sums case_work_spans.
    result_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    result_timing: Mapped[str | None] = mapped_column(String(8))  # early | on_time | late
    processing_days: Mapped[int | None] = mapped_column(Integer)
    supplement_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    handling_seconds: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    commune: Mapped[str | None] = mapped_column(String(100))
    agency_id: Mapped[str | None] = mapped_column(String(64))
    # Migration 0014, kept by timeline triggers: who took the dossier in (reports group by it), and the
    # due date before the first apology moved it (on-time figures judge against it; docs/reports.md).
    handling_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    original_due_date: Mapped[date | None] = mapped_column(CalendarDate)

    __mapper_args__ = {"version_id_col": version}

    @hybrid_property
    def dossier_json(self) -> str:
        """The current record: the stored one, else the record as received (issue 17, migration 0023)."""
        stored = self.stored_dossier_json
        return self.raw_json if stored is None else stored

    @dossier_json.inplace.setter
    def _dossier_json_setter(self, value: str) -> None:
        self.stored_dossier_json = value  # NULL when equal to raw_json: decided at flush (current_record)

    @dossier_json.inplace.expression
    @classmethod
    def _dossier_json_expression(cls) -> ColumnElement[str]:
        return current_record_expression(cls.stored_dossier_json, cls.raw_json)

    @property
    def raw_sha256(self) -> str:
        """The SHA-256 of the record as received, unless another value was stored (issue 17, migration 0028).
        No SQL expression: SQL cannot compute it on SQLite (a query naming ``Case.raw_sha256`` fails)."""
        return record_digest(self.stored_raw_sha256, self.raw_json)

    @raw_sha256.setter
    def raw_sha256(self, value: str) -> None:
        self.stored_raw_sha256 = value  # NULL when it is raw_json's own digest: decided at flush (record_digest)

    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Attachment.position"
    )
    findings: Mapped[list[Finding]] = relationship(back_populates="case", cascade="all, delete-orphan")
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseEvent.id"
    )
    assigned_officer: Mapped[Officer | None] = relationship(foreign_keys=[assigned_officer_id])


class CaseSearchTerm(Base):
    """Folded search keys of a case (name suffixes, ID number, phone, dossier code).

    One B-tree keyed (term, case_id) and nothing else (migration 0016): a WITHOUT ROWID table on SQLite,
    the primary key's index on PostgreSQL. No surrogate id and no index by case: a case's old terms are
    deleted by their keys, computed from the values they were made of (officer_desk.cases.terms).
    """

    __tablename__ = "case_search_terms"
    __table_args__ = {"sqlite_with_rowid": False}

    term: Mapped[str] = mapped_column(SearchTerm, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)


class Attachment(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    doc_type: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    presented_only: Mapped[bool] = mapped_column(Boolean, default=False)
    certified: Mapped[bool] = mapped_column(Boolean, default=False)
    file_name: Mapped[str | None] = mapped_column(String(255))
    content_sha256: Mapped[str | None] = mapped_column(HexDigest(64))  # bytes on SQLite (0024)
    size: Mapped[int | None] = mapped_column(Integer)
    media_type: Mapped[str | None] = mapped_column(String(100))
    fields_json: Mapped[dict] = mapped_column(JSON, default=dict)  # type: ignore[type-arg]
    # Per field of fields_json: typed | portal | qr | ocr | ocr-edited (migration 0007).
    provenance_json: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}")  # type: ignore[type-arg]
    # Per field read by OCR: {"confidence", "page", "box"} (what the officer checks the value against).
    ocr_json: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}")  # type: ignore[type-arg]

    case: Mapped[Case] = relationship(back_populates="attachments")


class AttachmentBlob(Base):
    """Encrypted attachment bytes keyed by the plaintext's SHA-256 (PostgreSQL: shared by all desks)."""

    __tablename__ = "attachment_blobs"

    sha256: Mapped[str] = mapped_column(HexDigest(64), primary_key=True)  # as attachments.content_sha256
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Finding(Base):
    """A screening hint stored with the case, and the officer's decision on it."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64), index=True)
    severity: Mapped[str] = mapped_column(String(16))
    target: Mapped[str] = mapped_column(String(200), default="")
    message_vi: Mapped[str] = mapped_column(Text, default="")
    message_en: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    suggestion: Mapped[str] = mapped_column(Text, default="")
    evidence_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    suggestion_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    source: Mapped[str] = mapped_column(String(32), default="rule")
    engine_version: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    decision: Mapped[str] = mapped_column(String(16), default="open")  # open | confirmed | overridden
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_findings_report", "created_at", "superseded", "code", "decision", "case_id"),)

    case: Mapped[Case] = relationship(back_populates="findings")
    decided_by_officer: Mapped[Officer | None] = relationship()


class CaseEvent(Base):
    """The case's timeline: every transition and change, who, when and why."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    # Its index: PostgreSQL only since 0026 (the clock guard's newest time: officer_desk.models.event_clock).
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    action: Mapped[str] = mapped_column(String(48))
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict] = mapped_column(JSON, default=dict)  # type: ignore[type-arg]
    # Idempotency key: the same event synced twice (or from two desks) is stored once (migration 0011).
    # Bytes on SQLite when hex (0024); a key from the wire that is not hex (received:CODE) stays text.
    # Its index: PostgreSQL only since 0024 (no query reads it; a sync dedupes among a case's own events).
    event_key: Mapped[str | None] = mapped_column(HexDigest(64), index=True, default=lambda: uuid4().hex)

    case: Mapped[Case] = relationship(back_populates="events")
    officer: Mapped[Officer | None] = relationship()


class CaseWorkSpan(Base):
    """A stretch of time an officer had a case open in the window (for handling time, docs/reports.md)."""

    __tablename__ = "case_work_spans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime] = mapped_column(UtcDateTime)
    seconds: Mapped[int] = mapped_column(Integer)


class AuditEntry(Base):
    """Append-only audit log: who did what to which record (ids and codes, no personal data).

    Hash-chained (officer_desk.audit_chain): ``id`` orders the chain (given out under the chain
    head's lock), ``prev_hash`` is the hash of the entry before, ``entry_hash`` the hash of this
    entry's canonical serialisation, its id and ``prev_hash`` included.
    """

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    desk: Mapped[int] = mapped_column(Integer, default=0)
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64), index=True)
    details: Mapped[dict] = mapped_column(JSON, default=dict)  # type: ignore[type-arg]
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    entry_hash: Mapped[str | None] = mapped_column(String(64))


class AuditChainHead(Base):
    """One row: the newest chained entry. Updating it first serialises writers of the chain."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_id: Mapped[int] = mapped_column(BigInteger, default=0)
    entry_hash: Mapped[str] = mapped_column(String(64), default="")


class AuditSeal(Base):
    """A signature by a desk's seal key over the chain up to ``entry_id`` (periodic, see audit_chain)."""

    __tablename__ = "audit_seals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(BigInteger, index=True)
    entry_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    desk: Mapped[int] = mapped_column(Integer, default=0)
    public_key: Mapped[str] = mapped_column(String(128))  # Ed25519, hex
    signature: Mapped[str] = mapped_column(String(160))  # hex


class SignedDocument(Base):
    """A generated, signed document (receipt, notice) kept with its case."""

    __tablename__ = "signed_documents"
    __table_args__ = (Index("ix_signed_documents_report", "created_at", "doc_type", "signer", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    doc_type: Mapped[str] = mapped_column(String(32))
    form: Mapped[str] = mapped_column(String(16), default="a5")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    content_sha256: Mapped[str] = mapped_column(HexDigest(64))  # bytes on SQLite (0024)
    signer: Mapped[str] = mapped_column(String(200), default="")
    qr_payload: Mapped[str] = mapped_column(Text, default="")
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    pending_upgrade: Mapped[bool] = mapped_column(Boolean, default=False)
    # A notice's data (encrypted attachment blob), so a reprint says exactly what the original said (0015).
    data_sha256: Mapped[str | None] = mapped_column(HexDigest(64), nullable=True, default=None)


class OutboxItem(Base):
    """Changes made while offline, waiting to be pushed to the shared database."""

    __tablename__ = "outbox_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    entity_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)  # type: ignore[type-arg]
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")


class DossierSequence(Base):
    """Daily dossier-number counters: per agency, day and numbering block (desk)."""

    __tablename__ = "dossier_sequences"

    agency_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[str] = mapped_column(String(6), primary_key=True)  # YYMMDD
    block: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class RegisterSequence(Base):
    """Receipt register (Sổ theo dõi hồ sơ): numbers per desk per year, never reused."""

    __tablename__ = "register_sequences"

    desk: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class DeskSetting(Base):
    """Small key/value facts about this database (demo mode, clock high-water mark...)."""

    __tablename__ = "desk_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class CaseStatusCount(Base):
    """Cases per status, kept exact by database triggers (migration 0003)."""

    __tablename__ = "case_status_counts"

    status: Mapped[str] = mapped_column(String(32), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class CaseDueCount(Base):
    """Cases whose clock runs, per due date (PostgreSQL: kept exact by triggers, migration 0012)."""

    __tablename__ = "case_due_counts"

    due_date: Mapped[date] = mapped_column(CalendarDate, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
