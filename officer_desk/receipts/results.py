"""Result documents (issue 9): the officer attaches the result PDF and submits it for signature ("Trình
ký"); a supervisor signs it with their own certificate (visible stamp); the case then has its result and
can be returned with the return slip.

Both steps are one transaction each: the stored PDF, the case's transition and the audit entry land
together or not at all. Signing happens before that transaction opens, so a refused or cancelled
signature changes nothing. The draft is kept as ``result_draft`` (unsigned) and the signed one as
``result``, with the signer's name, in the case's documents (the same store as receipts and notices).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from officer_desk.accounts.roles import Permission
from officer_desk.audit import audit
from officer_desk.errors import DeskError, InputError
from officer_desk.i18n import _
from officer_desk.lifecycle import Action, Status
from officer_desk.models import SignedDocument
from officer_desk.signing.pades import PdfSigner, default_visible_placement

if TYPE_CHECKING:
    from officer_desk.desk import Desk

DRAFT = "result_draft"
RESULT = "result"
MAX_RESULT_BYTES = 50 * 1024 * 1024  # the attachment limit of the contract


class ResultError(DeskError):
    """The result cannot be attached or signed now; nothing was changed (exit 1)."""

    code = "result_refused"
    exit_code = 1


@dataclass(frozen=True)
class SignedResult:
    dossier_code: str
    pdf: bytes
    signer: str


def _check_pdf(pdf: bytes) -> None:
    if len(pdf) > MAX_RESULT_BYTES:
        raise InputError(_("Tệp kết quả lớn hơn {limit} MiB", limit=MAX_RESULT_BYTES // (1024 * 1024)))
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        pages = int(reader.root["/Pages"]["/Count"])
    except Exception as exc:  # noqa: BLE001 - any parse failure is "not a PDF we can sign"
        raise InputError(_("Tệp kết quả không phải là tệp PDF đọc được")) from exc
    if pages < 1:
        raise InputError(_("Tệp kết quả không có trang nào"))


def read_result_file(path: Path) -> bytes:
    """The chosen result file, refused in words when too large, unreadable or not a PDF."""
    try:
        if path.stat().st_size > MAX_RESULT_BYTES:
            raise InputError(_("Tệp kết quả lớn hơn {limit} MiB", limit=MAX_RESULT_BYTES // (1024 * 1024)))
        pdf = path.read_bytes()
    except OSError as exc:
        raise InputError(_("Không đọc được tệp {path}", path=str(path))) from exc
    _check_pdf(pdf)
    return pdf


def submit_result(desk: Desk, code: str, pdf: bytes) -> None:
    """Attach the result PDF (unsigned) and move the case to "awaiting signature" ("Trình ký")."""
    desk.require(Permission.CASE_WORK)
    _check_pdf(pdf)
    with desk.db.session() as session:
        case = desk.cases.repository.case(session, code, lock=True)
        if case.status != Status.IN_PROCESSING:
            raise ResultError(_("Hồ sơ {code} không ở bước đang xử lý; chưa trình ký được", code=code))
        digest = desk.cases.attachments.put(session, pdf)
        session.add(SignedDocument(case_id=case.id, doc_type=DRAFT, form="a4", created_by=desk.officer,
                                   content_sha256=digest, signer=""))
        desk.cases.transition(code, Action.SUBMIT_FOR_SIGNATURE, session=session, document=digest)
        audit(session, desk.officer, "result.submitted", "case", code, desk=desk.config.desk_number,
              sha256=digest)


def result_draft(desk: Desk, code: str) -> bytes:
    """The result PDF waiting for signature (what the supervisor previews before signing)."""
    desk.require(Permission.CASE_VIEW)
    return _newest(desk, code, DRAFT)


def _newest(desk: Desk, code: str, doc_type: str) -> bytes:
    with desk.db.session() as session:
        case = desk.cases.repository.case(session, code)
        row = session.execute(
            select(SignedDocument).where(SignedDocument.case_id == case.id, SignedDocument.doc_type == doc_type)
            .order_by(SignedDocument.id.desc())
        ).scalars().first()
        if row is None:
            raise ResultError(_("Hồ sơ {code} chưa có văn bản kết quả", code=code))
        return bytes(desk.cases.attachments.get(session, row.content_sha256))


def sign_result(desk: Desk, code: str, signer: PdfSigner) -> SignedResult:
    """A supervisor signs the submitted result with their own key (visible stamp); the case has its result."""
    desk.require(Permission.RESULT_SIGN)
    detail = desk.cases.detail(code)
    if detail.row.status != Status.AWAITING_SIGNATURE:
        raise ResultError(_("Hồ sơ {code} không chờ ký kết quả", code=code))
    draft = _newest(desk, code, DRAFT)
    field, stamp = default_visible_placement(draft, signer.signer.common_name, signer.signer.organisation or "")
    signed = signer.sign(draft, field_name=field, visible=stamp,
                         reason=_("Ký văn bản kết quả hồ sơ {code}", code=code))
    name = signer.signer.common_name
    with desk.db.session() as session:
        case = desk.cases.repository.case(session, code, lock=True)
        if case.status != Status.AWAITING_SIGNATURE:  # another supervisor signed meanwhile
            raise ResultError(_("Hồ sơ {code} không chờ ký kết quả", code=code))
        digest = desk.cases.attachments.put(session, signed)
        session.add(SignedDocument(case_id=case.id, doc_type=RESULT, form="a4", created_by=desk.officer,
                                   content_sha256=digest, signer=name, pending_upgrade=True))
        desk.cases.transition(code, Action.MARK_RESULT_READY, session=session, document=digest)
        audit(session, desk.officer, "result.signed", "case", code, desk=desk.config.desk_number,
              sha256=digest, signer=name)
    return SignedResult(code, signed, name)
