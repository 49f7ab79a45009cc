"""SQLAlchemy models and the database session of the local queue."""

from officer_desk.models.base import Base
from officer_desk.models.tables import (
    Attachment,
    AttachmentBlob,
    AuditEntry,
    Case,
    CaseEvent,
    CaseSearchTerm,
    CaseStatusCount,
    CaseWorkSpan,
    DeskSetting,
    DossierSequence,
    Finding,
    Officer,
    OutboxItem,
    RegisterSequence,
    SignedDocument,
)

__all__ = [
    "Attachment",
    "AttachmentBlob",
    "AuditEntry",
    "Base",
    "Case",
    "CaseEvent",
    "CaseSearchTerm",
    "CaseStatusCount",
    "CaseWorkSpan",
    "DeskSetting",
    "DossierSequence",
    "Finding",
    "Officer",
    "OutboxItem",
    "RegisterSequence",
    "SignedDocument",
]
