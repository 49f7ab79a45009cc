"""Values the case services take and return: frozen snapshots of rows, the queue filter, reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from officer_desk.progress import Progress

__all__ = [
    "AttachmentView", "CaseDetail", "CaseRow", "EventView", "FindingView", "ImportReport", "Progress", "QueueFilter",
]


# --------------------------------------------------------------------------- snapshots


@dataclass(frozen=True)
class CaseRow:
    id: int
    dossier_code: str
    applicant_name: str
    procedure_code: str
    channel: str
    received_at: datetime
    due_date: date | None
    status: str
    assigned_officer: str | None
    worst_severity: str | None
    open_finding_count: int
    receipt_issued: bool


@dataclass(frozen=True)
class AttachmentView:
    id: int
    doc_type: str
    kind: str
    quantity: int
    presented_only: bool
    certified: bool
    file_name: str | None
    content_sha256: str | None
    size: int | None
    media_type: str | None
    fields: dict[str, Any]
    # OCR (issue 14): where each value came from, and what OCR saw (confidence, page, box).
    provenance: dict[str, str] = field(default_factory=dict)
    ocr: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FindingView:
    id: int
    code: str
    severity: str
    target: str
    message_vi: str
    message_en: str
    evidence: str
    suggestion: str
    source: str
    decision: str
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str
    evidence_en: str = ""
    suggestion_en: str = ""

    def texts(self, language: str) -> tuple[str, str, str]:
        """(message, evidence, suggestion) in ``language`` (Vietnamese where no English was stored)."""
        if language == "en":
            return (self.message_en or self.message_vi, self.evidence_en or self.evidence,
                    self.suggestion_en or self.suggestion)
        return self.message_vi, self.evidence, self.suggestion


@dataclass(frozen=True)
class EventView:
    at: datetime
    officer: str | None  # username (stable, in the audit log)
    action: str
    from_status: str | None
    to_status: str | None
    reason: str
    officer_name: str | None = None  # the account's full name, as the timeline shows it (issue 9)


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    version: int
    dossier: dict[str, Any]
    attachments: tuple[AttachmentView, ...]
    findings: tuple[FindingView, ...]
    events: tuple[EventView, ...]
    allowed_actions: tuple[str, ...]
    fee_vnd: int | None
    appointment_at: datetime | None
    register_book: str | None
    register_number: int | None
    receipt_issued_at: datetime | None
    warnings: tuple[str, ...] = ()
    # How the fee was computed ("3 bản × 2 trang × 2.000đ"), in both languages.
    fee_basis_vi: str = ""
    fee_basis_en: str = ""

    @property
    def fee_text_vi(self) -> str:
        """The receipt's fee line: "12.000đ (3 bản × 2 trang × 2.000đ)", or the basis alone when unknown."""
        if self.fee_vnd is None:
            return self.fee_basis_vi
        amount = f"{self.fee_vnd:,}".replace(",", ".") + "đ"
        return f"{amount} ({self.fee_basis_vi})" if self.fee_basis_vi else amount


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows; every filter is an indexed column."""

    statuses: tuple[str, ...] = ()
    procedure_code: str | None = None
    channel: str | None = None
    officer: str | None = None
    due: str | None = None  # "today" | "overdue" | "soon"
    text: str = ""
    sort: str = "received_at"
    descending: bool = True


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    supplemented: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"imported": self.imported, "skipped": self.skipped, "failed": self.failed}
