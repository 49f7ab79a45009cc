"""Values handed to the document renderer: one frozen dataclass per document, no database objects.

The case layer builds a :class:`ReceiptData` (the receipt and appointment slip) or a
:class:`NoticeData` (supplement request, refusal, apology, result return, control sheet) and calls
``officer_desk.receipts.issue``. Sequences given as lists or plain tuples are converted to tuples of
the small value classes below, so callers may pass ``[("Tờ khai CT01", "Bản chính", 1)]``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from officer_desk.errors import InputError
from officer_desk.i18n import _

DOC_TYPES: tuple[str, ...] = ("receipt", "supplement", "refusal", "apology", "return", "control")
"""Document types, in the order of the one-stop forms."""

FORMS: tuple[str, ...] = ("a5", "a4", "thermal80")
"""Paper forms; a5 is the default."""


class ReceiptDataError(InputError):
    """The data for a document is incomplete or malformed; nothing was rendered."""

    code = "receipt_data"


@dataclass(frozen=True)
class ComponentLine:
    """One dossier component received: its name, the kind of copy and how many."""

    name: str
    kind: str
    count: int


@dataclass(frozen=True)
class SupplementItem:
    """One missing or wrong item of a dossier, with what the applicant has to do about it."""

    name: str
    reason: str


@dataclass(frozen=True)
class ControlStep:
    """One hand-over on the processing control sheet (who gave the dossier to whom, when)."""

    from_unit: str
    to_unit: str
    handed_at: datetime
    result: str = ""
    note: str = ""


def _tuple_of(kind: type, values: Iterable[Any], what: str) -> tuple[Any, ...]:
    items: list[Any] = []
    for value in values or ():
        if isinstance(value, kind):
            items.append(value)
        elif isinstance(value, dict):
            items.append(kind(**value))
        elif isinstance(value, Sequence) and not isinstance(value, str):
            items.append(kind(*value))
        else:
            raise ReceiptDataError(_("Dữ liệu không hợp lệ ở mục {what}", what=what))
    return tuple(items)


def _require_aware(value: datetime | None, what: str, required: bool = True) -> None:
    if value is None:
        if required:
            raise ReceiptDataError(_("Thiếu thời điểm: {what}", what=what))
        return
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ReceiptDataError(_("Thời điểm {what} phải có múi giờ", what=what))


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed on the receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả)."""

    agency_name: str
    agency_header: tuple[str, ...]
    agency_id: str
    desk_number: int | str
    dossier_code: str
    applicant_name: str
    applicant_address: str
    applicant_phone: str
    applicant_email: str
    procedure_code: str
    procedure_name: str
    components: tuple[ComponentLine, ...]
    sets_count: int
    processing_time_text: str
    received_at: datetime
    appointment: datetime
    collection_place: str
    register_book: str
    register_number: int
    officer_name: str
    reprint: bool = False
    issued_at: datetime | None = None
    locality: str = ""
    """Place name for the date line ("Phú Thọ, ngày …"); empty: the date alone."""
    fee_text: str = ""
    """The fee and how it was computed ("12.000đ (3 bản × 2 trang × 2.000đ)"); empty: no fee line."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "agency_header", tuple(self.agency_header))
        object.__setattr__(self, "components", _tuple_of(ComponentLine, self.components, "components"))
        _require_aware(self.received_at, "received_at")
        _require_aware(self.appointment, "appointment")
        _require_aware(self.issued_at, "issued_at", required=False)
        if not self.dossier_code.strip():
            raise ReceiptDataError(_("Thiếu mã hồ sơ"))

    @property
    def issue_time(self) -> datetime:
        """When this copy was issued (the receipt time when not set)."""
        return self.issued_at or self.received_at


@dataclass(frozen=True)
class NoticeData:
    """The data of the sibling forms; only the fields of the document being issued are required.

    - supplement: ``items`` (every missing or wrong item), optionally ``contact``;
    - refusal: ``reasons``;
    - apology: ``old_appointment``, ``new_appointment``, ``reason``;
    - return: ``result_documents``, ``returned_at`` (``receiver_name`` optional);
    - control: ``steps`` (``appointment``, ``handling_unit``, register book/number optional).
    """

    agency_name: str
    agency_header: tuple[str, ...]
    agency_id: str
    desk_number: int | str
    dossier_code: str
    applicant_name: str
    applicant_address: str
    procedure_code: str
    procedure_name: str
    received_at: datetime
    officer_name: str
    issued_at: datetime | None = None
    applicant_phone: str = ""
    applicant_email: str = ""
    locality: str = ""
    reprint: bool = False
    items: tuple[SupplementItem, ...] = ()
    contact: str = ""
    reasons: tuple[str, ...] = ()
    old_appointment: datetime | None = None
    new_appointment: datetime | None = None
    reason: str = ""
    result_documents: tuple[str, ...] = ()
    returned_at: datetime | None = None
    receiver_name: str = ""
    steps: tuple[ControlStep, ...] = ()
    appointment: datetime | None = None
    handling_unit: str = ""
    register_book: str = ""
    register_number: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "agency_header", tuple(self.agency_header))
        object.__setattr__(self, "items", _tuple_of(SupplementItem, self.items, "items"))
        object.__setattr__(self, "steps", _tuple_of(ControlStep, self.steps, "steps"))
        object.__setattr__(self, "reasons", tuple(self.reasons))
        object.__setattr__(self, "result_documents", tuple(self.result_documents))
        _require_aware(self.received_at, "received_at")
        for name in ("issued_at", "old_appointment", "new_appointment", "returned_at", "appointment"):
            _require_aware(getattr(self, name), name, required=False)
        for step in self.steps:
            _require_aware(step.handed_at, "steps.handed_at")
        if not self.dossier_code.strip():
            raise ReceiptDataError(_("Thiếu mã hồ sơ"))

    @property
    def issue_time(self) -> datetime:
        return self.issued_at or self.received_at

    def check_for(self, doc_type: str) -> None:
        """Raise :class:`ReceiptDataError` naming what ``doc_type`` needs and this notice lacks."""
        missing: list[str] = []
        if doc_type == "supplement" and not self.items:
            missing.append("items")
        elif doc_type == "refusal" and not [r for r in self.reasons if r.strip()]:
            missing.append("reasons")
        elif doc_type == "apology":
            missing += [n for n in ("old_appointment", "new_appointment") if getattr(self, n) is None]
            if not self.reason.strip():
                missing.append("reason")
        elif doc_type == "return":
            if not self.result_documents:
                missing.append("result_documents")
            if self.returned_at is None:
                missing.append("returned_at")
        elif doc_type == "control" and not self.steps:
            missing.append("steps")
        if missing:
            raise ReceiptDataError(
                _("Thiếu dữ liệu cho phiếu {doc_type}: {fields}", doc_type=doc_type, fields=", ".join(missing))
            )

    @classmethod
    def from_receipt(cls, receipt: ReceiptData, **changes: Any) -> NoticeData:
        """A notice about the dossier of ``receipt``; ``changes`` fill the notice-specific fields."""
        base: dict[str, Any] = {
            "agency_name": receipt.agency_name,
            "agency_header": receipt.agency_header,
            "agency_id": receipt.agency_id,
            "desk_number": receipt.desk_number,
            "dossier_code": receipt.dossier_code,
            "applicant_name": receipt.applicant_name,
            "applicant_address": receipt.applicant_address,
            "applicant_phone": receipt.applicant_phone,
            "applicant_email": receipt.applicant_email,
            "procedure_code": receipt.procedure_code,
            "procedure_name": receipt.procedure_name,
            "received_at": receipt.received_at,
            "officer_name": receipt.officer_name,
            "locality": receipt.locality,
            "appointment": receipt.appointment,
            "register_book": receipt.register_book,
            "register_number": receipt.register_number,
        }
        base.update(changes)
        return cls(**base)


DocumentData = ReceiptData | NoticeData


def data_for(doc_type: str, data: object) -> DocumentData:
    """Check that ``data`` suits ``doc_type`` (receipt -> ReceiptData, others -> NoticeData)."""
    if doc_type not in DOC_TYPES:
        raise ReceiptDataError(
            _("Loại phiếu không hợp lệ: {doc_type} (dùng: {known})", doc_type=doc_type, known=", ".join(DOC_TYPES))
        )
    if doc_type == "receipt":
        if not isinstance(data, ReceiptData):
            raise ReceiptDataError(_("Giấy tiếp nhận cần dữ liệu ReceiptData"))
        return data
    if not isinstance(data, NoticeData):
        raise ReceiptDataError(_("Phiếu {doc_type} cần dữ liệu NoticeData", doc_type=doc_type))
    data.check_for(doc_type)
    return data


def replace(data: DocumentData, **changes: Any) -> DocumentData:
    """``dataclasses.replace`` for either data class (e.g. to mark a reprint)."""
    return dataclasses.replace(data, **changes)
