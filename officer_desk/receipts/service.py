"""Receipts and notices for cases: the accept transition, register numbers, signed PDFs kept with the case.

Issuing is one unit (issue 16, contract "Issuing is idempotent everywhere"): the register number, the
signed PDF kept in the desk's own store and the case's new status are written in ONE transaction, the
PDF signed inside it; the file is published to the output path (atomic rename) or printed only after
the commit. A killed run therefore consumes no register number and leaves no issued document the case
does not record; a re-run returns the document already issued (same number, same QR payload,
"Bản in lại") instead of issuing another.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from officer_desk.accounts.roles import Permission
from officer_desk.accounts.signing import load_account_signer
from officer_desk.appointments import appointment_for
from officer_desk.audit import audit
from officer_desk.catalogue import processing_text
from officer_desk.desk import Desk
from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import DeskError, LifecycleError
from officer_desk.fileio import write_bytes_atomic
from officer_desk.i18n import _
from officer_desk.lifecycle import TRANSITIONS, Action, Status, check_transition
from officer_desk.models import Case, SignedDocument
from officer_desk.receipts.case_notices import apology_terms, control_terms
from officer_desk.receipts.issue import IssuedDocument, issue_document
from officer_desk.receipts.model import ComponentLine, NoticeData, ReceiptData, SupplementItem
from officer_desk.receipts.notice_data import notice_blob
from officer_desk.receipts.qr import QrKeyring, desk_id_for, parse_payload
from officer_desk.screening.service import acceptance_blockers, blocking_message
from officer_desk.screening.service import supplement_items as screening_items
from officer_desk.signing.keystore import PinPort, StaticPinPort, TerminalPinPort
from officer_desk.signing.pades import PdfSigner, load_desk_signer
from officer_desk.vocabulary import DocumentKind

KIND_LABELS: dict[str, str] = {DocumentKind.ORIGINAL: "Bản chính", DocumentKind.CERTIFIED_COPY: "Bản sao chứng thực",
               DocumentKind.COPY: "Bản sao"}


class ReceiptRefused(DeskError):
    """The case cannot get this document now (open errors, wrong state); nothing was issued."""

    code = "refused"
    exit_code = 1


@dataclass(frozen=True)
class IssuedCaseDocument:
    dossier_code: str
    doc_type: str
    file: Path | None
    qr_payload: str
    appointment: datetime | None
    reprint: bool
    document: IssuedDocument


def _keyring(desk: Desk) -> QrKeyring:
    keyring = QrKeyring(desk.home)
    keyring.ensure_desk_key(desk_id_for(desk.config.agency_id, desk.config.desk_number))
    return keyring


def document_signer(desk: Desk, keystore: Path | None, pin: str | None, pins: PinPort | None = None) -> PdfSigner:
    """The signer of the desk's documents: the acting officer's own certificate on a set-up desk, else the
    given (or demo) PKCS#12; every signature guarded by the clock check."""
    if keystore is None and desk.set_up:
        # A set-up desk signs with the acting officer's own certificate (issue 9).
        signer = load_account_signer(desk, pins if pins is not None else _pin_port(pin))
    else:
        signer = load_desk_signer(desk.home, keystore, pin, pins=pins,
                                  timestamp_url=desk.config.timestamp_url or None)
    # The foundation's clock check (PC clock behind the newest stored event) guards every signature.
    signer.clock_guard = desk.cases.guard_clock
    return signer


def _pin_port(pin: str | None) -> PinPort:
    return StaticPinPort(pin) if pin is not None else TerminalPinPort()


def _signer_name(signer: PdfSigner) -> str:
    return signer.signer.common_name


def _local(moment: datetime | None) -> datetime | None:
    return moment.astimezone(LOCAL_TZ) if moment is not None else None


def _common(desk: Desk, code: str) -> tuple[Any, dict[str, Any], Any]:
    detail = desk.cases.detail(code)
    procedure = desk.cases.procedure(detail.row.procedure_code)
    applicant = detail.dossier.get("applicant") or {}
    values = {
        "agency_name": desk.config.agency_name,
        "agency_header": desk.config.agency_header,
        "agency_id": desk.config.agency_id,
        "desk_number": desk.config.desk_number,
        "dossier_code": detail.row.dossier_code,
        "applicant_name": str(applicant.get("full_name", "")),
        "applicant_address": str(applicant.get("address", "")),
        "applicant_phone": str(applicant.get("phone", "")),
        "applicant_email": str(applicant.get("email", "")),
        "procedure_code": procedure.code,
        "procedure_name": procedure.name_vi,
        "received_at": _local(detail.row.received_at),
        "officer_name": desk.officer_name,
        "locality": desk.config.province,
    }
    return detail, values, procedure


def _components(desk: Desk, detail: Any, procedure: Any) -> list[ComponentLine]:
    lines = []
    for attachment in detail.attachments:
        requirement = procedure.document_for(attachment.doc_type)
        name = requirement.name_vi if requirement is not None else attachment.doc_type
        kind = KIND_LABELS.get(attachment.kind, attachment.kind)
        if attachment.presented_only:
            kind += " (xuất trình)"
        lines.append(ComponentLine(name=name, kind=kind, count=attachment.quantity))
    return lines


def _store(desk: Desk, session: Any, case: Case, issued: IssuedDocument, reprint: bool, signer_name: str,
           data_sha256: str | None = None) -> None:
    digest = desk.cases.attachments.put(session, issued.pdf)
    session.add(SignedDocument(
        case_id=case.id, doc_type=issued.doc_type, form=issued.form, created_by=desk.officer,
        content_sha256=digest, signer=signer_name, qr_payload=issued.qr_payload, reprint=reprint,
        pending_upgrade=issued.signed, data_sha256=data_sha256,
    ))


def _write(out: Path | None, issued: IssuedDocument, deliver: Callable[[bytes], None] | None) -> None:
    if out is not None:
        write_bytes_atomic(out, issued.pdf)
    if deliver is not None:
        deliver(issued.pdf)  # e.g. a print job; raises when the printing system refuses it


def issue_receipt(
    desk: Desk,
    code: str,
    out: Path | None,
    form: str = "a5",
    keystore: Path | None = None,
    pin: str | None = None,
    deliver: Callable[[bytes], None] | None = None,
    pins: PinPort | None = None,
    signing_session: PdfSigner | None = None,
) -> IssuedCaseDocument:
    """Accept a received case and issue its receipt, or return the receipt already issued (a reprint).

    One unit (issue 16): the register number, the signed PDF stored with the case and the accept
    transition are one transaction, signed inside it; only after the commit is the file published
    (atomic rename) or printed. A run killed before the commit consumes no register number and leaves
    nothing issued; killed after it, the case records exactly one receipt, which a re-run returns —
    same register number, same QR payload, marked "Bản in lại".
    """
    desk.require(Permission.DOCUMENT_ISSUE)
    detail, values, procedure = _common(desk, code)
    status = detail.row.status
    if status == Status.RECEIVED:
        blocking = acceptance_blockers(detail.findings)
        if blocking:
            raise ReceiptRefused(blocking_message(code, blocking))
        desk.cases.guard_clock()
    elif detail.receipt_issued_at is None and detail.register_number is None:
        raise ReceiptRefused(_("Hồ sơ {code} chưa được tiếp nhận tại quầy này; không có giấy tiếp nhận để in lại",
                               code=code))
    # ``signing_session``: a signer the caller keeps open between documents (the window); not closed here.
    signer = signing_session or document_signer(desk, keystore, pin, pins)
    try:
        with desk.db.session() as session:
            # the case row is locked (PostgreSQL) / the database write-locked by the counter (SQLite) until
            # the commit, so two runs for one dossier cannot both see it "received"
            case = desk.cases.repository.case(session, code, lock=True)
            reprint = case.status != Status.RECEIVED
            now = datetime.now(LOCAL_TZ)
            if not reprint:
                number = desk.cases.next_register_number(session, now.year)
                audit(session, desk.officer, "register.number_taken", "case", code,
                      desk=desk.config.desk_number, number=number)
                register_book = f"{desk.config.desk_number:02d}/{now.year}"
                appointment = appointment_for(detail.row.due_date or now.date(), detail.row.received_at,
                                              desk.config, desk.calendar)
                issued_at = now
            else:
                if case.receipt_issued_at is None and case.register_number is None:
                    raise ReceiptRefused(_("Hồ sơ {code} chưa được tiếp nhận tại quầy này; không có giấy tiếp "
                                           "nhận để in lại", code=code))
                number = case.register_number or 0
                register_book = case.register_book or ""
                # a receipt issued before appointments were stored: the appointment its due date gives
                appointment = _local(case.appointment_at) or (
                    appointment_for(detail.row.due_date, detail.row.received_at, desk.config, desk.calendar)
                    if detail.row.due_date is not None else now)
                # the original issue time: the reprint carries the very same QR payload
                issued_at = _local(case.receipt_issued_at) or now
            data = ReceiptData(
                **values,
                components=tuple(_components(desk, detail, procedure)),
                sets_count=1,
                processing_time_text=processing_text(procedure),
                appointment=appointment,
                collection_place=procedure.collection_place_vi or desk.config.agency_name,
                register_book=register_book,
                register_number=number,
                reprint=reprint,
                issued_at=issued_at,
                fee_text=detail.fee_text_vi,
            )
            issued = issue_document("receipt", data, form, signer, _keyring(desk), now=now)
            if not reprint:
                desk.cases.transition(code, Action.ACCEPT, session=session, register_number=number)
                case = desk.cases.repository.record_receipt(session, code, register_book, number, appointment,
                                                            issued_at)
            _store(desk, session, case, issued, reprint, _signer_name(signer))
            audit(session, desk.officer, "receipt.reprinted" if reprint else "receipt.issued", "case", code,
                  desk=desk.config.desk_number, form=form, register_number=number)
    finally:
        if signing_session is None:
            signer.close()
    _write(out, issued, deliver)  # published only once the store holds it
    return IssuedCaseDocument(code, "receipt", out, issued.qr_payload, appointment, reprint, issued)


def supplement_items(desk: Desk, code: str) -> list[SupplementItem]:
    """Every missing or wrong item of the case: its open error findings (the one-stop rule: all at once)."""
    detail = desk.cases.detail(code)
    procedure = desk.catalogue.find(detail.row.procedure_code)
    return [SupplementItem(name=label, reason=reason) for label, reason in screening_items(detail.findings, procedure)]


NOTICE_ACTIONS: dict[str, Action] = {"supplement": Action.REQUEST_SUPPLEMENT, "refusal": Action.REFUSE,
                                     "return": Action.RETURN_RESULT}
"""Notices that move the case: issued once; a re-run once the case has moved returns the same notice."""


def issue_notice(
    desk: Desk,
    doc_type: str,
    code: str,
    out: Path | None,
    form: str = "a5",
    reason: str = "",
    new_appointment: date | datetime | None = None,
    items: list[SupplementItem] | None = None,
    keystore: Path | None = None,
    pin: str | None = None,
    deliver: Callable[[bytes], None] | None = None,
    pins: PinPort | None = None,
    signing_session: PdfSigner | None = None,
) -> IssuedCaseDocument:
    """Supplement request, refusal, apology (overdue cases: the due date moves to the new appointment),
    result-return slip or processing control sheet; performs the matching transition."""
    desk.require(Permission.CASE_REFUSE if doc_type == "refusal" else Permission.DOCUMENT_ISSUE)
    detail, values, procedure = _common(desk, code)
    now = datetime.now(LOCAL_TZ)
    extra: dict[str, Any] = {"issued_at": now, "register_book": detail.register_book or "",
                             "register_number": detail.register_number,
                             "appointment": _local(detail.appointment_at)}
    action: Action | None = None
    reprint_of = _already_issued(desk, code, doc_type, NOTICE_ACTIONS.get(doc_type), detail.row.status)
    if doc_type == "supplement":
        items = items if items is not None else supplement_items(desk, code)
        if not items and reprint_of is None:
            raise ReceiptRefused(_("Hồ sơ {code} không thiếu giấy tờ nào; không lập phiếu bổ sung", code=code))
        extra["items"] = tuple(items)
        action = Action.REQUEST_SUPPLEMENT
    elif doc_type == "refusal":
        if not reason.strip():
            raise LifecycleError(_("Phiếu từ chối cần lý do (--reason)"))
        extra["reasons"] = tuple(r.strip() for r in reason.split(";") if r.strip())
        action = Action.REFUSE
    elif doc_type == "apology":
        extra.update(apology_terms(desk, detail, new_appointment, reason, now))
    elif doc_type == "control":
        extra.update(control_terms(desk, detail, procedure))
    elif doc_type == "return":
        if detail.row.status != Status.RESULT_READY and reprint_of is None:
            raise LifecycleError(_("Hồ sơ {code} chưa có kết quả để trả", code=code))
        extra.update(result_documents=(procedure.result_vi or procedure.name_vi,), returned_at=now,
                     receiver_name=values["applicant_name"])
        action = Action.RETURN_RESULT
    else:
        raise ReceiptRefused(_("Loại phiếu không hợp lệ: {doc_type}", doc_type=doc_type))
    if reprint_of is not None:
        # the transition was made by an earlier run that issued this notice: return it again
        extra.update(reprint_of)
        action = None
    elif action is not None:
        check_transition(detail.row.status, action, reason or "-")
    reprint = reprint_of is not None
    # ``signing_session``: a signer the caller keeps open between documents (the window); not closed here.
    signer = signing_session or document_signer(desk, keystore, pin, pins)
    try:
        notice = NoticeData(**values, **extra, reprint=reprint)
        with desk.db.session() as session:  # one unit: transition, stored PDF, audit; signed inside
            issued = issue_document(doc_type, notice, form, signer, _keyring(desk), now=now)
            if action is not None:
                desk.cases.transition(code, action, reason=reason.strip() or doc_type, session=session,
                                      items=len(extra.get("items", ())))
            if doc_type == "apology":
                case = desk.cases.repository.reschedule(session, code, extra["new_appointment"], reason.strip())
            else:
                case = desk.cases.repository.case(session, code)
            # what the notice said, kept so that a reprint from the documents list says the same (reprint.py)
            data_sha256 = desk.cases.attachments.put(session, notice_blob(notice))
            _store(desk, session, case, issued, reprint, _signer_name(signer), data_sha256)
            audit(session, desk.officer, f"notice.{doc_type}" + (".reprinted" if reprint else ""), "case", code,
                  desk=desk.config.desk_number, form=form)
    finally:
        if signing_session is None:
            signer.close()
    _write(out, issued, deliver)  # published only once the store holds it
    return IssuedCaseDocument(code, doc_type, out, issued.qr_payload, issued.appointment, reprint, issued)


def _already_issued(desk: Desk, code: str, doc_type: str, action: Action | None, status: str) -> dict[str, Any] | None:
    """For a notice whose transition already happened (the case sits in its target status) and that the
    case records: the original issue time, so that the re-run carries the same QR payload."""
    if action is None or status != TRANSITIONS[action].target:
        return None
    with desk.db.session() as session:
        case = desk.cases.repository.case(session, code)
        row = session.execute(
            select(SignedDocument).where(SignedDocument.case_id == case.id, SignedDocument.doc_type == doc_type,
                                         SignedDocument.reprint.is_(False))
            .order_by(SignedDocument.id.desc())
        ).scalars().first()
        if row is None or not row.qr_payload:
            return None
        try:
            issued_at = parse_payload(row.qr_payload)["issued_at"]
        except ValueError:
            return None
    return {"issued_at": datetime.fromisoformat(str(issued_at))} if issued_at else None


def stored_document(desk: Desk, code: str, doc_type: str = "receipt") -> bytes:
    """The newest stored PDF of ``doc_type`` for a case (for reprint from the history)."""
    with desk.db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == code)).scalar_one()
        row = session.execute(
            select(SignedDocument).where(SignedDocument.case_id == case.id, SignedDocument.doc_type == doc_type)
            .order_by(SignedDocument.id.desc())
        ).scalars().first()
        if row is None:
            raise ReceiptRefused(_("Hồ sơ {code} chưa có phiếu {doc_type}", code=code, doc_type=doc_type))
        data = desk.cases.attachments.get(session, row.content_sha256)
    if hashlib.sha256(data).hexdigest() != row.content_sha256:  # pragma: no cover - get() verifies already
        raise ReceiptRefused(_("Phiếu lưu trữ bị hỏng"))
    return data
