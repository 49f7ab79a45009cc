"""The one place where the window calls into services that are still being built elsewhere.

Receipts (``officer_desk.receipts.service.issue_receipt``) and screening
(``officer_desk.screening.service.screen_case``) are used when installed; until then accepting a
case is the plain lifecycle transition and a new case is not screened. Everything here is plain
Python (no Qt) and safe to call from worker threads.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from officer_desk.lifecycle import Action

if TYPE_CHECKING:
    from officer_desk.desk import Desk

RECEIPT_PREFIX = "ODR1:"


def _optional(module: str, name: str) -> Any | None:
    try:
        loaded = importlib.import_module(module)
    except ImportError:
        return None
    return getattr(loaded, name, None)


@dataclass(frozen=True)
class IssuedOutcome:
    """What an action produced: the signed PDF when the receipts service issued a document."""

    dossier_code: str
    doc_type: str = ""
    pdf: bytes | None = None
    form: str = "a5"
    appointment: datetime | None = None


AcceptOutcome = IssuedOutcome


def _receipts() -> Any | None:
    try:
        return importlib.import_module("officer_desk.receipts.service")
    except ImportError:
        return None


def _form(desk: Desk) -> str:
    return desk.config.paper_size or "a5"


def _outcome(result: Any, code: str, form: str) -> IssuedOutcome:
    document = getattr(result, "document", None)
    return IssuedOutcome(code, str(getattr(result, "doc_type", "")), getattr(document, "pdf", None), form,
                         getattr(result, "appointment", None))


def accept_case(desk: Desk, code: str, expected_version: int | None = None) -> IssuedOutcome:
    """Accept a received case; issues (and stores) the signed receipt when the receipts service is installed."""
    receipts = _receipts()
    if receipts is None or not hasattr(receipts, "issue_receipt"):
        desk.cases.transition(code, Action.ACCEPT, expected_version=expected_version)
        return IssuedOutcome(code)
    form = _form(desk)
    return _outcome(receipts.issue_receipt(desk, code, None, form=form), code, form)


def request_supplement(desk: Desk, code: str, items: list[tuple[str, str]], reason: str,
                       expected_version: int | None = None) -> IssuedOutcome:
    """Ask for a supplement: the notice listing every item (receipts service) or the plain transition.

    ``items`` are (what is missing or wrong, what to do) as the officer ticked them.
    """
    receipts = _receipts()
    model = _optional("officer_desk.receipts.model", "SupplementItem")
    if receipts is None or model is None or not hasattr(receipts, "issue_notice") or not items:
        desk.cases.transition(code, Action.REQUEST_SUPPLEMENT, reason, expected_version=expected_version,
                              missing=[name for name, _todo in items])
        return IssuedOutcome(code)
    form = _form(desk)
    notice_items = [model(name=name, reason=todo) for name, todo in items]
    return _outcome(receipts.issue_notice(desk, "supplement", code, None, form=form, reason=reason,
                                          items=notice_items), code, form)


def refuse_case(desk: Desk, code: str, reason: str, expected_version: int | None = None) -> IssuedOutcome:
    """Refuse with a reason: the signed refusal notice (receipts service) or the plain transition."""
    receipts = _receipts()
    if receipts is None or not hasattr(receipts, "issue_notice"):
        desk.cases.transition(code, Action.REFUSE, reason, expected_version=expected_version)
        return IssuedOutcome(code)
    form = _form(desk)
    # The notice lists reasons separated by ";": one officer's text is one reason.
    return _outcome(receipts.issue_notice(desk, "refusal", code, None, form=form, reason=reason.replace(";", ",")),
                    code, form)


def return_result(desk: Desk, code: str, expected_version: int | None = None) -> IssuedOutcome:
    """Hand over the result: the signed return slip (receipts service) or the plain transition."""
    receipts = _receipts()
    if receipts is None or not hasattr(receipts, "issue_notice"):
        desk.cases.transition(code, Action.RETURN_RESULT, expected_version=expected_version)
        return IssuedOutcome(code)
    form = _form(desk)
    return _outcome(receipts.issue_notice(desk, "return", code, None, form=form), code, form)


def stored_receipt(desk: Desk, code: str) -> bytes | None:
    """The newest stored receipt PDF of a case (reprint), or None without the receipts service."""
    stored = _optional("officer_desk.receipts.service", "stored_document")
    return None if stored is None else bytes(stored(desk, code, "receipt"))


def screen_case(desk: Desk, code: str) -> bool:
    """Screen a case when the screening engine is installed; False when it is not (yet)."""
    screen = _optional("officer_desk.screening.service", "screen_case")
    if screen is None:
        return False
    screen(desk, code)
    return True


def rescreen_open_cases(desk: Desk, progress: Any) -> int:
    """Screen every open case again (batches, progress, cancellable); 0 without the screening engine."""
    rescreen = _optional("officer_desk.screening.service", "rescreen")
    return 0 if rescreen is None else int(rescreen(desk, (), progress))


def screening_available() -> bool:
    return _optional("officer_desk.screening.service", "screen_case") is not None


def dossier_code_from_receipt(text: str) -> str | None:
    """The dossier code inside a receipt QR payload (``ODR1:<type>:<dossier>:...``), else None."""
    text = text.strip()
    if not text.startswith(RECEIPT_PREFIX):
        return None
    parse_payload = _optional("officer_desk.receipts.qr", "parse_payload")
    if parse_payload is not None:
        try:
            parsed = parse_payload(text)
        except (ValueError, KeyError):
            parsed = None
        if isinstance(parsed, dict):
            for key in ("dossier_code", "dossier", "code"):
                if parsed.get(key):
                    return str(parsed[key])
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
