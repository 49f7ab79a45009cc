"""The window's calls into the receipts and screening services, made plain for worker threads.

The receipts and screening services are hard dependencies: never a quiet downgrade to a bare lifecycle
transition (accepting a case without a receipt, register number or signature). They are imported inside
each call (reportlab, segno, pyHanko and the ORM models are seconds of imports the first queue page does
not need, issue 17), and ``warm_up`` imports them all on a worker once the first page is shown, so a
renamed module is still an error seconds after the window starts, and the officer's first F2 does not pay
the imports. Everything here is plain Python (no Qt) and safe to call from worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from officer_desk.lifecycle import Action

if TYPE_CHECKING:
    from officer_desk.cases import Progress
    from officer_desk.desk import Desk
    from officer_desk.receipts import documents as issued_documents
    from officer_desk.receipts import service as receipts
    from officer_desk.signing.pades import PdfSigner

RECEIPT_PREFIX = "ODR1:"


def warm_up() -> None:
    """Import the receipts, screening and signing stacks (run on a worker after the first queue page)."""
    from officer_desk.receipts import documents, qr, reprint, service  # noqa: F401
    from officer_desk.screening import service as screening_service  # noqa: F401
    from officer_desk.signing import pades  # noqa: F401


@dataclass(frozen=True)
class IssuedOutcome:
    """What an action produced: the signed PDF the receipts service issued and stored with the case."""

    dossier_code: str
    doc_type: str = ""
    pdf: bytes | None = None
    form: str = "a5"
    appointment: datetime | None = None
    # The document existed already (a second F2, a retry): shown again, never printed twice.
    already_issued: bool = False


AcceptOutcome = IssuedOutcome


def _form(desk: Desk) -> str:
    return desk.config.paper_size or "a5"


def _outcome(result: receipts.IssuedCaseDocument, code: str, form: str) -> IssuedOutcome:
    return IssuedOutcome(code, result.doc_type, result.document.pdf, form, result.appointment)


def issued_receipt(desk: Desk, code: str, case_id: int) -> IssuedOutcome | None:
    """The receipt a case already has (a second F2 after the first one stored it), else None.

    Checked before the key is opened, on the queue row only (one indexed query, not the whole case): the
    receipts service would otherwise answer an accepted case with a reprint, printed a second time.
    """
    from officer_desk.receipts import service as receipts

    rows = desk.cases.rows([case_id])
    if not rows or rows[0].status == "received" or not rows[0].receipt_issued:
        return None
    return IssuedOutcome(code, "receipt", bytes(receipts.stored_document(desk, code, "receipt")), _form(desk),
                         already_issued=True)


def accept_case(desk: Desk, code: str, expected_version: int | None = None,
                session: PdfSigner | None = None) -> IssuedOutcome:
    """Accept a received case: the receipts service numbers, signs and stores the receipt in the same step.

    ``session``: the window's open signing session (the officer's key). The caller checks
    :func:`issued_receipt` first (the window does, before it opens the key). ``expected_version`` is kept
    for the caller's symmetry with the other actions; the receipts service re-reads the case and refuses
    when it is no longer acceptable.
    """
    from officer_desk.receipts import service as receipts

    form = _form(desk)
    return _outcome(receipts.issue_receipt(desk, code, None, form=form, signing_session=session), code, form)


def request_supplement(desk: Desk, code: str, items: list[tuple[str, str]], reason: str,
                       expected_version: int | None = None, session: PdfSigner | None = None) -> IssuedOutcome:
    """Ask for a supplement: the signed notice listing every item the officer ticked.

    ``items`` are (what is missing or wrong, what to do). With nothing ticked there is nothing to list on
    a notice, so the case only changes status (with the officer's reason).
    """
    from officer_desk.receipts import service as receipts
    from officer_desk.receipts.model import SupplementItem

    if not items:
        desk.cases.transition(code, Action.REQUEST_SUPPLEMENT, reason, expected_version=expected_version,
                              missing=[])
        return IssuedOutcome(code)
    form = _form(desk)
    notice_items = [SupplementItem(name=name, reason=todo) for name, todo in items]
    return _outcome(receipts.issue_notice(desk, "supplement", code, None, form=form, reason=reason,
                                          items=notice_items, signing_session=session), code, form)


def refuse_case(desk: Desk, code: str, reason: str, expected_version: int | None = None,
                session: PdfSigner | None = None) -> IssuedOutcome:
    """Refuse with a reason: the signed refusal notice (the service performs the transition)."""
    from officer_desk.receipts import service as receipts

    form = _form(desk)
    # The notice lists reasons separated by ";": one officer's text is one reason.
    return _outcome(receipts.issue_notice(desk, "refusal", code, None, form=form, reason=reason.replace(";", ","),
                                          signing_session=session),
                    code, form)


def return_result(desk: Desk, code: str, expected_version: int | None = None,
                  session: PdfSigner | None = None) -> IssuedOutcome:
    """Hand over the result: the signed return slip (the service performs the transition)."""
    from officer_desk.receipts import service as receipts

    form = _form(desk)
    return _outcome(receipts.issue_notice(desk, "return", code, None, form=form, signing_session=session), code, form)


def apologise(desk: Desk, code: str, new_date: date, reason: str) -> IssuedOutcome:
    """The apology with a new appointment for an overdue case; the due date moves to the new date."""
    from officer_desk.receipts import service as receipts

    form = _form(desk)
    return _outcome(receipts.issue_notice(desk, "apology", code, None, form=form, reason=reason,
                                          new_appointment=new_date), code, form)


def control_sheet(desk: Desk, code: str) -> IssuedOutcome:
    """The processing control sheet of a case (the hand-overs on its timeline)."""
    from officer_desk.receipts import service as receipts

    form = _form(desk)
    return _outcome(receipts.issue_notice(desk, "control", code, None, form=form), code, form)


def reprint_receipt(desk: Desk, code: str, session: PdfSigner | None = None) -> IssuedOutcome:
    """The receipt again, re-issued by the receipts service and marked "Bản in lại"."""
    from officer_desk.receipts import service as receipts

    form = _form(desk)
    return _outcome(receipts.issue_receipt(desk, code, None, form=form, signing_session=session), code, form)


def reprints(document: issued_documents.CaseDocument) -> bool:
    """Whether reopening ``document`` reprints it (a receipt, or a notice whose data is kept) rather than
    showing the stored file (a result, or a notice issued before notices kept their data)."""
    from officer_desk.receipts.reprint import NOTICE_TYPES

    return document.doc_type == "receipt" or (document.doc_type in NOTICE_TYPES and document.data_kept)


def reprint_document(desk: Desk, document: issued_documents.CaseDocument,
                     session: PdfSigner | None = None) -> IssuedOutcome:
    """A receipt or notice from the case's documents list, reprinted and marked "Bản in lại": a new stored
    document, audited; the original file unchanged."""
    from officer_desk.receipts.reprint import reprint_document as reprint

    # a receipt on today's paper setting (as "print receipt again"); a notice on the form it was issued on
    form = _form(desk) if document.doc_type == "receipt" else None
    issued = reprint(desk, document.id, form=form, signing_session=session)
    return _outcome(issued, issued.dossier_code, issued.document.form)


def case_documents(desk: Desk, code: str) -> list[issued_documents.CaseDocument]:
    from officer_desk.receipts import documents as issued_documents

    return issued_documents.case_documents(desk, code)


def document_pdf(desk: Desk, document_id: int) -> bytes:
    from officer_desk.receipts import documents as issued_documents

    return issued_documents.document_pdf(desk, document_id)


def mark_delivered(desk: Desk, code: str, pdf: bytes, how: str, printer: str = "") -> None:
    from officer_desk.receipts import documents as issued_documents

    issued_documents.mark_delivered(desk, code, pdf, how, printer)


def screen_case(desk: Desk, code: str) -> bool:
    """Screen one case again in its own transaction."""
    from officer_desk.screening import service as screening

    screening.screen_case(desk, code)
    return True


def rescreen_open_cases(desk: Desk, progress: Progress) -> int:
    """Screen every open case again (batches, progress, cancellable)."""
    from officer_desk.screening import service as screening

    return int(screening.rescreen(desk, (), progress))


def dossier_code_from_receipt(text: str) -> str | None:
    """The dossier code inside a receipt QR payload (``ODR1:<type>:<dossier>:...``), else None.

    A damaged or foreign payload still names its dossier in the second field, and finding the case is
    what the search box is for, so a payload that does not parse falls back to that field.
    """
    from officer_desk.receipts.qr import parse_payload

    text = text.strip()
    if not text.startswith(RECEIPT_PREFIX):
        return None
    try:
        parsed = parse_payload(text)
    except (ValueError, KeyError):
        parsed = None
    if parsed is not None and parsed.get("dossier_code"):
        return str(parsed["dossier_code"])
    parts = text[len(RECEIPT_PREFIX):].split(":")
    if len(parts) < 2 or not parts[1] or parts[1].startswith("$"):
        return None
    return parts[1]

def pending_outbox_items(desk: Desk) -> int:
    """Changes waiting to be pushed to the shared database (local desks only)."""
    return int(desk.cases.pending_outbox_count())


def database_reachable(desk: Desk) -> bool:
    """Whether the database answers (the shared server may be unreachable)."""
    return desk.db.reachable()


def intake_case(desk: Desk, dossier: dict[str, Any], files: dict[str, Path]) -> str:
    """Create a case from a dossier built at the counter (screened in the same transaction)."""
    scans = {name: Path(source).read_bytes() for name, source in files.items()}
    return str(desk.cases.intake(dossier, scans))
