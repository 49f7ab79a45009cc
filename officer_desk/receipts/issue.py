"""Issuing a document: QR payload, PDF rendering and PAdES signing in one call for the case layer."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from officer_desk.i18n import _
from officer_desk.progress import Progress
from officer_desk.receipts.context import qr_appointment
from officer_desk.receipts.model import DocumentData, NoticeData, ReceiptData, data_for
from officer_desk.receipts.qr import VIETNAM_TIME, QrKeyring, make_payload
from officer_desk.receipts.render import Box, ReceiptError, ReceiptRenderer, default_renderer
from officer_desk.signing.pades import LOCK_CERTIFY
from officer_desk.signing.stamp import StampSpec

SIGNATURE_FIELD = "OfficerDeskSignature"
SIGNING_REASONS = {
    "receipt": "Tiếp nhận hồ sơ",
    "supplement": "Yêu cầu bổ sung, hoàn thiện hồ sơ",
    "refusal": "Từ chối tiếp nhận giải quyết hồ sơ",
    "apology": "Xin lỗi và hẹn lại ngày trả kết quả",
    "return": "Trả kết quả giải quyết hồ sơ",
    "control": "Kiểm soát quá trình giải quyết hồ sơ",
}


class PdfSigner(Protocol):
    """What issuing needs from officer_desk.signing.pades.PdfSigner."""

    def sign(self, pdf: bytes, *, visible: Any = None, field_name: str | None = None,
             reason: str | None = None, lock: str = ...) -> bytes: ...


@dataclass(frozen=True)
class IssuedDocument:
    """A finished document: the (signed) PDF and what the caller records or prints about it."""

    pdf: bytes
    doc_type: str
    form: str
    dossier_code: str
    qr_payload: str
    issued_at: datetime
    appointment: datetime | None
    page_count: int
    signature_page: int
    signature_box: Box
    signed: bool


def stamp_spec(page: int, box: Box, signer_name: str, organisation: str) -> StampSpec:
    """Where and how the signature stamp is drawn on the document."""
    return StampSpec(page=page, box=box, signer_name=signer_name, organisation=organisation)


def issue_document(
    doc_type: str,
    data: DocumentData,
    form: str = "a5",
    signer: PdfSigner | None = None,
    keyring: QrKeyring | None = None,
    *,
    renderer: ReceiptRenderer | None = None,
    now: datetime | None = None,
) -> IssuedDocument:
    """Render ``doc_type`` with its signed QR payload and, with a ``signer``, sign it (PAdES).

    ``data.issued_at`` defaults to ``now`` (the current time), which is printed on a reprint and
    carried in the QR payload. Nothing is written anywhere: the caller stores or prints the bytes.
    """
    if keyring is None:
        raise ReceiptError(_("Thiếu khóa ký mã QR của quầy; không phát hành được phiếu"))
    document = data_for(doc_type, data)
    if document.issued_at is None:
        document = dataclasses.replace(document, issued_at=(now or datetime.now(VIETNAM_TIME)))
    assert document.issued_at is not None
    appointment = qr_appointment(doc_type, document)
    payload = make_payload(
        doc_type=doc_type,
        dossier_code=document.dossier_code,
        applicant_name=document.applicant_name,
        appointment=appointment,
        issued_at=document.issued_at,
        keyring=keyring,
    )
    rendered = (renderer or default_renderer()).render(doc_type, document, form, qr_payload=payload)
    pdf = rendered.pdf
    if signer is not None:
        visible = stamp_spec(rendered.signature_page, rendered.signature_box, document.officer_name,
                             document.agency_name)
        # A certification signature, no changes allowed: what the citizen holds can't be altered unnoticed.
        pdf = signer.sign(pdf, visible=visible, field_name=SIGNATURE_FIELD,
                          reason=f"{SIGNING_REASONS[doc_type]} {document.dossier_code}", lock=LOCK_CERTIFY)
    return IssuedDocument(
        pdf=pdf,
        doc_type=doc_type,
        form=form,
        dossier_code=document.dossier_code,
        qr_payload=payload,
        issued_at=document.issued_at,
        appointment=appointment,
        page_count=rendered.page_count,
        signature_page=rendered.signature_page,
        signature_box=rendered.signature_box,
        signed=signer is not None,
    )


def issue_receipt_pdf(receipt_data: ReceiptData, form: str = "a5", signer: PdfSigner | None = None,
                      keyring: QrKeyring | None = None) -> bytes:
    """The receipt and appointment slip as PDF bytes: rendered, QR-signed and (with a signer) PAdES-signed."""
    return issue_document("receipt", receipt_data, form, signer, keyring).pdf


def issue_notice_pdf(doc_type: str, notice_data: NoticeData, form: str = "a5", signer: PdfSigner | None = None,
                     keyring: QrKeyring | None = None) -> bytes:
    """A notice (supplement, refusal, apology, return, control) as PDF bytes, like :func:`issue_receipt_pdf`."""
    return issue_document(doc_type, notice_data, form, signer, keyring).pdf


@dataclass(frozen=True)
class IssueJob:
    doc_type: str
    data: DocumentData
    form: str = "a5"


def issue_many(jobs: list[IssueJob], signer: PdfSigner | None, keyring: QrKeyring,
               progress: Progress | None = None) -> list[IssuedDocument]:
    """Issue several documents with one signer and keyring (a reprint run); stops early when cancelled.

    Returns the documents issued so far; an error on one document propagates (nothing is written here,
    so the caller decides whether to keep the earlier ones).
    """
    issued: list[IssuedDocument] = []
    total = len(jobs)
    for index, job in enumerate(jobs):
        if progress is not None:
            if progress.cancelled():
                break
            progress.report(index, total, job.data.dossier_code)
        issued.append(issue_document(job.doc_type, job.data, job.form, signer, keyring))
    if progress is not None:
        progress.report(len(issued), total, "")
    return issued
