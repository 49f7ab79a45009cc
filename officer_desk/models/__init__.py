"""SQLAlchemy models and the database session of the local queue."""

from officer_desk.models.base import Base
from officer_desk.models.tables import (
    Attachment,
    AttachmentBlob,
    AuditChainHead,
    AuditEntry,
    AuditSeal,
    Case,
    CaseEvent,
    CaseSearchTerm,
    CaseStatusCount,
    DeskSetting,
    DossierSequence,
    Finding,
    Officer,
    OfficerCertificate,
    OutboxItem,
    RegisterSequence,
    SignedDocument,
)

__all__ = [
    "Attachment",
    "AttachmentBlob",
    "AuditChainHead",
    "AuditEntry",
    "AuditSeal",
    "Base",
    "Case",
    "CaseEvent",
    "CaseSearchTerm",
    "CaseStatusCount",
    "DeskSetting",
    "DossierSequence",
    "Finding",
    "Officer",
    "OfficerCertificate",
    "OutboxItem",
    "RegisterSequence",
    "SignedDocument",
]
