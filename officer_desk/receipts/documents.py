"""The documents issued for a case, as the window lists them: what, which register number, who signed,
when, whether the signature has its timestamp, and whether the paper was printed or the PDF saved.

"Printed or saved" is recorded as a timeline event of the case (``document_delivered``, audited), so a
document issued while the printer was out stays visibly "issued, not printed" until it is delivered.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from officer_desk.audit import audit
from officer_desk.errors import NotFoundError
from officer_desk.i18n import _
from officer_desk.models import Case, CaseEvent, SignedDocument

DELIVERED_EVENT = "document_delivered"
DELIVERY_WAYS = ("printed", "saved")


@dataclass(frozen=True)
class CaseDocument:
    """One issued document of a case."""

    id: int
    doc_type: str
    form: str
    issued_at: datetime
    signer: str
    register_book: str
    register_number: int | None
    reprint: bool
    content_sha256: str
    timestamp_pending: bool  # signed offline: the timestamp comes when the network returns
    delivered: str  # "printed", "saved" or "" (issued, not printed)
    data_kept: bool = False  # a notice whose data is kept: reopened, it is reprinted ("Bản in lại")


def case_documents(desk: Any, code: str) -> list[CaseDocument]:
    """The case's issued documents, oldest first."""
    with desk.db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == code)).scalar_one_or_none()
        if case is None:
            raise NotFoundError(_("Không tìm thấy hồ sơ {code}", code=code))
        delivered: dict[str, str] = {}
        for details in session.execute(select(CaseEvent.details).where(
                CaseEvent.case_id == case.id, CaseEvent.action == DELIVERED_EVENT)).scalars():
            if isinstance(details, dict) and details.get("sha256"):
                # Printed beats saved: the citizen has the paper.
                way = str(details.get("how", ""))
                if delivered.get(details["sha256"]) != "printed":
                    delivered[str(details["sha256"])] = way
        rows = session.execute(select(SignedDocument).where(SignedDocument.case_id == case.id)
                               .order_by(SignedDocument.id)).scalars()
        return [CaseDocument(row.id, row.doc_type, row.form, row.created_at, row.signer, case.register_book or "",
                             case.register_number, bool(row.reprint), row.content_sha256, bool(row.pending_upgrade),
                             delivered.get(row.content_sha256, ""), bool(row.data_sha256)) for row in rows]


def document_pdf(desk: Any, document_id: int) -> bytes:
    """The stored PDF of one issued document (checked against its digest)."""
    with desk.db.session() as session:
        row = session.get(SignedDocument, document_id)
        if row is None:
            raise NotFoundError(_("Không tìm thấy phiếu đã lập {id}", id=document_id))
        data = bytes(desk.cases.attachments.get(session, row.content_sha256))
    if hashlib.sha256(data).hexdigest() != row.content_sha256:  # pragma: no cover - get() verifies already
        raise NotFoundError(_("Phiếu lưu trữ bị hỏng"))
    return data


def mark_delivered(desk: Any, code: str, pdf: bytes, how: str, printer: str = "") -> None:
    """Record that an issued document was printed (or saved as PDF): on the timeline and in the audit log."""
    if how not in DELIVERY_WAYS:
        raise ValueError(how)
    digest = hashlib.sha256(pdf).hexdigest()
    with desk.db.session() as session:
        case = desk.cases.repository.case(session, code)
        row = session.execute(select(SignedDocument).where(
            SignedDocument.case_id == case.id, SignedDocument.content_sha256 == digest)).scalars().first()
        doc_type = row.doc_type if row is not None else ""
        desk.cases.repository.event(session, case, desk.cases.repository.officer(session), DELIVERED_EVENT,
                                    sha256=digest, how=how, doc_type=doc_type, printer=printer)
        audit(session, desk.officer, f"document.{how}", "case", code, doc_type=doc_type)
