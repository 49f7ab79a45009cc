"""Reprints of issued documents, opened from the case's documents list: marked "Bản in lại" like receipts.

A receipt is re-issued by :func:`officer_desk.receipts.service.issue_receipt` (an accepted case answers with
its reprint). A notice — supplement request, refusal, apology, return slip, control sheet — is rendered
again from the data it was issued with (kept, encrypted, as an attachment blob named by
``signed_documents.data_sha256``): same content, same issue time and so the same QR payload, marked as a
reprint, signed, stored as a new document of the case and audited. The original file is never touched.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from officer_desk.accounts.roles import Permission
from officer_desk.audit import audit
from officer_desk.desk import Desk
from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import NotFoundError
from officer_desk.i18n import _
from officer_desk.models import Case, SignedDocument
from officer_desk.receipts.issue import issue_document
from officer_desk.receipts.notice_data import notice_from_blob
from officer_desk.receipts.service import (
    IssuedCaseDocument,
    ReceiptRefused,
    _keyring,
    _signer_name,
    _store,
    _write,
    document_signer,
    issue_receipt,
)
from officer_desk.signing.keystore import PinPort
from officer_desk.signing.pades import PdfSigner

NOTICE_TYPES = ("supplement", "refusal", "apology", "return", "control")


class NoticeNotKept(NotFoundError):
    """A notice issued before its data was kept (migration 0015): it can only be shown as stored."""


@dataclass(frozen=True)
class _Original:
    code: str
    doc_type: str
    form: str
    data_sha256: str | None


def _original(desk: Desk, document_id: int) -> _Original:
    with desk.db.session() as session:
        row = session.get(SignedDocument, document_id)
        case = session.get(Case, row.case_id) if row is not None else None
        if row is None or case is None:
            raise NotFoundError(_("Không tìm thấy phiếu đã lập {id}", id=document_id))
        return _Original(case.dossier_code, row.doc_type, row.form, row.data_sha256)


def reprint_document(
    desk: Desk,
    document_id: int,
    out: Path | None = None,
    form: str | None = None,
    keystore: Path | None = None,
    pin: str | None = None,
    pins: PinPort | None = None,
    signing_session: PdfSigner | None = None,
) -> IssuedCaseDocument:
    """Reprint the receipt or notice ``document_id`` of a case; returns the service's IssuedCaseDocument.

    Raises :class:`NoticeNotKept` for a notice issued before its data was kept, and ReceiptRefused for a
    document that is not a receipt or a notice (results are shown as stored).
    """
    desk.require(Permission.DOCUMENT_ISSUE)
    original = _original(desk, document_id)
    form = form or original.form
    if original.doc_type == "receipt":
        return issue_receipt(desk, original.code, out, form=form, keystore=keystore, pin=pin, pins=pins,
                             signing_session=signing_session)
    if original.doc_type not in NOTICE_TYPES:
        raise ReceiptRefused(_("Văn bản này không in lại được từ quầy; mở bản đã lưu"))
    if not original.data_sha256:
        raise NoticeNotKept(_("Phiếu này được lập trước khi quầy lưu nội dung phiếu; chỉ mở được bản đã lưu"))
    with desk.db.session() as session:
        notice = notice_from_blob(desk.cases.attachments.get(session, original.data_sha256))
    notice = dataclasses.replace(notice, reprint=True)
    signer = signing_session or document_signer(desk, keystore, pin, pins)
    try:
        with desk.db.session() as session:  # one unit: stored reprint and its audit entry, signed inside
            issued = issue_document(original.doc_type, notice, form, signer, _keyring(desk),
                                    now=datetime.now(LOCAL_TZ))
            case = desk.cases.repository.case(session, original.code)
            _store(desk, session, case, issued, True, _signer_name(signer), data_sha256=original.data_sha256)
            audit(session, desk.officer, f"notice.{original.doc_type}.reprinted", "case", original.code,
                  desk=desk.config.desk_number, form=form, original=document_id)
    finally:
        if signing_session is None:
            signer.close()
    _write(out, issued, None)
    return IssuedCaseDocument(original.code, original.doc_type, out, issued.qr_payload, issued.appointment, True,
                              issued)
